/**
 * Sites × days as coloured cells: the one chart that stays readable for a
 * city's sixty stations over a year, where sixty lines would be a tangle.
 * Cells at or above `alarm` (a station past its capacity) turn red-orange.
 * Past MAX_COLUMNS days a cell is a week and shows its worst day, which keeps
 * a year's report to a few megabytes and still shows every overload.
 */
import { c, esc } from './svg.ts';

export interface HeatmapSpec {
  title: string;
  rows: string[];
  /** One long label per day, for tooltips. */
  labels: string[];
  ticks: string[];
  /** values[row][day]. */
  values: number[][];
  format: (v: number) => string;
  /** The value of the darkest ordinary cell (at least the largest value below `alarm`). */
  max?: number;
  alarm?: number;
  width?: number;
}

const MAX_COLUMNS = 120;
const LOW = [247, 251, 255], HIGH = [8, 48, 107];
const ALARM = '#D55E00';

function shade(t: number): string {
  const k = Math.max(0, Math.min(1, t));
  return `rgb(${LOW.map((lo, i) => Math.round(lo + (HIGH[i] - lo) * k)).join(',')})`;
}

export function heatmap(input: HeatmapSpec): string {
  const spec = input.labels.length > MAX_COLUMNS ? byWeek(input) : input;
  const W = spec.width ?? 1100;
  const n = spec.labels.length;
  const rowH = Math.max(9, Math.min(22, Math.floor(420 / Math.max(1, spec.rows.length))));
  const left = Math.min(200, 16 + 6.5 * Math.max(4, ...spec.rows.map((r) => r.length)));
  const top = 30, bottom = 26;
  const H = top + rowH * spec.rows.length + bottom;
  const cw = (W - left - 18) / Math.max(1, n);
  const ordinary = spec.values.flat().filter((v) => Number.isFinite(v) && (spec.alarm === undefined || v < spec.alarm));
  const max = Math.max(spec.max ?? 0, ...ordinary, 1e-9);
  const fill = (v: number) => (!Number.isFinite(v) ? '#eeeeee' : spec.alarm !== undefined && v >= spec.alarm ? ALARM : shade(v / max));

  const out: string[] = [`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(spec.title)}"><title>${esc(spec.title)}</title>`];
  spec.rows.forEach((name, r) => {
    const y = top + r * rowH;
    if (rowH >= 9) out.push(`<text class="tick" x="${left - 6}" y="${c(y + rowH / 2 + 4)}" text-anchor="end">${esc(name)}</text>`);
    for (let i = 0; i < n; i++) {
      const v = spec.values[r][i];
      out.push(`<rect class="mark cell" data-series="${esc(name)}" data-day="${i}" data-value="${v}" x="${c(left + i * cw)}" y="${y}" width="${c(Math.max(0.5, cw - (cw > 4 ? 1 : 0)))}" height="${rowH - 1}" fill="${fill(v)}"><title>${esc(`${name} · ${spec.labels[i]}: ${Number.isFinite(v) ? spec.format(v) : 'no data'}`)}</title></rect>`);
    }
  });
  const every = Math.max(1, Math.ceil(n / Math.max(1, Math.floor((W - left) / 56))));
  for (let i = 0; i < n; i += every) out.push(`<text class="tick" x="${c(left + (i + 0.5) * cw)}" y="${H - 8}" text-anchor="middle">${esc(spec.ticks[i])}</text>`);
  // Scale: five steps from nothing to the darkest, then the alarm colour.
  const steps = [0, 0.25, 0.5, 0.75, 1];
  let x = left;
  for (const t of steps) {
    out.push(`<rect x="${c(x)}" y="6" width="14" height="12" fill="${shade(t)}" stroke="#bbb" stroke-width="0.5"/><text class="legend" x="${c(x + 18)}" y="16">${esc(spec.format(t * max))}</text>`);
    x += 30 + spec.format(t * max).length * 6.6;
  }
  if (spec.alarm !== undefined) out.push(`<rect x="${c(x)}" y="6" width="14" height="12" fill="${ALARM}"/><text class="legend" x="${c(x + 18)}" y="16">≥ ${esc(spec.format(spec.alarm))}</text>`);
  out.push('</svg>');
  return out.join('');
}

/** Seven days to a column, each the largest value of its days (NaN only if all are). */
function byWeek(spec: HeatmapSpec): HeatmapSpec {
  const weeks = Math.ceil(spec.labels.length / 7);
  const pick = <T>(xs: T[], w: number) => xs.slice(w * 7, w * 7 + 7);
  return {
    ...spec,
    labels: Array.from({ length: weeks }, (_, w) => `week of ${pick(spec.labels, w)[0]} (worst day)`),
    ticks: Array.from({ length: weeks }, (_, w) => pick(spec.ticks, w)[0]),
    values: spec.values.map((row) => Array.from({ length: weeks }, (_, w) => {
      const vals = pick(row, w).filter(Number.isFinite);
      return vals.length > 0 ? Math.max(...vals) : NaN;
    })),
  };
}
