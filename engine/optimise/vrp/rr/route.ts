/**
 * A route of the rich search: a vehicle type and an order of stop indices
 * with UNLOAD markers where the truck unloads by choice (the timetable adds
 * the forced unloads itself), with its cost and infeasibility.
 */
import { UNLOAD } from '../route-sim.ts';

export interface RrRoute {
  vehicleType: number;
  /** Stop indices, and UNLOAD (-1) where the truck unloads before it is full. */
  stops: number[];
}

export interface Route extends RrRoute {
  cost: number;
  violation: number;
}

/**
 * Drop markers that cannot unload anything: before the first stop (the truck
 * is empty), after the last (the unload before going home is forced anyway)
 * and right after another marker. Keeps a route with no stops empty.
 */
export function normalise(stops: number[]): number[] {
  let w = 0;
  for (let i = 0; i < stops.length; i++) {
    const s = stops[i];
    if (s === UNLOAD && (w === 0 || stops[w - 1] === UNLOAD)) continue;
    stops[w++] = s;
  }
  while (w > 0 && stops[w - 1] === UNLOAD) w--;
  stops.length = w;
  return stops;
}

export function hasStops(r: RrRoute): boolean {
  return r.stops.length > 0; // normalised: a route holding markers holds a stop
}

export function copyRoute<T extends RrRoute>(r: T): T {
  return { ...r, stops: r.stops.slice() };
}
