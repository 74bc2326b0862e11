/**
 * What every chart shares: escaping, number formats, axis ticks and the
 * palette. Charts are plain SVG strings built here rather than by a charting
 * library, because the report must be one file that opens offline and prints,
 * and the same scenario and seed must give the same bytes: no script, no
 * canvas, no clock, nothing measured in a browser.
 */

/** Text and attribute values into markup. */
export function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Coordinates rounded to 0.1 unit: enough for the eye, and the file stays small. */
export const c = (x: number) => String(Math.round(x * 10) / 10);

const grouped = (digits: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
const GROUPED = [0, 1, 2, 3].map(grouped);

/** A number with thousands separators and at most `digits` decimals. */
export function num(x: number, digits = 1): string {
  return GROUPED[Math.min(3, Math.max(0, digits))].format(x);
}

/** kg as tonnes, with the precision the size calls for. */
export function tonnes(kg: number): string {
  const t = kg / 1000;
  return `${num(t, Math.abs(t) >= 100 ? 0 : 1)} t`;
}

export function percent(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)} %`;
}

/** Round tick values (1, 2, 5 × 10^k) covering [0, max], about `count` of them; whole steps for counts. */
export function niceTicks(max: number, count = 5, integer = false): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const step = integer ? Math.max(1, Math.ceil(nice)) : nice;
  const ticks: number[] = [];
  for (let v = 0; v < max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  if (ticks[ticks.length - 1] < max - step * 1e-9) ticks.push(Number((ticks[ticks.length - 1] + step).toPrecision(12)));
  return ticks;
}

/** Okabe–Ito colours: told apart by colour-blind readers and in greyscale print. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
export const colour = (i: number) => PALETTE[i % PALETTE.length];

/** Colours with a meaning, the same in every chart. */
export const MEANING = { capacity: '#555555', target: '#D55E00', landfill: '#8B4513', pit: '#56B4E9', good: '#009E73', bad: '#D55E00', neutral: '#0072B2' };
