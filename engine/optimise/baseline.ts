/**
 * The baseline route planner: per stream, every due point joins the
 * catchment of its nearest accepting transfer station with room (./catchments.ts); the stream's trucks
 * are shared among catchments by hours of work; within a catchment points are
 * swept by angle around the station, cut into trips by payload, ordered by
 * nearest neighbour, and the trips are dealt to the trucks in contiguous runs
 * of about equal estimated time. Each trip ends with an unload at the station.
 *
 * It is capacity-aware and reasonable, not optimal: the routing solver
 * (engine/optimise/vrp) produces the same DayPlan and replaces it.
 */
import type { DemandModel } from '../demand/model.ts';
import type { World } from '../scenario/world.ts';
import type { Router } from '../sim/router.ts';
import { payloadKg, type Truck } from '../sim/fleet.ts';
import type { DayPlan, PlanContext, TruckRoute, Visit } from '../sim/plan.ts';
import { assignStations } from './catchments.ts';
import { visitThresholds } from '../sim/fixed-routes.ts';

/** Headroom kept in each planned trip for the day's noise. */
const TRIP_FILL = 0.9;

export function dueBins(world: World, demand: DemandModel, ctx: PlanContext): Uint8Array {
  const S = world.streams.length;
  const thresholds = visitThresholds(world);
  const due = new Uint8Array(world.points.length * S);
  for (let p = 0; p < world.points.length; p++) {
    for (let s = 0; s < S; s++) {
      const cap = world.points[p].binCapacityKg[s];
      if (cap <= 0 || (ctx.streams && !ctx.streams[s])) continue;
      const expected = demand.expectedKg(p, s, ctx.day);
      const waiting = ctx.waitingKg[p * S + s];
      if (expected <= 0 && waiting <= 0) continue;
      // Due when full enough now, or when it would overflow before tomorrow's round.
      if (thresholds[s] === 0 || waiting >= thresholds[s] * cap || waiting + expected >= cap) due[p * S + s] = 1;
    }
  }
  return due;
}

export function planBaseline(world: World, trucks: Truck[], router: Router, demand: DemandModel, ctx: PlanContext): DayPlan {
  const S = world.streams.length;
  const due = dueBins(world, demand, ctx);
  const midShift = trucks.length > 0 ? (trucks[0].shiftStartS + trucks[0].shiftEndS) / 2 : 43_200;
  // Fixed routes (replan once) must hold on the busiest day of the week, not just the day they are drawn on.
  let peak = 1;
  if (world.scenario.collection.replan === 'once') {
    for (let k = 1; k < 7; k++) peak = Math.max(peak, demand.dayFactor(ctx.day + k) / demand.dayFactor(ctx.day));
  }
  const expectedAtVisit = (p: number, s: number) =>
    ctx.waitingKg[p * S + s] + peak * demand.expectedKg(p, s, ctx.day) * demand.fractionBy(midShift);

  const { duePoints, trucksOf } = shareTrucksByStream(world, trucks, due, expectedAtVisit);
  const stationOf = assignStations(world, router, due, expectedAtVisit);
  const routes: TruckRoute[] = [];
  for (let s = 0; s < S; s++) {
    if (duePoints[s].length === 0 || trucksOf[s].length === 0) continue;
    const catchments = new Map<number, number[]>();
    for (const p of duePoints[s]) {
      const station = stationOf[p * S + s];
      if (!catchments.has(station)) catchments.set(station, []);
      catchments.get(station)!.push(p);
    }
    const groups = [...catchments].filter(([, pts]) => pts.length > 0);
    // Trips first, then trucks in proportion to each catchment's hours of work
    // (not its tonnes: a rural catchment drives far for each tonne).
    const payload = Math.min(...trucksOf[s].map((t) => payloadKg(world, t, s))) * TRIP_FILL;
    const serviceS = trucksOf[s][0].serviceS;
    const planned = groups.map(([station, pts]) => {
      const trips = sweepTrips(world, router, station, pts, (p) => expectedAtVisit(p, s), payload);
      const unloadS = world.stations[station].spec.serviceMinutes * 60;
      const times = trips.map((trip) => tripTime(router, world.stations[station].node, trip.map((p) => world.points[p].node), serviceS) + unloadS);
      return { station, trips, times, hours: times.reduce((a, b) => a + b, 0) };
    });
    const shares = apportion(trucksOf[s].length, planned.map((g) => g.hours));
    let next = 0;
    planned.forEach(({ station, trips, times }, g) => {
      const fleet = trucksOf[s].slice(next, next + shares[g]);
      next += shares[g];
      if (fleet.length === 0) return;
      dealContiguous(times, fleet.length).forEach((range, k) => {
        const visits: Visit[] = [];
        for (let i = range[0]; i < range[1]; i++) {
          for (const p of trips[i]) visits.push({ kind: 'point', point: p });
          visits.push({ kind: 'unload', station });
        }
        if (visits.length > 0) routes.push({ truck: fleet[k].index, stream: s, visits });
      });
    });
  }
  routes.sort((a, b) => a.truck - b.truck);
  return { day: ctx.day, routes, due };
}

/**
 * The due points of each stream, and the trucks given to each: a truck
 * carrying several streams serves the one with the most work per truck so far.
 */
export function shareTrucksByStream(world: World, trucks: Truck[], due: Uint8Array, kgAtVisit: (p: number, s: number) => number): { duePoints: number[][]; trucksOf: Truck[][] } {
  const S = world.streams.length;
  const work = new Float64Array(S);
  const duePoints: number[][] = Array.from({ length: S }, () => []);
  for (let p = 0; p < world.points.length; p++) {
    for (let s = 0; s < S; s++) if (due[p * S + s]) { duePoints[s].push(p); work[s] += kgAtVisit(p, s); }
  }
  const trucksOf: Truck[][] = Array.from({ length: S }, () => []);
  const assigned = new Float64Array(S);
  for (const t of trucks) {
    let best = -1, bestRatio = -Infinity;
    for (let s = 0; s < S; s++) {
      if (!t.streamMask[s] || work[s] === 0) continue;
      const ratio = work[s] / (assigned[s] + 1);
      if (ratio > bestRatio) { bestRatio = ratio; best = s; }
    }
    if (best < 0) continue;
    trucksOf[best].push(t);
    assigned[best] += payloadKg(world, t, best);
  }
  return { duePoints, trucksOf };
}

/** Split `total` whole units in proportion to `weights`, at least one per positive weight while units last. */
export function apportion(total: number, weights: number[]): number[] {
  const n = weights.length;
  const out = new Array<number>(n).fill(0);
  const order = weights.map((w, i) => ({ w, i })).sort((a, b) => b.w - a.w || a.i - b.i);
  let left = total;
  for (const { w, i } of order) if (w > 0 && left > 0) { out[i] = 1; left--; }
  const sum = weights.reduce((a, b) => a + b, 0);
  if (left <= 0 || sum <= 0) return out;
  const exact = weights.map((w) => (w / sum) * total);
  const extra = exact.map((e, i) => Math.max(0, Math.floor(e) - out[i]));
  let given = extra.reduce((a, b) => a + b, 0);
  if (given > left) { extra.fill(0); given = 0; }
  extra.forEach((e, i) => { out[i] += e; });
  left -= given;
  const rest = exact.map((e, i) => ({ r: e - out[i], i })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; k < left; k++) out[rest[k % n].i]++;
  return out;
}

function sweepTrips(world: World, router: Router, station: number, pts: number[], kgOf: (p: number) => number, payloadKg: number): number[][] {
  const st = world.stations[station];
  const angle = (p: number) => Math.atan2(world.points[p].y - st.y, world.points[p].x - st.x);
  const sorted = [...pts].sort((a, b) => angle(a) - angle(b) || a - b);
  const trips: number[][] = [];
  let cur: number[] = [], kg = 0;
  for (const p of sorted) {
    const w = kgOf(p);
    if (cur.length > 0 && kg + w > payloadKg) { trips.push(cur); cur = []; kg = 0; }
    cur.push(p);
    kg += w;
  }
  if (cur.length > 0) trips.push(cur);
  return trips.map((trip) => nearestNeighbour(st, trip, world));
}

/**
 * Order a trip by nearest neighbour in straight-line distance from the
 * station: cheap enough for a megacity's tens of thousands of points, and
 * within a compact sweep sector close to the road order.
 */
function nearestNeighbour(start: { x: number; y: number }, pts: number[], world: World): number[] {
  const left = new Set(pts);
  const out: number[] = [];
  let ax = start.x, ay = start.y;
  while (left.size > 0) {
    let best = -1, bestD = Infinity;
    for (const p of left) {
      const d = (world.points[p].x - ax) ** 2 + (world.points[p].y - ay) ** 2;
      if (d < bestD || (d === bestD && p < best)) { bestD = d; best = p; }
    }
    out.push(best);
    left.delete(best);
    ax = world.points[best].x; ay = world.points[best].y;
  }
  return out;
}

function tripTime(router: Router, stationNode: number, nodes: number[], serviceS: number): number {
  let t = 0, at = stationNode;
  for (const v of nodes) { t += router.timeS(at, v) + serviceS; at = v; }
  return t + router.timeS(at, stationNode);
}

/** Cut a sequence of jobs into k contiguous runs of about equal total time. */
export function dealContiguous(times: number[], k: number): [number, number][] {
  const total = times.reduce((a, b) => a + b, 0);
  const out: [number, number][] = [];
  let start = 0, acc = 0;
  for (let truck = 0; truck < k; truck++) {
    const target = (total * (truck + 1)) / k;
    let end = start;
    while (end < times.length && (truck === k - 1 || acc + times[end] / 2 <= target)) { acc += times[end]; end++; }
    out.push([start, end]);
    start = end;
  }
  return out;
}
