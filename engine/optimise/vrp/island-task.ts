/**
 * Islands of the search. An island is one search (the genetic search, or
 * ruin and recreate) with its own seed; it lives in one thread for the whole
 * solve and runs in epochs. Between epochs the caller hands each island the
 * best solution of its neighbour (a migrant). An island's course depends only
 * on its seed, its iteration budget per epoch and the migrants it receives —
 * never on the thread it runs in — so for an iteration budget the result is
 * the same whatever the number of threads.
 */
import { Hgs } from './hgs/genetic.ts';
import type { CvrpData } from './hgs/params.ts';
import type { VrpInstance } from './instance.ts';
import { RouteSimulator } from './route-sim.ts';
import { RuinRecreate, type RrRoute } from './rr/ruin-recreate.ts';

export type IslandProblem = { kind: 'hgs'; data: CvrpData } | { kind: 'rr'; inst: VrpInstance };

export interface IslandTask {
  island: number;
  /** Seed of this island (the same in every epoch). */
  seed: string;
  epoch: number;
  /** Iterations to run in this epoch (Infinity: until the time is up). */
  iterations: number;
  timeSeconds: number;
  /** Wall time the genetic search may spend building its initial population. */
  initialSeconds: number;
  /** Iterations in a row without a new best after which the island stops (Infinity: never). */
  noImprovement: number;
  /** The best solution of the neighbouring island, offered to this one. */
  migrant: number[][] | RrRoute[] | null;
}

export interface IslandResult {
  /** Best routes of the island: customer numbers 1..n (HGS), or vehicle stop orders (R&R). */
  best: number[][] | RrRoute[] | null;
  /** Cost of `best` (penalised for R&R); Infinity when none is feasible (HGS). */
  cost: number;
  /** Iterations done by this island so far. */
  iterations: number;
  /** The island has gone `noImprovement` iterations without a new best. */
  stalled: boolean;
}

type Island = { kind: 'hgs'; hgs: Hgs } | { kind: 'rr'; rr: RuinRecreate; routes: RrRoute[] | null; iterations: number };

/** The islands one thread holds, kept between epochs. */
export class IslandHost {
  private readonly islands = new Map<number, Island>();
  private sim: RouteSimulator | null = null;

  constructor(private readonly problem: IslandProblem) {}

  run(task: IslandTask): IslandResult {
    const p = this.problem;
    if (p.kind === 'hgs') {
      let isl = this.islands.get(task.island);
      if (!isl) this.islands.set(task.island, (isl = { kind: 'hgs', hgs: new Hgs(p.data, task.seed) }));
      const hgs = (isl as { hgs: Hgs }).hgs;
      if (task.migrant) hgs.inject(task.migrant as number[][]);
      const noImprovement = Number.isFinite(task.noImprovement) ? task.noImprovement : undefined;
      const stalled = hgs.run({ maxIterations: hgs.iterations + task.iterations, timeSeconds: task.timeSeconds, initialSeconds: task.initialSeconds, maxNoImprovement: noImprovement });
      const best = hgs.best();
      return { best: best?.routes ?? null, cost: best?.cost ?? Infinity, iterations: hgs.iterations, stalled };
    }
    this.sim ??= new RouteSimulator(p.inst);
    let isl = this.islands.get(task.island);
    if (!isl) this.islands.set(task.island, (isl = { kind: 'rr', rr: new RuinRecreate(p.inst, this.sim), routes: null, iterations: 0 }));
    const st = isl as Extract<Island, { kind: 'rr' }>;
    const migrant = task.migrant as RrRoute[] | null;
    const adopt = migrant !== null && (!st.routes || st.rr.penalised(migrant) < st.rr.penalised(st.routes));
    // A better migrant is a new best for this island: its count of steps without one starts again.
    if (adopt) st.rr.sinceBest = 0;
    const start = adopt ? migrant : st.routes;
    st.routes = st.rr.solve({ seed: `${task.seed}:${task.epoch}`, iterations: task.iterations, timeSeconds: task.timeSeconds, noImprovement: task.noImprovement }, start ?? undefined);
    st.iterations += st.rr.iterations;
    return { best: st.routes, cost: st.rr.penalised(st.routes), iterations: st.iterations, stalled: st.rr.sinceBest >= task.noImprovement };
  }
}
