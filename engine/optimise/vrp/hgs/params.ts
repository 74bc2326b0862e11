/**
 * The capacitated problem as the hybrid genetic search sees it (Vidal 2022,
 * "Hybrid genetic search for the CVRP: open-source implementation and SWAP*
 * neighborhood", the HGS-CVRP design this folder follows): customers 1..n,
 * depot 0, one symmetric-or-not cost matrix, one load dimension, an optional
 * route duration limit (travel plus service), and the granular neighbour
 * lists, polar angles and initial penalties derived from them.
 */
import seedrandom from 'seedrandom';

export interface CvrpData {
  /** Number of customers; node 0 is the depot. */
  n: number;
  /** (n+1)² row-major travel cost (= travel time when a duration limit applies). */
  dist: Float64Array;
  demand: Float64Array;
  service: Float64Array;
  capacity: number;
  durationLimit: number;
  /** Routes available; HGS-CVRP's default ⌈1.3·Σq/Q⌉ + 3 when the fleet is unlimited. */
  nbVehicles: number;
  /** Planar coordinates for SWAP*'s circle sectors; null disables SWAP*. */
  x: Float64Array | null;
  y: Float64Array | null;
}

export interface HgsSettings {
  nbGranular: number;
  mu: number;
  lambda: number;
  nbElite: number;
  nbClose: number;
  targetFeasible: number;
  /** Iterations without improvement before the population restarts. */
  nbIterRestart: number;
  penaltyIncrease: number;
  penaltyDecrease: number;
  nbIterPenaltyManagement: number;
  /** Individuals built at random for the initial population (and after each restart). */
  initialIndividuals: number;
  /** Decomposition (decompose.ts) from this many customers up; Infinity: never. */
  decompositionMinCustomers: number;
  /** Offspring of the whole search between two decomposition passes. */
  decompositionEvery: number;
  /** Customers per group, offspring per group and initial individuals per group. */
  decompositionSize: number;
  decompositionIterations: number;
  decompositionInitial: number;
}

export const DEFAULT_HGS: HgsSettings = {
  nbGranular: 20, mu: 25, lambda: 40, nbElite: 4, nbClose: 5, targetFeasible: 0.2,
  nbIterRestart: 20_000, penaltyIncrease: 1.2, penaltyDecrease: 0.85, nbIterPenaltyManagement: 100,
  initialIndividuals: 100,
  // One island at 40 CPU-seconds: decomposition after every 5 offspring beat none on X-n256, n303, n401 and n502 (README).
  decompositionMinCustomers: 250, decompositionEvery: 5, decompositionSize: 120, decompositionIterations: 250, decompositionInitial: 4,
};

/** Uniform on [0, 1): seedrandom's xor4096 (long period, fast), seeded by a string. */
export type Random = () => number;

export function makeRandom(seed: string): Random {
  return seedrandom.xor4096(seed);
}

export const randInt = (r: Random, n: number) => Math.floor(r() * n);

export class Params {
  readonly n: number;
  readonly N: number;
  readonly correlated: Int32Array[];
  readonly polar: Int32Array;
  readonly maxDist: number;
  readonly maxDemand: number;
  readonly totalDemand: number;
  readonly hasDuration: boolean;
  penaltyCapacity: number;
  penaltyDuration = 1;

  constructor(readonly data: CvrpData, readonly s: HgsSettings = DEFAULT_HGS) {
    const n = (this.n = data.n);
    const N = (this.N = n + 1);
    let maxDist = 0, maxDemand = 0, total = 0;
    for (let i = 0; i < N * N; i++) if (data.dist[i] > maxDist) maxDist = data.dist[i];
    for (let i = 1; i <= n; i++) { maxDemand = Math.max(maxDemand, data.demand[i]); total += data.demand[i]; }
    this.maxDist = maxDist; this.maxDemand = maxDemand; this.totalDemand = total;
    this.hasDuration = Number.isFinite(data.durationLimit);
    this.penaltyCapacity = Math.max(0.1, Math.min(1000, maxDist / Math.max(maxDemand, 1e-9)));
    // Granular neighbourhoods: the nbGranular closest customers, made symmetric.
    const sets: Set<number>[] = Array.from({ length: N }, () => new Set<number>());
    const order = new Int32Array(Math.max(0, n - 1));
    for (let i = 1; i <= n; i++) {
      let k = 0;
      for (let j = 1; j <= n; j++) if (j !== i) order[k++] = j;
      const row = i * N;
      const sorted = Array.from(order).sort((a, b) => data.dist[row + a] - data.dist[row + b] || a - b);
      for (let j = 0; j < Math.min(s.nbGranular, n - 1); j++) { sets[i].add(sorted[j]); sets[sorted[j]].add(i); }
    }
    this.correlated = sets.map((st) => Int32Array.from([...st].sort((a, b) => a - b)));
    this.polar = new Int32Array(N);
    if (data.x && data.y) {
      for (let i = 0; i < N; i++) {
        const a = Math.trunc((32768 * Math.atan2(data.y[i] - data.y[0], data.x[i] - data.x[0])) / Math.PI);
        this.polar[i] = ((a % 65536) + 65536) % 65536;
      }
    }
  }

  d(i: number, j: number): number {
    return this.data.dist[i * this.N + j];
  }
}
