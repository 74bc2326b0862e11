/**
 * The route timetable: given a vehicle type and the order of its stops, walk
 * the route forward from the start of the shift and decide the unloads and
 * the lunch break on the way —
 *  - unload where the order holds an unload marker (`unloadAt(f)`: the
 *    search's choice of when and where), and — for orders that leave it to
 *    the timetable — before a stop that would overfill the truck (or whose
 *    stream no facility takes together with what is on board) and before
 *    going home when the depot does not take waste, each forced unload at
 *    the facility with the smallest detour between where the truck is and
 *    where it goes next, among those still open when it gets there;
 *  - take lunch where the order holds the LUNCH marker (the search's choice)
 *    or, in an order without one, before the first leg whose next service
 *    would start after the lunch window opens; either way at the window's
 *    opening if the truck is early.
 * Service starts at the window's opening when the truck is early; lateness
 * is measured, not hidden. `evaluate` costs a route without allocating;
 * `plan` returns the visits for a RoutePlan. The rich search costs its
 * moves by route segments (rr/segments.ts), on the same rules: an order it
 * calls feasible is walked here to the same times, distance and cost.
 */
import { acceptsStream, carriesStream, type VehicleType, type VrpInstance } from './instance.ts';
import type { RoutePlan, Visit } from './solution.ts';

/** Tolerance on limits, as the checker's: sums of loads and times carry rounding error. */
const EPS = 1e-6;

/** In a stop order: unload here at facility `f` (markers are negative; stops are indices ≥ 0). */
export function unloadAt(f: number): number { return -1 - f; }

/** The facility of an unload marker. */
export function markerFacility(m: number): number { return -1 - m; }

/** In a stop order: take the lunch break here, where the truck is. */
export const LUNCH = -(2 ** 30);

/** Whether an element of a stop order is an unload marker. */
export function isUnload(x: number): boolean { return x < 0 && x !== LUNCH; }

export interface RouteMeasure {
  distance: number;
  durationSeconds: number;
  cost: number;
  /** Weighted infeasibility: hours late + relative overloads + excess stops, duration and length. */
  violation: number;
}

export class RouteSimulator {
  readonly L: number;
  readonly D: number;
  private readonly stopLoc: Int32Array;
  private readonly stopLoad: Float64Array;
  private readonly streamIds: Map<string, number>;
  private readonly stopStream: Int32Array;
  /** accepts[f * nStreams + s] */
  private readonly accepts: Uint8Array;
  private readonly load: Float64Array;
  private readonly shiftLoad: Float64Array;

  constructor(readonly inst: VrpInstance) {
    this.L = inst.locationCount;
    this.D = inst.dimensions.length;
    const S = inst.stops.length;
    this.stopLoc = Int32Array.from(inst.stops, (s) => s.location);
    this.stopLoad = new Float64Array(S * this.D);
    inst.stops.forEach((s, i) => s.load.forEach((q, d) => { this.stopLoad[i * this.D + d] = q; }));
    this.streamIds = new Map();
    for (const s of inst.stops) if (!this.streamIds.has(s.stream)) this.streamIds.set(s.stream, this.streamIds.size);
    this.stopStream = Int32Array.from(inst.stops, (s) => this.streamIds.get(s.stream)!);
    const ns = this.streamIds.size;
    this.accepts = new Uint8Array(inst.facilities.length * ns);
    inst.facilities.forEach((f, fi) => { for (const [name, k] of this.streamIds) this.accepts[fi * ns + k] = acceptsStream(f, name) ? 1 : 0; });
    this.load = new Float64Array(this.D);
    this.shiftLoad = new Float64Array(this.D);
  }

  canServe(type: number, stop: number): boolean {
    const v = this.inst.vehicleTypes[type];
    const s = this.inst.stops[stop];
    return carriesStream(v, s.stream) && s.load.every((q, d) => q <= v.capacity[d]);
  }

  /** Cost and infeasibility of serving `stops[0..n)` (stops and UNLOAD markers) in order with a vehicle of `type`. */
  evaluate(type: number, stops: ArrayLike<number>, n = stops.length): RouteMeasure {
    return this.walk(type, stops, n, null);
  }

  /** The full timetable. */
  plan(type: number, vehicle: number, stops: ArrayLike<number>, n = stops.length): RoutePlan {
    const visits: Visit[] = [];
    const lunch = { start: null as number | null };
    const m = this.walk(type, stops, n, { visits, lunch });
    return { vehicleType: type, vehicle, visits, lunchStartSeconds: lunch.start, distance: m.distance, durationSeconds: m.durationSeconds, cost: m.cost };
  }

  // State of the walk in progress (fields, not closures: `evaluate` runs in the search's inner loop).
  private v!: VehicleType;
  private out: { visits: Visit[]; lunch: { start: number | null } } | null = null;
  private t = 0;
  private at = 0;
  private distance = 0;
  private late = 0;
  private overload = 0;
  private lunchDone = false;
  /** Stops served so far. */
  private served = 0;
  /** Bit set of the streams on board (streams beyond 31 share bit 31: conservative). */
  private onBoard = 0;

  private walk(type: number, stops: ArrayLike<number>, n: number, out: { visits: Visit[]; lunch: { start: number | null } } | null): RouteMeasure {
    const inst = this.inst;
    const v = (this.v = inst.vehicleTypes[type]);
    this.out = out;
    const { D, load, shiftLoad } = this;
    const multiTrip = !inst.unloadAtDepot && inst.facilities.length > 0;
    const home = inst.depots[v.startDepot].location;
    const end = inst.depots[v.endDepot].location;
    const t0 = v.shiftStartSeconds;
    load.fill(0); shiftLoad.fill(0);
    this.onBoard = 0; this.served = 0;
    this.t = t0; this.at = home; this.distance = 0; this.late = 0; this.overload = 0;
    let placed = false;
    for (let k = 0; k < n && !placed; k++) placed = stops[k] === LUNCH;
    // With a LUNCH marker the lunch is taken there (or not at all without a lunch break), never by the rule.
    this.lunchDone = placed || v.lunch === null || t0 > v.lunch.latestStartSeconds;
    out?.visits.push({ kind: 'depot', index: v.startDepot, arrivalSeconds: t0, startSeconds: t0, departureSeconds: t0, load: Array.from(load) });

    for (let k = 0; k < n; k++) {
      const s = stops[k];
      if (s === LUNCH) {
        if (v.lunch) this.takeLunch(this.t);
        continue;
      }
      if (s < 0) {
        // An empty truck has nothing to unload: the marker is then a no-op.
        if (multiTrip && this.onBoard !== 0) this.unloadAtFacility(markerFacility(s));
        continue;
      }
      const st = inst.stops[s];
      const bit = 1 << Math.min(this.stopStream[s], 31);
      let full = false;
      for (let d = 0; d < D; d++) if (load[d] + this.stopLoad[s * D + d] > v.capacity[d] + EPS) full = true;
      if (multiTrip && this.onBoard !== 0 && (full || (this.onBoard & bit) === 0 && !this.someFacilityTakes(this.onBoard | bit))) {
        this.unloadBefore(this.stopLoc[s]);
      } else if (full) {
        for (let d = 0; d < D; d++) this.overload += Math.max(0, load[d] + this.stopLoad[s * D + d] - v.capacity[d]) / v.capacity[d];
      }
      const arrival = this.drive(this.stopLoc[s], st.windowOpenSeconds);
      const start = Math.max(arrival, st.windowOpenSeconds);
      if (start > st.windowCloseSeconds + EPS) this.late += start - st.windowCloseSeconds;
      this.t = start + st.serviceSeconds;
      for (let d = 0; d < D; d++) { load[d] += this.stopLoad[s * D + d]; shiftLoad[d] += this.stopLoad[s * D + d]; }
      this.onBoard |= bit;
      this.served++;
      out?.visits.push({ kind: 'stop', index: s, arrivalSeconds: arrival, startSeconds: start, departureSeconds: this.t, load: Array.from(load) });
    }
    if (!inst.unloadAtDepot && this.onBoard !== 0) this.unloadBefore(end);
    const arrival = this.served === 0 && home === end ? this.t : this.drive(end, 0);
    if (inst.unloadAtDepot) load.fill(0);
    out?.visits.push({ kind: 'depot', index: v.endDepot, arrivalSeconds: arrival, startSeconds: arrival, departureSeconds: arrival, load: Array.from(load) });
    if (arrival > v.shiftEndSeconds + EPS) this.late += arrival - v.shiftEndSeconds;
    const durationSeconds = arrival - t0;
    const distance = this.distance;
    let violation = this.late / 3600 + this.overload;
    for (let d = 0; d < D; d++) if (shiftLoad[d] > v.shiftLoadLimit[d] + EPS) violation += (shiftLoad[d] - v.shiftLoadLimit[d]) / v.capacity[d];
    if (this.served > v.maxStops) violation += (this.served - v.maxStops) / 10;
    if (durationSeconds > v.maxDurationSeconds + EPS) violation += (durationSeconds - v.maxDurationSeconds) / 3600;
    if (distance > v.maxDistance + EPS) violation += (distance - v.maxDistance) / Math.max(1, v.maxDistance) * 10;
    const cost = (this.served > 0 ? v.fixedCost : 0) + v.costPerDistance * distance + (v.costPerHour * durationSeconds) / 3600;
    this.out = null;
    return { distance, durationSeconds, cost, violation };
  }

  /** Drive to location `to`; returns the arrival time, taking lunch first when it is due. */
  private drive(to: number, openAt: number): number {
    const L = this.L, lunch = this.v.lunch;
    const travel = this.inst.durationSeconds[this.at * L + to];
    if (!this.lunchDone && Math.max(this.t + travel, openAt) > lunch!.earliestStartSeconds) this.takeLunch(this.t);
    this.distance += this.inst.distance[this.at * L + to];
    this.at = to;
    this.t += travel;
    return this.t;
  }

  /** Lunch where the truck is, from time `t` or the window's opening. */
  private takeLunch(t: number): void {
    const lunch = this.v.lunch!;
    const ls = Math.max(t, lunch.earliestStartSeconds);
    if (ls > lunch.latestStartSeconds + EPS) this.late += ls - lunch.latestStartSeconds;
    if (this.out) this.out.lunch.start = ls;
    this.t = ls + lunch.durationSeconds;
    this.lunchDone = true;
  }

  /**
   * Unload at the accepting facility with the smallest detour on the way to
   * location `next`, among those still open when the truck gets there (by
   * the time it would be late, when none is).
   */
  private unloadBefore(next: number): void {
    const inst = this.inst, L = this.L, dist = inst.distance, ns = this.streamIds.size;
    let best = -1, bestDetour = Infinity, bestLate = Infinity;
    for (let f = 0; f < inst.facilities.length; f++) {
      let ok = true;
      for (let s = 0; s < ns && ok; s++) if ((this.onBoard >>> Math.min(s, 31)) & 1 && !this.accepts[f * ns + s]) ok = false;
      if (!ok) continue;
      const fac = inst.facilities[f], fl = fac.location;
      const detour = dist[this.at * L + fl] + dist[fl * L + next];
      // Lunch on the way can only make the truck later; it is left out of this estimate.
      const late = Math.max(0, Math.max(this.t + inst.durationSeconds[this.at * L + fl], fac.openSeconds) - fac.closeSeconds);
      const lateKey = late > EPS ? late : 0;
      if (lateKey < bestLate || (lateKey === bestLate && detour < bestDetour)) { bestLate = lateKey; bestDetour = detour; best = f; }
    }
    if (best < 0) { this.overload += 1; return; }
    this.unloadAtFacility(best);
  }

  /** Drive to facility `best` and unload everything (a stream it does not take counts as one overload). */
  private unloadAtFacility(best: number): void {
    const inst = this.inst, ns = this.streamIds.size;
    for (let s = 0; s < ns; s++) if ((this.onBoard >>> Math.min(s, 31)) & 1 && !this.accepts[best * ns + s]) { this.overload += 1; break; }
    const f = inst.facilities[best];
    const arrival = this.drive(f.location, f.openSeconds);
    const start = Math.max(arrival, f.openSeconds);
    if (start > f.closeSeconds + EPS) this.late += start - f.closeSeconds;
    this.t = start + f.unloadSeconds;
    this.load.fill(0);
    this.onBoard = 0;
    this.out?.visits.push({ kind: 'facility', index: best, arrivalSeconds: arrival, startSeconds: start, departureSeconds: this.t, load: Array.from(this.load) });
  }

  private someFacilityTakes(mask: number): boolean {
    const ns = this.streamIds.size;
    for (let f = 0; f < this.inst.facilities.length; f++) {
      let ok = true;
      for (let s = 0; s < ns && ok; s++) if ((mask >>> Math.min(s, 31)) & 1 && !this.accepts[f * ns + s]) ok = false;
      if (ok) return true;
    }
    return false;
  }
}
