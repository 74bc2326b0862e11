/**
 * The twin's daily routes from the routing solver. Each morning, per stream,
 * the due bins join the catchment of their nearest accepting transfer
 * station (by road time), the stream's trucks are shared among catchments by
 * workload, and each (stream, catchment) is one instance: the due bins with
 * the kg expected at mid-shift, the trucks with their payload (kept with the
 * baseline's headroom for the day's noise), depot, shift and speed, and the
 * station as the place to unload mid-shift and before going home
 * (multi-trip); the objective is road km. Travel times and lengths are road paths. The solver runs in
 * this thread with a fixed iteration budget, so a day's plan depends only on
 * the scenario, the seed and the bins.
 */
import type { DemandModel } from '../../demand/model.ts';
import { DijkstraWorkspace } from '../../network/dijkstra.ts';
import type { World } from '../../scenario/world.ts';
import { payloadKg, type Truck } from '../../sim/fleet.ts';
import type { DayPlan, PlanContext, TruckRoute, Visit } from '../../sim/plan.ts';
import type { Router } from '../../sim/router.ts';
import { apportion, dueBins, shareTrucksByStream } from '../baseline.ts';
import { travelMatrices } from '../timetable/matrix.ts';
import { solveSync } from './index.ts';
import { createInstance, type InstanceSpec } from './instance.ts';

/** Headroom kept in each planned trip for the day's noise (as the baseline planner). */
const TRIP_FILL = 0.9;
/** Ruin-and-recreate steps per stop of an instance, within bounds. */
const ITERATIONS_PER_STOP = 10;
const MIN_ITERATIONS = 300;
const MAX_ITERATIONS = 2000;

export function vrpPlanner(world: World, trucks: Truck[], router: Router, demand: DemandModel): (ctx: PlanContext) => DayPlan {
  const ws = new DijkstraWorkspace(world.graph);
  return (ctx) => planDay(world, trucks, router, ws, demand, ctx);
}

function planDay(world: World, trucks: Truck[], router: Router, ws: DijkstraWorkspace, demand: DemandModel, ctx: PlanContext): DayPlan {
  const S = world.streams.length;
  const due = dueBins(world, demand, ctx);
  const midShift = trucks.length > 0 ? (trucks[0].shiftStartS + trucks[0].shiftEndS) / 2 : 43_200;
  const kgAtVisit = (p: number, s: number) => ctx.waitingKg[p * S + s] + demand.expectedKg(p, s, ctx.day) * demand.fractionBy(midShift);

  const { duePoints, trucksOf } = shareTrucksByStream(world, trucks, due, kgAtVisit);

  const routes: TruckRoute[] = [];
  for (let s = 0; s < S; s++) {
    if (duePoints[s].length === 0 || trucksOf[s].length === 0) continue;
    const stations = world.stations.map((st, i) => ({ st, i })).filter((x) => x.st.streamMask[s]);
    const catchment = new Map<number, number[]>(stations.map((x) => [x.i, []]));
    for (const p of duePoints[s]) {
      let best = stations[0].i, bestT = Infinity;
      for (const { st, i } of stations) {
        const t = router.timeS(world.points[p].node, st.node);
        if (t < bestT) { bestT = t; best = i; }
      }
      catchment.get(best)!.push(p);
    }
    const groups = [...catchment].filter(([, pts]) => pts.length > 0);
    const shares = apportion(trucksOf[s].length, groups.map(([, pts]) => pts.reduce((a, p) => a + kgAtVisit(p, s), 0)));
    let next = 0;
    groups.forEach(([station, pts], g) => {
      const fleet = trucksOf[s].slice(next, next + shares[g]);
      next += shares[g];
      if (fleet.length > 0) routes.push(...planGroup(world, router, ws, s, station, pts, fleet, (p) => kgAtVisit(p, s), `${world.scenario.seed}/vrp/${ctx.day}/${s}/${station}`));
    });
  }
  routes.sort((a, b) => a.truck - b.truck);
  return { day: ctx.day, routes, due };
}

/** Routes of one stream in one station's catchment. */
function planGroup(
  world: World, router: Router, ws: DijkstraWorkspace, s: number, station: number, points: number[], fleet: Truck[],
  kgOf: (p: number) => number, seed: string,
): TruckRoute[] {
  // Trucks alike in depot, payload, shift, speed, service and costs form one vehicle type.
  const key = (t: Truck) => [t.depotNode, payloadKg(world, t, s), t.shiftStartS, t.shiftEndS, t.speedFactor, t.serviceS, t.costPerKm, t.costPerHour].join('|');
  const types = new Map<string, Truck[]>();
  for (const t of fleet) types.set(key(t), [...(types.get(key(t)) ?? []), t]);
  const kinds = [...types.values()];
  const depotNodes = [...new Set(kinds.map((k) => k[0].depotNode))];
  const st = world.stations[station];
  const hubs = [...depotNodes, st.node];
  const nodes = [...hubs, ...points.map((p) => world.points[p].node)];
  const m = travelMatrices(router, ws, nodes, hubs.length);
  const L = nodes.length;
  // Road times are free-flow; each truck type drives at its speed factor, so types get their own duration scale.
  // The instance holds one duration matrix, so the slowest type's speed is used for all (conservative).
  const slowest = Math.min(...kinds.map((k) => k[0].speedFactor));
  const serviceS = Math.max(...kinds.map((k) => k[0].serviceS));
  const stream = world.streams[s].id;
  const biggestTrip = Math.max(...kinds.map((k) => payloadKg(world, k[0], s))) * TRIP_FILL;
  const spec: InstanceSpec = {
    name: seed, dimensions: ['kg'], locationCount: L, distance: m.distanceM, durationSeconds: m.timeS.map((t) => t / slowest),
    depots: depotNodes.map((n, i) => ({ id: `depot${i}`, location: i })),
    facilities: [{ id: st.id, location: depotNodes.length, streams: [stream], unloadSeconds: st.spec.serviceMinutes * 60 }],
    stops: points.map((p, j) => ({
      id: world.points[p].id, location: hubs.length + j, stream,
      // A bin heavier than a trip is emptied in several trips by the truck itself; the plan sees one full trip.
      load: [Math.min(kgOf(p), biggestTrip)], serviceSeconds: serviceS,
    })),
    vehicleTypes: kinds.map((k) => {
      const t = k[0];
      return {
        id: `type${t.type}`, count: k.length, capacity: [payloadKg(world, t, s) * TRIP_FILL],
        streams: [stream], startDepot: depotNodes.indexOf(t.depotNode), shiftStartSeconds: t.shiftStartS, shiftEndSeconds: t.shiftEndS,
        // The objective is road km: what the twin reports and what fuel and CO₂ follow.
        costPerDistance: 1 / 1000,
      };
    }),
    unloadAtDepot: false,
  };
  const iterations = Math.max(MIN_ITERATIONS, Math.min(MAX_ITERATIONS, ITERATIONS_PER_STOP * points.length));
  const sol = solveSync(createInstance(spec), { seed, iterations, islands: 1, epochs: 1 });
  const used = kinds.map(() => 0);
  return sol.routes.map((r) => {
    const truck = kinds[r.vehicleType][used[r.vehicleType]++];
    const visits: Visit[] = [];
    for (const v of r.visits) {
      if (v.kind === 'stop') visits.push({ kind: 'point', point: points[v.index] });
      else if (v.kind === 'facility') visits.push({ kind: 'unload', station });
    }
    return { truck: truck.index, stream: s, visits };
  });
}
