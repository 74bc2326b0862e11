/**
 * The routing solver's public face.
 *
 *   const inst = createInstance({ ... });              // validated, immutable
 *   const sol = await solve(inst, { seed: 1, iterations: 2000, threads: 2 });
 *   sol.routes[k].visits                               // depot, stops, unloads, depot — timed, with loads
 *
 * Classic capacitated instances (one depot and vehicle type, one load
 * dimension, unloading at the depot, no windows or breaks) go to the hybrid
 * genetic search; everything else — windows, lunch, several vehicle types or
 * streams, multi-trip unloading at facilities, shifts — to ruin and recreate
 * over the route timetable. Several islands run in epochs and pass their best
 * solution round a ring between epochs; each epoch is one task on the worker
 * pool carrying the island's whole state, so for a given seed and iteration
 * budget the result is the same whatever the number of threads.
 */
import { defaultThreads } from '../../parallel/pool.ts';
import { assemble, type VehicleStops } from './assemble.ts';
import { asCvrp } from './cvrp.ts';
import type { VrpInstance } from './instance.ts';
import type { IslandProblem, IslandResult, IslandTask } from './island-task.ts';
import { IslandPool } from './island-pool.ts';
import { RouteSimulator } from './route-sim.ts';
import type { RrRoute } from './rr/ruin-recreate.ts';
import type { VrpSolution } from './solution.ts';

export { createInstance, type InstanceSpec, type VrpInstance } from './instance.ts';
export type { RoutePlan, Visit, VrpSolution } from './solution.ts';
export { checkSolution, type Violation } from './checker.ts';

export interface SolveOptions {
  seed?: number | string;
  /** Iteration budget over all islands (offspring for the genetic search, ruin-and-recreate steps otherwise). */
  iterations?: number;
  /** Wall-clock budget in seconds; with no iteration budget every island runs until then. */
  timeSeconds?: number;
  /** Worker threads (1: run in this thread). Never changes the result of an iteration-budget run. */
  threads?: number;
  /** Islands; default 4 with an iteration budget, otherwise one per thread. */
  islands?: number;
  /** Migration rounds; default 5. */
  epochs?: number;
}

export interface SolveResult extends VrpSolution {
  method: 'hgs' | 'ruin-recreate';
  iterations: number;
  seconds: number;
}

/** Iteration budget used when neither iterations nor time are given. */
export const DEFAULT_ITERATIONS = 2000;
/** Share of a time budget the genetic search may spend on its initial population. */
const INITIAL_SHARE = 0.15;

export async function solve(inst: VrpInstance, opts: SolveOptions = {}): Promise<SolveResult> {
  const t0 = performance.now();
  const seed = String(opts.seed ?? 1);
  const threads = Math.max(1, opts.threads ?? 1);
  const timeOnly = opts.iterations === undefined && opts.timeSeconds !== undefined;
  const budget = opts.iterations ?? (timeOnly ? Infinity : DEFAULT_ITERATIONS);
  const islands = Math.max(1, opts.islands ?? (timeOnly ? threads : 4));
  const epochs = Math.max(1, opts.epochs ?? 5);
  const totalSeconds = opts.timeSeconds ?? Infinity;
  const cvrp = asCvrp(inst);
  const problem: IslandProblem = typeof cvrp === 'string' ? { kind: 'rr', inst } : { kind: 'hgs', data: cvrp };
  const sim = new RouteSimulator(inst);

  const pool = new IslandPool(problem, Math.min(threads, islands));
  const states: IslandResult[] = [];
  try {
    for (let e = 0; e < epochs; e++) {
      const elapsed = (performance.now() - t0) / 1000;
      // Islands beyond the thread count share a thread, so each gets a part of the epoch's wall time.
      const perThread = Math.ceil(islands / Math.min(threads, islands));
      const slice = Number.isFinite(totalSeconds) ? Math.max(0.05, (totalSeconds - elapsed) / (epochs - e) / perThread) : Infinity;
      const tasks: IslandTask[] = Array.from({ length: islands }, (_, i) => ({
        island: i,
        seed: `${seed}:${i}`,
        epoch: e,
        iterations: Number.isFinite(budget) ? share(share(budget, islands, i), epochs, e) : Infinity,
        timeSeconds: slice,
        initialSeconds: Number.isFinite(totalSeconds) ? INITIAL_SHARE * totalSeconds / perThread : Infinity,
        migrant: e > 0 && islands > 1 ? states[(i + islands - 1) % islands].best : null,
      }));
      const results = await pool.epoch(tasks);
      results.forEach((r, i) => { states[i] = r; });
      if (Number.isFinite(totalSeconds) && (performance.now() - t0) / 1000 >= totalSeconds) break;
    }
  } finally {
    await pool.close();
  }
  const done = states.reduce((a, r) => a + r.iterations, 0);
  let bestIsland = 0;
  states.forEach((s, i) => { if (s.cost < states[bestIsland].cost) bestIsland = i; });
  const best = states[bestIsland].best;
  let routes: VehicleStops[];
  if (problem.kind === 'hgs') {
    // Customers are numbered 1..n in the genetic search; stop k is customer k + 1.
    const hgsRoutes = (best as number[][] | null) ?? [];
    routes = hgsRoutes.map((r) => ({ vehicleType: 0, stops: r.map((c) => c - 1) }));
    if (!best) routes = inst.stops.map((_, s) => ({ vehicleType: 0, stops: [s] }));
  } else routes = (best as RrRoute[]).map((r) => ({ vehicleType: r.vehicleType, stops: r.stops }));
  const sol = assemble(inst, sim, routes);
  return { ...sol, method: problem.kind === 'hgs' ? 'hgs' : 'ruin-recreate', iterations: done, seconds: (performance.now() - t0) / 1000 };
}

/** Part `i` of `total` cut into `parts` near-equal whole shares. */
function share(total: number, parts: number, i: number): number {
  return Math.floor((total * (i + 1)) / parts) - Math.floor((total * i) / parts);
}

export { defaultThreads };
