/**
 * The simulated days. Each day: the planner makes the day's plan from the
 * bins as they stand at midnight; trucks run it; stations tip and haul;
 * plants treat hour by hour; samples are taken for the replay; at midnight
 * every bin is brought up to date and the mass balance is checked —
 * generated = in bins + in trucks + at stations + on the road to plants
 * (and queued or tipping there) + in pits + treated + landfilled — and a gap
 * over 1 kg stops the run.
 */
import { EventQueue, PRIORITY } from './event-queue.ts';
import { Bins } from './bins.ts';
import { Ledger, type Manifest } from './ledger.ts';
import { Router } from './router.ts';
import { NO_TRACE, type Trace } from './trace.ts';
import { PlantState, nearestWithRoom, type PlantChooser } from './plant.ts';
import { LpDispatch, type DispatchSolve } from '../optimise/flows/dispatch.ts';
import { StationState } from './station.ts';
import { CollectionTruck } from './collection-truck.ts';
import { expandFleet, type Truck } from './fleet.ts';
import { countLandfilled, newTally, sendToLandfill, type DayTally, type SimContext } from './context.ts';
import { DemandModel, SECONDS_PER_DAY } from '../demand/model.ts';
import { planBaseline } from '../optimise/baseline.ts';
import { timetablePlanner } from '../optimise/timetable/planner.ts';
import { vrpPlanner } from '../optimise/vrp/planner.ts';
import { attachedTimetable } from '../optimise/timetable/prepared.ts';
import type { DayPlan, PlanContext } from './plan.ts';
import { freezeRoutes, planFixedDay, type FixedRoutes } from './fixed-routes.ts';
import { staggerThresholdBins } from './bins-start.ts';
import { NearestStations } from './nearest-station.ts';
import type { World } from '../scenario/world.ts';
import { assertMassBalance, type Holdings } from './mass-balance.ts';

export { MassBalanceError, MASS_BALANCE_TOLERANCE_KG } from './mass-balance.ts';

export interface Samples {
  t: number[];
  binFill: number[][];
  stationStockKg: number[][];
  plantPitKg: number[][];
  landfillKg: number[];
}

export interface DayRecord {
  day: number;
  generatedKg: number;
  generatedKgByStream: number[];
  overflowEvents: number;
  dueBins: number;
  servedBins: number;
  /** kg left waiting in bins at midnight. */
  leftInBinsKg: number;
  tally: DayTally;
  plantPeakPitKg: number[];
  plantEndPitKg: number[];
  plantTreatedKg: number[];
  /** Per plant: the longest queue of trucks waiting for a tipping bay that day. */
  plantPeakQueue: number[];
  /** Per plant: bay-seconds held that day over the bays × 24 h. */
  plantBayUtilisation: number[];
  massBalanceErrorKg: number;
  samples: Samples;
  manifests: Manifest[];
  plan: DayPlan;
}

export type Planner = (ctx: PlanContext) => DayPlan;

export interface Vehicle { id: string; kind: 'collection' | 'haul'; type: string; streams: string[]; capacityKg: number; depot: string }

export interface SimOptions {
  days?: number;
  planner?: Planner;
  choosePlant?: PlantChooser;
  trace?: Trace;
  /** Called at the end of each day, in order. */
  onDay?: (record: DayRecord) => void;
  /** Keep every DayRecord in the result (default); a long run that streams through onDay can drop them. */
  keepDays?: boolean;
  /** Take the stock samples the replay needs (default true). */
  samples?: boolean;
}

export interface RunResult {
  days: DayRecord[];
  /** Manifest rows issued in the whole run. */
  manifestCount: number;
  vehicles: Vehicle[];
  maxAbsErrorKg: number;
  /** With `dispatch.policy: lp`: each solve of the dispatch LP (day, status, tonnes). */
  dispatchSolves?: DispatchSolve[];
}

/** Every vehicle of the run: collection trucks first, then each station's haul trucks. */
export function listVehicles(world: World, trucks: Truck[]): Vehicle[] {
  const out: Vehicle[] = trucks.map((t) => ({
    id: t.id, kind: 'collection', type: world.fleet[t.type].spec.id, streams: world.fleet[t.type].spec.streams,
    capacityKg: t.capacityKg, depot: world.depots.find((d) => d.node === t.depotNode)?.id ?? '',
  }));
  for (const st of world.stations) {
    for (let k = 0; k < st.spec.haul.trucks; k++) {
      out.push({ id: `${st.id}-H${k + 1}`, kind: 'haul', type: 'haul', streams: st.spec.streams, capacityKg: st.spec.haul.capacityTonnes * 1000, depot: st.id });
    }
  }
  return out;
}

export function simulate(world: World, opts: SimOptions = {}): RunResult {
  const days = opts.days ?? world.scenario.days;
  const S = world.streams.length;
  const P = world.points.length;
  const demand = new DemandModel(world);
  const capacities = new Float64Array(P * S);
  world.points.forEach((p, i) => capacities.set(p.binCapacityKg, i * S));
  const trucks = expandFleet(world);
  const vehicles = listVehicles(world, trucks);
  const router = new Router(world.graph, [...world.depots, ...world.stations, ...world.plants].map((x) => x.node));
  const q = new EventQueue();
  const plants = world.plants.map((site, i) => new PlantState(i, site, S, q));
  const timeS = (a: number, b: number) => router.timeS(a, b);
  const nearest = nearestWithRoom(plants, timeS);
  const { policy, resolve } = world.scenario.dispatch;
  const lpDispatch = !opts.choosePlant && policy === 'lp'
    ? new LpDispatch(world, plants, { resolve, fallback: nearest, roads: router }) : undefined;
  const ctx: SimContext = {
    q, world, router, ledger: new Ledger(world.scenario.output.manifests === 'all'), trace: opts.trace ?? NO_TRACE,
    bins: new Bins(demand, capacities), plants,
    choosePlant: opts.choosePlant ?? lpDispatch?.choose ?? nearest,
    nearestStation: new NearestStations(router, world.stations, S),
    totals: { treatedKg: 0, landfilledKg: 0 }, day: 0, tally: newTally(world, vehicles.length),
  };
  let haul0 = trucks.length;
  const stations = world.stations.map((site, i) => {
    const st = new StationState(ctx, i, site, haul0);
    haul0 += site.spec.haul.trucks;
    return st;
  });
  const served = new Uint8Array(P * S);
  const collectors = trucks.map((t) => new CollectionTruck(ctx, t, stations, served));
  const timetabled = world.scenario.collection.planner === 'timetable';
  const planner: Planner = opts.planner ?? (timetabled
    ? timetablePlanner(world, trucks, attachedTimetable(world))
    : world.scenario.collection.planner === 'vrp' ? vrpPlanner(world, trucks, router, demand)
    : (pc) => planBaseline(world, trucks, router, demand, pc));
  const residual = world.streams.findIndex((s) => s.kind === 'residual');
  const sampleS = world.scenario.output.sampleMinutes * 60;

  // Warm start: the bins hold what the evening before the first day produced
  // after a round at mid-shift, so day 0 is a normal day rather than a ramp-up.
  const warm = new Float64Array(P * S);
  const eveningShare = 1 - demand.fractionBy(trucks.length > 0 ? (trucks[0].shiftStartS + trucks[0].shiftEndS) / 2 : 43_200);
  for (let p = 0; p < P; p++) for (let s = 0; s < S; s++) warm[p * S + s] = demand.expectedKg(p, s, -1) * eveningShare;
  staggerThresholdBins(world, warm, capacities);
  ctx.bins.prefill(warm);

  const result: RunResult = { days: [], manifestCount: 0, vehicles, maxAbsErrorKg: 0, ...(lpDispatch ? { dispatchSolves: lpDispatch.solves } : {}) };
  const keepDays = opts.keepDays ?? true;
  const takeSamples = opts.samples ?? true;
  let fixed: FixedRoutes | undefined;
  const generatedBefore = new Float64Array(S);
  let overflowBefore = 0;

  for (let day = 0; day < days; day++) {
    const dayStart = day * SECONDS_PER_DAY, dayEnd = dayStart + SECONDS_PER_DAY;
    ctx.day = day;
    lpDispatch?.startDay(day);
    ctx.tally = newTally(world, vehicles.length);
    for (const p of plants) p.resetDay();
    for (const st of stations) st.bays.resetPeak();
    served.fill(0);

    const waitingKg = new Float64Array(P * S);
    for (let p = 0; p < P; p++) for (let s = 0; s < S; s++) waitingKg[p * S + s] = ctx.bins.waitingKg(p, s);
    const plan = fixed
      ? planFixedDay(fixed, { day, waitingKg }, (free, pc) => planBaseline(world, free, router, demand, pc))
      : planner({ day, waitingKg });
    // A timetable already repeats week by week; `once` freezes other planners' first day.
    if (world.scenario.collection.replan === 'once' && !timetabled && !fixed) fixed = freezeRoutes(world, trucks, plan);
    for (const route of plan.routes) collectors[route.truck].start(route, dayStart);
    for (const st of stations) st.scheduleDay(day);

    for (let h = 0; h < 24; h++) {
      q.at(dayStart + h * 3600, PRIORITY.treat, () => {
        for (const plant of plants) treatHour(ctx, plant, residual);
      });
    }
    const samples: Samples = { t: [], binFill: [], stationStockKg: [], plantPitKg: [], landfillKg: [] };
    for (let t = dayStart; takeSamples && t < dayEnd; t += sampleS) {
      q.at(t, PRIORITY.sample, () => {
        ctx.bins.advanceAll(t);
        samples.t.push(t);
        samples.binFill.push(world.points.map((_, p) => Math.round(ctx.bins.pointFill(p) * 100)));
        samples.stationStockKg.push(stations.map((st) => round1(st.totalStockKg)));
        samples.plantPitKg.push(plants.map((pl) => round1(pl.stockKg)));
        samples.landfillKg.push(round1(ctx.totals.landfilledKg));
      });
    }

    q.runUntil(dayEnd);
    ctx.bins.advanceAll(dayEnd);
    for (const st of stations) ctx.tally.stationPeakQueue[st.index] = Math.max(ctx.tally.stationPeakQueue[st.index], st.bays.peakQueue);

    const errorKg = assertMassBalance(day, holdings(ctx, collectors, stations));
    result.maxAbsErrorKg = Math.max(result.maxAbsErrorKg, Math.abs(errorKg));
    let dueBins = 0, servedBins = 0;
    for (let i = 0; i < plan.due.length; i++) if (plan.due[i]) { dueBins++; servedBins += served[i]; }
    const overflowNow = ctx.bins.overflowEvents.reduce((a, b) => a + b, 0);
    const byStream = Array.from(ctx.bins.generatedKg, (g, s) => g - generatedBefore[s]);
    const record: DayRecord = {
      day,
      generatedKg: byStream.reduce((a, b) => a + b, 0),
      generatedKgByStream: byStream,
      overflowEvents: overflowNow - overflowBefore,
      dueBins, servedBins,
      leftInBinsKg: ctx.bins.totalKg(),
      tally: ctx.tally,
      plantPeakPitKg: plants.map((p) => p.peakPitTodayKg),
      plantEndPitKg: plants.map((p) => p.stockKg),
      plantTreatedKg: plants.map((p) => p.treatedTodayKg),
      plantPeakQueue: plants.map((p) => p.bays.peakQueue),
      plantBayUtilisation: plants.map((p) => p.bays.takeHeldSeconds() / (p.bays.slots * SECONDS_PER_DAY)),
      massBalanceErrorKg: errorKg,
      samples,
      manifests: ctx.ledger.closeDay(),
      plan,
    };
    generatedBefore.set(ctx.bins.generatedKg);
    overflowBefore = overflowNow;
    if (keepDays) result.days.push(record);
    result.manifestCount = ctx.ledger.count;
    opts.onDay?.(record);
  }
  return result;
}

/** One hour of treatment at a plant, with recycling residue sent on as residual waste. */
function treatHour(ctx: SimContext, plant: PlantState, residual: number): void {
  const treated = plant.treatHour(ctx.day);
  const type = plant.site.spec.type;
  for (let s = 0; s < treated.length; s++) {
    const kg = treated[s];
    if (kg <= 0) continue;
    if (type !== 'recycling') {
      ctx.totals.treatedKg += kg;
      ctx.tally.treatedKgByPlant[plant.index] += kg;
      ctx.tally.treatedKgByStream[s] += kg;
      if (type === 'food-waste') ctx.tally.biologicalKg += kg;
      continue;
    }
    const recovered = kg * (plant.site.spec.recoveryRate ?? 0);
    ctx.totals.treatedKg += recovered;
    ctx.tally.treatedKgByPlant[plant.index] += recovered;
    ctx.tally.treatedKgByStream[s] += recovered;
    ctx.tally.recoveredKg += recovered;
    sendResidue(ctx, plant, residual >= 0 ? residual : s, kg - recovered);
  }
}

function sendResidue(ctx: SimContext, from: PlantState, s: number, kg: number): void {
  if (kg <= 0) return;
  const target = ctx.choosePlant(from.site.node, s, kg, ctx.day);
  const plant = target >= 0 && target !== from.index ? ctx.plants[target] : undefined;
  const fitted = plant ? plant.receive(s, kg) : 0;
  if (plant && fitted > 0) {
    if (plant.isLandfill) countLandfilled(ctx, s, fitted);
    ctx.ledger.add({ kind: 'residue', stream: ctx.world.streams[s].id, kg: fitted, point: '', truck: '', station: from.site.id, plant: plant.site.id, startS: ctx.q.now, endS: ctx.q.now });
  }
  sendToLandfill(ctx, s, kg - fitted, { station: from.site.id }, ctx.q.now);
}

function holdings(ctx: SimContext, collectors: CollectionTruck[], stations: StationState[]): Holdings {
  const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((a, x) => a + f(x), 0);
  return {
    generatedKg: ctx.bins.generatedKg.reduce((a, b) => a + b, 0),
    initialKg: ctx.bins.initialKg,
    binsKg: ctx.bins.totalKg(),
    trucksKg: sum(collectors, (c) => c.loadKg),
    stationsKg: sum(stations, (st) => st.totalStockKg),
    inTransitKg: sum(stations, (st) => st.inTransitKg),
    pitsKg: sum(ctx.plants, (p) => p.stockKg),
    treatedKg: ctx.totals.treatedKg,
    landfilledKg: ctx.totals.landfilledKg,
  };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
