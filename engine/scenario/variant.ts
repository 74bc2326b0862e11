/**
 * Variants: a scenario file may extend another and change a few things, so a
 * planner's "Guangzhou with one incinerator line down" is ten lines, not a
 * copy of the city.
 *
 *   { "extends": "guangzhou-2025.json", "name": "guangzhou-2025-line-down",
 *     "set": { "plants[INC-1].lineOutages": [ … ], "days": 14 } }
 *
 * Top-level fields other than `extends` and `set` replace the base's. Each key
 * of `set` is a path: fields separated by dots, array elements picked by id
 * (`plants[INC-1]`), by position (`fleet[0]`) or all at once
 * (`transferStations[*].bays`). Bases may extend others;
 * a cycle is refused.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError, type Problem } from '../errors.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function resolveVariant(raw: unknown, file: string, seen: string[] = []): unknown {
  if (!isObject(raw) || raw.extends === undefined) return raw;
  const here = resolve(file);
  if (typeof raw.extends !== 'string') throw InputError.one('extends', 'must be the path of a scenario file');
  const baseFile = resolve(dirname(here), raw.extends);
  if ([...seen, here].includes(baseFile)) throw InputError.one('extends', `circular: ${[...seen, here, baseFile].join(' → ')}`);
  let baseText: string;
  try {
    baseText = readFileSync(baseFile, 'utf8');
  } catch {
    throw InputError.one('extends', `cannot read the base scenario ${raw.extends}`);
  }
  let base: unknown;
  try {
    base = JSON.parse(baseText);
  } catch (err) {
    throw InputError.one(raw.extends, `not valid JSON: ${(err as Error).message}`);
  }
  const merged = structuredClone(resolveVariant(base, baseFile, [...seen, here])) as { [k: string]: Json };
  const { extends: _, set, ...fields } = raw;
  Object.assign(merged, fields);
  // The base's JSON-Schema pointer does not describe the variant's own keys.
  delete merged.$schema;
  if (set !== undefined) {
    if (!isObject(set)) throw InputError.one('set', 'must be an object of path → value');
    const problems: Problem[] = [];
    for (const [path, value] of Object.entries(set)) {
      const err = setPath(merged, path, value as Json);
      if (err) problems.push({ path: `set["${path}"]`, message: err });
    }
    if (problems.length > 0) throw new InputError(problems);
  }
  return merged;
}

/** Set `value` at `path` inside `root`; returns a reason when the path does not lead anywhere. */
export function setPath(root: { [k: string]: Json }, path: string, value: Json): string | undefined {
  const steps: (string | { pick: string })[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]+)((?:\[[^\]]+\])*)$/.exec(part);
    if (!m) return `cannot read the path step "${part}"`;
    steps.push(m[1]);
    for (const pick of m[2].match(/\[[^\]]+\]/g) ?? []) steps.push({ pick: pick.slice(1, -1) });
  }
  return setSteps(root, steps, value);
}

function setSteps(root: Json, steps: (string | { pick: string })[], value: Json): string | undefined {
  let at: Json = root;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i], last = i === steps.length - 1;
    if (typeof step === 'string') {
      if (!isObject(at)) return `"${step}" is not inside an object`;
      if (last) { at[step] = value; return undefined; }
      if (!(step in at)) return `no field "${step}"`;
      at = at[step];
    } else {
      if (!Array.isArray(at)) return `[${step.pick}] is not inside a list`;
      const list: Json[] = at;
      if (step.pick === '*') {
        if (last) { list.fill(value); return undefined; }
        for (const item of list) { const err = setSteps(item, steps.slice(i + 1), value); if (err) return err; }
        return undefined;
      }
      const index: number = /^\d+$/.test(step.pick) ? Number(step.pick) : list.findIndex((x) => isObject(x) && x.id === step.pick);
      if (index < 0 || index >= list.length) return `no element [${step.pick}]`;
      if (last) { list[index] = value; return undefined; }
      at = list[index];
    }
  }
  return undefined;
}

function isObject(x: unknown): x is { [k: string]: Json } {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
