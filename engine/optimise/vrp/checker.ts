/**
 * The independent solution checker. It shares no code with the solvers: from
 * the instance matrices alone it recomputes every route's distance, times,
 * loads and cost and reports each rule a plan breaks — every stop served
 * exactly once, vehicles and streams, depots at both ends, travel times,
 * windows, facility hours, shift, duration, length, lunch, capacity per trip
 * and per shift, stop count, empty at the end, and the reported totals.
 */
import { acceptsStream, carriesStream, type VrpInstance } from './instance.ts';
import type { RoutePlan, VrpSolution } from './solution.ts';

export type ViolationKind =
  | 'coverage' | 'vehicle' | 'endpoints' | 'stream' | 'timing' | 'window' | 'facility-hours' | 'shift'
  | 'duration' | 'distance' | 'capacity' | 'load-record' | 'shift-load' | 'max-stops' | 'lunch' | 'not-empty' | 'cost';

export interface Violation {
  kind: ViolationKind;
  /** Route index in the solution, or -1 for solution-wide. */
  route: number;
  message: string;
}

const EPS = 1e-6;
const close = (a: number, b: number) => Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));

export function checkSolution(inst: VrpInstance, sol: VrpSolution): Violation[] {
  const out: Violation[] = [];
  const served = new Int32Array(inst.stops.length);
  const used = new Map<string, number>();
  let cost = 0, distance = 0, duration = 0;
  sol.routes.forEach((r, ri) => {
    const v = (kind: ViolationKind, message: string) => out.push({ kind, route: ri, message });
    const res = checkRoute(inst, r, v, served);
    cost += res.cost; distance += res.distance; duration += res.durationSeconds;
    const key = `${r.vehicleType}:${r.vehicle}`;
    if (used.has(key)) v('vehicle', `vehicle ${r.vehicle} of type ${r.vehicleType} already drives route ${used.get(key)}`);
    used.set(key, ri);
  });
  served.forEach((n, s) => {
    if (n === 0) out.push({ kind: 'coverage', route: -1, message: `stop ${inst.stops[s].id} is not served` });
    if (n > 1) out.push({ kind: 'coverage', route: -1, message: `stop ${inst.stops[s].id} is served ${n} times` });
  });
  if (!close(cost, sol.cost)) out.push({ kind: 'cost', route: -1, message: `reported cost ${sol.cost} but the routes cost ${cost}` });
  if (!close(distance, sol.distance)) out.push({ kind: 'cost', route: -1, message: `reported distance ${sol.distance} but the routes measure ${distance}` });
  if (!close(duration, sol.durationSeconds)) out.push({ kind: 'cost', route: -1, message: `reported duration ${sol.durationSeconds} s but the routes take ${duration} s` });
  if (sol.feasible !== (out.length === 0)) {
    out.push({ kind: 'cost', route: -1, message: `solution claims feasible=${sol.feasible} but ${out.length} violation(s) were found` });
  }
  return out;
}

function checkRoute(inst: VrpInstance, r: RoutePlan, v: (k: ViolationKind, m: string) => void, served: Int32Array) {
  const type = inst.vehicleTypes[r.vehicleType];
  const zero = { cost: 0, distance: 0, durationSeconds: 0 };
  if (!type) { v('vehicle', `unknown vehicle type ${r.vehicleType}`); return zero; }
  if (!Number.isInteger(r.vehicle) || r.vehicle < 0 || (type.count !== null && r.vehicle >= type.count)) {
    v('vehicle', `vehicle ${r.vehicle} does not exist in type ${type.id} (count ${type.count ?? 'unlimited'})`);
  }
  const vs = r.visits;
  const D = inst.dimensions.length;
  const first = vs[0], last = vs[vs.length - 1];
  if (vs.length < 2 || first.kind !== 'depot' || first.index !== type.startDepot || last.kind !== 'depot' || last.index !== type.endDepot) {
    v('endpoints', `must start at depot ${type.startDepot} and end at depot ${type.endDepot}`);
    return zero;
  }
  const where = (i: number) => `${vs[i].kind} ${vs[i].kind === 'stop' ? inst.stops[vs[i].index]?.id : vs[i].index} (visit ${i})`;
  const locOf = (i: number): number => {
    const x = vs[i];
    const arr = x.kind === 'depot' ? inst.depots : x.kind === 'stop' ? inst.stops : inst.facilities;
    return arr[x.index]?.location ?? -1;
  };
  const lunch = type.lunch;
  let lunchLeg = -1;
  if (r.lunchStartSeconds !== null) {
    if (!lunch) v('lunch', 'a lunch break is scheduled but the vehicle type has none');
    else if (r.lunchStartSeconds < lunch.earliestStartSeconds - EPS || r.lunchStartSeconds > lunch.latestStartSeconds + EPS) {
      v('lunch', `lunch starts at ${r.lunchStartSeconds} s, outside [${lunch.earliestStartSeconds}, ${lunch.latestStartSeconds}]`);
    }
    for (let i = 1; i < vs.length && lunchLeg < 0; i++) if (vs[i].arrivalSeconds > r.lunchStartSeconds) lunchLeg = i;
    if (lunchLeg < 0 || vs[lunchLeg - 1].departureSeconds > r.lunchStartSeconds + EPS) v('lunch', 'lunch overlaps a service or unload');
  } else if (lunch && last.arrivalSeconds > lunch.earliestStartSeconds + EPS && first.departureSeconds <= lunch.latestStartSeconds) {
    v('lunch', `the route runs past ${lunch.earliestStartSeconds} s without a lunch break`);
  }

  let load = new Array<number>(D).fill(0);
  const shiftLoad = new Array<number>(D).fill(0);
  const onBoard = new Set<string>();
  let dist = 0, stopsServed = 0;
  if (first.departureSeconds < type.shiftStartSeconds - EPS) v('shift', `leaves the depot at ${first.departureSeconds} s, before the shift starts (${type.shiftStartSeconds} s)`);
  for (let i = 0; i < vs.length; i++) {
    const x = vs[i];
    const l = locOf(i);
    if (l < 0) { v('endpoints', `${where(i)} does not exist`); return zero; }
    if (i > 0) {
      const from = locOf(i - 1);
      dist += inst.distance[from * inst.locationCount + l];
      const travel = inst.durationSeconds[from * inst.locationCount + l];
      const pause = i === lunchLeg && lunch ? lunch.durationSeconds : 0;
      if (x.arrivalSeconds < vs[i - 1].departureSeconds + travel + pause - EPS) {
        v(pause > 0 ? 'lunch' : 'timing', `arrives at ${where(i)} at ${x.arrivalSeconds} s, earlier than possible (${vs[i - 1].departureSeconds + travel + pause} s)`);
      }
    }
    if (x.startSeconds < x.arrivalSeconds - EPS) v('timing', `${where(i)} starts before arrival`);
    if (x.kind === 'depot') {
      if (i !== 0 && i !== vs.length - 1) v('endpoints', `depot visit in the middle of a route (visit ${i})`);
      if (x.departureSeconds < x.startSeconds - EPS) v('timing', `${where(i)} departs before it starts`);
      if (i === vs.length - 1 && inst.unloadAtDepot) { load = load.map(() => 0); onBoard.clear(); }
    } else if (x.kind === 'stop') {
      const s = inst.stops[x.index];
      served[x.index]++;
      stopsServed++;
      if (!carriesStream(type, s.stream)) v('stream', `vehicle type ${type.id} does not carry stream ${s.stream} of stop ${s.id}`);
      if (x.startSeconds < s.windowOpenSeconds - EPS || x.startSeconds > s.windowCloseSeconds + EPS) {
        v('window', `service at ${where(i)} starts at ${x.startSeconds} s, outside [${s.windowOpenSeconds}, ${s.windowCloseSeconds}]`);
      }
      if (x.departureSeconds < x.startSeconds + s.serviceSeconds - EPS) v('timing', `${where(i)} departs before its service (${s.serviceSeconds} s) is done`);
      for (let d = 0; d < D; d++) { load[d] += s.load[d]; shiftLoad[d] += s.load[d]; }
      onBoard.add(s.stream);
      load.forEach((q, d) => { if (q > type.capacity[d] + EPS) v('capacity', `load ${q} ${inst.dimensions[d]} after ${where(i)} exceeds capacity ${type.capacity[d]}`); });
    } else {
      const f = inst.facilities[x.index];
      if (x.startSeconds < f.openSeconds - EPS || x.startSeconds > f.closeSeconds + EPS) {
        v('facility-hours', `unload at facility ${f.id} starts at ${x.startSeconds} s, outside [${f.openSeconds}, ${f.closeSeconds}]`);
      }
      if (x.departureSeconds < x.startSeconds + f.unloadSeconds - EPS) v('timing', `${where(i)} departs before unloading (${f.unloadSeconds} s) is done`);
      for (const s of onBoard) if (!acceptsStream(f, s)) v('stream', `facility ${f.id} does not accept stream ${s}`);
      load = load.map(() => 0);
      onBoard.clear();
    }
    if (x.load.length !== D || x.load.some((q, d) => !close(q, load[d]))) v('load-record', `${where(i)} reports load [${x.load.join(', ')}], recomputed [${load.join(', ')}]`);
  }
  if (load.some((q) => q > EPS)) v('not-empty', `ends the day with [${load.join(', ')}] on board`);
  shiftLoad.forEach((q, d) => { if (q > type.shiftLoadLimit[d] + EPS) v('shift-load', `collects ${q} ${inst.dimensions[d]} in the shift, limit ${type.shiftLoadLimit[d]}`); });
  if (stopsServed > type.maxStops) v('max-stops', `serves ${stopsServed} stops, limit ${type.maxStops}`);
  if (last.arrivalSeconds > type.shiftEndSeconds + EPS) v('shift', `returns at ${last.arrivalSeconds} s, after the shift ends (${type.shiftEndSeconds} s)`);
  const durationSeconds = last.arrivalSeconds - first.departureSeconds;
  if (durationSeconds > type.maxDurationSeconds + EPS) v('duration', `takes ${durationSeconds} s, limit ${type.maxDurationSeconds} s`);
  if (dist > type.maxDistance + EPS) v('distance', `is ${dist} long, limit ${type.maxDistance}`);
  const cost = type.fixedCost + type.costPerDistance * dist + (type.costPerHour * durationSeconds) / 3600;
  if (!close(dist, r.distance)) v('cost', `reports distance ${r.distance}, recomputed ${dist}`);
  if (!close(cost, r.cost)) v('cost', `reports cost ${r.cost}, recomputed ${cost}`);
  if (!close(durationSeconds, r.durationSeconds)) v('cost', `reports duration ${r.durationSeconds} s, recomputed ${durationSeconds} s`);
  return { cost, distance: dist, durationSeconds };
}
