/**
 * The route timetable: given a vehicle type and the order of its stops, walk
 * the route forward from the start of the shift and decide the unloads and
 * the lunch break on the way —
 *  - unload before a stop that would overfill the truck (or whose stream no
 *    facility takes together with what is on board), and before going home
 *    when the depot does not take waste, at the facility with the smallest
 *    detour between where the truck is and where it goes next;
 *  - take lunch before the first leg whose next service would start after
 *    the lunch window opens (at the window's opening if the truck is early).
 * Service starts at the window's opening when the truck is early; lateness
 * is measured, not hidden, so the search can penalise it. `evaluate` costs a
 * route without allocating; `plan` returns the visits for a RoutePlan.
 */
import { acceptsStream, carriesStream, type VrpInstance } from './instance.ts';
import type { RoutePlan, Visit } from './solution.ts';

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

  /** Cost and infeasibility of serving `stops[0..n)` in order with a vehicle of `type`. */
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

  private walk(type: number, stops: ArrayLike<number>, n: number, out: { visits: Visit[]; lunch: { start: number | null } } | null): RouteMeasure {
    const inst = this.inst;
    const v = inst.vehicleTypes[type];
    const { L, D, load, shiftLoad } = this;
    const ns = this.streamIds.size;
    const dist = inst.distance, dur = inst.durationSeconds;
    load.fill(0); shiftLoad.fill(0);
    let onBoard = 0; // bit set of streams on board (streams beyond 31 share bit 31: conservative)
    const home = inst.depots[v.startDepot].location;
    const end = inst.depots[v.endDepot].location;
    const t0 = v.shiftStartSeconds;
    let t = t0, at = home, distance = 0, late = 0, overload = 0;
    const lunch = v.lunch;
    let lunchDone = lunch === null || t0 > lunch.latestStartSeconds;
    const snapshot = () => Array.from(load);
    out?.visits.push({ kind: 'depot', index: v.startDepot, arrivalSeconds: t0, startSeconds: t0, departureSeconds: t0, load: snapshot() });

    // Drive to `to`; returns the arrival time, taking lunch first when it is due.
    const drive = (to: number, openAt: number): number => {
      const travel = dur[at * L + to];
      if (!lunchDone && Math.max(t + travel, openAt) > lunch!.earliestStartSeconds) {
        const ls = Math.max(t, lunch!.earliestStartSeconds);
        if (ls > lunch!.latestStartSeconds) late += ls - lunch!.latestStartSeconds;
        if (out) out.lunch.start = ls;
        t = ls + lunch!.durationSeconds;
        lunchDone = true;
      }
      distance += dist[at * L + to];
      at = to;
      t += travel;
      return t;
    };
    const unloadBefore = (next: number) => {
      let best = -1, bestDetour = Infinity;
      for (let f = 0; f < inst.facilities.length; f++) {
        let ok = true;
        for (let s = 0; s < ns && ok; s++) if ((onBoard >>> Math.min(s, 31)) & 1 && !this.accepts[f * ns + s]) ok = false;
        if (!ok) continue;
        const fl = inst.facilities[f].location;
        const detour = dist[at * L + fl] + dist[fl * L + next];
        if (detour < bestDetour) { bestDetour = detour; best = f; }
      }
      if (best < 0) { overload += 1; return; }
      const f = inst.facilities[best];
      const arrival = drive(f.location, f.openSeconds);
      const start = Math.max(arrival, f.openSeconds);
      if (start > f.closeSeconds) late += start - f.closeSeconds;
      t = start + f.unloadSeconds;
      load.fill(0);
      onBoard = 0;
      out?.visits.push({ kind: 'facility', index: best, arrivalSeconds: arrival, startSeconds: start, departureSeconds: t, load: snapshot() });
    };

    for (let k = 0; k < n; k++) {
      const s = stops[k];
      const st = inst.stops[s];
      const bit = 1 << Math.min(this.stopStream[s], 31);
      let full = false;
      for (let d = 0; d < D; d++) if (load[d] + this.stopLoad[s * D + d] > v.capacity[d] + 1e-9) full = true;
      if (!inst.unloadAtDepot && inst.facilities.length > 0 && onBoard !== 0 && (full || (onBoard & bit) === 0 && !this.someFacilityTakes(onBoard | bit))) {
        unloadBefore(this.stopLoc[s]);
      } else if (full) {
        for (let d = 0; d < D; d++) overload += Math.max(0, load[d] + this.stopLoad[s * D + d] - v.capacity[d]) / v.capacity[d];
      }
      const arrival = drive(this.stopLoc[s], st.windowOpenSeconds);
      const start = Math.max(arrival, st.windowOpenSeconds);
      if (start > st.windowCloseSeconds) late += start - st.windowCloseSeconds;
      t = start + st.serviceSeconds;
      for (let d = 0; d < D; d++) { load[d] += this.stopLoad[s * D + d]; shiftLoad[d] += this.stopLoad[s * D + d]; }
      onBoard |= bit;
      out?.visits.push({ kind: 'stop', index: s, arrivalSeconds: arrival, startSeconds: start, departureSeconds: t, load: snapshot() });
    }
    if (!inst.unloadAtDepot && onBoard !== 0) unloadBefore(end);
    const arrival = n === 0 && home === end ? t : drive(end, 0);
    if (inst.unloadAtDepot) load.fill(0);
    out?.visits.push({ kind: 'depot', index: v.endDepot, arrivalSeconds: arrival, startSeconds: arrival, departureSeconds: arrival, load: snapshot() });
    if (arrival > v.shiftEndSeconds) late += arrival - v.shiftEndSeconds;
    const durationSeconds = arrival - t0;
    let violation = late / 3600 + overload;
    for (let d = 0; d < D; d++) if (shiftLoad[d] > v.shiftLoadLimit[d]) violation += (shiftLoad[d] - v.shiftLoadLimit[d]) / v.capacity[d];
    if (n > v.maxStops) violation += (n - v.maxStops) / 10;
    if (durationSeconds > v.maxDurationSeconds) violation += (durationSeconds - v.maxDurationSeconds) / 3600;
    if (distance > v.maxDistance) violation += (distance - v.maxDistance) / Math.max(1, v.maxDistance) * 10;
    const cost = (n > 0 ? v.fixedCost : 0) + v.costPerDistance * distance + (v.costPerHour * durationSeconds) / 3600;
    return { distance, durationSeconds, cost, violation };
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
