/**
 * Bus-style collection (公交式收运), designed from the scenario:
 *  1. every bin gets a service frequency from the demand model's planning
 *     quantile (./frequency.ts) and a weekly day pattern (./phases.ts);
 *  2. bins of one stream and day pattern, cut into sectors of at most
 *     `maxStopsPerSolve`, are routed by the routing solver (./build.ts) into
 *     lines with published stop times, unloads and slack.
 *     Each pattern is routed with at most the trucks of its fleet still free
 *     on its days, so the solver fits its stops into the trucks there are;
 *     only when it cannot within the rules is it routed with as many as it takes;
 *  3. lines get trucks so that a line keeps its truck every day (./slots.ts);
 *     where a fleet is still short, a truck runs short lines one after the
 *     other in its shift, then small patterns fold into daily service, and
 *     lines left without a truck are named in a warning (`fleetShortfalls`).
 * Given the previous timetable, re-planning keeps what it can (./replan.ts).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DemandModel } from '../../demand/model.ts';
import { readRoutesJson, type RoutesJson } from '../../export/routes-json.ts';
import { InputError } from '../../errors.ts';
import { DijkstraWorkspace } from '../../network/dijkstra.ts';
import type { World } from '../../scenario/world.ts';
import { expandFleet, payloadKg, type Truck } from '../../sim/fleet.ts';
import { Router } from '../../sim/router.ts';
import { buildGroupLines, type BuildContext, type Group } from './build.ts';
import { chooseFrequencies, FREQUENCIES, type FrequencyChoice } from './frequency.ts';
import { assignPhases, nearestFleet } from './phases.ts';
import { attachTimetable } from './prepared.ts';
import { carryOver } from './replan.ts';
import { assignTrucksChained, bookingOrder, TruckBook, type ChainRules } from './slots.ts';
import { minutes } from '../../scenario/checks.ts';
import type { Line, ServiceAssignment, Timetable } from './types.ts';

export type { Line, LineStop, LineUnload, LineVisit, ServiceAssignment, StabilityReport, Timetable } from './types.ts';
export { timetablePlanner } from './planner.ts';

export interface DesignOptions {
  /** The timetable in force: its lines are kept where still valid. */
  previous?: Timetable;
  /** Called after each group is routed with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

export interface Design extends Timetable {
  /** Trucks each fleet type needs (index as world.fleet). */
  trucksNeeded: number[];
  /** Fleet types too small for their lines even with capped routing (empty when every line has a truck). */
  fleetShortfalls: FleetShortfall[];
}

export async function designTimetable(world: World, opts: DesignOptions = {}): Promise<Design> {
  const tto = world.scenario.collection.timetable;
  const unknown = Object.keys(tto.demandQuantileByStream).filter((id) => !world.streamIndex.has(id));
  if (unknown.length > 0) throw new InputError(unknown.map((id) => ({ path: `collection.timetable.demandQuantileByStream.${id}`, message: `unknown stream "${id}"` })));
  const demand = new DemandModel(world);
  const trucks = expandFleet(world);
  const sample = (ft: number): Truck => trucks.find((t) => t.type === ft)!;
  const payloadOf = (ft: number, s: number) => payloadKg(world, sample(ft), s);
  const choice = chooseFrequencies(world, demand, tto.frequencies);
  const router = new Router(world.graph, [...world.depots, ...world.stations].map((x) => x.node));
  let services = assignPhases(world, choice, nearestFleet(world, router), payloadOf);
  const ctx: BuildContext = { world, router, ws: new DijkstraWorkspace(world.graph), sampleTruck: sample };

  let kept: Line[] = [];
  let toRoute = services;
  let stability: Timetable['stability'];
  if (opts.previous) {
    const r = carryOver(world, router, choice, services, opts.previous, payloadOf);
    kept = r.lines; toRoute = r.unplaced; services = r.services; stability = r.stability;
  }
  const taken = new Set(kept.map((l) => l.id.replace(/-\d+$/, '')));
  // Patterns on more days are routed (and book their trucks) first.
  const groups = bookingOrder(groupServices(world, toRoute, tto.maxStopsPerSolve, taken), (g) => g.key);
  const built = new Map<string, Built>();
  const allLines = () => [...kept, ...[...built.values()].flatMap((b) => b.lines)];
  const route = async (g: Group) => {
    const seed = `${world.scenario.seed}/timetable/${g.key}`;
    const book = new TruckBook(world.fleet.length);
    for (const l of bookingOrder(allLines(), (x) => x.id)) book.place(l);
    const free = book.free(g.fleetType, g.days, world.fleet[g.fleetType].spec.count);
    // At most the trucks still free on the pattern's days; when they cannot serve it within the rules, as many as it takes.
    let r = free > 0 ? await buildGroupLines(ctx, g, seed, free) : null;
    if (!r || r.violations.length > 0) r = await buildGroupLines(ctx, g, seed);
    built.set(g.key, { group: g, ...r });
  };
  for (const [k, g] of groups.entries()) {
    await route(g);
    opts.onProgress?.(k + 1, groups.length);
  }
  if (!opts.previous) await foldIntoDaily(world, choice, built, taken, route);
  const lines: Line[] = allLines();
  const violations = [...built.values()].flatMap((b) => b.violations);
  if (stability) stability.added += toRoute.length;
  lines.sort((a, b) => a.id.localeCompare(b.id));
  const trucksNeeded = bookTrucks(world, lines);
  const fleetShortfalls = shortOfTrucks(world, lines, trucksNeeded);
  violations.push(...fleetShortfalls.map((f) => f.message));
  return { lines, services, quantileByStream: choice.quantileByStream, shortfalls: choice.shortfalls, violations, stability, trucksNeeded, fleetShortfalls };
}

/** Trucks for the lines, short lines chained in one shift where the fleet is short (see ./slots.ts); the trucks each fleet type needs. */
function bookTrucks(world: World, lines: Line[]): number[] {
  return assignTrucksChained(lines, world.fleet.map((f) => f.spec.count), chainRules(world));
}

/** The rules a line moved later in the day (to follow another line on one truck) must keep. */
function chainRules(world: World): ChainRules {
  const lunch = world.scenario.collection.timetable.lunch;
  return {
    shiftEndS: (ft) => (minutes(world.fleet[ft].spec.shiftStart) + world.fleet[ft].spec.shiftHours * 60) * 60,
    lunch: lunch ? { earliestS: minutes(lunch.earliest) * 60, latestS: minutes(lunch.latest) * 60 } : null,
    stationHours: (st) => ({ openS: minutes(world.stations[st].spec.open) * 60, closeS: minutes(world.stations[st].spec.close) * 60 }),
  };
}

/** A fleet type whose lines need more trucks than it has: the lines left without a truck and the bins they would have served. */
export interface FleetShortfall {
  fleetType: number;
  needed: number;
  available: number;
  /** Ids of the lines without a truck. */
  lines: string[];
  /** Points (indices into world.points) with a stop on those lines, missed on their days. */
  points: number[];
  message: string;
}

const NAMED_POINTS = 10;

function shortOfTrucks(world: World, lines: Line[], needed: number[]): FleetShortfall[] {
  const out: FleetShortfall[] = [];
  world.fleet.forEach((f, ft) => {
    const available = f.spec.count;
    if (needed[ft] <= available) return;
    const orphans = lines.filter((l) => l.fleetType === ft && l.truck >= available);
    const points = [...new Set(orphans.flatMap((l) => l.visits.flatMap((v) => (v.kind === 'stop' ? [v.point] : []))))].sort((a, b) => a - b);
    const named = points.slice(0, NAMED_POINTS).map((p) => world.points[p].id).join(', ');
    const more = points.length > NAMED_POINTS ? ` and ${points.length - NAMED_POINTS} more (all in routes.json fleetShortfalls)` : '';
    out.push({
      fleetType: ft, needed: needed[ft], available, lines: orphans.map((l) => l.id), points,
      message: `fleet ${f.spec.id} is short: the lines need ${needed[ft]} trucks, the fleet has ${available}, even with every pattern routed into the trucks free on its days and short lines chained in one shift; `
        + `${orphans.length} line(s) have no truck (${orphans.map((l) => l.id).join(', ')}) and their ${points.length} point(s) are left out on those days: ${named}${more}`,
    });
  });
  return out;
}

interface Built { group: Group; lines: Line[]; violations: string[] }

/**
 * A fleet too short for its lines even with short lines chained (small day
 * patterns make short lines that overlap on days): fold the smallest less-than-daily group of
 * that fleet's streams into daily service — more often than its bins need,
 * never less — and route the daily bins again, until the fleet suffices.
 */
async function foldIntoDaily(world: World, choice: FrequencyChoice, built: Map<string, Built>, taken: Set<string>, route: (g: Group) => Promise<unknown>): Promise<void> {
  const daily = FREQUENCIES.findIndex((f) => f.name === 'daily');
  if (!world.scenario.collection.timetable.frequencies.includes('daily')) return;
  const S = world.streams.length;
  const hours = (b: Built) => b.lines.reduce((a, l) => a + l.hours, 0);
  const need = () => bookTrucks(world, [...built.values()].flatMap((b) => b.lines.map((l) => ({ ...l }))));
  let needed = need();
  for (;;) {
    const short = world.fleet.findIndex((f, ft) => needed[ft] > f.spec.count);
    if (short < 0) return;
    const small = [...built.values()].filter((b) => b.group.frequency > daily && b.group.fleetType === short)
      .sort((a, b) => hours(a) - hours(b) || a.group.key.localeCompare(b.group.key))[0];
    if (!small) return;
    const s = small.group.stream;
    const merged = [...built.values()].filter((b) => b === small || (b.group.frequency === daily && b.group.stream === s && b.group.fleetType === short));
    const services = merged.flatMap((b) => b.group.services);
    const before = small.group.services.map((sv) => ({ ...sv }));
    for (const b of merged) { built.delete(b.group.key); taken.delete(b.group.key); }
    for (const sv of small.group.services) {
      Object.assign(sv, { frequency: daily, phase: 0, days: FREQUENCIES[daily].phases[0], visitKg: choice.needKg(sv.point * S + s, daily) });
    }
    const regrouped = groupServices(world, services, world.scenario.collection.timetable.maxStopsPerSolve, taken);
    for (const g of regrouped) await route(g);
    const after = need();
    // The booking just made is the next round's.
    if (after[short] <= needed[short]) { needed = after; continue; }
    // Daily service needs more trucks than the pattern did: put the group back as it was, and stop.
    for (const g of regrouped) { built.delete(g.key); taken.delete(g.key); }
    small.group.services.forEach((sv, k) => Object.assign(sv, before[k]));
    for (const b of merged) { built.set(b.group.key, b); taken.add(b.group.key); }
    return;
  }
}

/**
 * Attach to the world the timetable a run with `collection.planner: "timetable"`
 * runs: the published one in `routesFile` (relative to the scenario file), or a new design.
 */
export async function prepareTimetable(world: World, scenarioFile = '.'): Promise<void> {
  const file = world.scenario.collection.timetable.routesFile;
  if (!file) return attachTimetable(world, await designTimetable(world));
  const path = resolve(dirname(resolve(scenarioFile)), file);
  let json: unknown;
  try { json = JSON.parse(readFileSync(path, 'utf8')); } catch (err) {
    throw InputError.one('collection.timetable.routesFile', `cannot read ${path}: ${(err as Error).message}`);
  }
  const tt = readRoutesJson(world, json as RoutesJson, 'collection.timetable.routesFile');
  bookTrucks(world, tt.lines);
  attachTimetable(world, tt);
}

/** Bins of one fleet, stream and day pattern; large groups cut by angle round the depot into sectors. Keys already taken get a suffix. */
function groupServices(world: World, services: ServiceAssignment[], maxStops: number, taken: Set<string>): Group[] {
  const byKey = new Map<string, ServiceAssignment[]>();
  for (const sv of services) {
    const f = FREQUENCIES[sv.frequency];
    // Named by stream, or by fleet type where several fleets carry the stream.
    const several = world.fleet.filter((x) => x.streamMask[sv.stream] && x.spec.count > 0).length > 1;
    const key = `${several ? world.fleet[sv.fleetType].spec.id : world.streams[sv.stream].id}-${f.code}${f.phases.length > 1 ? sv.phase + 1 : ''}`;
    if (!byKey.has(key)) byKey.set(key, []);
    byKey.get(key)!.push(sv);
  }
  const angle = (sv: ServiceAssignment) => {
    const d = world.depots[world.fleet[sv.fleetType].depot];
    return Math.atan2(world.points[sv.point].y - d.y, world.points[sv.point].x - d.x);
  };
  const out: Group[] = [];
  for (const [key, list] of [...byKey].sort((a, b) => a[0].localeCompare(b[0]))) {
    const f = FREQUENCIES[list[0].frequency];
    const sectors = Math.ceil((list.length * f.visitsPerDay) / maxStops);
    list.sort((a, b) => angle(a) - angle(b) || a.point - b.point);
    for (let k = 0; k < sectors; k++) {
      let name = sectors > 1 ? `${key}.${k + 1}` : key;
      while (taken.has(name)) name += 'n';
      taken.add(name);
      const part = list.slice(Math.floor((k * list.length) / sectors), Math.floor(((k + 1) * list.length) / sectors));
      out.push({ key: name, stream: part[0].stream, fleetType: part[0].fleetType, frequency: part[0].frequency, days: part[0].days, services: part });
    }
  }
  return out;
}
