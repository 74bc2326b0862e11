/**
 * What the parts of a running simulation share: the clock, the world, the
 * router, the ledger, the trace, the state of every holder of waste, and the
 * tallies of the day. One object, passed explicitly; nothing global.
 */
import type { EventQueue } from './event-queue.ts';
import type { World } from '../scenario/world.ts';
import type { Router } from './router.ts';
import type { Ledger } from './ledger.ts';
import type { Trace } from './trace.ts';
import type { Bins } from './bins.ts';
import type { PlantChooser, PlantState } from './plant.ts';
import type { NearestStations } from './nearest-station.ts';

export interface VehicleDay { km: number; hours: number; loads: number; dieselLitres: number; electricKWh: number; co2Kg: number; cost: number; overtimeHours: number }

export interface DayTally {
  collectedKg: number;
  /** kg treated per plant (for recycling: material recovered; residue is counted where it is treated). */
  treatedKgByPlant: Float64Array;
  treatedKgByStream: Float64Array;
  recoveredKg: number;
  biologicalKg: number;
  landfilledKg: number;
  landfilledKgByStream: Float64Array;
  stationIntakeKg: Float64Array;
  stationPeakQueue: Float64Array;
  extraUnloads: number;
  /** Timetabled stops reached at most the on-time tolerance after their published time, and later. */
  onTimeStops: number;
  lateStops: number;
  vehicles: VehicleDay[];
}

export interface SimContext {
  q: EventQueue;
  world: World;
  router: Router;
  ledger: Ledger;
  trace: Trace;
  bins: Bins;
  plants: PlantState[];
  choosePlant: PlantChooser;
  nearestStation: NearestStations;
  /** What has left the system since the start: the sinks of the mass balance. */
  totals: { treatedKg: number; landfilledKg: number };
  day: number;
  tally: DayTally;
}

export function newTally(world: World, vehicles: number): DayTally {
  const S = world.streams.length;
  return {
    collectedKg: 0,
    treatedKgByPlant: new Float64Array(world.plants.length),
    treatedKgByStream: new Float64Array(S),
    recoveredKg: 0,
    biologicalKg: 0,
    landfilledKg: 0,
    landfilledKgByStream: new Float64Array(S),
    stationIntakeKg: new Float64Array(world.stations.length),
    stationPeakQueue: new Float64Array(world.stations.length),
    extraUnloads: 0,
    onTimeStops: 0,
    lateStops: 0,
    vehicles: Array.from({ length: vehicles }, () => ({ km: 0, hours: 0, loads: 0, dieselLitres: 0, electricKWh: 0, co2Kg: 0, cost: 0, overtimeHours: 0 })),
  };
}

/** kg CO₂ per litre of diesel burnt (IPCC 2006 default for road diesel, 74.1 t/TJ × 36 MJ/l). */
export const CO2_KG_PER_LITRE_DIESEL = 2.68;
/** kg CO₂ per kWh from China's grid (national average factor for 2022 published by the Ministry of Ecology and Environment, 0.5703). */
export const CO2_KG_PER_KWH_GRID = 0.5703;

/** Record `km` driven by a vehicle, with its energy and CO₂. */
export function chargeDistance(v: VehicleDay, km: number, energyKind: 'diesel' | 'electric', energyPerKm: number, costPerKm: number): void {
  v.km += km;
  const energy = km * energyPerKm;
  if (energyKind === 'diesel') { v.dieselLitres += energy; v.co2Kg += energy * CO2_KG_PER_LITRE_DIESEL; }
  else { v.electricKWh += energy; v.co2Kg += energy * CO2_KG_PER_KWH_GRID; }
  v.cost += km * costPerKm;
}

/** Count `kg` of stream `s` as landfilled (the sink side of the mass balance). */
export function countLandfilled(ctx: SimContext, s: number, kg: number): void {
  ctx.totals.landfilledKg += kg;
  ctx.tally.landfilledKg += kg;
  ctx.tally.landfilledKgByStream[s] += kg;
}

/**
 * Bury `kg` of stream `s` at landfill: accounted for, manifested, never lost.
 * `plant` names the landfill site if the scenario has one accepting it.
 */
export function sendToLandfill(ctx: SimContext, s: number, kg: number, from: { station?: string; plant?: string; truck?: string }, tS: number): void {
  if (kg <= 0) return;
  const landfill = ctx.plants.find((p) => p.isLandfill && p.site.streamMask[s]) ?? ctx.plants.find((p) => p.isLandfill);
  countLandfilled(ctx, s, kg);
  if (landfill) landfill.receivedTodayKg += kg;
  ctx.ledger.add({
    kind: 'divert', stream: ctx.world.streams[s].id, kg, point: '', truck: from.truck ?? '',
    station: from.station ?? '', plant: landfill?.site.id ?? 'LANDFILL', startS: tS, endS: tS,
  });
}
