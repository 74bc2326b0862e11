/** Option parsers shared by commands: a bad value is an InputError (exit code 2). */
import { InputError } from '../errors.ts';

export function parseIntArg(flag: string, min: number): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw InputError.one(flag, `must be a whole number ≥ ${min} (got "${v}")`);
    return n;
  };
}

export function parseSeedArg(v: string): number | string {
  return /^-?\d+$/.test(v) ? Number(v) : v;
}

export function parseChoice<T extends string>(flag: string, allowed: readonly T[]): (v: string) => T {
  return (v) => {
    if (!allowed.includes(v as T)) throw InputError.one(flag, `must be one of ${allowed.join(', ')} (got "${v}")`);
    return v as T;
  };
}
