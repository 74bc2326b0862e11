/**
 * The classic capacitated problem inside an instance: one depot, one vehicle
 * type, one load dimension, unloading at the depot, no windows, breaks,
 * facilities or per-shift limits, cost proportional to distance, and a
 * duration limit only where travel time equals distance (the CMT
 * convention). Such instances go to the hybrid genetic search.
 */
import type { VrpInstance } from './instance.ts';
import type { CvrpData } from './hgs/params.ts';

/** The genetic search's view of `inst`, or the reason it does not fit. */
export function asCvrp(inst: VrpInstance): CvrpData | string {
  if (inst.vehicleTypes.length !== 1) return 'several vehicle types';
  const v = inst.vehicleTypes[0];
  if (v.startDepot !== v.endDepot) return 'start and end depots differ';
  if (!inst.unloadAtDepot) return 'unloading at facilities';
  if (inst.dimensions.length !== 1) return 'several load dimensions';
  if (v.lunch) return 'lunch break';
  if (v.fixedCost !== 0 || v.costPerHour !== 0) return 'fixed or hourly costs';
  if (Number.isFinite(v.maxDistance) || Number.isFinite(v.maxStops) || v.shiftLoadLimit.some(Number.isFinite)) return 'route length, stop or shift-load limits';
  if (Number.isFinite(v.shiftEndSeconds)) return 'shift end';
  if (v.shiftStartSeconds !== 0) return 'shift start';
  const streams = new Set(inst.stops.map((s) => s.stream));
  if (streams.size > 1) return 'several streams';
  if (inst.stops.some((s) => s.windowOpenSeconds > 0 || Number.isFinite(s.windowCloseSeconds))) return 'time windows';
  const n = inst.stops.length, N = n + 1, L = inst.locationCount;
  const locs = [inst.depots[v.startDepot].location, ...inst.stops.map((s) => s.location)];
  if (Number.isFinite(v.maxDurationSeconds)) {
    for (const i of locs) for (const j of locs) if (inst.durationSeconds[i * L + j] !== inst.distance[i * L + j]) return 'duration limit with travel times unlike distances';
  }
  const dist = new Float64Array(N * N);
  for (let a = 0; a < N; a++) for (let b = 0; b < N; b++) dist[a * N + b] = inst.distance[locs[a] * L + locs[b]];
  const demand = Float64Array.from(locs, (_, k) => (k === 0 ? 0 : inst.stops[k - 1].load[0]));
  const service = Float64Array.from(locs, (_, k) => (k === 0 ? 0 : inst.stops[k - 1].serviceSeconds));
  const capacity = v.capacity[0];
  const total = demand.reduce((a, b) => a + b, 0);
  const nbVehicles = v.count ?? Math.ceil((1.3 * total) / capacity) + 3;
  const c = inst.coordinates;
  return {
    n, dist, demand, service, capacity, durationLimit: v.maxDurationSeconds, nbVehicles: Math.max(1, nbVehicles),
    x: c ? Float64Array.from(locs, (l) => c.x[l]) : null, y: c ? Float64Array.from(locs, (l) => c.y[l]) : null,
  };
}
