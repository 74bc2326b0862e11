/**
 * A solution of the genetic search: the giant tour (customers in order,
 * no depots) and its routes, with distance, penalised cost and the broken-
 * pairs distances to other members of its subpopulation.
 */
import type { Params } from './params.ts';

export class Individual {
  chromT: Int32Array;
  chromR: number[][];
  successors: Int32Array;
  predecessors: Int32Array;
  penalizedCost = 0;
  nbRoutes = 0;
  distance = 0;
  capacityExcess = 0;
  durationExcess = 0;
  isFeasible = false;
  biasedFitness = 0;
  /** Other members of the subpopulation by increasing broken-pairs distance. */
  proximity: { d: number; other: Individual }[] = [];

  constructor(params: Params, tour?: Int32Array) {
    this.chromT = tour ? Int32Array.from(tour) : Int32Array.from({ length: params.n }, (_, i) => i + 1);
    this.chromR = Array.from({ length: params.data.nbVehicles }, () => []);
    this.successors = new Int32Array(params.n + 1);
    this.predecessors = new Int32Array(params.n + 1);
  }

  clone(params: Params): Individual {
    const c = new Individual(params, this.chromT);
    c.chromR = this.chromR.map((r) => r.slice());
    c.successors.set(this.successors);
    c.predecessors.set(this.predecessors);
    c.penalizedCost = this.penalizedCost; c.nbRoutes = this.nbRoutes; c.distance = this.distance;
    c.capacityExcess = this.capacityExcess; c.durationExcess = this.durationExcess; c.isFeasible = this.isFeasible;
    return c;
  }

  evaluate(p: Params): void {
    let distance = 0, capEx = 0, durEx = 0, nbRoutes = 0;
    const { demand, service, capacity, durationLimit } = p.data;
    for (const r of this.chromR) {
      if (r.length === 0) continue;
      nbRoutes++;
      let dr = p.d(0, r[0]), load = demand[r[0]], time = dr + service[r[0]];
      this.predecessors[r[0]] = 0;
      for (let i = 1; i < r.length; i++) {
        const step = p.d(r[i - 1], r[i]);
        dr += step; time += step + service[r[i]]; load += demand[r[i]];
        this.predecessors[r[i]] = r[i - 1];
        this.successors[r[i - 1]] = r[i];
      }
      this.successors[r[r.length - 1]] = 0;
      const back = p.d(r[r.length - 1], 0);
      dr += back; time += back;
      distance += dr;
      if (load > capacity) capEx += load - capacity;
      if (time > durationLimit) durEx += time - durationLimit;
    }
    this.distance = distance; this.nbRoutes = nbRoutes; this.capacityExcess = capEx; this.durationExcess = durEx;
    this.penalizedCost = distance + capEx * p.penaltyCapacity + durEx * p.penaltyDuration;
    this.isFeasible = capEx < 1e-5 && durEx < 1e-5;
  }

  brokenPairsDistance(o: Individual, n: number): number {
    let diff = 0;
    for (let j = 1; j <= n; j++) {
      if (this.successors[j] !== o.successors[j] && this.successors[j] !== o.predecessors[j]) diff++;
      if (this.predecessors[j] === 0 && o.predecessors[j] !== 0 && o.successors[j] !== 0) diff++;
    }
    return diff / n;
  }

  averageDistanceClosest(k: number): number {
    const m = Math.min(k, this.proximity.length);
    let s = 0;
    for (let i = 0; i < m; i++) s += this.proximity[i].d;
    return m === 0 ? 0 : s / m;
  }

  addProximity(d: number, other: Individual): void {
    let i = this.proximity.length;
    while (i > 0 && this.proximity[i - 1].d > d) i--;
    this.proximity.splice(i, 0, { d, other });
  }

  removeProximity(other: Individual): void {
    const i = this.proximity.findIndex((e) => e.other === other);
    if (i >= 0) this.proximity.splice(i, 1);
  }
}
