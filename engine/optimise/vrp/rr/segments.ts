/**
 * Route segments for the rich search (Vidal, Crainic, Gendreau & Prins 2013,
 * "A unified solution framework for multi-attribute vehicle routing
 * problems"): what a stretch of route needs to know about itself so that two
 * stretches joined cost O(1) — duration, time warp, earliest and latest
 * start, distance, stops, lunches, and the load of its trips. Every element
 * of a route is explicit: stops, unload markers naming their facility, and
 * the LUNCH marker, so the segments make no decision a walk would make.
 *
 * A segment sits in a Float64Array at an offset, `width` numbers long:
 * - FIRST, LAST: its first and last location (−1: none, a lunch alone);
 * - DIST; DUR, TW, E, L: Vidal's duration (service and waiting included),
 *   time warp, earliest and latest start;
 * - STOPS, LUNCHES, UNLOADS: counts;
 * - FAC0: the facility of its first unload (−1: none);
 * - PREMASK, SUFMASK: the streams loaded before its first unload and after
 *   its last (the whole segment when it has none);
 * - OVER: the relative overload of the trips closed inside it, plus one per
 *   trip unloaded at a facility that refuses one of its streams;
 * - PRE[d], SUF[d], SHIFT[d]: the load before the first unload, after the
 *   last, and in all, per dimension.
 *
 * A lunch is taken where the truck is, after the element before it. A
 * segment that begins with the LUNCH marker would put the drive into it
 * before the lunch, so callers never build one: they append the lunch to
 * what precedes it (see RouteSegments).
 */
import { acceptsStream, type VrpInstance } from '../instance.ts';

/** Tolerance on limits, as the timetable's and the checker's. */
export const EPS = 1e-6;

export const FIRST = 0, LAST = 1, DIST = 2, DUR = 3, TW = 4, E = 5, L = 6, STOPS = 7, LUNCHES = 8, UNLOADS = 9;
export const FAC0 = 10, PREMASK = 11, SUFMASK = 12, OVER = 13, PRE = 14;

export class SegmentAlgebra {
  readonly D: number;
  readonly width: number;
  readonly SUF: number;
  readonly SHIFT: number;
  private readonly locs: number;
  private readonly dist: Float64Array;
  private readonly time: Float64Array;
  /** refuses[f]: bit set of the streams facility f does not take. */
  readonly refuses: Int32Array;
  /** Bit of each stop's stream (streams beyond 31 share bit 31: conservative). */
  readonly streamBit: Int32Array;

  constructor(readonly inst: VrpInstance) {
    this.D = inst.dimensions.length;
    this.SUF = PRE + this.D;
    this.SHIFT = PRE + 2 * this.D;
    this.width = PRE + 3 * this.D;
    this.locs = inst.locationCount;
    this.dist = inst.distance;
    this.time = inst.durationSeconds;
    const ids = new Map<string, number>();
    for (const s of inst.stops) if (!ids.has(s.stream)) ids.set(s.stream, ids.size);
    this.streamBit = Int32Array.from(inst.stops, (s) => 1 << Math.min(ids.get(s.stream)!, 31));
    this.refuses = Int32Array.from(inst.facilities, (f) => {
      let m = 0;
      for (const [name, k] of ids) if (!acceptsStream(f, name)) m |= 1 << Math.min(k, 31);
      return m;
    });
  }

  /** Write an empty segment with one location (a depot), available in [open, close]. */
  place(buf: Float64Array, o: number, location: number, open: number, close: number): void {
    buf.fill(0, o, o + this.width);
    buf[o + FIRST] = buf[o + LAST] = location;
    buf[o + E] = open; buf[o + L] = close;
    buf[o + FAC0] = -1;
  }

  stop(buf: Float64Array, o: number, s: number): void {
    const st = this.inst.stops[s];
    this.place(buf, o, st.location, st.windowOpenSeconds, st.windowCloseSeconds);
    buf[o + DUR] = st.serviceSeconds;
    buf[o + STOPS] = 1;
    buf[o + PREMASK] = buf[o + SUFMASK] = this.streamBit[s];
    for (let d = 0; d < this.D; d++) buf[o + PRE + d] = buf[o + this.SUF + d] = buf[o + this.SHIFT + d] = st.load[d];
  }

  unload(buf: Float64Array, o: number, f: number): void {
    const fac = this.inst.facilities[f];
    this.place(buf, o, fac.location, fac.openSeconds, fac.closeSeconds);
    buf[o + DUR] = fac.unloadSeconds;
    buf[o + UNLOADS] = 1;
    buf[o + FAC0] = f;
  }

  lunch(buf: Float64Array, o: number, earliest: number, latest: number, duration: number): void {
    this.place(buf, o, -1, earliest, latest);
    buf[o + DUR] = duration;
    buf[o + LUNCHES] = 1;
  }

  /**
   * out ← a ⊕ b for a truck of capacity `cap`; `out` may be `a` or `b`. The
   * drive between them is from a's last location to b's first.
   */
  concat(out: Float64Array, oo: number, a: Float64Array, ao: number, b: Float64Array, bo: number, cap: readonly number[]): void {
    const aLast = a[ao + LAST], bFirst = b[bo + FIRST];
    const leg = aLast >= 0 && bFirst >= 0 ? aLast * this.locs + bFirst : -1;
    const travel = leg >= 0 ? this.time[leg] : 0;
    const aDur = a[ao + DUR], aTw = a[ao + TW], aE = a[ao + E], aL = a[ao + L];
    const bDur = b[bo + DUR], bTw = b[bo + TW], bE = b[bo + E], bL = b[bo + L];
    const delta = aDur - aTw + travel;
    const wait = Math.max(bE - delta - aL, 0);
    const warp = Math.max(aE + delta - bL, 0);
    const aU = a[ao + UNLOADS], bU = b[bo + UNLOADS];
    let over = a[ao + OVER] + b[bo + OVER];
    // The trip from a's last unload to b's first is closed by this join.
    if (aU > 0 && bU > 0) {
      const f = b[bo + FAC0];
      if ((a[ao + SUFMASK] | b[bo + PREMASK]) & this.refuses[f]) over += 1;
    }
    const { D, SUF, SHIFT } = this;
    for (let d = 0; d < D; d++) {
      const aPre = a[ao + PRE + d], aSuf = a[ao + SUF + d], bPre = b[bo + PRE + d], bSuf = b[bo + SUF + d];
      const shift = a[ao + SHIFT + d] + b[bo + SHIFT + d];
      if (aU > 0 && bU > 0) over += excess(aSuf + bPre, cap[d]);
      out[oo + PRE + d] = aU > 0 ? aPre : aPre + bPre;
      out[oo + SUF + d] = bU > 0 ? bSuf : aSuf + bPre;
      out[oo + SHIFT + d] = shift;
    }
    const aPreM = a[ao + PREMASK], aSufM = a[ao + SUFMASK], bPreM = b[bo + PREMASK], bSufM = b[bo + SUFMASK];
    out[oo + PREMASK] = aU > 0 ? aPreM : aPreM | bPreM;
    out[oo + SUFMASK] = bU > 0 ? bSufM : aSufM | bPreM;
    out[oo + FAC0] = aU > 0 ? a[ao + FAC0] : b[bo + FAC0];
    out[oo + OVER] = over;
    out[oo + FIRST] = a[ao + FIRST] >= 0 ? a[ao + FIRST] : bFirst;
    out[oo + LAST] = b[bo + LAST] >= 0 ? b[bo + LAST] : aLast;
    out[oo + DIST] = a[ao + DIST] + b[bo + DIST] + (leg >= 0 ? this.dist[leg] : 0);
    out[oo + DUR] = aDur + bDur + travel + wait;
    out[oo + TW] = aTw + bTw + warp;
    out[oo + E] = Math.max(bE - delta, aE) - wait;
    out[oo + L] = Math.min(bL - delta, aL) + warp;
    out[oo + STOPS] = a[ao + STOPS] + b[bo + STOPS];
    out[oo + LUNCHES] = a[ao + LUNCHES] + b[bo + LUNCHES];
    out[oo + UNLOADS] = aU + bU;
  }
}

/** Relative excess of a load over a capacity (0 within tolerance). */
export function excess(load: number, cap: number): number {
  return load > cap + EPS ? (load - cap) / cap : 0;
}
