/**
 * The scenario's targets checked against a run. Each target is judged on the
 * whole run the way a planner reads it: landfill on the worst day, clearance
 * on the worst day, plant load on the busiest plant-day, recycling over all days.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { Kpis } from './kpis.ts';

export interface TargetResult { name: string; target: number; actual: number; unit: string; met: boolean; note: string }

const EPS = 1e-9;

/** The targets a scenario sets, named as reports name them (before any run). */
export function targetDefinitions(targets: Scenario['targets']): { name: string; target: number; unit: string }[] {
  const out: { name: string; target: number; unit: string }[] = [];
  if (targets.landfillTonnesPerDay !== undefined) out.push({ name: targets.landfillTonnesPerDay === 0 ? 'zero landfill' : 'landfill per day', target: targets.landfillTonnesPerDay, unit: 't/day' });
  if (targets.recyclingRate !== undefined) out.push({ name: 'recycling rate', target: targets.recyclingRate, unit: 'share' });
  if (targets.sameDayClearance !== undefined) out.push({ name: 'same-day clearance', target: targets.sameDayClearance, unit: 'share' });
  if (targets.plantLoadMax !== undefined) out.push({ name: 'plant load', target: targets.plantLoadMax, unit: 'share of capacity' });
  if (targets.stationLoadMax !== undefined) out.push({ name: 'station load', target: targets.stationLoadMax, unit: 'share of capacity' });
  return out;
}

export function checkTargets(targets: Scenario['targets'], kpis: Kpis, landfillPlantIds: Set<string>): TargetResult[] {
  const out: TargetResult[] = [];
  const days = kpis.days;
  if (targets.landfillTonnesPerDay !== undefined) {
    const worst = Math.max(0, ...days.map((d) => d.landfilledKg / 1000));
    const zero = targets.landfillTonnesPerDay === 0;
    out.push({
      name: zero ? 'zero landfill' : 'landfill per day', target: targets.landfillTonnesPerDay, actual: round(worst, 3), unit: 't/day',
      met: worst <= targets.landfillTonnesPerDay + EPS, note: 'worst day',
    });
  }
  if (targets.recyclingRate !== undefined) {
    out.push({ name: 'recycling rate', target: targets.recyclingRate, actual: kpis.total.recyclingRate, unit: 'share', met: kpis.total.recyclingRate >= targets.recyclingRate - EPS, note: 'whole run' });
  }
  if (targets.sameDayClearance !== undefined) {
    const worst = Math.min(1, ...days.map((d) => d.sameDayClearance));
    out.push({ name: 'same-day clearance', target: targets.sameDayClearance, actual: worst, unit: 'share', met: worst >= targets.sameDayClearance - EPS, note: 'worst day' });
  }
  if (targets.plantLoadMax !== undefined) {
    let worst = 0, where = '';
    for (const d of days) for (const p of d.plants) if (!landfillPlantIds.has(p.id) && p.utilisation > worst) { worst = p.utilisation; where = `${p.id} on day ${d.day}`; }
    out.push({ name: 'plant load', target: targets.plantLoadMax, actual: worst, unit: 'share of capacity', met: worst <= targets.plantLoadMax + EPS, note: where ? `busiest: ${where}` : 'no treatment' });
  }
  if (targets.stationLoadMax !== undefined) {
    // A planner asks which station saturates first: name the earliest day's busiest one, and how many ever go over.
    let worst = 0, first = '';
    const over = new Set<string>();
    for (const d of days) {
      let dayWorst = 0, dayWhere = '';
      for (const st of d.stations) {
        if (st.utilisation > targets.stationLoadMax + EPS) over.add(st.id);
        if (st.utilisation > dayWorst) { dayWorst = st.utilisation; dayWhere = st.id; }
      }
      worst = Math.max(worst, dayWorst);
      if (!first && dayWorst > targets.stationLoadMax + EPS) first = `first over: ${dayWhere} on day ${d.day} (${Math.round(dayWorst * 100)} %)`;
    }
    out.push({
      name: 'station load', target: targets.stationLoadMax, actual: round(worst, 4), unit: 'share of capacity', met: over.size === 0,
      note: over.size > 0 ? `${first}; ${over.size} of ${days[0]?.stations.length ?? 0} stations over` : 'all within capacity',
    });
  }
  return out;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
