/**
 * Costing routes of the rich search by segments (segments.ts). A route is an
 * order of stops, unload markers naming their facility (`unloadAt(f)`) and at
 * most one LUNCH marker; nothing is decided while costing it. Per route the
 * search keeps the segments of every prefix and suffix (RouteSegments), so a
 * move — a stop inserted or removed, an unload inserted, removed or sent to
 * another facility — costs O(1): prefix ⊕ the new elements ⊕ suffix.
 *
 * What is left to the timetable elsewhere is made explicit here:
 * `normalise` drops unloads of an empty truck and ends a route with the
 * unload at the facility with the smallest detour home, and `placeLunch`
 * puts the lunch where the route costs least (all positions, O(n)). A route
 * this calls feasible is walked by RouteSimulator to the same times,
 * distance and cost (tests/vrp/segments.test.ts).
 */
import type { VrpInstance } from '../instance.ts';
import { isUnload, LUNCH, markerFacility, unloadAt, type RouteMeasure } from '../route-sim.ts';
import {
  DIST, DUR, EPS, excess, FAC0, LAST, FIRST, LUNCHES, OVER, PRE, PREMASK, SegmentAlgebra, STOPS, SUFMASK, TW, UNLOADS,
} from './segments.ts';

/** Prefix and suffix segments of one order of one vehicle type; immutable once built. */
export interface RouteSegments {
  readonly type: number;
  readonly stops: readonly number[];
  /** Segment k + 1 is start depot ⊕ elements 0..k (segment 0: the start depot alone). */
  readonly prefix: Float64Array;
  /** Segment k is elements k..n−1 ⊕ end depot, with a following lunch joined to its element (never read at a LUNCH). */
  readonly suffix: Float64Array;
}

export class RouteCosting {
  readonly seg: SegmentAlgebra;
  readonly W: number;
  /** Whether unloads are the search's business at all (multi-trip with facilities). */
  readonly multiTrip: boolean;
  readonly facilityCount: number;
  private readonly stopNodes: Float64Array;
  private readonly facNodes: Float64Array;
  /** Per vehicle type: start depot, end depot, lunch. */
  private readonly typeNodes: Float64Array;
  private readonly facLoc: Int32Array;
  /** The segment being built by a move's evaluation. */
  readonly acc: Float64Array;
  private readonly tmp: Float64Array;
  /** Scratch segments of `orOptBest`. */
  private readonly str: Float64Array;
  private readonly run: Float64Array;
  /** Filled by `measureAcc`. */
  cost = 0;
  violation = 0;
  duration = 0;
  /** Whether the last measure assumed a lunch the route does not hold (see `measureAcc`). */
  lunchAssumed = false;

  constructor(readonly inst: VrpInstance) {
    const seg = (this.seg = new SegmentAlgebra(inst));
    const W = (this.W = seg.width);
    this.multiTrip = !inst.unloadAtDepot && inst.facilities.length > 0;
    this.facilityCount = inst.facilities.length;
    this.facLoc = Int32Array.from(inst.facilities, (f) => f.location);
    this.stopNodes = new Float64Array(inst.stops.length * W);
    inst.stops.forEach((_, s) => seg.stop(this.stopNodes, s * W, s));
    this.facNodes = new Float64Array(inst.facilities.length * W);
    inst.facilities.forEach((_, f) => seg.unload(this.facNodes, f * W, f));
    this.typeNodes = new Float64Array(inst.vehicleTypes.length * 3 * W);
    inst.vehicleTypes.forEach((v, t) => {
      const o = t * 3 * W;
      // The shift starts at its start: waiting at the depot counts, as in the timetable.
      seg.place(this.typeNodes, o, inst.depots[v.startDepot].location, v.shiftStartSeconds, v.shiftStartSeconds);
      seg.place(this.typeNodes, o + W, inst.depots[v.endDepot].location, 0, v.shiftEndSeconds);
      if (v.lunch) seg.lunch(this.typeNodes, o + 2 * W, v.lunch.earliestStartSeconds, v.lunch.latestStartSeconds, v.lunch.durationSeconds);
    });
    this.acc = new Float64Array(W);
    this.tmp = new Float64Array(W);
    this.str = new Float64Array(W);
    this.run = new Float64Array(W);
  }

  /** Whether vehicles of `type` must take a lunch break on a route that runs into its window. */
  lunchApplies(type: number): boolean {
    const v = this.inst.vehicleTypes[type];
    return v.lunch !== null && v.shiftStartSeconds <= v.lunch.latestStartSeconds;
  }

  // --- building blocks: the node of an element, appended to the accumulator ---

  /** acc ← start depot of `type`. */
  start(type: number): void { this.load(this.typeNodes, type * 3); }

  /** acc ← segment k of `buf`. */
  load(buf: Float64Array, k: number): void {
    const a = this.acc, W = this.W, o = k * W;
    for (let i = 0; i < W; i++) a[i] = buf[o + i];
  }

  /** acc ← acc ⊕ the element `x` (a stop, an unload marker or LUNCH). */
  push(type: number, x: number): void {
    this.seg.concat(this.acc, 0, this.acc, 0, this.nodeBuf(x), this.nodeAt(type, x), this.inst.vehicleTypes[type].capacity);
  }

  /** acc ← acc ⊕ segment k of `buf`. */
  pushSegment(type: number, buf: Float64Array, k: number): void {
    this.seg.concat(this.acc, 0, this.acc, 0, buf, k * this.W, this.inst.vehicleTypes[type].capacity);
  }

  /** acc ← acc ⊕ elements p.. of the route and its end depot (a lunch at p joined to what acc ends with). */
  pushRest(r: RouteSegments, p: number): void {
    if (p < r.stops.length && r.stops[p] === LUNCH) { this.push(r.type, LUNCH); p++; }
    this.pushSegment(r.type, r.suffix, p);
  }

  /** acc ← acc ⊕ the end depot of `type`. */
  finish(type: number): void {
    this.seg.concat(this.acc, 0, this.acc, 0, this.typeNodes, type * 3 * this.W + this.W, this.inst.vehicleTypes[type].capacity);
  }

  /** The buffer and offset of an element's own segment. */
  private nodeBuf(x: number): Float64Array {
    return x >= 0 ? this.stopNodes : x === LUNCH ? this.typeNodes : this.facNodes;
  }

  private nodeAt(type: number, x: number): number {
    return x >= 0 ? x * this.W : x === LUNCH ? (type * 3 + 2) * this.W : markerFacility(x) * this.W;
  }

  // --- measures ---

  /**
   * Cost and violation of the whole route held in acc (start depot to end
   * depot), into `cost` and `violation`. A route without a lunch that runs
   * into the lunch window is costed as if the lunch were taken where it
   * costs nothing but its hour (`lunchAssumed`): optimistic, for a move's
   * estimate only, as `placeLunch` gives every such route its lunch.
   */
  measureAcc(type: number): void {
    const a = this.acc, v = this.inst.vehicleTypes[type], seg = this.seg;
    const dist = a[DIST], stops = a[STOPS];
    let dur = a[DUR];
    let viol = a[TW] / 3600 + a[OVER];
    const unloads = a[UNLOADS];
    for (let d = 0; d < seg.D; d++) {
      // The first trip closes at the first unload; the last one is open (at the depot when it takes waste).
      if (unloads > 0) viol += excess(a[PRE + d], v.capacity[d]);
      viol += excess(a[seg.SUF + d], v.capacity[d]);
      const shift = a[seg.SHIFT + d];
      if (shift > v.shiftLoadLimit[d] + EPS) viol += (shift - v.shiftLoadLimit[d]) / v.capacity[d];
    }
    if (unloads > 0 && (a[PREMASK] & seg.refuses[a[FAC0]])) viol += 1;
    // A truck ends its day empty unless its depot takes waste.
    if (!this.inst.unloadAtDepot && a[SUFMASK] !== 0) viol += 1;
    this.lunchAssumed = false;
    if (a[LUNCHES] === 0 && stops > 0 && this.lunchApplies(type)) {
      const home = v.shiftStartSeconds + dur - a[TW];
      if (home > v.lunch!.earliestStartSeconds + EPS) {
        this.lunchAssumed = true;
        const extra = v.lunch!.durationSeconds;
        viol += (Math.max(0, home + extra - v.shiftEndSeconds) - Math.max(0, home - v.shiftEndSeconds)) / 3600;
        dur += extra;
      }
    }
    if (stops > v.maxStops) viol += (stops - v.maxStops) / 10;
    if (dur > v.maxDurationSeconds + EPS) viol += (dur - v.maxDurationSeconds) / 3600;
    if (dist > v.maxDistance + EPS) viol += ((dist - v.maxDistance) / Math.max(1, v.maxDistance)) * 10;
    this.violation = viol;
    this.duration = dur;
    this.cost = stops > 0 ? v.fixedCost + v.costPerDistance * dist + (v.costPerHour * dur) / 3600 : 0;
  }

  /** The measure of an order as it stands, O(n). */
  evaluate(type: number, stops: readonly number[]): RouteMeasure {
    this.start(type);
    for (const x of stops) this.push(type, x);
    this.finish(type);
    this.measureAcc(type);
    return { distance: this.acc[DIST], durationSeconds: this.duration, cost: this.cost, violation: this.violation };
  }

  /**
   * Prefix and suffix segments of an order. Given the segments of an earlier
   * order of the same type (`was`), the prefixes of their common head and
   * the suffixes of their common tail are copied, not joined again: after a
   * local change only the stretch between is O(its length) in joins.
   */
  build(type: number, stops: readonly number[], was?: RouteSegments): RouteSegments {
    const n = stops.length, W = this.W, seg = this.seg, cap = this.inst.vehicleTypes[type].capacity;
    const prefix = new Float64Array((n + 1) * W), suffix = new Float64Array((n + 1) * W);
    let head = 0, tail = 0;
    if (was && was.type === type) {
      const m = was.stops.length, most = Math.min(n, m);
      while (head < most && was.stops[head] === stops[head]) head++;
      // Suffix k depends on elements k.. only, so head and tail may overlap.
      while (tail < most && was.stops[m - 1 - tail] === stops[n - 1 - tail]) tail++;
      prefix.set(was.prefix.subarray(0, (head + 1) * W));
      suffix.set(was.suffix.subarray((m - tail) * W, (m + 1) * W), (n - tail) * W);
    } else {
      prefix.set(this.typeNodes.subarray(type * 3 * W, type * 3 * W + W));
      suffix.set(this.typeNodes.subarray(type * 3 * W + W, type * 3 * W + 2 * W), n * W);
    }
    for (let k = head; k < n; k++) seg.concat(prefix, (k + 1) * W, prefix, k * W, this.nodeBuf(stops[k]), this.nodeAt(type, stops[k]), cap);
    for (let k = n - tail - 1; k >= 0; k--) {
      const buf = this.nodeBuf(stops[k]), o = this.nodeAt(type, stops[k]);
      if (k + 1 < n && stops[k + 1] === LUNCH) {
        // The element before the lunch carries it, so the drive on comes after the lunch.
        seg.concat(this.tmp, 0, buf, o, this.typeNodes, this.nodeAt(type, LUNCH), cap);
        seg.concat(suffix, k * W, this.tmp, 0, suffix, (k + 2) * W, cap);
      } else seg.concat(suffix, k * W, buf, o, suffix, (k + 1) * W, cap);
    }
    return { type, stops: stops.slice(), prefix, suffix };
  }

  /**
   * Or-opt on the route of `r`: the best place j (the string goes before
   * element j; j = n: at the end) for the string of elements i..i+k−1 among
   * those `worth(j)` admits, if its penalised cost is below `limit`; −1 if
   * none is. Each place costs O(1): the elements between the old and the
   * new place are folded onto a running segment as j moves away from i.
   * The string holds no lunch; a place just before the lunch is skipped
   * when moving back (the one just after it is tried).
   */
  orOptBest(r: RouteSegments, i: number, k: number, penalty: number, limit: number, worth: (j: number) => boolean): number {
    const { type, stops } = r, n = stops.length, W = this.W, seg = this.seg, cap = this.inst.vehicleTypes[type].capacity;
    const str = this.str, run = this.run;
    // Fold only as far as the farthest place worth costing on each side (most strings have none).
    let lastForward = -1, firstBack = i;
    for (let j = i + k + 1; j <= n; j++) if (worth(j)) lastForward = j;
    for (let j = 0; j < i; j++) if (stops[j] !== LUNCH && worth(j)) { firstBack = j; break; }
    if (lastForward < 0 && firstBack === i) return -1;
    // The string as one segment.
    this.load(this.nodeBuf(stops[i]), this.nodeAt(type, stops[i]) / W);
    for (let x = i + 1; x < i + k; x++) this.push(type, stops[x]);
    for (let f = 0; f < W; f++) str[f] = this.acc[f];
    let best = limit, bestJ = -1;
    // Forward: prefix before i ⊕ elements i+k..j−1 (run) ⊕ string ⊕ rest from j.
    for (let f = 0; f < W; f++) run[f] = r.prefix[i * W + f];
    for (let j = i + k + 1; j <= lastForward; j++) {
      const x = stops[j - 1];
      seg.concat(run, 0, run, 0, this.nodeBuf(x), this.nodeAt(type, x), cap);
      if (!worth(j)) continue;
      for (let f = 0; f < W; f++) this.acc[f] = run[f];
      seg.concat(this.acc, 0, this.acc, 0, str, 0, cap);
      this.pushRest(r, j);
      this.measureAcc(type);
      const v = this.cost + penalty * this.violation;
      if (v < best) { best = v; bestJ = j; }
    }
    // Backward: prefix before j ⊕ string ⊕ elements j..i−1 ⊕ rest from i+k (run, built from the right).
    const restAt = i + k < n && stops[i + k] === LUNCH ? i + k + 1 : i + k;
    for (let f = 0; f < W; f++) run[f] = r.suffix[restAt * W + f];
    let lunchNext = restAt > i + k; // the element before the gap is followed by the lunch in the new order
    for (let j = i - 1; j >= firstBack; j--) {
      const x = stops[j];
      if (x === LUNCH) { lunchNext = true; continue; } // no place just before the lunch
      if (lunchNext) {
        seg.concat(this.tmp, 0, this.nodeBuf(x), this.nodeAt(type, x), this.typeNodes, this.nodeAt(type, LUNCH), cap);
        seg.concat(run, 0, this.tmp, 0, run, 0, cap);
        lunchNext = false;
      } else seg.concat(run, 0, this.nodeBuf(x), this.nodeAt(type, x), run, 0, cap);
      if (!worth(j)) continue;
      this.load(r.prefix, j);
      seg.concat(this.acc, 0, this.acc, 0, str, 0, cap);
      seg.concat(this.acc, 0, this.acc, 0, run, 0, cap);
      this.measureAcc(type);
      const v = this.cost + penalty * this.violation;
      if (v < best) { best = v; bestJ = j; }
    }
    return bestJ;
  }

  // --- the route's own decisions, made explicit ---

  /** The facility taking the streams `mask` with the smallest detour from location a to b (−1: none takes them). */
  bestFacility(a: number, b: number, mask: number): number {
    const dist = this.inst.distance, L = this.inst.locationCount;
    let best = -1, bestDetour = Infinity;
    for (let f = 0; f < this.facilityCount; f++) {
      if (mask & this.seg.refuses[f]) continue;
      const fl = this.facLoc[f], detour = dist[a * L + fl] + dist[fl * L + b];
      if (detour < bestDetour) { bestDetour = detour; best = f; }
    }
    return best;
  }

  /**
   * In place: drop unload markers with nothing on board (at the start, after
   * another unload) and markers after the final unload; end a multi-trip
   * route with an unload (at the facility with the smallest detour home);
   * keep one LUNCH at most; empty a route without stops.
   */
  normalise(type: number, stops: number[]): number[] {
    let w = 0, loaded = false, mask = 0, lunch = false, lastStop = -1;
    for (let i = 0; i < stops.length; i++) {
      const x = stops[i];
      if (x === LUNCH) { if (!lunch) { lunch = true; stops[w++] = x; } continue; }
      if (x < 0) {
        if (!loaded || !this.multiTrip) continue;
        loaded = false; mask = 0;
      } else { loaded = true; mask |= this.seg.streamBit[x]; lastStop = x; }
      stops[w++] = x;
    }
    stops.length = w;
    if (lastStop < 0) { stops.length = 0; return stops; }
    if (this.multiTrip && loaded) {
      const v = this.inst.vehicleTypes[type];
      const from = this.inst.stops[lastStop].location, home = this.inst.depots[v.endDepot].location;
      let f = this.bestFacility(from, home, mask);
      if (f < 0) f = this.bestFacility(from, home, 0);
      stops.push(unloadAt(f));
    }
    return stops;
  }

  /** Move (or add, or drop) the LUNCH marker to where the route costs least with `penalty`; in place (`was`: see `build`). */
  placeLunch(type: number, stops: number[], penalty: number, was?: RouteSegments): number[] {
    let w = 0;
    for (let i = 0; i < stops.length; i++) if (stops[i] !== LUNCH) stops[w++] = stops[i];
    stops.length = w;
    if (!this.lunchApplies(type) || w === 0) return stops;
    const r = this.build(type, stops, was);
    this.load(r.prefix, w);
    this.finish(type);
    this.measureAcc(type);
    // Without a lunch only if the route is home before the window opens. Ties (a lunch
    // costs nothing where hours are free) go to the shortest day: no idle wait for the window.
    const noLunchOk = !this.lunchAssumed;
    let best = noLunchOk ? this.cost + penalty * this.violation : Infinity, bestDur = this.acc[DUR], at = -1;
    // Only where the truck leaves between two hours before the window and half an hour after
    // it (earlier means waiting, later is late); every position if none of those fits.
    const v = this.inst.vehicleTypes[type], W = this.W, lunch = v.lunch!;
    for (let pass = 0; pass < 2 && at < 0; pass++) {
      for (let p = 0; p <= w; p++) {
        const leave = v.shiftStartSeconds + r.prefix[p * W + DUR];
        if (pass === 0 && (leave < lunch.earliestStartSeconds - 7200 || leave > lunch.latestStartSeconds + 1800)) continue;
        this.load(r.prefix, p);
        this.push(type, LUNCH);
        this.pushSegment(type, r.suffix, p);
        this.measureAcc(type);
        const value = this.cost + penalty * this.violation;
        if (value < best - 1e-9 || (value < best + 1e-9 && this.acc[DUR] < bestDur - 1e-9)) { best = value; bestDur = this.acc[DUR]; at = p; }
      }
      if (noLunchOk) break;
    }
    if (at >= 0) stops.splice(at, 0, LUNCH);
    return stops;
  }

  /** Whether the route's LUNCH, as placed, waits for the window to open (a route without one: no). */
  lunchWaits(r: RouteSegments): boolean {
    const at = r.stops.indexOf(LUNCH);
    if (at < 0) return false;
    const v = this.inst.vehicleTypes[r.type];
    return v.shiftStartSeconds + r.prefix[at * this.W + DUR] < v.lunch!.earliestStartSeconds - EPS;
  }

  /** Where each element is, for screening moves by distance: a stop's or facility's location, a lunch's where the truck is. */
  locate(stops: readonly number[], home: number, out: Int32Array): void {
    let prev = home;
    for (let i = 0; i < stops.length; i++) {
      const x = stops[i];
      out[i] = prev = x >= 0 ? this.inst.stops[x].location : x === LUNCH ? prev : this.facLoc[markerFacility(x)];
    }
  }

  /** First location of the rest of a route from element p (the end depot when none). */
  restFirst(r: RouteSegments, p: number): number {
    if (p < r.stops.length && r.stops[p] === LUNCH) p++;
    return r.suffix[p * this.W + FIRST];
  }

  /** Last location of the prefix before element p. */
  prefixLast(r: RouteSegments, p: number): number {
    return r.prefix[p * this.W + LAST];
  }
}

/** Index of the final unload of a multi-trip route (elements after it: a lunch at most), or n. */
export function finalUnload(stops: readonly number[]): number {
  for (let i = stops.length - 1; i >= 0; i--) {
    if (stops[i] >= 0) return stops.length;
    if (isUnload(stops[i])) return i;
  }
  return stops.length;
}
