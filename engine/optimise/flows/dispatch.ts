/**
 * Haul dispatch by the LP allocation, inside the simulation. The flow LP is
 * solved for each station's own catchment (every point's stream goes to its
 * nearest accepting station, as the collection planner sends it), with the
 * expected tonnage of the day and each plant's capacity on that day; its
 * station → plant tonnes become shares. Each haul load then goes to the
 * plant whose delivered tonnage lags its share the most, among the plants
 * that take it easily (pit room, under a day of backlog); when none does,
 * the ordinary rule (nearest with room, then landfill) decides, so pits,
 * refusals and mass balance behave as without the LP.
 *
 * The LP is solved when the scenario says: once, every day, or on the first
 * day and whenever a plant's capacity changes (an outage starts or ends) —
 * never per load; days alike share a solve. It is small (stations × plants × streams) and solved by
 * javascript-lp-solver, which runs synchronously inside the day loop and
 * gives the same answer on every run.
 */
import { DemandModel } from '../../demand/model.ts';
import type { World } from '../../scenario/world.ts';
import { capacityKgOnDay, takesEasily, type PlantChooser, type PlantState } from '../../sim/plant.ts';
import { solveWithJsl } from './backends.ts';
import { buildFlowLp, COL } from './build.ts';
import { flowModelFromWorld } from './from-scenario.ts';
import { scaleDemand } from './growth.ts';
import type { FlowModel } from './model.ts';

export type Resolve = 'once' | 'daily' | 'on-outage';

export interface DispatchSolve {
  day: number;
  /** The LP's status, or `reused` when a day alike (same capacities, demand within DEMAND_STEP) was solved before. */
  status: string;
  /** LP tonnes per day, index (station * S + stream) * plants + world plant index. */
  tonnes: Float64Array;
}

/** Road times and lengths between nodes: the simulation's router. */
export interface Roads {
  timeS(from: number, to: number): number;
  lengthM(from: number, to: number): number;
}

export interface LpDispatchOptions {
  resolve: Resolve;
  roads: Roads;
  /** Decides when no LP plant takes a load easily, and for recycling residue. */
  fallback: PlantChooser;
}

/**
 * Days alike share a solve: the day's demand is taken in steps of this
 * share, so a year re-solved daily needs a few dozen LPs, not 365.
 */
export const DEMAND_STEP = 0.01;

export class LpDispatch {
  readonly solves: DispatchSolve[] = [];
  private readonly base: FlowModel;
  private readonly plantWorldIndex: number[];
  private readonly demand: DemandModel;
  private readonly meanFactor: number;
  private readonly S: number;
  private readonly PW: number;
  /** Current LP tonnes and what stations have shipped today, same index as DispatchSolve.tonnes. */
  private target: Float64Array;
  private readonly shippedKg: Float64Array;
  /** kg shipped per (station, stream) today. */
  private readonly totalKg: Float64Array;
  private capacityKey = '';
  private readonly cache = new Map<string, Float64Array>();

  constructor(private readonly world: World, private readonly plants: PlantState[], private readonly o: LpDispatchOptions) {
    const { model, plantWorldIndex } = flowModelFromWorld(world, {
      catchments: 'stations', nearestStation: nearestStationByTime(world, o.roads),
      siteKm: (a, b) => (Number.isFinite(o.roads.timeS(a, b)) ? o.roads.lengthM(a, b) / 1000 : Infinity),
    });
    // Collection is already decided: a station's intake limit must not push its catchment to landfill in the LP.
    const all = model.catchments.reduce((a, c) => a + c.tonnesPerDay.reduce((x, y) => x + y, 0), 0);
    this.base = { ...model, stations: model.stations.map((t) => ({ ...t, capacityTonnesPerDay: Math.max(t.capacityTonnesPerDay, 2 * all + 1) })) };
    this.plantWorldIndex = plantWorldIndex;
    this.demand = new DemandModel(world);
    const days = world.scenario.days;
    let sum = 0;
    for (let d = 0; d < days; d++) sum += this.demand.dayFactor(d);
    this.meanFactor = sum / days;
    this.S = world.streams.length;
    this.PW = world.plants.length;
    const n = world.stations.length * this.S * this.PW;
    this.target = new Float64Array(n);
    this.shippedKg = new Float64Array(n);
    this.totalKg = new Float64Array(world.stations.length * this.S);
  }

  /**
   * At midnight: solve again if the policy says so. The shares are of a
   * day's flow, so the tally starts afresh each day: a plant that was down
   * yesterday is not sent a day's catch-up on top of today's share.
   */
  startDay(day: number): void {
    this.shippedKg.fill(0);
    this.totalKg.fill(0);
    const key = this.world.plants.map((p) => capacityKgOnDay(p.spec, day)).join(',');
    const due = this.solves.length === 0 || this.o.resolve === 'daily' || (this.o.resolve === 'on-outage' && key !== this.capacityKey);
    if (!due) return;
    this.capacityKey = key;
    const factor = Math.round(this.demand.dayFactor(day) / this.meanFactor / DEMAND_STEP) * DEMAND_STEP;
    const cacheKey = `${factor.toFixed(6)}|${key}`;
    const known = this.cache.get(cacheKey);
    if (known) {
      this.target = known;
      this.solves.push({ day, status: 'reused', tonnes: known });
      return;
    }
    this.solve(day, factor);
    this.cache.set(cacheKey, this.target);
  }

  private solve(day: number, factor: number): void {
    const m = scaleDemand(this.base, factor);
    m.plants = m.plants.map((p, i) => ({
      ...p, capacityTonnesPerDay: capacityKgOnDay(this.world.plants[this.plantWorldIndex[i]].spec, day) / 1000, outageDays: [], lineOutages: [],
    }));
    const f = buildFlowLp(m);
    const res = solveWithJsl(f.lp);
    const tonnes = new Float64Array(this.target.length);
    if (res.status === 'optimal') {
      for (let j = 0; j < f.lp.numCols; j++) {
        if (f.cols.kind[j] !== COL.haul || res.x[j] <= 1e-9) continue;
        tonnes[(f.cols.a[j] * this.S + f.cols.s[j]) * this.PW + this.plantWorldIndex[f.cols.b[j]]] += res.x[j];
      }
    }
    // Without an optimum the shares are empty and every load takes the ordinary rule.
    this.solves.push({ day, status: res.status, tonnes });
    this.target = tonnes;
  }

  /** The plant chooser: LP shares for station loads, the fallback otherwise. */
  readonly choose: PlantChooser = (fromNode, s, kg, day, station) => {
    if (station === undefined) return this.o.fallback(fromNode, s, kg, day);
    const ts = station * this.S + s, row = ts * this.PW;
    let planned = 0;
    for (let p = 0; p < this.PW; p++) planned += this.target[row + p];
    let best = -1, bestLag = -Infinity;
    if (planned > 0) {
      const after = this.totalKg[ts] + kg;
      for (let p = 0; p < this.PW; p++) {
        const share = this.target[row + p] / planned;
        if (share <= 0 || !takesEasily(this.plants[p], kg, day)) continue;
        const lag = share * after - this.shippedKg[row + p];
        if (lag > bestLag) { bestLag = lag; best = p; }
      }
    }
    if (best < 0) best = this.o.fallback(fromNode, s, kg, day);
    if (best >= 0) this.shippedKg[row + best] += kg;
    this.totalKg[ts] += kg;
    return best;
  };
}

/**
 * The collection planner's rule: a point's stream goes to the accepting
 * station nearest by road time (first on ties). Times of the last point asked
 * are kept, as the streams of a point are asked one after another.
 */
export function nearestStationByTime(world: World, roads: Pick<Roads, 'timeS'>): (point: number, stream: number) => number {
  const times = new Float64Array(world.stations.length);
  let last = -1;
  return (p, s) => {
    if (p !== last) {
      world.stations.forEach((st, i) => { times[i] = roads.timeS(world.points[p].node, st.node); });
      last = p;
    }
    let best = -1;
    world.stations.forEach((st, i) => { if (st.streamMask[s] && (best < 0 || times[i] < times[best])) best = i; });
    return best;
  };
}
