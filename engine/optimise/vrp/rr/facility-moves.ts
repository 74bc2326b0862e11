/**
 * Moves on the unloads of a route in the rich search: insert an unload,
 * remove one, send one to another facility, move one. Every unload is the
 * search's (route-costing.ts), so these moves are how a truck comes to
 * unload while passing a transfer station, or a few stops early so that the
 * next trip is better shaped. Each candidate — every position, every
 * facility — is costed in O(1) from the route's prefix and suffix segments.
 */
import { isUnload, markerFacility, unloadAt } from '../route-sim.ts';
import { randInt, type Random } from '../hgs/params.ts';
import { finalUnload, type RouteCosting, type RouteSegments } from './route-costing.ts';
import type { Route } from './route.ts';

const GAIN = 1e-9;

export class FacilityMoves {
  /** Whether unloads are the search's business at all (multi-trip with facilities). */
  readonly active: boolean;

  /**
   * @param penalty cost units per unit of violation; the search adjusts it as it goes.
   * @param refresh re-normalises a changed route, places its lunch and rebuilds its segments and cost.
   */
  constructor(private readonly C: RouteCosting, public penalty: number, private readonly refresh: (r: Route) => void) {
    this.active = C.multiTrip;
  }

  /** One move on a route, chosen at random; applied only if it lowers the route's penalised cost. */
  step(r: Route, rng: Random): boolean {
    if (!this.active) return false;
    const markers = countMarkers(r.stops);
    const op = randInt(rng, markers === 0 ? 2 : 3);
    return op === 0 ? this.insert(r) : op === 1 ? this.remove(r) : this.move(r, randInt(rng, markers));
  }

  /** Remove, retarget, move and insert unloads until none of them helps (for the final polish). */
  improve(r: Route): boolean {
    if (!this.active) return false;
    let any = false;
    for (let changed = true; changed;) {
      changed = this.remove(r);
      for (let k = 0, m = countMarkers(r.stops); k < m && !changed; k++) changed = this.move(r, k);
      if (!changed) changed = this.insert(r);
      any ||= changed;
    }
    return any;
  }

  /** Insert an unload at the best position and facility. */
  insert(r: Route): boolean {
    const best = this.bestPlace(r.seg);
    return this.adopt(r, best.value, () => r.stops.splice(best.pos, 0, best.marker));
  }

  /** Remove the unload (not the last: the truck ends empty) or send one to another facility, whichever helps most. */
  remove(r: Route): boolean {
    const C = this.C, rs = r.seg, st = r.stops, t = r.vehicleType, last = finalUnload(st);
    let bestValue = Infinity, bestAt = -1, bestMarker = 0;
    for (let i = 0; i < st.length; i++) {
      if (!isUnload(st[i])) continue;
      for (let f = -1; f < C.facilityCount; f++) {
        if (f === markerFacility(st[i]) || (f < 0 && i === last)) continue;
        C.load(rs.prefix, i);
        if (f >= 0) C.push(t, unloadAt(f));
        C.pushRest(rs, i + 1);
        C.measureAcc(t);
        const v = this.value();
        if (v < bestValue) { bestValue = v; bestAt = i; bestMarker = f < 0 ? 0 : unloadAt(f); }
      }
    }
    return bestAt >= 0 && this.adopt(r, bestValue, () => (bestMarker === 0 ? st.splice(bestAt, 1) : st.splice(bestAt, 1, bestMarker)));
  }

  /** Move the k-th unload before the final one to its best position and facility elsewhere. */
  move(r: Route, k: number): boolean {
    const st = r.stops, last = finalUnload(st);
    let at = -1;
    for (let i = 0, seen = 0; i < last && at < 0; i++) if (isUnload(st[i]) && seen++ === k) at = i;
    if (at < 0) return false;
    const w = st.filter((_, i) => i !== at);
    const best = this.bestPlace(this.C.build(r.vehicleType, w, r.seg));
    return this.adopt(r, best.value, () => { w.splice(best.pos, 0, best.marker); r.stops = w; });
  }

  private value(): number {
    return this.C.cost + this.penalty * this.C.violation;
  }

  /**
   * Apply `change` if `value` beats the route's penalised cost, and refresh
   * the route; undo it if the refreshed route (its lunch placed again, its
   * unloads normalised) is no better after all, so that polishing ends.
   */
  private adopt(r: Route, value: number, change: () => void): boolean {
    const before = r.cost + this.penalty * r.violation;
    if (!(value < before - GAIN)) return false;
    const old = { stops: r.stops.slice(), seg: r.seg, cost: r.cost, violation: r.violation };
    change();
    this.refresh(r);
    if (r.cost + this.penalty * r.violation < before - GAIN) return true;
    Object.assign(r, old);
    return false;
  }

  /** The best position and facility for a new unload in the order of `rs` (before its final unload). */
  private bestPlace(rs: RouteSegments): { pos: number; marker: number; value: number } {
    const C = this.C, t = rs.type, st = rs.stops;
    let value = Infinity, pos = -1, marker = 0;
    const limit = finalUnload(st);
    for (let p = 1; p < limit; p++) {
      // Between two elements, not next to another unload: a marker there unloads nothing.
      if (isUnload(st[p - 1]) || isUnload(st[p])) continue;
      for (let f = 0; f < C.facilityCount; f++) {
        C.load(rs.prefix, p);
        C.push(t, unloadAt(f));
        C.pushRest(rs, p);
        C.measureAcc(t);
        const v = this.value();
        if (v < value) { value = v; pos = p; marker = unloadAt(f); }
      }
    }
    return { pos, marker, value };
  }
}

/** Unloads before the final one (those the search may remove or move). */
export function countMarkers(stops: readonly number[]): number {
  let m = 0;
  const last = finalUnload(stops);
  for (let i = 0; i < last; i++) if (isUnload(stops[i])) m++;
  return m;
}
