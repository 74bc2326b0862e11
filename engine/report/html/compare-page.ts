/**
 * compare.html: the comparison as a page — targets met per run, the daily
 * landfill, recycling and clearance of every run on shared axes, and every
 * KPI of report.json as bars with the seeds' min–max as whiskers.
 */
import { figureText, seedsText, targetFormat, targetText, type Comparison, type CompareColumn } from '../compare.ts';
import { formatValue } from '../compare-figures.ts';
import type { DayKpi } from '../kpis.ts';
import { hbarChart } from './hbar-chart.ts';
import { htmlTable, page, section } from './page.ts';
import { MEANING, esc, percent } from './svg.ts';
import { timeChart } from './time-chart.ts';

export function compareHtml(cmp: Comparison): string {
  const cols = cmp.columns;
  const runs = htmlTable(['run', 'from', 'seeds', 'days'], cols.map((c) => [c.label, `${c.kind} ${c.source}`, seedsText(c), [...new Set(c.reports.map((r) => r.days))].join(', ')]));
  const seeded = cols.some((c) => c.reports.length > 1);
  return page(`Comparison: ${cols.map((c) => c.label).join(' · ')}`, [
    `<h1>Comparison</h1><p class="sub">${cols.length} runs side by side${seeded ? '; over several seeds each figure is the mean, with the min–max as a whisker and in brackets' : ''}.</p>`,
    section('runs', 'Runs', '', runs),
    targetsSection(cmp),
    dailySection(cols),
    kpiSection(cmp),
  ].join(''));
}

function targetsSection(cmp: Comparison): string {
  if (cmp.targets.length === 0) return section('targets', 'Targets', 'No run sets targets.', '');
  const charts = cmp.targets.map((row) => {
    const parts = targetFormat(row.unit);
    const format = (v: number) => parts.format(v) + parts.unit;
    const share = row.unit.startsWith('share');
    const bars = cmp.columns.flatMap((c, i) => {
      const cell = row.cells[i];
      if (!cell) return [];
      const colour = cell.met === cell.n ? MEANING.good : cell.met === 0 ? MEANING.bad : '#E69F00';
      return [{ label: c.label, segments: [{ name: row.name, value: cell.actual.mean }], range: cell.n > 1 ? [cell.actual.min, cell.actual.max] as [number, number] : undefined, target: cell.target, colour, text: targetText(row, cell) }];
    });
    const top = Math.max(share ? 1 : 0, ...bars.map((b) => Math.max(b.range?.[1] ?? 0, b.segments[0].value, b.target ?? 0)));
    return `<div><h3>${esc(row.name)}</h3>${hbarChart({ title: `${row.name} per run against its target`, bars: bars.map((b) => ({ ...b, max: Math.max(top, 1e-9) * (share ? 1 : 1.15) })), format, width: 540 })}</div>`;
  });
  const rows = cmp.targets.map((row) => [row.name, ...row.cells.map((cell) => ({ html: `<span class="${cell && cell.met === cell.n ? 'met' : 'missed'}">${esc(targetText(row, cell))}</span>` }))]);
  return section('targets', 'Targets met and missed', 'Green: met (on every seed), red: missed (on every seed), amber: met on some seeds. The tick is the target.',
    `<div class="grid2">${charts.join('')}</div>${htmlTable(['target', ...cmp.columns.map((c) => c.label)], rows)}`);
}

/** A figure per day of a column, averaged over its seeds; NaN past the end of a shorter run. */
function dailyMean(col: CompareColumn, n: number, f: (d: DayKpi) => number): number[] {
  return Array.from({ length: n }, (_, i) => {
    const vals = col.reports.map((r) => r.kpis.days[i]).filter((d) => d !== undefined).map(f);
    return vals.length > 0 ? vals.reduce((a, b) => a + b, 0) / vals.length : NaN;
  });
}

function dailySection(cols: CompareColumn[]): string {
  const n = Math.max(...cols.map((c) => Math.max(...c.reports.map((r) => r.kpis.days.length))));
  const labels = Array.from({ length: n }, (_, i) => `day ${i}`);
  const chart = (title: string, f: (d: DayKpi) => number, format: (v: number) => string, yMax?: number) =>
    `<div><h3>${esc(title)}</h3>${timeChart({ title, labels, ticks: labels, series: cols.map((c) => ({ name: c.label, kind: 'line', values: dailyMean(c, n, f) })), format, yMax, width: 540, height: 230 })}</div>`;
  return section('daily', 'Day by day', 'Each run as a line (the mean over its seeds), by day of the run.',
    `<div class="grid2">${chart('Landfill per day', (d) => d.landfilledKg / 1000, (v) => `${formatValue('count', Math.round(v * 10) / 10)} t`, 1)}` +
    chart('Recycling rate per day', (d) => d.recyclingRate, (v) => percent(v)) +
    chart('Same-day clearance per day', (d) => d.sameDayClearance, (v) => percent(v), 1) +
    chart('Tonnes collected per day', (d) => d.collectedKg / 1000, (v) => `${formatValue('count', Math.round(v))} t`) + '</div>');
}

function kpiSection(cmp: Comparison): string {
  // A chart only where the runs differ: equal bars say nothing the table does not.
  const differs = (row: Comparison['rows'][number]) => new Set(row.cells.map((s) => figureText(row, s))).size > 1;
  const charts = cmp.rows.filter((row) => row.key !== 'days' && differs(row)).map((row) => {
    const bars = cmp.columns.flatMap((c, i) => {
      const s = row.cells[i];
      return s ? [{ label: c.label, segments: [{ name: row.label, value: s.mean }], range: s.n > 1 ? [s.min, s.max] as [number, number] : undefined, colour: MEANING.neutral, text: figureText(row, s) }] : [];
    });
    return `<div><h3>${esc(row.label)}</h3>${hbarChart({ title: row.label, bars, format: (v) => formatValue(row.unit, v), width: 540 })}</div>`;
  });
  const table = htmlTable(['KPI', ...cmp.columns.map((c) => c.label)], cmp.rows.map((row) => [row.label, ...row.cells.map((s) => figureText(row, s))]));
  return section('kpis', 'KPIs over the whole run', 'Every figure report.json totals, in its order; tonnes are totals over the run. A chart follows for each figure on which the runs differ.',
    `${table}<div class="grid2">${charts.join('')}</div>`);
}
