/**
 * One part of the vrp planner's day: the routes of one stream's trucks over
 * a set of bins, unloading at given transfer stations. A part is turned into
 * a solver task (an InstanceSpec with road matrices, a seed and an iteration
 * budget, optionally a start) that any thread can solve, and the answer is
 * read back into truck routes. Border polish joins two parts into one task.
 */
import type { ContractionHierarchy } from '../../network/contraction.ts';
import type { DijkstraWorkspace } from '../../network/dijkstra.ts';
import type { World } from '../../scenario/world.ts';
import { payloadKg, type Truck } from '../../sim/fleet.ts';
import type { TruckRoute, Visit } from '../../sim/plan.ts';
import type { Router } from '../../sim/router.ts';
import { fillStopBlock, hubMatrices, travelMatrices, type StopBlock } from '../timetable/matrix.ts';
import type { InstanceSpec } from './instance.ts';
import type { RrRoute } from './rr/ruin-recreate.ts';

/** Headroom kept in each planned trip for the day's noise (as the baseline planner). */
export const TRIP_FILL = 0.9;
/**
 * Share of the shift a plan may fill: the rest is headroom for queues at the
 * station's bays and bins fuller than forecast, which the plan does not see
 * (without it, plans packed to the shift's end left bins unserved).
 */
export const SHIFT_FILL = 0.95;

/** A task's ruin-and-recreate budget: so many steps per stop, within bounds. */
export interface IterationBudget { perStop: number; min: number; max: number }

export function iterationsFor(b: IterationBudget, stops: number): number {
  return Math.max(b.min, Math.min(b.max, b.perStop * stops));
}

export interface PartRoute {
  /** Index into the part's `kinds`, and which truck of that kind. */
  kind: number;
  vehicle: number;
  visits: Visit[];
}

/** A part as the planner holds it between solving and polishing. */
export interface Part {
  label: string;
  stream: number;
  /** The station the part's bins are the catchment of. */
  station: number;
  /** Trucks alike in depot, payload, shift, speed, service and costs: one vehicle type each. */
  kinds: Truck[][];
  routes: PartRoute[];
  /** Road km the routes drive by the solver's timetable, and whether it found them feasible. */
  km: number;
  feasible: boolean;
}

/** What a worker solves: a spec, a seed and a budget, and for a polish the routes to start from. */
export interface SolveTask {
  label: string;
  spec: InstanceSpec;
  seed: string;
  iterations: number;
  start?: RrRoute[];
  /** The spec's stop-to-stop block, left for the solving thread to fill by RPHAST (see solveTask). */
  roads?: StopBlock;
}

/** A solved task, compactly: per route its type, its vehicle of that type and visits (stop i ≥ 0, facility f as -1 - f). */
export interface SolveAnswer {
  cost: number;
  distance: number;
  feasible: boolean;
  routes: { vehicleType: number; vehicle: number; distance: number; seq: number[] }[];
}

/** What the planner needs to build specs: the world, the roads and the bins' kg. */
export interface PartContext {
  world: World;
  router: Router;
  ws: DijkstraWorkspace;
  kgOf: (p: number, s: number) => number;
  /** The roads' time hierarchy: with it, stop-to-stop matrix entries are left to the solving thread (RPHAST); without, one Dijkstra per stop here. */
  hierarchy?: () => ContractionHierarchy;
}

/** Group a fleet into vehicle kinds, in order of first appearance. */
export function kindsOf(world: World, s: number, fleet: readonly Truck[]): Truck[][] {
  const key = (t: Truck) => [t.depotNode, payloadKg(world, t, s), t.shiftStartS, t.shiftEndS, t.speedFactor, t.serviceS, t.costPerKm, t.costPerHour].join('|');
  const types = new Map<string, Truck[]>();
  for (const t of fleet) types.set(key(t), [...(types.get(key(t)) ?? []), t]);
  return [...types.values()];
}

/** The instance of one stream's bins `points`, trucks `kinds` and unload stations `stations` (facility f = stations[f]), matrices complete. */
export function partSpec(pc: PartContext, name: string, s: number, stations: readonly number[], points: readonly number[], kinds: readonly Truck[][]): InstanceSpec {
  const { spec, roads } = partInstance(pc, name, s, stations, points, kinds);
  if (roads) fillStopBlock(spec.distance, spec.durationSeconds!, roads);
  return spec;
}

/**
 * As partSpec, but with a hierarchy in `pc` the stop-to-stop block is not
 * computed here: `roads` says what the solving thread fills (solveTask).
 */
export function partInstance(pc: PartContext, name: string, s: number, stations: readonly number[], points: readonly number[], kinds: readonly Truck[][]): { spec: InstanceSpec; roads?: StopBlock } {
  const { world, router, ws } = pc;
  const depotNodes = [...new Set(kinds.map((k) => k[0].depotNode))];
  const hubs = [...depotNodes, ...stations.map((i) => world.stations[i].node)];
  const nodes = [...hubs, ...points.map((p) => world.points[p].node)];
  const m = pc.hierarchy ? hubMatrices(router, nodes, hubs.length) : travelMatrices(router, ws, nodes, hubs.length);
  // Road times are free-flow; each truck type drives at its speed factor, so types get their own duration scale.
  // The instance holds one duration matrix, so the slowest type's speed is used for all (conservative).
  const slowest = Math.min(...kinds.map((k) => k[0].speedFactor));
  const roads = pc.hierarchy ? { ch: pc.hierarchy(), nodes: Int32Array.from(nodes), hubCount: hubs.length, timeDivisor: slowest } : undefined;
  const serviceS = Math.max(...kinds.map((k) => k[0].serviceS));
  const stream = world.streams[s].id;
  const biggestTrip = Math.max(...kinds.map((k) => payloadKg(world, k[0], s))) * TRIP_FILL;
  const spec: InstanceSpec = {
    name, dimensions: ['kg'], locationCount: nodes.length, distance: m.distanceM, durationSeconds: m.timeS.map((t) => t / slowest),
    depots: depotNodes.map((n, i) => ({ id: `depot${i}`, location: i })),
    facilities: stations.map((i, f) => {
      const st = world.stations[i];
      return { id: st.id, location: depotNodes.length + f, streams: [stream], unloadSeconds: st.spec.serviceMinutes * 60 };
    }),
    stops: points.map((p, j) => ({
      id: world.points[p].id, location: hubs.length + j, stream,
      // A bin heavier than a trip is emptied in several trips by the truck itself; the plan sees one full trip.
      load: [Math.min(pc.kgOf(p, s), biggestTrip)], serviceSeconds: serviceS,
    })),
    vehicleTypes: kinds.map((k, i) => {
      const t = k[0];
      return {
        id: `type${t.type}.${i}`, count: k.length, capacity: [payloadKg(world, t, s) * TRIP_FILL],
        streams: [stream], startDepot: depotNodes.indexOf(t.depotNode), shiftStartSeconds: t.shiftStartS,
        shiftEndSeconds: t.shiftStartS + (t.shiftEndS - t.shiftStartS) * SHIFT_FILL,
        // The objective is road km: what the twin reports and what fuel and CO₂ follow.
        costPerDistance: 1 / 1000,
      };
    }),
    unloadAtDepot: false,
  };
  return roads ? { spec, roads } : { spec };
}

/** Read an answer back as part routes over `points` and `stations` (the lists the spec was built from). */
export function partRoutes(ans: SolveAnswer, points: readonly number[], stations: readonly number[]): PartRoute[] {
  return ans.routes.map((r) => ({
    kind: r.vehicleType, vehicle: r.vehicle,
    visits: r.seq.map((i): Visit => (i >= 0 ? { kind: 'point', point: points[i] } : { kind: 'unload', station: stations[-1 - i] })),
  }));
}

export function truckRoutes(part: Part): TruckRoute[] {
  return part.routes.map((r) => ({ truck: part.kinds[r.kind][r.vehicle].index, stream: part.stream, visits: r.visits }));
}

/** Bins a part's routes visit, in route order. */
export function partPoints(part: Part): number[] {
  return part.routes.flatMap((r) => r.visits.flatMap((v) => (v.kind === 'point' ? [v.point] : [])));
}
