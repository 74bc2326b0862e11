/**
 * Horizontal bars, one row per item: stacked segments (where an outage's
 * shortfall went), an optional min–max whisker (a KPI over several seeds)
 * and an optional target tick (what the scenario asks for). Each row may
 * have its own scale (`max`), so targets of different units share a chart.
 */
import { MEANING, c, colour, esc, niceTicks } from './svg.ts';
import { legend } from './time-chart.ts';

export interface HBar {
  label: string;
  segments: { name: string; value: number; colour?: string }[];
  range?: [number, number];
  target?: number;
  /** Right of the bar; defaults to the formatted total. */
  text?: string;
  /** Bar colour when it has one segment and no colour of its own (met / missed). */
  colour?: string;
  /** This row's full-scale value; rows without one share the chart's. */
  max?: number;
  /** This row's number format, when rows differ in unit. */
  format?: (v: number) => string;
}

export interface HBarSpec {
  title: string;
  bars: HBar[];
  format: (v: number) => string;
  /** Draw a legend of the segment names (for stacked bars). */
  legend?: boolean;
  width?: number;
}

export function hbarChart(spec: HBarSpec): string {
  const W = spec.width ?? 1100;
  const rowH = 24, top = spec.legend ? 28 : 8;
  const left = Math.min(260, 16 + 6.6 * Math.max(6, ...spec.bars.map((b) => b.label.length)));
  const right = Math.min(W / 3, 16 + 6.6 * Math.max(8, ...spec.bars.map((b) => (b.text ?? '').length)));
  const H = top + rowH * spec.bars.length + 8;
  const pw = W - left - right;
  const total = (b: HBar) => b.segments.reduce((a, s) => a + Math.max(0, s.value), 0);
  const shared = niceTicks(Math.max(1e-9, ...spec.bars.filter((b) => b.max === undefined).map((b) => Math.max(total(b), b.range?.[1] ?? 0, b.target ?? 0)))).at(-1)!;

  const out: string[] = [`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(spec.title)}"><title>${esc(spec.title)}</title>`];
  spec.bars.forEach((b, r) => {
    const scale = b.max ?? shared;
    const format = b.format ?? spec.format;
    const x = (v: number) => left + (Math.max(0, v) / scale) * pw;
    const y = top + r * rowH;
    out.push(`<text class="tick" x="${left - 8}" y="${y + 16}" text-anchor="end">${esc(b.label)}</text>`);
    out.push(`<rect class="track" x="${left}" y="${y + 5}" width="${c(pw)}" height="${rowH - 10}"/>`);
    let at = 0;
    b.segments.forEach((s, k) => {
      const v = Math.max(0, s.value);
      const col = s.colour ?? (b.segments.length === 1 && b.colour ? b.colour : colour(k));
      out.push(`<rect class="mark bar" data-series="${esc(s.name)}" data-row="${esc(b.label)}" data-value="${s.value}" x="${c(x(at))}" y="${y + 4}" width="${c(x(at + v) - x(at))}" height="${rowH - 8}" fill="${col}"><title>${esc(`${b.label} · ${s.name}: ${format(s.value)}`)}</title></rect>`);
      at += v;
    });
    if (b.range) {
      const [lo, hi] = b.range;
      out.push(`<path class="whisker" d="M${c(x(lo))} ${y + 12}H${c(x(hi))}M${c(x(lo))} ${y + 7}V${y + 17}M${c(x(hi))} ${y + 7}V${y + 17}"><title>${esc(`min ${format(lo)}, max ${format(hi)}`)}</title></path>`);
    }
    if (b.target !== undefined) {
      out.push(`<path class="target" d="M${c(x(b.target))} ${y + 1}V${y + rowH - 1}" stroke="${MEANING.target}"><title>${esc(`target ${format(b.target)}`)}</title></path>`);
    }
    out.push(`<text class="value" x="${c(left + pw + 8)}" y="${y + 16}">${esc(b.text ?? format(at))}</text>`);
  });
  if (spec.legend) {
    const names = [...new Map(spec.bars.flatMap((b) => b.segments.map((s, k) => [s.name, s.colour ?? colour(k)] as const))).entries()];
    out.push(legend(names.map(([name, col]) => ({ name, colour: col, kind: 'bar' as const })), left, 18));
  }
  out.push('</svg>');
  return out.join('');
}
