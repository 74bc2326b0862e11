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
import { IslandHost, type IslandProblem, type IslandResult, type IslandTask } from './island-task.ts';
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
  /**
   * Stop an island after this many iterations in a row without a new best of
   * its own (in ruin and recreate a better migrant wakes it; the genetic
   * search then no longer restarts its population); the solve ends when every
   * island has stopped. Combines with the other budgets: whichever comes
   * first stops. Without a time budget the result does not depend on the
   * number of threads.
   */
  noImprovement?: number;
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
  const run = new Run(inst, opts);
  const pool = new IslandPool(run.problem, Math.min(run.threads, run.islands));
  try {
    for (let e = 0; e < run.epochs && !run.done(); e++) run.record(await pool.epoch(run.tasks(e)));
  } finally {
    await pool.close();
  }
  return run.result();
}

/** `solve` in this thread, synchronously: the same result as `solve` for the same seed and iteration budget. */
export function solveSync(inst: VrpInstance, opts: Omit<SolveOptions, 'threads'> = {}): SolveResult {
  const run = new Run(inst, { ...opts, threads: 1 });
  const host = new IslandHost(run.problem);
  for (let e = 0; e < run.epochs && !run.done(); e++) run.record(run.tasks(e).map((t) => host.run(t)));
  return run.result();
}

/** The budget, the islands' tasks epoch by epoch, and the final assembly: what both entry points share. */
class Run {
  readonly t0 = performance.now();
  readonly seed: string;
  readonly threads: number;
  readonly budget: number;
  readonly islands: number;
  readonly epochs: number;
  readonly totalSeconds: number;
  readonly noImprovement: number;
  readonly problem: IslandProblem;
  private readonly states: IslandResult[] = [];

  constructor(private readonly inst: VrpInstance, opts: SolveOptions) {
    this.seed = String(opts.seed ?? 1);
    this.threads = Math.max(1, opts.threads ?? 1);
    const timeOnly = opts.iterations === undefined && opts.timeSeconds !== undefined;
    this.noImprovement = opts.noImprovement ?? Infinity;
    const open = timeOnly || (opts.iterations === undefined && opts.noImprovement !== undefined);
    this.budget = opts.iterations ?? (open ? Infinity : DEFAULT_ITERATIONS);
    this.islands = Math.max(1, opts.islands ?? (timeOnly ? this.threads : 4));
    this.epochs = Math.max(1, opts.epochs ?? 5);
    this.totalSeconds = opts.timeSeconds ?? Infinity;
    const cvrp = asCvrp(inst);
    this.problem = typeof cvrp === 'string' ? { kind: 'rr', inst } : { kind: 'hgs', data: cvrp };
  }

  private elapsed(): number { return (performance.now() - this.t0) / 1000; }

  /** Time is up, or every island has gone `noImprovement` iterations without a new best. */
  done(): boolean {
    return this.states.length > 0 && (this.elapsed() >= this.totalSeconds || this.states.every((s) => s.stalled));
  }

  tasks(e: number): IslandTask[] {
    const { islands, epochs, budget, totalSeconds, states } = this;
    // Islands beyond the thread count share a thread, so each gets a part of the epoch's wall time.
    const perThread = Math.ceil(islands / Math.min(this.threads, islands));
    const slice = Number.isFinite(totalSeconds) ? Math.max(0.05, (totalSeconds - this.elapsed()) / (epochs - e) / perThread) : Infinity;
    return Array.from({ length: islands }, (_, i) => ({
      island: i,
      seed: `${this.seed}:${i}`,
      epoch: e,
      iterations: Number.isFinite(budget) ? share(share(budget, islands, i), epochs, e) : Infinity,
      timeSeconds: slice,
      initialSeconds: Number.isFinite(totalSeconds) ? (INITIAL_SHARE * totalSeconds) / perThread : Infinity,
      noImprovement: this.noImprovement,
      migrant: e > 0 && islands > 1 ? states[(i + islands - 1) % islands].best : null,
    }));
  }

  record(results: IslandResult[]): void {
    results.forEach((r, i) => { this.states[i] = r; });
  }

  result(): SolveResult {
    const { inst, states, problem } = this;
    let bestIsland = 0;
    states.forEach((s, i) => { if (s.cost < states[bestIsland].cost) bestIsland = i; });
    const best = states[bestIsland].best;
    let routes: VehicleStops[];
    if (problem.kind === 'hgs') {
      // Customers are numbered 1..n in the genetic search; stop k is customer k + 1.
      routes = best ? (best as number[][]).map((r) => ({ vehicleType: 0, stops: r.map((c) => c - 1) })) : inst.stops.map((_, s) => ({ vehicleType: 0, stops: [s] }));
    } else routes = (best as RrRoute[]).map((r) => ({ vehicleType: r.vehicleType, stops: r.stops }));
    const sol = assemble(inst, new RouteSimulator(inst), routes);
    const iterations = states.reduce((a, r) => a + r.iterations, 0);
    return { ...sol, method: problem.kind === 'hgs' ? 'hgs' : 'ruin-recreate', iterations, seconds: this.elapsed() };
  }
}

/** Part `i` of `total` cut into `parts` near-equal whole shares. */
function share(total: number, parts: number, i: number): number {
  return Math.floor((total * (i + 1)) / parts) - Math.floor((total * i) / parts);
}

export { defaultThreads };
