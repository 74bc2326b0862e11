/**
 * A chart over the days of a run: stacked bars, lines and step lines (a
 * capacity that drops during an outage) on one value axis, with reference
 * lines (targets, 100 %) and shaded day ranges (outages). Every data mark
 * carries `class="mark"`, its series and value as data attributes and a
 * `<title>` the browser shows on hover, so the chart reads without script
 * and tests can check it against report.json.
 */
import { c, colour, esc, niceTicks } from './svg.ts';

export interface DaySeries {
  name: string;
  /** One value per day; NaN where there is none. */
  values: number[];
  kind: 'bar' | 'line' | 'step';
  colour?: string;
  dashed?: boolean;
}

export interface TimeChartSpec {
  title: string;
  /** One long label per day, for tooltips: "day 3 (2025-03-06)". */
  labels: string[];
  /** One short label per day for the axis ("03-06"); thinned to fit. */
  ticks: string[];
  series: DaySeries[];
  format: (v: number) => string;
  /** Top of the axis at least this (1 for shares). */
  yMax?: number;
  /** Counts (trucks, bins): ticks at whole numbers. */
  integer?: boolean;
  refs?: { value: number; label: string; colour?: string }[];
  /** Day ranges to shade, inclusive. */
  shade?: { from: number; to: number; label: string }[];
  width?: number;
  height?: number;
}

const M = { left: 70, right: 18, top: 30, bottom: 26 };
/** Past this many days the dots on lines are left out; the line still carries all values. */
const MAX_DOTS = 62;

export function timeChart(spec: TimeChartSpec): string {
  const W = spec.width ?? 1100, H = spec.height ?? 240;
  const n = spec.labels.length;
  const pw = W - M.left - M.right, ph = H - M.top - M.bottom;
  const band = pw / Math.max(1, n);
  const bars = spec.series.filter((s) => s.kind === 'bar');
  const stackTop = (i: number) => bars.reduce((a, s) => a + (Number.isFinite(s.values[i]) ? Math.max(0, s.values[i]) : 0), 0);
  let max = spec.yMax ?? 0;
  for (let i = 0; i < n; i++) max = Math.max(max, stackTop(i));
  for (const s of spec.series) if (s.kind !== 'bar') for (const v of s.values) if (Number.isFinite(v)) max = Math.max(max, v);
  for (const r of spec.refs ?? []) max = Math.max(max, r.value);
  const ticks = niceTicks(max, 5, spec.integer);
  const top = ticks[ticks.length - 1];
  const x = (i: number) => M.left + i * band;
  const y = (v: number) => M.top + ph - (v / top) * ph;

  const out: string[] = [];
  out.push(`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(spec.title)}"><title>${esc(spec.title)}</title>`);
  for (const s of spec.shade ?? []) {
    const from = Math.max(0, s.from), to = Math.min(n - 1, s.to);
    if (to < from) continue;
    out.push(`<rect class="shade" x="${c(x(from))}" y="${M.top}" width="${c(band * (to - from + 1))}" height="${ph}"><title>${esc(s.label)}</title></rect>`);
    out.push(`<text class="shade-label" x="${c(x(from) + 3)}" y="${M.top + 11}">${esc(s.label)}</text>`);
  }
  for (const t of ticks) {
    out.push(`<line class="grid" x1="${M.left}" x2="${W - M.right}" y1="${c(y(t))}" y2="${c(y(t))}"/>`);
    out.push(`<text class="tick" x="${M.left - 6}" y="${c(y(t) + 4)}" text-anchor="end">${esc(spec.format(t))}</text>`);
  }
  const every = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(pw / 56))));
  for (let i = 0; i < n; i += every) out.push(`<text class="tick" x="${c(x(i) + band / 2)}" y="${H - 8}" text-anchor="middle">${esc(spec.ticks[i])}</text>`);

  const base = new Array<number>(n).fill(0);
  const gap = band > 6 ? band * 0.18 : 0;
  spec.series.forEach((s, k) => {
    const col = s.colour ?? colour(k);
    if (s.kind === 'bar') {
      for (let i = 0; i < n; i++) {
        const v = Number.isFinite(s.values[i]) ? Math.max(0, s.values[i]) : 0;
        const y0 = y(base[i]), y1 = y(base[i] + v);
        base[i] += v;
        out.push(`<rect class="mark bar" data-series="${esc(s.name)}" data-day="${i}" data-value="${s.values[i]}" x="${c(x(i) + gap / 2)}" y="${c(y1)}" width="${c(Math.max(0.5, band - gap))}" height="${c(y0 - y1)}" fill="${col}"><title>${esc(`${spec.labels[i]} · ${s.name}: ${spec.format(v)}`)}</title></rect>`);
      }
      return;
    }
    const d: string[] = [];
    let pen = false;
    for (let i = 0; i < n; i++) {
      const v = s.values[i];
      if (!Number.isFinite(v)) { pen = false; continue; }
      if (s.kind === 'step') d.push(`${pen ? 'V' + c(y(v)) + 'H' : 'M' + c(x(i)) + ' ' + c(y(v)) + 'H'}${c(x(i + 1))}`);
      else d.push(`${pen ? 'L' : 'M'}${c(x(i) + band / 2)} ${c(y(v))}`);
      pen = true;
    }
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    out.push(`<path class="mark line" data-series="${esc(s.name)}" data-values="${s.values.map((v) => (Number.isFinite(v) ? v : '')).join(',')}" d="${d.join('')}" stroke="${col}"${dash} fill="none"><title>${esc(s.name)}</title></path>`);
    if (s.kind === 'line' && n <= MAX_DOTS) {
      for (let i = 0; i < n; i++) {
        if (!Number.isFinite(s.values[i])) continue;
        out.push(`<circle class="dot" cx="${c(x(i) + band / 2)}" cy="${c(y(s.values[i]))}" r="3" fill="${col}"><title>${esc(`${spec.labels[i]} · ${s.name}: ${spec.format(s.values[i])}`)}</title></circle>`);
      }
    }
  });
  for (const r of spec.refs ?? []) {
    const col = r.colour ?? '#D55E00';
    out.push(`<line class="ref" x1="${M.left}" x2="${W - M.right}" y1="${c(y(r.value))}" y2="${c(y(r.value))}" stroke="${col}"><title>${esc(r.label)}</title></line>`);
    out.push(`<text class="ref-label" x="${W - M.right - 4}" y="${c(y(r.value) - 4)}" text-anchor="end" fill="${col}">${esc(r.label)}</text>`);
  }
  out.push(`<line class="axis" x1="${M.left}" x2="${W - M.right}" y1="${M.top + ph}" y2="${M.top + ph}"/>`);
  out.push(legend(spec.series.map((s, k) => ({ name: s.name, colour: s.colour ?? colour(k), kind: s.kind, dashed: s.dashed })), M.left, 14));
  out.push('</svg>');
  return out.join('');
}

/** A row of swatches and names along the top of a chart. */
export function legend(items: { name: string; colour: string; kind: 'bar' | 'line' | 'step'; dashed?: boolean }[], x0: number, y0: number): string {
  let x = x0;
  const out: string[] = [];
  for (const it of items) {
    out.push(it.kind === 'bar'
      ? `<rect x="${c(x)}" y="${y0 - 9}" width="12" height="10" fill="${it.colour}"/>`
      : `<line x1="${c(x)}" x2="${c(x + 14)}" y1="${y0 - 4}" y2="${y0 - 4}" stroke="${it.colour}" stroke-width="2.5"${it.dashed ? ' stroke-dasharray="5 3"' : ''}/>`);
    out.push(`<text class="legend" x="${c(x + 18)}" y="${y0}">${esc(it.name)}</text>`);
    x += 30 + it.name.length * 6.6;
  }
  return out.join('');
}
