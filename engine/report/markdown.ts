/** The run as a Markdown report: the daily KPI table, then the targets met and missed. */
import type { DayKpi, Kpis } from './kpis.ts';
import type { TargetResult } from './targets.ts';
import type { OutageImpact } from './outages.ts';

const t = (kg: number) => (kg / 1000).toFixed(1);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(cells[0]), `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ')} |`, ...cells.slice(1).map(line)].join('\n');
}

export function kpiTable(k: Kpis): string {
  const rows = k.days.map((d) => [
    `${d.day} (${d.date})`, t(d.generatedKg), t(d.collectedKg), pct(d.sameDayClearance), d.overflowEvents,
    pct(d.recyclingRate), t(d.landfilledKg), Math.max(...d.stations.map((s) => s.utilisation)).toFixed(2),
    Math.max(0, ...d.plants.map((p) => p.utilisation)).toFixed(2), d.collection.km.toFixed(0), d.collection.loads, (d.collection.co2Kg / 1000).toFixed(2),
  ]);
  const tot = k.total;
  rows.push(['total', t(tot.generatedKg), t(tot.collectedKg), pct(tot.sameDayClearance), tot.overflowEvents, pct(tot.recyclingRate), t(tot.landfilledKg), '', '', tot.collection.km.toFixed(0), tot.collection.loads, (tot.collection.co2Kg / 1000).toFixed(2)]);
  return table(['day', 'generated t', 'collected t', 'cleared', 'overflows', 'recycling', 'landfill t', 'max station load', 'max plant load', 'truck km', 'loads', 'truck CO₂ t'], rows);
}

/** A timetabled run (bus-style lines): how the published times held, day by day. */
export function timetableTable(k: Kpis): string {
  const row = (label: string, d: Pick<DayKpi, 'scheduledStops' | 'onTimeStops' | 'lateStops' | 'missedStops' | 'onTimeRate' | 'overflowEvents' | 'collection'>) => [
    label, d.scheduledStops, d.onTimeStops, d.lateStops, d.missedStops, d.onTimeRate === null ? '–' : pct(d.onTimeRate),
    d.overflowEvents, d.collection.extraUnloads, d.collection.overtimeHours.toFixed(1),
  ];
  return table(['day', 'scheduled stops', 'on time', 'late', 'missed', 'on-time rate', 'overflows', 'extra unloads', 'overtime h'],
    [...k.days.map((d) => row(`${d.day} (${d.date})`, d)), row('total', k.total)]);
}

export function targetTable(targets: TargetResult[]): string {
  if (targets.length === 0) return '_The scenario sets no targets._';
  return table(['target', 'wanted', 'actual', 'met', 'note'], targets.map((x) => [
    x.name, wanted(x), x.unit.startsWith('share') ? pct(x.actual) : `${x.actual} ${x.unit}`, x.met ? 'yes' : '**NO**', x.note,
  ]));
}

/** Landfill and plant load are ceilings; recycling and clearance are floors. */
function wanted(x: TargetResult): string {
  if (x.unit === 't/day') return `≤ ${x.target} t/day`;
  return `${x.name.endsWith(' load') ? '≤' : '≥'} ${pct(x.target)}`;
}

export function outageTable(outages: OutageImpact[]): string {
  return table(['plant', 'outage', 'days', 'capacity lost t', 'shortfall t', 'into pit t', 'to other plants t', 'landfilled t', 'absorbed by'],
    outages.map((o) => [o.plant, o.kind === 'line' ? 'one line' : 'whole plant', `${o.startDay}–${o.startDay + o.days - 1}`, o.capacityLostTonnes.toFixed(0),
      o.shortfallTonnes.toFixed(0), o.pitTonnes.toFixed(0), o.otherPlantsTonnes.toFixed(0), o.landfilledTonnes.toFixed(1), o.absorbedBy]));
}

export function markdownReport(name: string, k: Kpis, targets: TargetResult[], massBalanceKg: number, outages: OutageImpact[] = []): string {
  const plants = Object.entries(k.total.treatedKgByPlant).map(([id, kg]) => [id, t(kg)]);
  return [
    `# Run report: ${name}`,
    '',
    `${k.total.days} simulated days. Mass balance held every day (largest gap ${massBalanceKg.toExponential(2)} kg; the limit is 1 kg).`,
    '',
    '## Targets',
    '',
    targetTable(targets),
    '',
    ...(outages.length > 0 ? ['## Outages', '', outageTable(outages), '', ...outages.map((o) => `- ${o.plant}: ${o.note}.`), ''] : []),
    '## Day by day',
    '',
    kpiTable(k),
    '',
    ...(k.total.scheduledStops > 0 ? ['## Timetable', '', `Stops are on time when the truck arrives at most the scenario's \`onTimeMinutes\` after the published time.`, '', timetableTable(k), ''] : []),
    '## Treated per plant (whole run)',
    '',
    table(['plant', 'treated t'], plants),
    '',
  ].join('\n');
}
