/**
 * Ruin and recreate for the rich problem (windows, lunch, multi-trip with
 * facilities, several vehicle types, shifts), in the style of SISR
 * (Christiaens & Vanden Berghe 2020): remove strings of stops around a random
 * seed stop from neighbouring routes, reinsert them one by one at the
 * cheapest position (a few positions skipped at random: "blinks"), and
 * accept by simulated annealing on cost plus penalised infeasibility. Routes
 * are orders of stops, unload markers naming their facility and the lunch
 * (route-costing.ts); every unload is the search's: a stop that overfills
 * its trip is penalised, and its insertion is also tried with an unload
 * just before or after it. Each route keeps its prefix and suffix segments,
 * so each position tried — next to the stop's nearest neighbours, or every
 * position before a new truck goes out — is costed in O(1); after a route
 * changes, its lunch moves to where the route costs least. One step in a
 * hundred removes the shortest route whole instead of strings. Each step
 * also tries one facility move (insert, remove, retarget or move an unload)
 * on a route, and the final polish runs or-opt and the facility moves until
 * neither helps.
 */
import type { VrpInstance } from '../instance.ts';
import { LUNCH, unloadAt, type RouteSimulator } from '../route-sim.ts';
import { makeRandom, randInt, type Random } from '../hgs/params.ts';
import { FacilityMoves } from './facility-moves.ts';
import { finalUnload, RouteCosting } from './route-costing.ts';
import { copyRoute, hasStops, type Route, type RrRoute } from './route.ts';
import { SUFMASK } from './segments.ts';

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
/**
 * Share of steps whose ruin removes the shortest route whole instead of
 * strings: string removal alone rarely empties a route, so a fleet built too
 * large stays so (on Kim et al.'s 804, 1599 and 2100 at 10 s, one or two vehicles
 * fewer each, at 1–10 % more miles; 5 % did worse than 1 %).
 */
const DROP_ROUTE = 0.01;

export class RuinRecreate {
  private readonly L: number;
  private readonly stopLoc: Int32Array;
  private readonly near: Int32Array[];
  private readonly serveable: boolean[][];
  private readonly costing: RouteCosting;
  private readonly locs: Int32Array;
  /** Route and position of each stop while recreating (−1: not on a route). */
  private readonly routeOf: Int32Array;
  private readonly posOf: Int32Array;
  /** The insertion being sought: the stop and the best place so far. */
  private readonly ins = { s: 0, delta: Infinity, route: -1, pos: 0, unload: 0, after: true };
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

  constructor(private readonly inst: VrpInstance, sim: RouteSimulator) {
    const S = inst.stops.length;
    this.L = inst.locationCount;
    this.stopLoc = Int32Array.from(inst.stops, (s) => s.location);
    const dist = inst.distance;
    this.near = inst.stops.map((s, i) => nearest(S, NEIGHBOURS, (j) => (j === i ? Infinity : dist[s.location * this.L + this.stopLoc[j]])));
    this.serveable = inst.vehicleTypes.map((_, t) => inst.stops.map((_, s) => sim.canServe(t, s)));
    this.costing = new RouteCosting(inst);
    // A normalised order holds at most a marker per stop and the lunch.
    this.locs = new Int32Array(2 * S + 2);
    this.routeOf = new Int32Array(S).fill(-1);
    this.posOf = new Int32Array(S);
    let maxD = 0;
    for (let i = 0; i < dist.length; i++) if (dist[i] > maxD) maxD = dist[i];
    const maxCostRate = Math.max(...inst.vehicleTypes.map((v) => v.costPerDistance * maxD + v.costPerHour + v.fixedCost), 1);
    // Steep enough that a new vehicle is always cheaper than a small excess of load or time.
    this.steepPenalty = 1000 * maxCostRate;
    // The search starts ten times softer and adapts from there (a hundred times
    // did better still on Kim et al.'s instances, but lost feasibility on tiny
    // ones with short budgets, where lateness is seconds).
    this.penalty = this.steepPenalty / 10;
    this.facility = new FacilityMoves(this.costing, this.penalty, (r) => this.refresh(r));
  }

  solve(opts: RrOptions, start?: RrRoute[]): RrRoute[] {
    this.rng = makeRandom(`${opts.seed}:rr`);
    const t0 = performance.now();
    let current = start ? start.map((r) => this.route(r.vehicleType, r.stops.slice())) : [];
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
      const next = current.map((r) => copyRoute(r));
      const removed = next.length > 1 && this.rng() < DROP_ROUTE ? this.dropShortest(next) : this.ruin(next);
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
   * (stops or unload markers, never the lunch) elsewhere in its route.
   * Candidates are screened by the change in matrix distance and costed in
   * O(1) by segments (route-costing.ts: `orOptValue`), so only improvements
   * of the penalised cost are kept; the lunch is placed again after each.
   */
  private orOpt(r: Route): void {
    const L = this.L, dist = this.inst.distance, loc = this.locs, C = this.costing;
    const v = this.inst.vehicleTypes[r.vehicleType];
    const home = this.inst.depots[v.startDepot].location, end = this.inst.depots[v.endDepot].location;
    let current = r.cost + this.penalty * r.violation;
    for (let improved = true; improved;) {
      improved = false;
      const st = r.stops, n = st.length;
      C.locate(st, home, loc);
      const at = (i: number) => (i < 0 ? home : i >= n ? end : loc[i]);
      for (let k = 1; k <= 3 && !improved; k++) {
        for (let i = 0; i + k <= n && !improved; i++) {
          let lunch = false;
          for (let j = i; j < i + k; j++) if (st[j] === LUNCH) lunch = true;
          if (lunch) continue;
          // String st[i..i+k) between at(i-1) and at(i+k).
          const a = at(i - 1), f = at(i), l = at(i + k - 1), b = at(i + k);
          const removeGain = dist[a * L + f] + dist[l * L + b] - dist[a * L + b];
          const to = C.orOptBest(r.seg, i, k, this.penalty, current - 1e-9, (j) => {
            const p = at(j - 1), q = at(j);
            return dist[p * L + f] + dist[l * L + q] - dist[p * L + q] - removeGain < -1e-9;
          });
          if (to < 0) continue;
          const old = { stops: r.stops, seg: r.seg, cost: r.cost, violation: r.violation };
          const rest = [...st.slice(0, i), ...st.slice(i + k)], at2 = to < i ? to : to - k;
          r.stops = [...rest.slice(0, at2), ...st.slice(i, i + k), ...rest.slice(at2)];
          this.refresh(r);
          // Kept only if still better once normalised and the lunch placed again (else polishing could cycle).
          if (r.cost + this.penalty * r.violation < current - 1e-9) {
            current = r.cost + this.penalty * r.violation;
            improved = true;
          } else Object.assign(r, old);
        }
      }
    }
  }

  /** Cost plus penalised infeasibility of a set of routes, as they are. */
  penalised(routes: readonly RrRoute[]): number {
    let c = 0;
    for (const r of routes) {
      if (r.stops.length === 0) continue;
      const m = this.costing.evaluate(r.vehicleType, r.stops);
      c += m.cost + this.steepPenalty * m.violation;
    }
    return c;
  }

  /** A route of the search from an order: normalised, lunch placed, segments built. */
  private route(vehicleType: number, stops: number[]): Route {
    const r = { vehicleType, stops, cost: 0, violation: 0 } as Route;
    this.refresh(r);
    return r;
  }

  /** After `r.stops` changed: normalise it, place the lunch, build its segments and cost it. */
  private refresh(r: Route): void {
    const C = this.costing, t = r.vehicleType;
    C.normalise(t, r.stops);
    this.measureBuilt(r);
    // The lunch moves only when it may help: the route is infeasible, lacks a
    // lunch it needs, or waits for the window (elsewhere a lunch costs the same).
    if (C.lunchApplies(t) && r.stops.length > 0 && (r.violation > 0 || C.lunchAssumed || C.lunchWaits(r.seg))) {
      C.placeLunch(t, r.stops, this.penalty, r.seg);
      this.measureBuilt(r);
    }
  }

  private measureBuilt(r: Route): void {
    const C = this.costing, t = r.vehicleType;
    r.seg = C.build(t, r.stops, r.seg);
    C.load(r.seg.prefix, r.stops.length);
    C.finish(t);
    C.measureAcc(t);
    r.cost = C.cost;
    r.violation = C.violation;
  }

  private total(routes: Route[], penalty = this.penalty): number {
    let c = 0;
    for (const r of routes) if (r.stops.length > 0) c += r.cost + penalty * r.violation;
    return c;
  }

  private unserved(routes: Route[]): number[] {
    const seen = new Uint8Array(this.inst.stops.length);
    for (const r of routes) for (const s of r.stops) if (s >= 0) seen[s] = 1;
    const out: number[] = [];
    seen.forEach((x, s) => { if (!x) out.push(s); });
    return out;
  }

  /** Take out the route with the fewest elements whole: its stops are to find room on the others. */
  private dropShortest(routes: Route[]): number[] {
    let k = 0;
    for (let i = 1; i < routes.length; i++) if (routes[i].stops.length < routes[k].stops.length) k = i;
    const out = routes[k].stops.filter((x) => x >= 0);
    routes.splice(k, 1);
    return out;
  }

  /** SISR-style string removal around a random seed stop. */
  private ruin(routes: Route[]): number[] {
    const S = this.inst.stops.length;
    if (S === 0) return [];
    const where = new Int32Array(S).fill(-1);
    routes.forEach((r, ri) => { for (const s of r.stops) if (s >= 0) where[s] = ri; });
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
      // Unloads in the cut go with it (the search places them again); the lunch stays.
      const cut = r.stops.splice(from, len);
      for (const c of cut) if (c >= 0) { removed.push(c); where[c] = -1; }
      if (cut.includes(LUNCH)) r.stops.splice(from, 0, LUNCH);
      this.refresh(r);
    }
    return removed;
  }

  private recreate(routes: Route[], removed: number[]): void {
    const order = this.rng() < 0.5 ? removed.slice().sort((a, b) => this.farFromDepot(b) - this.farFromDepot(a) || a - b) : shuffle(removed.slice(), this.rng);
    this.routeOf.fill(-1);
    routes.forEach((r, ri) => this.index(r, ri));
    for (const s of order) this.insert(routes, s);
  }

  /** Record where route ri's stops are (for the granular insertion). */
  private index(r: Route, ri: number): void {
    const st = r.stops;
    for (let i = 0; i < st.length; i++) if (st[i] >= 0) { this.routeOf[st[i]] = ri; this.posOf[st[i]] = i; }
  }

  private farFromDepot(s: number): number {
    const depot = this.inst.depots[0].location;
    return this.inst.distance[depot * this.L + this.stopLoc[s]];
  }

  /**
   * Insert stop s where it costs least. The positions tried are those next
   * to (before and after) each of its nearest stops on a route — a granular
   * neighbourhood — or, when none of those is on a route that may serve it
   * or a new truck would cost less, every position of every route. Each is
   * costed in O(1) from the route's segments; where the stop makes its route
   * worse, also with an unload just after or just before it.
   */
  private insert(routes: Route[], s: number): void {
    const ins = this.ins;
    ins.s = s; ins.delta = Infinity; ins.route = -1; ins.pos = 0; ins.unload = 0; ins.after = true;
    for (const j of this.near[s]) {
      const ri = this.routeOf[j];
      if (ri < 0 || !this.serveable[routes[ri].vehicleType][s]) continue;
      const limit = this.costing.multiTrip ? finalUnload(routes[ri].stops) : routes[ri].stops.length;
      const q = this.posOf[j];
      if (q <= limit) this.tryPosition(routes, ri, q);
      if (q + 1 <= limit) this.tryPosition(routes, ri, q + 1);
    }
    // A fresh vehicle, if one is left, of the cheapest type that may serve the stop.
    const fresh = this.freshVehicle(routes, s);
    const freshValue = fresh ? fresh.cost + this.penalty * fresh.violation : Infinity;
    // Before a new truck goes out (or when no neighbour's route may take the stop), every position is tried.
    if (ins.route < 0 || freshValue < ins.delta) {
      for (let ri = 0; ri < routes.length; ri++) {
        // An emptied route holds no final unload to insert before: a fresh vehicle stands for it.
        if (!this.serveable[routes[ri].vehicleType][s] || routes[ri].stops.length === 0) continue;
        const limit = this.costing.multiTrip ? finalUnload(routes[ri].stops) : routes[ri].stops.length;
        for (let p = 0; p <= limit; p++) {
          // A few positions are skipped at random for diversity, never the last: an empty route has no other.
          if (p < limit && this.rng() < 0.01) continue;
          this.tryPosition(routes, ri, p);
        }
      }
    }
    if (fresh && freshValue < ins.delta) { this.index(fresh, routes.length); routes.push(fresh); return; }
    if (ins.route < 0) throw new Error(`stop ${this.inst.stops[s].id}: no vehicle left that may serve it`);
    const r = routes[ins.route];
    if (ins.unload === 0) r.stops.splice(ins.pos, 0, s);
    else r.stops.splice(ins.pos, 0, ...(ins.after ? [s, ins.unload] : [ins.unload, s]));
    this.refresh(r);
    this.index(r, ins.route);
  }

  /** Cost inserting `ins.s` before element p of route ri (with an unload next to it when it overfills); keep the best in `ins`. */
  private tryPosition(routes: Route[], ri: number, p: number): void {
    const C = this.costing, ins = this.ins, s = ins.s, r = routes[ri], t = r.vehicleType, rs = r.seg;
    const dist = this.inst.distance, L = this.L, sl = this.stopLoc[s], pen = this.penalty;
    const perDistance = this.inst.vehicleTypes[t].costPerDistance, before = r.cost + pen * r.violation;
    // The detour's distance bounds the change from below (a stop adds no time back, nor trip room):
    // most positions are passed over without concatenating.
    const a = C.prefixLast(rs, p), b = C.restFirst(rs, p);
    if (perDistance * (dist[a * L + sl] + dist[sl * L + b] - dist[a * L + b]) >= ins.delta) return;
    C.load(rs.prefix, p);
    C.push(t, s);
    C.pushRest(rs, p);
    C.measureAcc(t);
    const delta = C.cost + pen * C.violation - before;
    if (delta < ins.delta) { ins.delta = delta; ins.route = ri; ins.pos = p; ins.unload = 0; }
    if (!C.multiTrip || C.violation <= r.violation + 1e-9) return;
    // The stop does not fit as things are: close a trip just after it, or just before.
    const mask = rs.prefix[p * C.W + SUFMASK], bit = C.seg.streamBit[s];
    for (let k = 0; k < 2; k++) {
      const after = k === 0;
      if (!after && mask === 0) continue;
      const f = after ? C.bestFacility(sl, b, mask | bit) : C.bestFacility(a, sl, mask);
      if (f < 0) continue;
      const fl = this.inst.facilities[f].location;
      const via = after ? dist[a * L + sl] + dist[sl * L + fl] + dist[fl * L + b] : dist[a * L + fl] + dist[fl * L + sl] + dist[sl * L + b];
      if (perDistance * (via - dist[a * L + b]) >= ins.delta) continue;
      C.load(rs.prefix, p);
      if (after) { C.push(t, s); C.push(t, unloadAt(f)); } else { C.push(t, unloadAt(f)); C.push(t, s); }
      C.pushRest(rs, p);
      C.measureAcc(t);
      const d = C.cost + pen * C.violation - before;
      if (d < ins.delta) { ins.delta = d; ins.route = ri; ins.pos = p; ins.unload = unloadAt(f); ins.after = after; }
    }
  }

  /** The route of a fresh vehicle serving only s, of the cheapest type with one left (null: none). */
  private freshVehicle(routes: Route[], s: number): Route | null {
    let best: Route | null = null;
    this.inst.vehicleTypes.forEach((v, t) => {
      if (!this.serveable[t][s]) return;
      // A route the ruin emptied is no vehicle in use: it is dropped when the step is taken.
      const used = routes.reduce((a, r) => a + (r.vehicleType === t && r.stops.length > 0 ? 1 : 0), 0);
      if (v.count !== null && used >= v.count) return;
      const m = this.route(t, [s]);
      if (!best || m.cost < best.cost) best = m;
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
