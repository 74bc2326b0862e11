/** Small instances for the solver tests, built from a seed so each is easy to regenerate and inspect. */
import { createInstance, type InstanceSpec, type VrpInstance } from '../../engine/optimise/vrp/instance.ts';
import { euclideanMatrix } from '../../engine/optimise/vrp/matrix.ts';

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function rand(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A classic CVRP: depot at location 0, `n` customers on a 100×100 grid, integer demands, nint distances. */
export function smallCvrp(seed: number, n: number, capacity = 30): VrpInstance {
  const r = rand(seed);
  const xs = Array.from({ length: n + 1 }, () => Math.floor(r() * 100));
  const ys = Array.from({ length: n + 1 }, () => Math.floor(r() * 100));
  return createInstance({
    name: `cvrp-${seed}`, dimensions: ['demand'], locationCount: n + 1, distance: euclideanMatrix(xs, ys, 'nint'),
    depots: [{ location: 0 }],
    stops: Array.from({ length: n }, (_, i) => ({ location: i + 1, load: [1 + Math.floor(r() * 12)] })),
    vehicleTypes: [{ capacity: [capacity] }], unloadAtDepot: true, coordinates: { x: xs, y: ys },
  });
}

/**
 * A waste-collection day in miniature: a depot (location 0), a transfer
 * station (location 1), `n` stops with windows and service times, trucks
 * that must unload at the station when full and before going home, a lunch
 * break and a shift. Travel time is one second per distance unit.
 */
export function smallWaste(seed: number, n: number, overrides: Partial<InstanceSpec['vehicleTypes'][number]> = {}): InstanceSpec {
  const r = rand(seed);
  const L = n + 2;
  const xs = Array.from({ length: L }, () => Math.floor(r() * 2000));
  const ys = Array.from({ length: L }, () => Math.floor(r() * 2000));
  const d = euclideanMatrix(xs, ys, 'nint');
  return {
    name: `waste-${seed}`, dimensions: ['kg', 'm3'], locationCount: L, distance: d, durationSeconds: d,
    depots: [{ id: 'depot', location: 0 }],
    facilities: [{ id: 'station', location: 1, openSeconds: 6 * 3600, closeSeconds: 18 * 3600, unloadSeconds: 600 }],
    stops: Array.from({ length: n }, (_, i) => {
      const open = r() < 0.3 ? (7 + Math.floor(r() * 4)) * 3600 : 0;
      return {
        id: `s${i}`, location: i + 2, load: [50 + Math.floor(r() * 400), 1 + Math.floor(r() * 3)], serviceSeconds: 300 + Math.floor(r() * 600),
        windowOpenSeconds: open, windowCloseSeconds: open > 0 ? open + 3 * 3600 : 24 * 3600,
      };
    }),
    vehicleTypes: [{
      id: 'truck', count: null, capacity: [1000, 8], shiftStartSeconds: 6 * 3600, shiftEndSeconds: 16 * 3600,
      lunch: { earliestStartSeconds: 11 * 3600, latestStartSeconds: 12 * 3600, durationSeconds: 1800 }, fixedCost: 1000, costPerDistance: 1,
      ...overrides,
    }],
    unloadAtDepot: false,
    coordinates: { x: xs, y: ys },
  };
}
