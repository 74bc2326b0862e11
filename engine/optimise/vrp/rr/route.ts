/**
 * A route of the rich search: a vehicle type and an order of stop indices,
 * unload markers naming their facility and at most one LUNCH marker (see
 * route-sim.ts), with its cost, infeasibility and segments.
 */
import type { RouteSegments } from './route-costing.ts';

export interface RrRoute {
  vehicleType: number;
  /** Stop indices, unload markers (`unloadAt(f)`) and LUNCH. */
  stops: number[];
}

export interface Route extends RrRoute {
  cost: number;
  violation: number;
  /** Prefix and suffix segments of `stops` as they are (shared by copies: never written). */
  seg: RouteSegments;
}

export function hasStops(r: RrRoute): boolean {
  return r.stops.length > 0; // normalised: a route holding markers holds a stop
}

export function copyRoute<T extends RrRoute>(r: T): T {
  return { ...r, stops: r.stops.slice() };
}
