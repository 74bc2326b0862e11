/**
 * Split (Prins 2004; Vidal 2016): the optimal cut of a giant tour into
 * routes, load and duration excess penalised, routes bounded at 1.5× the
 * capacity. When the best unlimited cut needs more routes than there are
 * vehicles, a Bellman pass over the route count finds the best cut within
 * the fleet.
 */
import type { Individual } from './individual.ts';
import type { Params } from './params.ts';

export class Split {
  private readonly potential: Float64Array[];
  private readonly pred: Int32Array[];
  private readonly sumLoad: Float64Array;
  private readonly sumService: Float64Array;
  private readonly sumDist: Float64Array;

  constructor(private readonly p: Params) {
    const n = p.n;
    this.potential = Array.from({ length: p.data.nbVehicles + 1 }, () => new Float64Array(n + 1));
    this.pred = Array.from({ length: p.data.nbVehicles + 1 }, () => new Int32Array(n + 1));
    this.sumLoad = new Float64Array(n + 1);
    this.sumService = new Float64Array(n + 1);
    this.sumDist = new Float64Array(n + 1);
  }

  run(indiv: Individual, maxVehicles: number): void {
    const p = this.p;
    const { demand, service, capacity } = p.data;
    const max = Math.min(p.data.nbVehicles, Math.max(maxVehicles, Math.ceil(p.totalDemand / capacity)));
    const t = indiv.chromT;
    for (let i = 1; i <= p.n; i++) {
      this.sumLoad[i] = this.sumLoad[i - 1] + demand[t[i - 1]];
      this.sumService[i] = this.sumService[i - 1] + service[t[i - 1]];
      this.sumDist[i] = this.sumDist[i - 1] + (i > 1 ? p.d(t[i - 2], t[i - 1]) : 0);
    }
    if (!this.simple(indiv, max)) this.limitedFleet(indiv, max);
    indiv.evaluate(p);
  }

  private routeCost(i: number, j: number): number {
    // Customers chromT[i..j-1] as one route.
    const p = this.p, t = this.lastTour!;
    const load = this.sumLoad[j] - this.sumLoad[i];
    const dist = p.d(0, t[i]) + this.sumDist[j] - this.sumDist[i + 1] + p.d(t[j - 1], 0);
    const dur = dist + this.sumService[j] - this.sumService[i];
    return dist + p.penaltyCapacity * Math.max(0, load - p.data.capacity) + p.penaltyDuration * Math.max(0, dur - p.data.durationLimit);
  }

  private lastTour: Int32Array | null = null;

  private simple(indiv: Individual, max: number): boolean {
    const p = this.p, n = p.n, cap15 = 1.5 * p.data.capacity;
    const pot = this.potential[0], pred = this.pred[0];
    this.lastTour = indiv.chromT;
    pot.fill(1e30); pot[0] = 0;
    for (let i = 0; i < n; i++) {
      if (pot[i] >= 1e29) continue;
      for (let j = i + 1; j <= n && this.sumLoad[j] - this.sumLoad[i] <= cap15 || j === i + 1 && j <= n; j++) {
        const c = pot[i] + this.routeCost(i, j);
        if (c < pot[j]) { pot[j] = c; pred[j] = i; }
      }
    }
    if (pot[n] >= 1e29) throw new Error('split: no cut of the giant tour');
    for (const r of indiv.chromR) r.length = 0;
    let end = n;
    for (let k = max - 1; k >= 0 && end > 0; k--) {
      const begin = pred[end];
      for (let ii = begin; ii < end; ii++) indiv.chromR[k].push(indiv.chromT[ii]);
      end = begin;
    }
    return end === 0;
  }

  private limitedFleet(indiv: Individual, max: number): void {
    const p = this.p, n = p.n, cap15 = 1.5 * p.data.capacity;
    for (let k = 0; k <= max; k++) this.potential[k].fill(1e30);
    this.potential[0][0] = 0;
    for (let k = 0; k < max; k++) {
      const pot = this.potential[k], next = this.potential[k + 1], pred = this.pred[k + 1];
      for (let i = k; i < n && pot[i] < 1e29; i++) {
        for (let j = i + 1; j <= n && (this.sumLoad[j] - this.sumLoad[i] <= cap15 || j === i + 1); j++) {
          const c = pot[i] + this.routeCost(i, j);
          if (c < next[j]) { next[j] = c; pred[j] = i; }
        }
      }
    }
    let best = this.potential[max][n], nbRoutes = max;
    for (let k = 1; k < max; k++) if (this.potential[k][n] < best) { best = this.potential[k][n]; nbRoutes = k; }
    if (best >= 1e29) throw new Error('split: no cut of the giant tour within the fleet');
    for (const r of indiv.chromR) r.length = 0;
    let end = n;
    for (let k = nbRoutes - 1; k >= 0; k--) {
      const begin = this.pred[k + 1][end];
      for (let ii = begin; ii < end; ii++) indiv.chromR[k].push(indiv.chromT[ii]);
      end = begin;
    }
  }
}
