/**
 * KPIs of a run, per day and in total, from the simulation's day records.
 * Definitions (also in the README):
 * - sameDayClearance: bins due that day that a truck emptied that day, over bins due.
 * - recyclingRate: material recovered at recycling plants plus food waste
 *   treated biologically, over everything treated or landfilled that day.
 * - utilisation: a station's intake, or a plant's treatment, over its daily capacity.
 * - peakQueue: the longest line of trucks waiting for a tipping bay (stations and plants);
 *   bayUtilisation (plants): bay-hours held by tipping trucks over bays × 24 h.
 * - missedStops: bins due that day left unemptied; onTimeRate (timetabled runs,
 *   else null): stops reached within the on-time tolerance over stops scheduled;
 *   trucksUsed: collection trucks that drove that day (in total: the busiest day).
 * Numbers are rounded (kg to 0.1, shares to 1e-4) so reports are stable to read and diff.
 */
import type { DayRecord, RunResult } from '../sim/simulate.ts';
import type { World } from '../scenario/world.ts';
import { dateOf } from '../demand/calendar.ts';
import { capacityKgOnDay } from '../sim/plant.ts';

/**
 * A station's or plant's day. Plants carry `capacityKg`, their capacity that day after outages, so a chart can draw the dip,
 * and `bayUtilisation`, the share of their tipping bays' hours held by trucks.
 */
export interface SiteKpi { id: string; kg: number; utilisation: number; capacityKg?: number; peakQueue?: number; bayUtilisation?: number; peakPitKg?: number; endPitKg?: number }

export interface FleetKpi {
  km: number; hours: number; loads: number; dieselLitres: number; electricKWh: number; co2Kg: number; cost: number;
  overtimeHours: number; extraUnloads: number;
}

export interface DayKpi {
  day: number;
  date: string;
  generatedKg: number;
  generatedKgByStream: Record<string, number>;
  collectedKg: number;
  leftInBinsKg: number;
  sameDayClearance: number;
  dueBins: number;
  servedBins: number;
  missedStops: number;
  scheduledStops: number;
  onTimeStops: number;
  lateStops: number;
  onTimeRate: number | null;
  trucksUsed: number;
  overflowEvents: number;
  treatedKgByStream: Record<string, number>;
  treatedKgByPlant: Record<string, number>;
  recoveredKg: number;
  biologicalKg: number;
  recyclingRate: number;
  landfilledKg: number;
  stations: SiteKpi[];
  plants: SiteKpi[];
  collection: FleetKpi;
  haul: FleetKpi;
}

export interface Kpis { days: DayKpi[]; total: Omit<DayKpi, 'day' | 'date' | 'stations' | 'plants' | 'dueBins' | 'servedBins' | 'leftInBinsKg'> & { days: number; truckDays: number } }

const kg = (x: number) => Math.round(x * 10) / 10;
const share = (x: number) => Math.round(x * 1e4) / 1e4;
const byId = (ids: string[], values: ArrayLike<number>) => Object.fromEntries(ids.map((id, i) => [id, kg(values[i])]));

export function dayKpi(world: World, result: Pick<RunResult, 'vehicles'>, d: DayRecord): DayKpi {
  const t = d.tally;
  const streams = world.streams.map((s) => s.id);
  const treated = Array.from(t.treatedKgByPlant).reduce((a, b) => a + b, 0);
  const outflow = treated + t.landfilledKg;
  const fleet = (kind: 'collection' | 'haul'): FleetKpi => {
    const f: FleetKpi = { km: 0, hours: 0, loads: 0, dieselLitres: 0, electricKWh: 0, co2Kg: 0, cost: 0, overtimeHours: 0, extraUnloads: kind === 'collection' ? t.extraUnloads : 0 };
    result.vehicles.forEach((v, i) => {
      if (v.kind !== kind) return;
      const x = t.vehicles[i];
      f.km += x.km; f.hours += x.hours; f.loads += x.loads; f.co2Kg += x.co2Kg; f.cost += x.cost; f.overtimeHours += x.overtimeHours;
      f.dieselLitres += x.dieselLitres; f.electricKWh += x.electricKWh;
    });
    return roundFleet(f);
  };
  return {
    day: d.day,
    date: dateOf(world.scenario.startDate, d.day).toISOString().slice(0, 10),
    generatedKg: kg(d.generatedKg),
    generatedKgByStream: byId(streams, d.generatedKgByStream),
    collectedKg: kg(t.collectedKg),
    leftInBinsKg: kg(d.leftInBinsKg),
    sameDayClearance: d.dueBins > 0 ? share(d.servedBins / d.dueBins) : 1,
    dueBins: d.dueBins,
    servedBins: d.servedBins,
    missedStops: d.dueBins - d.servedBins,
    scheduledStops: d.plan.scheduledStops ?? 0,
    onTimeStops: t.onTimeStops,
    lateStops: t.lateStops,
    onTimeRate: d.plan.scheduledStops ? share(t.onTimeStops / d.plan.scheduledStops) : null,
    trucksUsed: result.vehicles.filter((v, i) => v.kind === 'collection' && t.vehicles[i].km > 0).length,
    overflowEvents: d.overflowEvents,
    treatedKgByStream: byId(streams, t.treatedKgByStream),
    treatedKgByPlant: byId(world.plants.map((p) => p.id), t.treatedKgByPlant),
    recoveredKg: kg(t.recoveredKg),
    biologicalKg: kg(t.biologicalKg),
    recyclingRate: outflow > 0 ? share((t.recoveredKg + t.biologicalKg) / outflow) : 0,
    landfilledKg: kg(t.landfilledKg),
    stations: world.stations.map((s, i) => ({
      id: s.id, kg: kg(t.stationIntakeKg[i]), utilisation: share(t.stationIntakeKg[i] / (s.spec.capacityTonnesPerDay * 1000)), peakQueue: t.stationPeakQueue[i],
    })),
    plants: world.plants.map((p, i) => ({
      id: p.id, kg: kg(d.plantTreatedKg[i]), utilisation: share(d.plantTreatedKg[i] / (p.spec.capacityTonnesPerDay * 1000)),
      capacityKg: kg(capacityKgOnDay(p.spec, d.day)), peakQueue: d.plantPeakQueue[i], bayUtilisation: share(d.plantBayUtilisation[i]),
      peakPitKg: kg(d.plantPeakPitKg[i]),
      endPitKg: kg(d.plantEndPitKg[i]),
    })),
    collection: fleet('collection'),
    haul: fleet('haul'),
  };
}

function roundFleet(f: FleetKpi): FleetKpi {
  return {
    km: kg(f.km), hours: kg(f.hours), loads: f.loads, dieselLitres: kg(f.dieselLitres), electricKWh: kg(f.electricKWh),
    co2Kg: kg(f.co2Kg), cost: Math.round(f.cost), overtimeHours: kg(f.overtimeHours), extraUnloads: f.extraUnloads,
  };
}

export function totalKpis(days: DayKpi[]): Kpis['total'] {
  const sum = (f: (d: DayKpi) => number) => days.reduce((a, d) => a + f(d), 0);
  const sumRecord = (f: (d: DayKpi) => Record<string, number>) => {
    const out: Record<string, number> = {};
    for (const d of days) for (const [k, v] of Object.entries(f(d))) out[k] = kg((out[k] ?? 0) + v);
    return out;
  };
  const sumFleet = (f: (d: DayKpi) => FleetKpi): FleetKpi => roundFleet({
    km: sum((d) => f(d).km), hours: sum((d) => f(d).hours), loads: sum((d) => f(d).loads), dieselLitres: sum((d) => f(d).dieselLitres),
    electricKWh: sum((d) => f(d).electricKWh), co2Kg: sum((d) => f(d).co2Kg), cost: sum((d) => f(d).cost),
    overtimeHours: sum((d) => f(d).overtimeHours), extraUnloads: sum((d) => f(d).extraUnloads),
  });
  const treated = sum((d) => Object.values(d.treatedKgByPlant).reduce((a, b) => a + b, 0));
  const outflow = treated + sum((d) => d.landfilledKg);
  const due = sum((d) => d.dueBins);
  const scheduled = sum((d) => d.scheduledStops);
  return {
    days: days.length,
    generatedKg: kg(sum((d) => d.generatedKg)),
    generatedKgByStream: sumRecord((d) => d.generatedKgByStream),
    collectedKg: kg(sum((d) => d.collectedKg)),
    sameDayClearance: due > 0 ? share(sum((d) => d.servedBins) / due) : 1,
    missedStops: sum((d) => d.missedStops),
    scheduledStops: sum((d) => d.scheduledStops),
    onTimeStops: sum((d) => d.onTimeStops),
    lateStops: sum((d) => d.lateStops),
    onTimeRate: scheduled > 0 ? share(sum((d) => d.onTimeStops) / scheduled) : null,
    trucksUsed: days.reduce((a, d) => Math.max(a, d.trucksUsed), 0),
    truckDays: sum((d) => d.trucksUsed),
    overflowEvents: sum((d) => d.overflowEvents),
    treatedKgByStream: sumRecord((d) => d.treatedKgByStream),
    treatedKgByPlant: sumRecord((d) => d.treatedKgByPlant),
    recoveredKg: kg(sum((d) => d.recoveredKg)),
    biologicalKg: kg(sum((d) => d.biologicalKg)),
    recyclingRate: outflow > 0 ? share((sum((d) => d.recoveredKg) + sum((d) => d.biologicalKg)) / outflow) : 0,
    landfilledKg: kg(sum((d) => d.landfilledKg)),
    collection: sumFleet((d) => d.collection),
    haul: sumFleet((d) => d.haul),
  };
}
