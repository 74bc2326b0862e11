/**
 * report.html: the planner's report of one run, built from report.json
 * alone (so it can be rebuilt from any run folder), one section per question
 * a planner asks, each answered by a chart first and numbers second.
 */
import type { ReportJson } from '../run.ts';
import type { DayKpi, SiteKpi } from '../kpis.ts';
import type { TargetResult } from '../targets.ts';
import { heatmap } from './heatmap.ts';
import { hbarChart, type HBar } from './hbar-chart.ts';
import { cards, htmlTable, page, section } from './page.ts';
import { MEANING, esc, num, percent, tonnes } from './svg.ts';
import { timeChart, type DaySeries, type TimeChartSpec } from './time-chart.ts';

const t = (kg: number) => kg / 1000;
const fmtT = (v: number) => `${num(v, Math.abs(v) >= 100 ? 0 : 1)} t`;
const fmtPct = (v: number) => percent(v, v === 0 || v === 1 ? 0 : 1);
/** Past this many sites, a heatmap replaces one line per site. */
const MAX_LINES = 6;

/** The days of a run as chart axes: long labels for tooltips, short ones for ticks. */
export function dayAxis(days: Pick<DayKpi, 'day' | 'date'>[]): Pick<TimeChartSpec, 'labels' | 'ticks'> {
  return { labels: days.map((d) => `day ${d.day} (${d.date})`), ticks: days.map((d) => d.date.slice(5)) };
}

export function htmlReport(r: ReportJson): string {
  const days = r.kpis.days;
  const tot = r.kpis.total;
  const met = r.targets.filter((x) => x.met).length;
  const head = `<h1>Run report: ${esc(r.scenario)}</h1>
<p class="sub">${days.length} simulated days from ${esc(r.startDate)}, seed ${esc(r.seed)}. Mass balance held every day (largest gap ${r.massBalance.maxAbsErrorKg.toExponential(2)} kg; the limit is ${r.massBalance.toleranceKg} kg).</p>
${cards([
    { value: tonnes(tot.generatedKg), label: 'generated' },
    { value: tonnes(tot.collectedKg), label: 'collected' },
    { value: percent(tot.sameDayClearance), label: 'same-day clearance' },
    { value: percent(tot.recyclingRate), label: 'recycling rate' },
    { value: tonnes(tot.landfilledKg), label: 'landfilled' },
    { value: `${met} of ${r.targets.length}`, label: 'targets met' },
  ])}`;
  return page(`Run report: ${r.scenario}`, [
    head,
    targetsSection(r.targets),
    r.outages.length > 0 ? outagesSection(r) : '',
    plantsSection(r),
    landfillSection(r),
    recyclingSection(r),
    stationsSection(r),
    plantBaysSection(r),
    clearanceSection(r),
    fleetSection(r),
  ].join(''));
}

/** One bullet per target: the run's figure as a bar, green if met and red if missed, the target as a tick. */
export function targetBars(targets: TargetResult[]): HBar[] {
  return targets.map((x) => {
    const share = x.unit.startsWith('share');
    const format = share ? fmtPct : (v: number) => `${num(v, 1)} ${x.unit}`;
    return {
      label: x.name, segments: [{ name: x.met ? 'met' : 'missed', value: x.actual }], target: x.target,
      colour: x.met ? MEANING.good : MEANING.bad, format,
      max: share ? Math.max(1, x.actual) : Math.max(x.actual, x.target, 1) * 1.15,
      text: `${format(x.actual)} ${x.met ? '✓ met' : '✗ missed'}`,
    };
  });
}

/** Tonnes and loads ("share of capacity": plant load, station load) are ceilings; plain shares (recycling, clearance) are floors. */
export function wantedText(x: Pick<TargetResult, 'unit' | 'target'>): string {
  if (x.unit === 't/day') return `≤ ${x.target} t/day`;
  return `${x.unit === 'share of capacity' ? '≤' : '≥'} ${percent(x.target)}`;
}

function targetsSection(targets: TargetResult[]): string {
  if (targets.length === 0) return section('targets', 'Targets', 'The scenario sets no targets.', '');
  const rows = targets.map((x) => [x.name, wantedText(x), x.unit.startsWith('share') ? percent(x.actual) : `${x.actual} ${x.unit}`,
    { html: x.met ? '<span class="met">met</span>' : '<span class="missed">MISSED</span>' }, x.note]);
  return section('targets', 'Targets met and missed', 'Each target is judged as its last column says: landfill and clearance on the worst day, recycling over the whole run, loads on the busiest site-day.',
    hbarChart({ title: 'Targets: the run against what the scenario asks', bars: targetBars(targets), format: (v) => num(v, 2) }) +
    htmlTable(['target', 'wanted', 'actual', 'result', 'judged on'], rows));
}

function outagesSection(r: ReportJson): string {
  const bars: HBar[] = r.outages.map((o) => ({
    label: `${o.plant} days ${o.startDay}–${o.startDay + o.days - 1}`,
    segments: [
      { name: 'into its pit', value: o.pitTonnes, colour: MEANING.pit },
      { name: 'to other plants', value: o.otherPlantsTonnes, colour: MEANING.neutral },
      { name: 'to landfill', value: o.landfilledTonnes, colour: MEANING.landfill },
    ],
    text: `${num(o.shortfallTonnes, 0)} t short → ${o.absorbedBy}`,
  }));
  const rows = r.outages.map((o) => [o.plant, o.kind === 'line' ? 'one line' : 'whole plant', `${o.startDay}–${o.startDay + o.days - 1}`, num(o.capacityLostTonnes, 0),
    num(o.shortfallTonnes, 0), num(o.pitTonnes, 0), num(o.otherPlantsTonnes, 0), num(o.landfilledTonnes, 1), o.absorbedBy]);
  return section('outages', 'Outages and where their waste went', 'For each planned outage: the treatment the plant fell short by, and how much of it its own pit, other plants and landfill took.',
    hbarChart({ title: 'Outage shortfall by where the waste went', bars, format: fmtT, legend: true }) +
    htmlTable(['plant', 'outage', 'days', 'capacity lost t', 'shortfall t', 'into pit t', 'to other plants t', 'landfilled t', 'absorbed by'], rows) +
    `<ul class="notes">${r.outages.map((o) => `<li>${esc(o.plant)}: ${esc(o.note)}.</li>`).join('')}</ul>`);
}

function outageShade(r: ReportJson, plant?: string): TimeChartSpec['shade'] {
  return r.outages.filter((o) => plant === undefined || o.plant === plant)
    .map((o) => ({ from: o.startDay - r.kpis.days[0].day, to: o.startDay + o.days - 1 - r.kpis.days[0].day, label: `${o.plant} ${o.kind === 'line' ? 'line ' : ''}outage` }));
}

function plantsSection(r: ReportJson): string {
  const days = r.kpis.days;
  const plants = r.sites.plants.filter((p) => p.type !== 'landfill');
  const site = (d: DayKpi, id: string) => d.plants.find((p) => p.id === id);
  const charts = plants.map((p) => {
    const series: DaySeries[] = [
      { name: 'treated', kind: 'bar', values: days.map((d) => t(site(d, p.id)?.kg ?? NaN)), colour: MEANING.neutral },
      { name: 'capacity', kind: 'step', values: days.map((d) => t(site(d, p.id)?.capacityKg ?? p.capacityKgPerDay)), colour: MEANING.capacity, dashed: true },
    ];
    const chart = timeChart({ title: `${p.id}: tonnes treated per day against capacity`, ...dayAxis(days), series, format: fmtT, shade: outageShade(r, p.id), width: 540, height: 200 });
    return `<div><h3>${esc(p.id)} · ${esc(p.name)} (${esc(p.type)}, ${num(p.capacityKgPerDay / 1000, 0)} t/day)</h3>${chart}</div>`;
  });
  const pitted = plants.filter((p) => p.pitKg !== null && p.pitKg > 0);
  const pits = pitted.length === 0 ? '' : '<h3>Pit stock at the end of each day, as a share of the pit</h3>' + heatmap({
    title: 'Pit stock at midnight as a share of pit size, per plant and day', rows: pitted.map((p) => p.id), ...dayAxis(days),
    values: pitted.map((p) => days.map((d) => (site(d, p.id)?.endPitKg ?? NaN) / p.pitKg!)), format: fmtPct, max: 1, alarm: 0.95,
  });
  return section('plants', 'Treatment per plant against capacity', 'Bars are tonnes treated, the dashed line the capacity that day (it drops during an outage, shaded). A pit near full is the last buffer before landfill.',
    `<div class="grid2">${charts.join('')}</div>${pits}`);
}

function target(r: ReportJson, unit: string, name?: string): TargetResult | undefined {
  return r.targets.find((x) => x.unit === unit && (name === undefined || x.name === name));
}

function landfillSection(r: ReportJson): string {
  const days = r.kpis.days;
  const goal = target(r, 't/day');
  const refs = goal && goal.target > 0 ? [{ value: goal.target, label: `target ≤ ${goal.target} t/day` }] : [];
  const note = goal ? `${goal.name}: worst day ${num(goal.actual, 1)} t, ${goal.met ? 'met' : 'missed'}.` : 'The scenario sets no landfill target.';
  return section('landfill', 'Landfill per day', `Raw waste that no plant could take. ${note}`,
    timeChart({ title: 'Tonnes landfilled per day', ...dayAxis(days), series: [{ name: 'landfilled', kind: 'bar', values: days.map((d) => t(d.landfilledKg)), colour: MEANING.landfill }],
      format: fmtT, yMax: 1, refs, shade: outageShade(r) }));
}

function recyclingSection(r: ReportJson): string {
  const days = r.kpis.days;
  const goal = target(r, 'share', 'recycling rate');
  return section('recycling', 'Recycling rate per day', `Material recovered plus food waste treated biologically, over everything treated or landfilled. Whole run: ${percent(r.kpis.total.recyclingRate)}${goal ? `, target ${percent(goal.target)}` : ''}.`,
    timeChart({ title: 'Recycling rate per day against its target', ...dayAxis(days), series: [{ name: 'recycling rate', kind: 'line', values: days.map((d) => d.recyclingRate), colour: MEANING.good }],
      format: fmtPct, refs: goal ? [{ value: goal.target, label: `target ${percent(goal.target)}` }] : [] }));
}

/** One measure of a set of sites over the days: a line per site, or a heatmap past MAX_LINES sites. */
interface SiteMeasure {
  heading: string; title: string; heatTitle: string; value: (s: SiteKpi) => number | undefined; format: (v: number) => string;
  yMax?: number; integer?: boolean; refs?: TimeChartSpec['refs']; max?: number; alarm?: number;
}

/** One chart per measure of the sites `ids` (lines, or a heatmap past MAX_LINES sites), side by side. */
function siteCharts(ids: string[], days: DayKpi[], sites: (d: DayKpi) => SiteKpi[], measures: SiteMeasure[]): string {
  const axis = dayAxis(days);
  const charts = measures.map((m) => {
    const values = perSite(days, ids, sites, m.value);
    const chart = ids.length <= MAX_LINES
      ? timeChart({ title: m.title, ...axis, series: ids.map((id, i) => ({ name: id, kind: 'line', values: values[i] })), format: m.format, yMax: m.yMax, refs: m.refs, integer: m.integer, width: 540, height: 220 })
      : heatmap({ title: m.heatTitle, rows: ids, ...axis, values, format: m.format, max: m.max, alarm: m.alarm, width: 540 });
    return `<div><h3>${m.heading}</h3>${chart}</div>`;
  }).join('');
  return `<div class="grid2">${charts}</div>`;
}

/** values[site][day] of one figure of the sites `ids` (NaN where a day lacks it). */
function perSite(days: DayKpi[], ids: string[], sites: (d: DayKpi) => SiteKpi[], f: (s: SiteKpi) => number | undefined): number[][] {
  return ids.map((id) => days.map((d) => { const s = sites(d).find((x) => x.id === id); return s ? f(s) ?? NaN : NaN; }));
}

const trucks = (v: number) => num(v, 0);

function stationsSection(r: ReportJson): string {
  const charts = siteCharts(r.sites.stations.map((s) => s.id), r.kpis.days, (d) => d.stations, [
    { heading: 'Utilisation', title: 'Station intake as a share of daily capacity', heatTitle: 'Station intake as a share of daily capacity, per station and day', value: (s) => s.utilisation,
      format: fmtPct, yMax: 1, refs: [{ value: 1, label: 'capacity', colour: MEANING.capacity }], max: 1, alarm: 1 },
    { heading: 'Peak queue (trucks)', title: 'Longest queue of trucks at the tipping bays per day', heatTitle: 'Longest queue at the tipping bays, per station and day', value: (s) => s.peakQueue,
      format: trucks, yMax: 1, integer: true },
  ]);
  return section('stations', 'Transfer stations: utilisation and queues', 'Intake over daily capacity, and the longest line of collection trucks waiting for a bay. A station past 100 % or with a growing queue is where a planner adds bays or capacity.',
    charts);
}

function plantBaysSection(r: ReportJson): string {
  const charts = siteCharts(r.sites.plants.map((p) => p.id), r.kpis.days, (d) => d.plants, [
    { heading: 'Bay utilisation', title: 'Share of the tipping bays\' hours held by trucks per day', heatTitle: 'Share of the tipping bays\' hours held by trucks, per plant and day', value: (s) => s.bayUtilisation,
      format: fmtPct, yMax: 0.1, max: 1 },
    { heading: 'Peak queue (trucks)', title: 'Longest queue of haul trucks at the tipping bays per day', heatTitle: 'Longest queue at the tipping bays, per plant and day', value: (s) => s.peakQueue,
      format: trucks, yMax: 1, integer: true },
  ]);
  return section('plant-bays', 'Plant reception: tipping bays and queues', 'The share of the day the tipping bays of each plant are held by haul trucks (24 h a bay), and the longest line of trucks waiting for one. A queue at a plant holds haul trucks that the stations are waiting for.',
    charts);
}

function clearanceSection(r: ReportJson): string {
  const days = r.kpis.days;
  const goal = target(r, 'share', 'same-day clearance');
  const axis = dayAxis(days);
  return section('clearance', 'Same-day clearance', 'Bins due that day that a truck emptied that day, over bins due; overflow events are bins that filled up before their truck came.',
    `<div class="grid2"><div><h3>Share of due bins cleared the same day</h3>${timeChart({ title: 'Same-day clearance per day', ...axis, series: [{ name: 'cleared', kind: 'line', values: days.map((d) => d.sameDayClearance), colour: MEANING.neutral }], format: fmtPct, yMax: 1, refs: goal ? [{ value: goal.target, label: `target ${percent(goal.target)}` }] : [], width: 540, height: 220 })}</div>` +
    `<div><h3>Overflow events</h3>${timeChart({ title: 'Bins that overflowed per day', ...axis, series: [{ name: 'overflows', kind: 'bar', values: days.map((d) => d.overflowEvents), colour: MEANING.bad }], format: (v) => num(v, 0), yMax: 1, integer: true, width: 540, height: 220 })}</div></div>`);
}

function fleetSection(r: ReportJson): string {
  const days = r.kpis.days;
  const axis = dayAxis(days);
  const tot = r.kpis.total;
  const both = (f: (d: DayKpi) => [number, number], names: [string, string]): DaySeries[] => [0, 1].map((k) => ({ name: names[k], kind: 'bar', values: days.map((d) => f(d)[k]) }));
  return section('fleet', 'Trucks: distance and CO₂', `Collection trucks drove ${num(tot.collection.km, 0)} km in ${num(tot.collection.hours, 0)} h; haul trucks ${num(tot.haul.km, 0)} km. CO₂ in total: ${num((tot.collection.co2Kg + tot.haul.co2Kg) / 1000, 1)} t.`,
    `<div class="grid2"><div><h3>Kilometres per day</h3>${timeChart({ title: 'Truck kilometres per day', ...axis, series: both((d) => [d.collection.km, d.haul.km], ['collection', 'haul']), format: (v) => `${num(v, 0)} km`, width: 540, height: 220 })}</div>` +
    `<div><h3>CO₂ per day</h3>${timeChart({ title: 'Truck CO₂ per day', ...axis, series: both((d) => [t(d.collection.co2Kg), t(d.haul.co2Kg)], ['collection', 'haul']), format: fmtT, width: 540, height: 220 })}</div></div>`);
}
