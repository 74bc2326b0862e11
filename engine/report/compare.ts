/**
 * Several runs side by side: one column per run folder or scenario (its
 * seeds folded into mean, min and max), one row per figure of report.json
 * and one per target. The table is data; compareMarkdown and the HTML page
 * (html/compare-page.ts) are two ways of printing it.
 */
import { figures, formatValue, mergeKeys, type ComparableReport, type Figure, type Unit } from './compare-figures.ts';
import { table } from './markdown.ts';
import { wantedText } from './html/run-report.ts';

export interface CompareColumn {
  label: string;
  /** The run folder or scenario file given on the command line. */
  source: string;
  kind: 'run' | 'scenario';
  /** One report per seed (a run folder has exactly one). */
  reports: ComparableReport[];
}

export interface Stat { mean: number; min: number; max: number; n: number }

export interface CompareRow { key: string; label: string; unit: Unit; cells: (Stat | undefined)[] }

export interface TargetRow {
  name: string;
  unit: string;
  cells: ({ actual: Stat; met: number; n: number; target: number } | undefined)[];
}

export interface Comparison { columns: CompareColumn[]; rows: CompareRow[]; targets: TargetRow[] }

export function stat(values: number[]): Stat {
  return { mean: values.reduce((a, b) => a + b, 0) / values.length, min: Math.min(...values), max: Math.max(...values), n: values.length };
}

export function compareRuns(columns: CompareColumn[]): Comparison {
  const perColumn = columns.map((col) => col.reports.map((r) => new Map(figures(r).map((f) => [f.key, f]))));
  const keys = mergeKeys(perColumn.flatMap((runs) => runs.map((m) => [...m.keys()])));
  const rows: CompareRow[] = keys.map((key) => {
    let proto: Figure | undefined;
    const cells = perColumn.map((runs) => {
      const found = runs.map((m) => m.get(key)).filter((f): f is Figure => f !== undefined);
      proto ??= found[0];
      return found.length > 0 ? stat(found.map((f) => f.value)) : undefined;
    });
    return { key, label: proto!.label, unit: proto!.unit, cells };
  });
  const names = mergeKeys(columns.flatMap((col) => col.reports.map((r) => r.targets.map((x) => x.name))));
  const targets: TargetRow[] = names.map((name) => {
    let unit = '';
    const cells = columns.map((col) => {
      const found = col.reports.map((r) => r.targets.find((x) => x.name === name)).filter((x) => x !== undefined);
      if (found.length === 0) return undefined;
      unit = found[0].unit;
      return { actual: stat(found.map((x) => x.actual)), met: found.filter((x) => x.met).length, n: found.length, target: found[0].target };
    });
    return { name, unit, cells };
  });
  return { columns, rows, targets };
}

/** "12.3 %" for one value or equal values, "12.3 (11.0–13.1) %" over seeds that differ: the unit once, at the end. */
export function statText(s: Stat | undefined, format: (v: number) => string, unit = ''): string {
  if (!s) return '–';
  const mean = format(s.mean);
  const lo = format(s.min), hi = format(s.max);
  return (s.n === 1 || lo === hi ? mean : `${mean} (${lo}–${hi})`) + unit;
}

const shareNumber = (v: number) => (v * 100).toFixed(1);

export function figureText(row: Pick<CompareRow, 'unit'>, s: Stat | undefined): string {
  return row.unit === 'share' ? statText(s, shareNumber, ' %') : statText(s, (v) => formatValue(row.unit, v));
}

/** A target's figure as a number and its unit apart, so a range names the unit once. */
export function targetFormat(unit: string): { format: (v: number) => string; unit: string } {
  return unit.startsWith('share') ? { format: shareNumber, unit: ' %' } : { format: (v) => formatValue('count', Math.round(v * 1000) / 1000), unit: ` ${unit}` };
}

/** "✓ met 0 t/day", "✗ missed 12.3 t/day", over seeds "met 2 of 3 · 4.1 t/day (0–12.3)". */
export function targetText(row: TargetRow, cell: TargetRow['cells'][number]): string {
  if (!cell) return '–';
  const { format, unit } = targetFormat(row.unit);
  const value = statText(cell.actual, format, unit);
  if (cell.n === 1) return `${cell.met === 1 ? '✓ met' : '✗ missed'} ${value}`;
  const mark = cell.met === cell.n ? '✓' : cell.met === 0 ? '✗' : '◐';
  return `${mark} met ${cell.met} of ${cell.n} · ${value}`;
}

export function seedsText(col: CompareColumn): string {
  return col.reports.map((r) => String(r.seed)).join(', ');
}

export function compareMarkdown(cmp: Comparison): string {
  const head = ['', ...cmp.columns.map((c) => c.label)];
  const runs = table(['run', 'from', 'seeds', 'days'], cmp.columns.map((c) => [c.label, `${c.kind} ${c.source}`, seedsText(c), [...new Set(c.reports.map((r) => r.days))].join(', ')]));
  const seeded = cmp.columns.some((c) => c.reports.length > 1);
  const wanted = (row: TargetRow) => {
    const all = [...new Set(row.cells.filter((x) => x !== undefined).map((x) => wantedText({ unit: row.unit, target: x.target })))];
    return all.length === 1 ? `${row.name} (${all[0]})` : row.name;
  };
  return [
    '# Comparison',
    '',
    runs,
    '',
    `## KPIs over the whole run${seeded ? ' (mean over seeds, min–max in brackets)' : ''}`,
    '',
    table(['KPI', ...head.slice(1)], cmp.rows.map((row) => [row.label, ...row.cells.map((s) => figureText(row, s))])),
    '',
    '## Targets',
    '',
    cmp.targets.length === 0 ? '_No run sets targets._' : table(['target', ...head.slice(1)], cmp.targets.map((row) => [wanted(row), ...row.cells.map((cell) => targetText(row, cell))])),
    '',
  ].join('\n');
}
