/** Turn per-vehicle stop orders into a timed, costed VrpSolution. */
import type { VrpInstance } from './instance.ts';
import type { RouteSimulator } from './route-sim.ts';
import type { RoutePlan, VrpSolution } from './solution.ts';

export interface VehicleStops {
  vehicleType: number;
  /** Stop indices, with unload markers (`unloadAt(f)`) and LUNCH where the search put them (the timetable adds the unloads an order leaves out). */
  stops: readonly number[];
}

export function assemble(inst: VrpInstance, sim: RouteSimulator, routes: readonly VehicleStops[]): VrpSolution {
  const perType = new Map<number, number>();
  const served = new Uint8Array(inst.stops.length);
  let feasible = true;
  const plans: RoutePlan[] = [];
  for (const r of routes) {
    if (!r.stops.some((s) => s >= 0)) continue;
    const k = perType.get(r.vehicleType) ?? 0;
    perType.set(r.vehicleType, k + 1);
    const count = inst.vehicleTypes[r.vehicleType].count;
    if (count !== null && k >= count) feasible = false;
    if (sim.evaluate(r.vehicleType, r.stops).violation > 0) feasible = false;
    for (const s of r.stops) {
      if (s < 0) continue;
      if (served[s]) feasible = false;
      served[s] = 1;
    }
    plans.push(sim.plan(r.vehicleType, k, r.stops));
  }
  if (served.some((x) => x === 0)) feasible = false;
  const sum = (f: (p: RoutePlan) => number) => plans.reduce((a, p) => a + f(p), 0);
  return { routes: plans, cost: sum((p) => p.cost), distance: sum((p) => p.distance), durationSeconds: sum((p) => p.durationSeconds), feasible };
}
