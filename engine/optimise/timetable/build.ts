/**
 * Lines for one group of bins (one stream, one day pattern, one part of
 * town) from the routing solver: the stops carry their planned quantile
 * loads, the trucks their payload, shift and lunch, the stations accepting
 * the stream are the places to unload mid-shift. Travel, service and unload
 * times are stretched by the scenario's slack share before solving, so the
 * published times hold on an ordinary day; a truck that is early waits for
 * the published time, as a bus does.
 */
import type { DijkstraWorkspace } from '../../network/dijkstra.ts';
import { minutes } from '../../scenario/checks.ts';
import type { World } from '../../scenario/world.ts';
import type { Router } from '../../sim/router.ts';
import { payloadKg, type Truck } from '../../sim/fleet.ts';
import { createInstance, solve, checkSolution, type InstanceSpec, type VrpSolution } from '../vrp/index.ts';
import { FREQUENCIES } from './frequency.ts';
import { travelMatrices } from './matrix.ts';
import type { Line, LineVisit, ServiceAssignment } from './types.ts';

/** A truck costs this much before it drives a metre: the solver uses as few as it can. */
const TRUCK_FIXED_COST = 1e6;

export interface Group {
  /** Stable name, the prefix of its lines' ids. */
  key: string;
  stream: number;
  fleetType: number;
  frequency: number;
  days: number[];
  services: ServiceAssignment[];
}

export interface BuildContext {
  world: World;
  router: Router;
  ws: DijkstraWorkspace;
  /** One truck per fleet type, for payloads. */
  sampleTruck: (fleetType: number) => Truck;
}

export interface GroupLines {
  lines: Line[];
  /** Rules the solved plan breaks (empty when it keeps them all). */
  violations: string[];
}

/**
 * `vehicles` caps the lines: the trucks of the fleet type still free on the
 * group's days (null: as many as the solver likes, each at a high fixed cost).
 * Under a cap the solver fits the stops into fewer, longer lines with more
 * trips to the stations; a plan it cannot fit comes back with violations.
 */
export async function buildGroupLines(ctx: BuildContext, g: Group, seed: string, vehicles: number | null = null): Promise<GroupLines> {
  const { world } = ctx;
  const opts = world.scenario.collection.timetable;
  const stretch = 1 + opts.slackShare;
  const fleet = world.fleet[g.fleetType].spec;
  const stations = world.stations.map((st, i) => ({ st, i })).filter(({ st }) => st.streamMask[g.stream]);
  const hubNodes = [world.depots[world.fleet[g.fleetType].depot].node, ...stations.map(({ st }) => st.node)];
  const twice = FREQUENCIES[g.frequency].visitsPerDay === 2;
  const visits = g.services.flatMap((sv) => (twice ? [0, 1] : [0]).map((k) => ({ sv, k })));
  const nodes = [...hubNodes, ...visits.map(({ sv }) => world.points[sv.point].node)];
  const m = travelMatrices(ctx.router, ctx.ws, nodes, hubNodes.length);
  const lunch = opts.lunch;
  const start = minutes(fleet.shiftStart) * 60, end = start + fleet.shiftHours * 3600;
  const quarter = (end - start) / 4;
  const stream = world.streams[g.stream].id;
  const spec: InstanceSpec = {
    name: g.key,
    dimensions: ['kg'],
    locationCount: nodes.length,
    distance: m.distanceM,
    durationSeconds: m.timeS.map((t) => (t / fleet.speedFactor) * stretch),
    depots: [{ id: world.depots[world.fleet[g.fleetType].depot].id, location: 0 }],
    facilities: stations.map(({ st }, k) => ({
      id: st.id, location: 1 + k, streams: [stream],
      openSeconds: minutes(st.spec.open) * 60, closeSeconds: minutes(st.spec.close) * 60, unloadSeconds: st.spec.serviceMinutes * 60 * stretch,
    })),
    vehicleTypes: [{
      id: fleet.id, count: vehicles, capacity: [payloadKg(world, ctx.sampleTruck(g.fleetType), g.stream)], streams: [stream],
      startDepot: 0, shiftStartSeconds: start, shiftEndSeconds: end,
      lunch: lunch && end > minutes(lunch.earliest) * 60 && start < minutes(lunch.latest) * 60
        ? { earliestStartSeconds: minutes(lunch.earliest) * 60, latestStartSeconds: minutes(lunch.latest) * 60, durationSeconds: lunch.minutes * 60 } : null,
      fixedCost: TRUCK_FIXED_COST, costPerDistance: Math.max(fleet.costPerKm, 0.01) / 1000, costPerHour: fleet.costPerHour,
    }],
    // A twice-daily bin is visited in the first and the last quarter of the shift.
    stops: visits.map(({ sv, k }, j) => ({
      id: `${world.points[sv.point].id}${twice ? `#${k + 1}` : ''}`, location: hubNodes.length + j, load: [sv.visitKg],
      serviceSeconds: fleet.serviceSecondsPerStop * stretch, stream,
      ...(twice ? (k === 0 ? { windowOpenSeconds: start, windowCloseSeconds: start + quarter } : { windowOpenSeconds: end - quarter, windowCloseSeconds: end }) : {}),
    })),
    unloadAtDepot: false,
  };
  const inst = createInstance(spec);
  const sol = await solve(inst, { seed, iterations: opts.solverIterations, threads: 1 });
  const violations = checkSolution(inst, sol).map((v) => `${g.key}: ${v.message}`);
  if (!sol.feasible && violations.length === 0) violations.push(`${g.key}: the solver found no plan within the rules`);
  return { lines: toLines(world, g, sol, stations.map(({ i }) => i), visits.map(({ sv }) => sv)), violations };
}

const minute = (s: number) => Math.round(s / 60) * 60;

function toLines(world: World, g: Group, sol: VrpSolution, stations: number[], stopService: ServiceAssignment[]): Line[] {
  const routes = [...sol.routes].sort((a, b) => a.visits[0].departureSeconds - b.visits[0].departureSeconds || a.vehicleType - b.vehicleType || a.vehicle - b.vehicle);
  return routes.map((r, k) => {
    const visits: LineVisit[] = [];
    for (const v of r.visits) {
      if (v.kind === 'stop') {
        const sv = stopService[v.index];
        visits.push({ kind: 'stop', point: sv.point, stream: g.stream, timeS: minute(v.startSeconds), loadKg: sv.visitKg, loadAfterKg: v.load[0] });
      } else if (v.kind === 'facility') visits.push({ kind: 'unload', station: stations[v.index], timeS: minute(v.arrivalSeconds) });
    }
    const first = r.visits[0], last = r.visits[r.visits.length - 1];
    return {
      id: `${g.key}-${String(k + 1).padStart(2, '0')}`, stream: g.stream, fleetType: g.fleetType, truck: -1,
      days: g.days, frequency: FREQUENCIES[g.frequency].name,
      startS: minute(first.departureSeconds), endS: minute(last.arrivalSeconds),
      lunchStartS: r.lunchStartSeconds === null ? null : minute(r.lunchStartSeconds),
      km: Math.round(r.distance) / 1000, hours: Math.round((r.durationSeconds / 3600) * 100) / 100, visits,
    };
  });
}
