/**
 * The twin's daily routes from the routing solver. Each morning, per stream,
 * the due bins join the catchment of a transfer station as in the baseline
 * (assignStations: nearest by road time, spilling to the nearest with room
 * when a station would run over 90 % of its capacity), the stream's trucks
 * are shared among catchments by workload, and each (stream, catchment) is one part: the due bins with the
 * kg expected at mid-shift, the trucks with their payload (kept with the
 * baseline's headroom for the day's noise), depot, shift and speed, and the
 * station as the place to unload mid-shift and before going home
 * (multi-trip); the objective is road km. Travel times and lengths are road
 * paths: rows and columns of depots and stations from the router's trees
 * here, stop to stop by RPHAST on the roads' time hierarchy (prepared on the
 * first day) in the thread that solves the part; the parts are solved on worker threads (the
 * simulation stays synchronous: see engine/parallel/sync-pool.ts), then
 * neighbouring parts are polished across their border (./border-polish.ts).
 * Every task has its own seed and iteration budget and results are taken in
 * a fixed order, so a day's plan depends only on the scenario, the seed and
 * the bins — never on the number of workers.
 */
import type { DemandModel } from '../../demand/model.ts';
import { DijkstraWorkspace } from '../../network/dijkstra.ts';
import { defaultThreads } from '../../parallel/pool.ts';
import { SyncPool } from '../../parallel/sync-pool.ts';
import type { World } from '../../scenario/world.ts';
import type { Truck } from '../../sim/fleet.ts';
import type { DayPlan, PlanContext } from '../../sim/plan.ts';
import type { Router } from '../../sim/router.ts';
import { apportion, dueBins, shareTrucksByStream } from '../baseline.ts';
import { assignStations, stationRoomKg } from '../catchments.ts';
import { addIntake, applyPair, pairRounds, pairTask } from './border-polish.ts';
import { iterationsFor, kindsOf, partInstance, partRoutes, truckRoutes, type IterationBudget, type Part, type PartContext, type SolveAnswer, type SolveTask } from './planner-parts.ts';
import { timeHierarchy } from '../timetable/matrix.ts';
import { solveTask } from './solve-task.ts';

/** Ruin-and-recreate steps per stop of a part, within bounds. */
const PART_BUDGET: IterationBudget = { perStop: 10, min: 300, max: 2000 };

export interface VrpPlannerOptions {
  /** Worker threads for the parts (1: this thread); default collection.workers, else the cores. */
  workers?: number;
  /** Polish across catchment borders (default true). */
  borderPolish?: boolean;
  /** Worker module (tests swap in one that fails). */
  workerEntry?: URL;
  /** Told each day's km after solving the parts and after the border polish. */
  onDay?: (stats: DayStats) => void;
}

export interface DayStats {
  day: number;
  parts: number;
  partsKm: number;
  pairs: number;
  pairsTaken: number;
  polishedKm: number;
  partsSeconds: number;
  polishSeconds: number;
  /** Of those, building instances in this thread (hub rows of the matrices; the first day also prepares the hierarchy). */
  buildSeconds: number;
}

export function vrpPlanner(world: World, trucks: Truck[], router: Router, demand: DemandModel, opts: VrpPlannerOptions = {}): (ctx: PlanContext) => DayPlan {
  const ws = new DijkstraWorkspace(world.graph);
  const workers = Math.max(1, opts.workers ?? world.scenario.collection.workers ?? defaultThreads());
  const entry = opts.workerEntry ?? new URL('./planner-worker.ts', import.meta.url);
  const pool = workers > 1 ? new SyncPool<SolveTask, SolveAnswer>(entry, workers, (t) => (t.start ? t.label : `part ${t.label}`)) : null;
  // Fewer tasks than two gain nothing from a worker.
  const run = (tasks: SolveTask[]) => (pool && tasks.length > 1 ? pool.run(tasks) : tasks.map(solveTask));
  return (ctx) => planDay(world, trucks, router, ws, demand, ctx, run, opts);
}

function planDay(
  world: World, trucks: Truck[], router: Router, ws: DijkstraWorkspace, demand: DemandModel, ctx: PlanContext,
  run: (tasks: SolveTask[]) => SolveAnswer[], opts: VrpPlannerOptions,
): DayPlan {
  const t0 = performance.now();
  const S = world.streams.length;
  const due = dueBins(world, demand, ctx);
  const midShift = trucks.length > 0 ? (trucks[0].shiftStartS + trucks[0].shiftEndS) / 2 : 43_200;
  const kgOf = (p: number, s: number) => ctx.waitingKg[p * S + s] + demand.expectedKg(p, s, ctx.day) * demand.fractionBy(midShift);
  // Stop-to-stop matrices by RPHAST in the solving threads, on the roads' time hierarchy (prepared once per graph, on first use).
  const pc: PartContext = { world, router, ws, kgOf, hierarchy: () => timeHierarchy(world.graph) };
  const { duePoints, trucksOf } = shareTrucksByStream(world, trucks, due, kgOf);
  // Catchments as the baseline's: largest regret first, spilling to the nearest station with room.
  const stationOf = assignStations(world, router, due, kgOf);

  let buildMs = 0;
  const parts: Part[] = [];
  const tasks: SolveTask[] = [];
  const pointsOf: number[][] = [];
  for (let s = 0; s < S; s++) {
    if (duePoints[s].length === 0 || trucksOf[s].length === 0) continue;
    // Station order, as before, so parts and their seeds keep their places.
    const catchment = new Map<number, number[]>();
    world.stations.forEach((st, i) => { if (st.streamMask[s]) catchment.set(i, []); });
    for (const p of duePoints[s]) catchment.get(stationOf[p * S + s])?.push(p);
    const groups = [...catchment].filter(([, pts]) => pts.length > 0);
    const shares = apportion(trucksOf[s].length, groups.map(([, pts]) => pts.reduce((a, p) => a + kgOf(p, s), 0)));
    let next = 0;
    groups.forEach(([station, pts], g) => {
      const fleet = trucksOf[s].slice(next, next + shares[g]);
      next += shares[g];
      if (fleet.length === 0) return;
      const kinds = kindsOf(world, s, fleet);
      const seed = `${world.scenario.seed}/vrp/${ctx.day}/${s}/${station}`;
      const iterations = iterationsFor(PART_BUDGET, pts.length);
      const label = `${world.streams[s].id}@${world.stations[station].id}`;
      parts.push({ label, stream: s, station, kinds, routes: [], km: 0, feasible: true });
      const b0 = performance.now();
      tasks.push({ label, seed, iterations, ...partInstance(pc, seed, s, [station], pts, kinds) });
      buildMs += performance.now() - b0;
      pointsOf.push(pts);
    });
  }
  run(tasks).forEach((ans, i) => {
    parts[i].routes = partRoutes(ans, pointsOf[i], [parts[i].station]);
    parts[i].km = ans.distance / 1000;
    parts[i].feasible = ans.feasible;
  });
  const t1 = performance.now();
  const partsKm = parts.reduce((a, p) => a + p.km, 0);

  let pairs = 0, pairsTaken = 0;
  // Each station's planned kg over all parts, so that no pair moves more to a station than its catchment would take.
  const planned = new Map<number, number>();
  for (const part of parts) addIntake(part.routes, part.stream, kgOf, planned);
  const fits = (change: Map<number, number>) => {
    for (const [st, d] of change) if (d > 1e-6 && (planned.get(st) ?? 0) + d > stationRoomKg(world, st)) return false;
    for (const [st, d] of change) planned.set(st, (planned.get(st) ?? 0) + d);
    return true;
  };
  if (opts.borderPolish ?? true) {
    for (const round of pairRounds(world, router, parts)) {
      const b0 = performance.now();
      const pts = round.map(([a, b]) => pairTask(pc, parts[a], parts[b], `${world.scenario.seed}/vrp/${ctx.day}/border/${parts[a].label}|${parts[b].label}`));
      buildMs += performance.now() - b0;
      run(pts.map((p) => p.task)).forEach((ans, i) => {
        const [a, b] = round[i];
        if (applyPair(parts[a], parts[b], pts[i], ans, kgOf, fits)) pairsTaken++;
      });
      pairs += round.length;
    }
  }
  opts.onDay?.({
    day: ctx.day, parts: parts.length, partsKm, pairs, pairsTaken, polishedKm: parts.reduce((a, p) => a + p.km, 0),
    partsSeconds: (t1 - t0) / 1000, polishSeconds: (performance.now() - t1) / 1000, buildSeconds: buildMs / 1000,
  });
  const routes = parts.flatMap(truckRoutes);
  routes.sort((a, b) => a.truck - b.truck);
  return { day: ctx.day, routes, due };
}
