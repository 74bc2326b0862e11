/** What the vrp planner tests share: a world's trucks, roads and bins on the morning of day 0, and the km a plan drives. */
import { DemandModel } from '../../engine/demand/model.ts';
import type { World } from '../../engine/scenario/world.ts';
import { expandFleet, type Truck } from '../../engine/sim/fleet.ts';
import type { DayPlan } from '../../engine/sim/plan.ts';
import { Router } from '../../engine/sim/router.ts';

export function setting(world: World) {
  const trucks = expandFleet(world);
  const router = new Router(world.graph, [...world.depots, ...world.stations, ...world.plants].map((x) => x.node));
  const demand = new DemandModel(world);
  const S = world.streams.length;
  const waitingKg = new Float64Array(world.points.length * S);
  for (let p = 0; p < world.points.length; p++) for (let s = 0; s < S; s++) waitingKg[p * S + s] = demand.expectedKg(p, s, -1) * 0.6;
  return { trucks, router, demand, ctx: { day: 0, waitingKg } };
}

/** Road metres the plan drives: depot, visits, depot. */
export function plannedM(world: World, trucks: Truck[], router: Router, plan: DayPlan): number {
  let m = 0;
  for (const r of plan.routes) {
    let at = trucks[r.truck].depotNode;
    for (const v of r.visits) {
      const node = v.kind === 'point' ? world.points[v.point].node : world.stations[v.station].node;
      m += router.lengthM(at, node);
      at = node;
    }
    m += router.lengthM(at, trucks[r.truck].depotNode);
  }
  return m;
}
