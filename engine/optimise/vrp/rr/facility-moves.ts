/**
 * Moves on facility visits for the rich search: insert an UNLOAD marker at
 * its best position, remove one, move one. The timetable unloads only when
 * forced (the next stop would overfill); these moves let the search unload
 * earlier — while passing a transfer station, or a few stops before the
 * forced unload so the next trip is better shaped. Candidate positions for a
 * marker are those with the smallest facility detour, the few before each
 * forced unload and a couple at random; each is costed by resuming the
 * timetable from the saved state just before it, so a move costs one walk of
 * the route plus one tail walk per candidate.
 */
import type { VrpInstance } from '../instance.ts';
import { UNLOAD, type RouteSimulator } from '../route-sim.ts';
import { randInt, type Random } from '../hgs/params.ts';
import { normalise, type Route } from './route.ts';

/** Candidates per move: smallest detours, positions before a forced unload, random. */
const BY_DETOUR = 6;
const BEFORE_FORCED = 3;
const AT_RANDOM = 2;
const GAIN = 1e-9;

export class FacilityMoves {
  /** Whether unloads are the search's business at all (multi-trip with facilities). */
  readonly active: boolean;
  private readonly L: number;
  private readonly stopLoc: Int32Array;
  private readonly facLoc: Int32Array;
  /** Location of the facility nearest each location (for screening by distance). */
  private readonly nearFacility: Int32Array;
  private readonly states: Float64Array;
  private readonly scratch: Int32Array;
  private readonly without: number[] = [];
  private readonly cand: number[] = [];
  private readonly seen: Uint8Array;

  /** Cost units per unit of violation; the search adjusts it as it goes. */
  penalty: number;

  constructor(private readonly inst: VrpInstance, private readonly sim: RouteSimulator, penalty: number) {
    this.penalty = penalty;
    this.active = !inst.unloadAtDepot && inst.facilities.length > 0;
    this.L = inst.locationCount;
    this.stopLoc = Int32Array.from(inst.stops, (s) => s.location);
    this.facLoc = Int32Array.from(inst.facilities, (f) => f.location);
    const dist = inst.distance, L = this.L;
    this.nearFacility = new Int32Array(L);
    for (let a = 0; a < L; a++) {
      let best = this.facLoc[0] ?? a;
      for (const f of this.facLoc) if (dist[a * L + f] < dist[a * L + best]) best = f;
      this.nearFacility[a] = best;
    }
    // A normalised order holds fewer markers than stops.
    const most = 2 * inst.stops.length + 2;
    this.states = new Float64Array((most + 1) * sim.stateSize);
    this.scratch = new Int32Array(most + 1);
    this.seen = new Uint8Array(most + 1);
  }

  /**
   * Where each element of an order is, for screening moves by distance: a
   * stop's location, or for a marker the facility nearest the place before it.
   */
  locate(stops: readonly number[], home: number, out: Int32Array): void {
    let prev = home;
    for (let i = 0; i < stops.length; i++) {
      const s = stops[i];
      out[i] = prev = s === UNLOAD ? this.nearFacility[prev] : this.stopLoc[s];
    }
  }

  /** One move on a route, chosen at random; applied only if it lowers the route's penalised cost. */
  step(r: Route, rng: Random): boolean {
    if (!this.active) return false;
    const markers = countMarkers(r.stops);
    const op = markers === 0 ? 0 : randInt(rng, 3);
    return op === 0 ? this.insert(r, rng) : op === 1 ? this.remove(r) : this.move(r, rng, randInt(rng, markers));
  }

  /** Remove, move and insert markers, every position a candidate, until none of them helps (for the final polish). */
  improve(r: Route): boolean {
    if (!this.active) return false;
    let any = false;
    for (let changed = true; changed;) {
      changed = this.remove(r);
      for (let k = 0, m = countMarkers(r.stops); k < m && !changed; k++) changed = this.move(r, null, k);
      if (!changed) changed = this.insert(r, null);
      any ||= changed;
    }
    return any;
  }

  /** Insert a marker at the best candidate position (every position when `rng` is null). */
  insert(r: Route, rng: Random | null): boolean {
    const n = r.stops.length;
    if (n < 2) return false;
    this.sim.recordStates(r.vehicleType, r.stops, n, this.states);
    const best = this.bestPlace(r.vehicleType, r.stops, rng);
    return this.adopt(r, best.value, () => r.stops.splice(best.pos, 0, UNLOAD));
  }

  /** Remove the marker whose removal helps most. */
  remove(r: Route): boolean {
    const st = r.stops, n = st.length;
    let bestValue = Infinity, bestAt = -1, recorded = false;
    for (let i = 0; i < n; i++) {
      if (st[i] !== UNLOAD) continue;
      if (!recorded) { this.sim.recordStates(r.vehicleType, st, n, this.states); recorded = true; }
      for (let k = 0; k < n - 1; k++) this.scratch[k] = st[k < i ? k : k + 1];
      const v = this.value(this.sim.evaluateFrom(r.vehicleType, this.states, i, this.scratch, n - 1));
      if (v < bestValue) { bestValue = v; bestAt = i; }
    }
    return bestAt >= 0 && this.adopt(r, bestValue, () => st.splice(bestAt, 1));
  }

  /** Move the k-th marker to its best candidate position elsewhere (every position when `rng` is null). */
  move(r: Route, rng: Random | null, k: number): boolean {
    const st = r.stops;
    let at = -1;
    for (let i = 0, seen = 0; i < st.length && at < 0; i++) if (st[i] === UNLOAD && seen++ === k) at = i;
    if (at < 0) return false;
    const w = this.without;
    w.length = 0;
    for (let i = 0; i < st.length; i++) if (i !== at) w.push(st[i]);
    this.sim.recordStates(r.vehicleType, w, w.length, this.states);
    const best = this.bestPlace(r.vehicleType, w, rng);
    return this.adopt(r, best.value, () => { r.stops = w.slice(); r.stops.splice(best.pos, 0, UNLOAD); });
  }

  private value(m: { cost: number; violation: number }): number {
    return m.cost + this.penalty * m.violation;
  }

  /** Apply `change` if `value` beats the route's penalised cost, and re-cost the route. */
  private adopt(r: Route, value: number, change: () => void): boolean {
    if (!(value < r.cost + this.penalty * r.violation - GAIN)) return false;
    change();
    normalise(r.stops);
    const m = this.sim.evaluate(r.vehicleType, r.stops);
    r.cost = m.cost; r.violation = m.violation;
    return true;
  }

  /** The best position for a new marker in `stops`, whose states are recorded. */
  private bestPlace(type: number, stops: readonly number[], rng: Random | null): { pos: number; value: number } {
    const n = stops.length;
    const cand = this.candidates(stops, rng);
    let value = Infinity, pos = -1;
    for (const p of cand) {
      const sc = this.scratch;
      for (let i = 0; i < p; i++) sc[i] = stops[i];
      sc[p] = UNLOAD;
      for (let i = p; i < n; i++) sc[i + 1] = stops[i];
      const v = this.value(this.sim.evaluateFrom(type, this.states, p, sc, n + 1));
      if (v < value || (v === value && p < pos)) { value = v; pos = p; }
    }
    return { pos, value };
  }

  /** Positions p (a marker before element p) worth trying; every useful one when `rng` is null. */
  private candidates(stops: readonly number[], rng: Random | null): number[] {
    const n = stops.length, cand = this.cand, seen = this.seen;
    cand.length = 0;
    // Between two stops only: a marker next to another is a no-op.
    const useful = (p: number) => p >= 1 && p < n && stops[p - 1] !== UNLOAD && stops[p] !== UNLOAD;
    const add = (p: number) => { if (useful(p) && !seen[p]) { seen[p] = 1; cand.push(p); } };
    if (!rng) for (let p = 1; p < n; p++) add(p);
    else {
      this.byDetour(stops, add);
      for (let k = 0; k < n; k++) {
        // A forced unload before stop k: try unloading one to a few stops earlier.
        if (stops[k] === UNLOAD || this.sim.unloadsBefore(this.states, k + 1) === this.sim.unloadsBefore(this.states, k)) continue;
        for (let j = 1; j <= BEFORE_FORCED; j++) add(k - j);
      }
      for (let j = 0; j < AT_RANDOM && n > 1; j++) add(1 + randInt(rng, n - 1));
    }
    for (const p of cand) seen[p] = 0;
    return cand;
  }

  /** Offer the BY_DETOUR positions where going through a facility costs the least extra distance. */
  private byDetour(stops: readonly number[], add: (p: number) => void): void {
    const dist = this.inst.distance, L = this.L;
    const keep: number[] = [], key: number[] = [];
    for (let p = 1; p < stops.length; p++) {
      if (stops[p - 1] === UNLOAD || stops[p] === UNLOAD) continue;
      const a = this.stopLoc[stops[p - 1]], b = this.stopLoc[stops[p]];
      let d = Infinity;
      for (const f of this.facLoc) d = Math.min(d, dist[a * L + f] + dist[f * L + b]);
      d -= dist[a * L + b];
      if (keep.length === BY_DETOUR && d >= key[BY_DETOUR - 1]) continue;
      let i = keep.length < BY_DETOUR ? keep.length : BY_DETOUR - 1;
      if (keep.length < BY_DETOUR) { keep.push(p); key.push(d); }
      while (i > 0 && key[i - 1] > d) { keep[i] = keep[i - 1]; key[i] = key[i - 1]; i--; }
      keep[i] = p; key[i] = d;
    }
    for (const p of keep) add(p);
  }
}

export function countMarkers(stops: readonly number[]): number {
  let m = 0;
  for (const s of stops) if (s === UNLOAD) m++;
  return m;
}
