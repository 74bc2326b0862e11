/** Run time (seconds since the run started) as a day, a clock and a date, and the sample bracket of a time. */
import { SECONDS_PER_DAY } from './types.ts';

export const dayOf = (t: number): number => Math.floor(t / SECONDS_PER_DAY);

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

export function clockText(t: number): string {
  const s = Math.floor(t - dayOf(t) * SECONDS_PER_DAY);
  return `${two(Math.floor(s / 3600))}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
}

/** Calendar date of run day d, given the header's startDate (YYYY-MM-DD). */
export function dateText(startDate: string, d: number): string {
  const ms = Date.parse(`${startDate}T00:00:00Z`);
  if (!Number.isFinite(ms)) return `day ${d}`;
  const date = new Date(ms + d * SECONDS_PER_DAY * 1000);
  return `${date.toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' })} ${date.toISOString().slice(0, 10)}`;
}

export interface Bracket { i: number; f: number }

/** Samples i and i+1 bracket t, f the fraction between them (clamped to the ends). */
export function sampleBracket(ts: ArrayLike<number>, t: number, out: Bracket): Bracket {
  const n = ts.length;
  if (n === 0 || t <= ts[0]) { out.i = 0; out.f = 0; return out; }
  if (t >= ts[n - 1]) { out.i = Math.max(n - 2, 0); out.f = n > 1 ? 1 : 0; return out; }
  let lo = 0, hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ts[mid] <= t) lo = mid; else hi = mid;
  }
  out.i = lo;
  out.f = (t - ts[lo]) / (ts[lo + 1] - ts[lo]);
  return out;
}

/** Value of series `rows[sample][k]` at bracket b. */
export function lerpRow(rows: number[][], k: number, b: Bracket): number {
  const a = rows[b.i];
  const c = rows[b.i + 1] ?? a;
  if (a === undefined) return 0;
  return a[k] + (c[k] - a[k]) * b.f;
}
