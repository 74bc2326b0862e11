/**
 * Ruin and recreate for the rich problem (windows, lunch, multi-trip with
 * facilities, several vehicle types, shifts), in the style of SISR
 * (Christiaens & Vanden Berghe 2020): remove strings of stops around a random
 * seed stop from neighbouring routes, reinsert them one by one at the
 * cheapest position (a few positions skipped at random: "blinks"), and
 * accept by simulated annealing on cost plus penalised infeasibility. Routes
 * are stop orders with optional UNLOAD markers; the route timetable
 * (RouteSimulator) adds the forced unloads and the lunch, so moving a stop
 * also moves those. Each step also tries one facility move (insert, remove
 * or move a marker) on a route, and the final polish runs or-opt and the
 * facility moves until neither helps. Insertion checks only the positions
 * with the smallest detours per route, each costed by resuming the timetable
 * from the saved state before it.
 */
import type { VrpInstance } from '../instance.ts';
import { UNLOAD, type RouteSimulator } from '../route-sim.ts';
import { makeRandom, randInt, type Random } from '../hgs/params.ts';
import { FacilityMoves } from './facility-moves.ts';
import { copyRoute, hasStops, normalise, type Route, type RrRoute } from './route.ts';

export type { RrRoute } from './route.ts';

export interface RrOptions {
  seed: string;
  iterations: number;
  /** Wall-clock limit in seconds (Infinity = none). */
  timeSeconds: number;
  /** Stop after this many steps in a row without a new best, counted across calls (see `sinceBest`). */
  noImprovement?: number;
}

const NEIGHBOURS = 30;
/** Adaptive penalty: candidates between adjustments, and the feasible share it aims at. */
const ADAPT_EVERY = 50;
const TARGET_FEASIBLE = 0.3;
const POSITIONS_PER_ROUTE = 6;

export class RuinRecreate {
  private readonly L: number;
  private readonly stopLoc: Int32Array;
  private readonly near: Int32Array[];
  private readonly serveable: boolean[][];
  private readonly scratch: Int32Array;
  /** Timetable states along the route being inserted into (see RouteSimulator.recordStates). */
  private readonly states: Float64Array;
  private readonly locs: Int32Array;
  /**
   * Cost units per unit of violation (hours late, relative overload …) that
   * rank solutions outside the search: steep, so that a feasible solution
   * always beats an infeasible one. The best solution is kept by it.
   */
  readonly steepPenalty: number;
  /** The penalty the search walks by: it adapts (see `adapt`) so that about a TARGET_FEASIBLE share of candidates is feasible. */
  private penalty: number;
  private feasibleSeen = 0;
  private candidatesSeen = 0;
  private readonly facility: FacilityMoves;
  private rng!: Random;
  iterations = 0;
  /** Steps since the best was last improved; kept between calls, reset by the caller when it hands over a better start. */
  sinceBest = 0;

  constructor(private readonly inst: VrpInstance, private readonly sim: RouteSimulator) {
    const S = inst.stops.length;
    this.L = inst.locationCount;
    this.stopLoc = Int32Array.from(inst.stops, (s) => s.location);
    const dist = inst.distance;
    this.near = inst.stops.map((s, i) => nearest(S, NEIGHBOURS, (j) => (j === i ? Infinity : dist[s.location * this.L + this.stopLoc[j]])));
    this.serveable = inst.vehicleTypes.map((_, t) => inst.stops.map((_, s) => sim.canServe(t, s)));
    // A normalised order holds fewer UNLOAD markers than stops.
    this.scratch = new Int32Array(2 * S + 2);
    this.states = new Float64Array((2 * S + 3) * sim.stateSize);
    this.locs = new Int32Array(2 * S + 2);
    let maxD = 0;
    for (let i = 0; i < dist.length; i++) if (dist[i] > maxD) maxD = dist[i];
    const maxCostRate = Math.max(...inst.vehicleTypes.map((v) => v.costPerDistance * maxD + v.costPerHour + v.fixedCost), 1);
    // Steep enough that a new vehicle is always cheaper than a small excess of load or time.
    this.steepPenalty = 1000 * maxCostRate;
    // The search starts ten times softer and adapts from there (a hundred times
    // did better still on Kim et al.'s instances, but lost feasibility on tiny
    // ones with short budgets, where lateness is seconds).
    this.penalty = this.steepPenalty / 10;
    this.facility = new FacilityMoves(inst, sim, this.penalty);
  }

  solve(opts: RrOptions, start?: RrRoute[]): RrRoute[] {
    this.rng = makeRandom(`${opts.seed}:rr`);
    const t0 = performance.now();
    let current = start ? start.map((r) => this.route(r.vehicleType, normalise(r.stops.slice()))) : [];
    const missing = this.unserved(current);
    this.recreate(current, missing);
    let best = current.map(copyRoute);
    let curCost = this.total(current), bestCost = this.total(current, this.steepPenalty);
    // Temperatures from the plain cost: the penalty term would make them huge while the start is infeasible.
    const plain = current.reduce((a, r) => a + r.cost, 0);
    const T0 = Math.max(1e-9, (0.1 * plain) / Math.max(1, this.inst.stops.length)), Tf = T0 / 100;
    const stall = opts.noImprovement ?? Infinity;
    for (this.iterations = 0; this.iterations < opts.iterations && this.sinceBest < stall; this.iterations++) {
      const elapsed = (performance.now() - t0) / 1000;
      if (elapsed >= opts.timeSeconds) break;
      const progress = Math.max(
        this.iterations / opts.iterations, Number.isFinite(opts.timeSeconds) ? elapsed / opts.timeSeconds : 0,
        // With only the no-improvement rule there is no horizon: cool on the scale of its window instead.
        Number.isFinite(opts.iterations) || Number.isFinite(opts.timeSeconds) ? 0 : this.iterations / (this.iterations + stall),
      );
      const T = T0 * Math.pow(Tf / T0, progress);
      const next = current.map(copyRoute);
      const removed = this.ruin(next);
      this.recreate(next, removed);
      if (this.facility.active && next.length > 0) this.facility.step(next[randInt(this.rng, next.length)], this.rng);
      const cost = this.total(next), steep = this.total(next, this.steepPenalty);
      this.sinceBest++;
      if (steep < bestCost - 1e-9) { best = next.filter(hasStops).map(copyRoute); bestCost = steep; this.sinceBest = 0; }
      if (cost < curCost - T * Math.log(this.rng())) {
        current = next.filter(hasStops);
        curCost = cost;
      }
      if (this.adapt(next)) curCost = this.total(current);
    }
    // The final polish ranks by the steep penalty; the next call goes on with the adapted one.
    const soft = this.penalty;
    this.setPenalty(this.steepPenalty);
    for (const r of best) this.polish(r);
    this.setPenalty(soft);
    return best.filter(hasStops).map((r) => ({ vehicleType: r.vehicleType, stops: r.stops }));
  }

  /**
   * Count whether a candidate was feasible, and every ADAPT_EVERY candidates
   * move the penalty towards TARGET_FEASIBLE feasible ones (Vidal et al.
   * 2012's rule): too few, steeper; too many, softer, so the search may cut
   * through infeasible solutions. Returns whether the penalty changed.
   */
  private adapt(routes: Route[]): boolean {
    let feasible = true;
    for (const r of routes) if (r.violation > 1e-9) feasible = false;
    if (feasible) this.feasibleSeen++;
    if (++this.candidatesSeen < ADAPT_EVERY) return false;
    const share = this.feasibleSeen / this.candidatesSeen;
    this.feasibleSeen = this.candidatesSeen = 0;
    const p = this.penalty;
    if (share < TARGET_FEASIBLE - 0.05) this.setPenalty(Math.min(this.steepPenalty, p * 1.2));
    else if (share > TARGET_FEASIBLE + 0.05) this.setPenalty(Math.max(this.steepPenalty * 1e-4, p * 0.85));
    return this.penalty !== p;
  }

  /** The penalty the search walks by now. */
  get currentPenalty(): number { return this.penalty; }

  private setPenalty(p: number): void {
    this.penalty = p;
    this.facility.penalty = p;
  }

  /** Or-opt and the facility moves, in turn, until neither helps. */
  private polish(r: Route): void {
    do this.orOpt(r); while (this.facility.improve(r));
  }

  /**
   * Or-opt within a route until no move helps: move a string of 1–3 elements
   * (stops or UNLOAD markers) elsewhere in its route. Candidates are screened
   * by the change in matrix distance and confirmed by the timetable (forced
   * unloads and lunch move with the stops), so only improvements of the
   * penalised cost are kept.
   */
  private orOpt(r: Route): void {
    const L = this.L, dist = this.inst.distance, loc = this.locs;
    const v = this.inst.vehicleTypes[r.vehicleType];
    const home = this.inst.depots[v.startDepot].location, end = this.inst.depots[v.endDepot].location;
    let current = r.cost + this.penalty * r.violation;
    for (let improved = true; improved;) {
      improved = false;
      const st = r.stops, n = st.length;
      this.facility.locate(st, home, loc);
      const at = (i: number) => (i < 0 ? home : i >= n ? end : loc[i]);
      for (let k = 1; k <= 3 && !improved; k++) {
        for (let i = 0; i + k <= n && !improved; i++) {
          // String st[i..i+k) between at(i-1) and at(i+k).
          const a = at(i - 1), f = at(i), l = at(i + k - 1), b = at(i + k);
          const removeGain = dist[a * L + f] + dist[l * L + b] - dist[a * L + b];
          for (let j = 0; j <= n && !improved; j++) {
            if (j >= i && j <= i + k) continue; // insert before stop j (j = n: at the end)
            const p = at(j - 1), q = at(j);
            if (dist[p * L + f] + dist[l * L + q] - dist[p * L + q] - removeGain >= -1e-9) continue;
            const seg = st.slice(i, i + k);
            const rest = [...st.slice(0, i), ...st.slice(i + k)];
            const to = j < i ? j : j - k;
            const next = normalise([...rest.slice(0, to), ...seg, ...rest.slice(to)]);
            const m = this.sim.evaluate(r.vehicleType, next);
            const c = m.cost + this.penalty * m.violation;
            if (c < current - 1e-9) {
              r.stops = next; r.cost = m.cost; r.violation = m.violation; current = c;
              improved = true;
            }
          }
        }
      }
    }
  }

  /** Cost plus penalised infeasibility of a set of routes. */
  penalised(routes: readonly RrRoute[]): number {
    return this.total(routes.map((r) => this.route(r.vehicleType, r.stops)), this.steepPenalty);
  }

  private route(vehicleType: number, stops: number[]): Route {
    const m = this.sim.evaluate(vehicleType, stops);
    return { vehicleType, stops, cost: m.cost, violation: m.violation };
  }

  private total(routes: Route[], penalty = this.penalty): number {
    let c = 0;
    for (const r of routes) if (r.stops.length > 0) c += r.cost + penalty * r.violation;
    return c;
  }

  private unserved(routes: Route[]): number[] {
    const seen = new Uint8Array(this.inst.stops.length);
    for (const r of routes) for (const s of r.stops) if (s !== UNLOAD) seen[s] = 1;
    const out: number[] = [];
    seen.forEach((x, s) => { if (!x) out.push(s); });
    return out;
  }

  /** SISR-style string removal around a random seed stop. */
  private ruin(routes: Route[]): number[] {
    const S = this.inst.stops.length;
    if (S === 0) return [];
    const where = new Int32Array(S).fill(-1);
    routes.forEach((r, ri) => { for (const s of r.stops) if (s !== UNLOAD) where[s] = ri; });
    const avgLen = Math.max(1, S / Math.max(1, routes.length));
    const maxString = Math.min(10, avgLen);
    const kMax = Math.max(1, Math.min(routes.length, Math.floor((4 * 10) / (1 + maxString)) - 1));
    const strings = 1 + randInt(this.rng, kMax);
    const seed = randInt(this.rng, S);
    const removed: number[] = [];
    const touched = new Set<number>();
    for (const s of [seed, ...this.near[seed]]) {
      if (touched.size >= strings) break;
      const ri = where[s];
      if (ri < 0 || touched.has(ri)) continue;
      touched.add(ri);
      const r = routes[ri];
      const len = 1 + randInt(this.rng, Math.min(r.stops.length, Math.ceil(maxString)));
      const at = r.stops.indexOf(s);
      const from = Math.max(0, Math.min(at - randInt(this.rng, len), r.stops.length - len));
      // Markers in the cut go with it: the unloads there are for the search to place again.
      const cut = r.stops.splice(from, len);
      for (const c of cut) if (c !== UNLOAD) { removed.push(c); where[c] = -1; }
      Object.assign(r, this.route(r.vehicleType, normalise(r.stops)));
    }
    return removed;
  }

  private recreate(routes: Route[], removed: number[]): void {
    const order = this.rng() < 0.5 ? removed.slice().sort((a, b) => this.farFromDepot(b) - this.farFromDepot(a) || a - b) : shuffle(removed.slice(), this.rng);
    for (const s of order) this.insert(routes, s);
  }

  private farFromDepot(s: number): number {
    const depot = this.inst.depots[0].location;
    return this.inst.distance[depot * this.L + this.stopLoc[s]];
  }

  private insert(routes: Route[], s: number): void {
    const L = this.L, dist = this.inst.distance, loc = this.stopLoc[s];
    let bestDelta = Infinity, bestRoute = -1, bestPos = 0;
    const cand = new Float64Array(POSITIONS_PER_ROUTE), candPos = new Int32Array(POSITIONS_PER_ROUTE);
    for (let ri = 0; ri < routes.length; ri++) {
      const r = routes[ri];
      if (!this.serveable[r.vehicleType][s]) continue;
      const v = this.inst.vehicleTypes[r.vehicleType];
      const home = this.inst.depots[v.startDepot].location, end = this.inst.depots[v.endDepot].location;
      this.facility.locate(r.stops, home, this.locs);
      // Keep the positions with the smallest detours.
      let kept = 0;
      for (let p = 0; p <= r.stops.length; p++) {
        // A few positions are skipped at random for diversity, never the last: an empty route has no other.
        if (this.rng() < 0.01 && p < r.stops.length) continue;
        const a = p === 0 ? home : this.locs[p - 1];
        const b = p === r.stops.length ? end : this.locs[p];
        const detour = dist[a * L + loc] + dist[loc * L + b] - dist[a * L + b];
        if (kept < POSITIONS_PER_ROUTE) { cand[kept] = detour; candPos[kept] = p; kept++; }
        else {
          let worst = 0;
          for (let k = 1; k < kept; k++) if (cand[k] > cand[worst]) worst = k;
          if (detour < cand[worst]) { cand[worst] = detour; candPos[worst] = p; }
        }
      }
      const before = r.cost + this.penalty * r.violation;
      if (kept > 0) this.sim.recordStates(r.vehicleType, r.stops, r.stops.length, this.states);
      for (let k = 0; k < kept; k++) {
        const n = this.withInserted(r.stops, candPos[k], s);
        const m = this.sim.evaluateFrom(r.vehicleType, this.states, candPos[k], this.scratch, n);
        const delta = m.cost + this.penalty * m.violation - before;
        if (delta < bestDelta) { bestDelta = delta; bestRoute = ri; bestPos = candPos[k]; }
      }
    }
    // A fresh vehicle, if one is left, of the cheapest type that may serve the stop.
    const fresh = this.freshVehicle(routes, s);
    if (fresh >= 0) {
      const m = this.sim.evaluate(fresh, [s]);
      const delta = m.cost + this.penalty * m.violation;
      if (delta < bestDelta) {
        routes.push({ vehicleType: fresh, stops: [s], cost: m.cost, violation: m.violation });
        return;
      }
    }
    if (bestRoute < 0) throw new Error(`stop ${this.inst.stops[s].id}: no vehicle left that may serve it`);
    const r = routes[bestRoute];
    r.stops.splice(bestPos, 0, s);
    Object.assign(r, this.route(r.vehicleType, r.stops));
  }

  private withInserted(stops: number[], pos: number, s: number): number {
    const out = this.scratch;
    for (let i = 0; i < pos; i++) out[i] = stops[i];
    out[pos] = s;
    for (let i = pos; i < stops.length; i++) out[i + 1] = stops[i];
    return stops.length + 1;
  }

  private freshVehicle(routes: Route[], s: number): number {
    let best = -1, bestCost = Infinity;
    this.inst.vehicleTypes.forEach((v, t) => {
      if (!this.serveable[t][s]) return;
      const used = routes.reduce((a, r) => a + (r.vehicleType === t ? 1 : 0), 0);
      if (v.count !== null && used >= v.count) return;
      const m = this.sim.evaluate(t, [s]);
      if (m.cost < bestCost) { bestCost = m.cost; best = t; }
    });
    return best;
  }
}

function shuffle<T>(a: T[], r: Random): T[] {
  for (let i = a.length - 1; i > 0; i--) {
    const j = randInt(r, i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** The k indices in 0..n-1 with the smallest finite keys, nearest first (ties by index). */
function nearest(n: number, k: number, key: (j: number) => number): Int32Array {
  const idx = new Int32Array(k), val = new Float64Array(k);
  let m = 0;
  for (let j = 0; j < n; j++) {
    const d = key(j);
    if (d === Infinity || (m === k && d >= val[k - 1])) continue;
    let p = m < k ? m++ : k - 1; // when full, the farthest kept one drops out
    while (p > 0 && val[p - 1] > d) { idx[p] = idx[p - 1]; val[p] = val[p - 1]; p--; }
    idx[p] = j; val[p] = d;
  }
  return idx.slice(0, m);
}
