/**
 * routes.json: the timetable for dispatch software, and the input of a
 * stable re-plan (`wastetwin plan --previous`). Sites are named by id and
 * times given both as HH:MM and as seconds from midnight; weekdays as names.
 */
import { InputError } from '../errors.ts';
import type { World } from '../scenario/world.ts';
import { FREQUENCIES } from '../optimise/timetable/frequency.ts';
import { WEEKDAYS, type Line, type LineVisit, type Timetable } from '../optimise/timetable/types.ts';
import type { Design } from '../optimise/timetable/index.ts';

export function hhmm(seconds: number): string {
  const m = Math.round(seconds / 60);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export function truckId(world: World, line: Line): string {
  const f = world.fleet[line.fleetType].spec;
  return `${f.id}-${String(line.truck + 1).padStart(String(f.count).length, '0')}`;
}

export interface RoutesJson {
  scenario: string;
  planningQuantile: Record<string, number>;
  trucksNeeded: Record<string, { needed: number; fleet: number }>;
  lines: {
    id: string; truck: string; truckType: string; stream: string; frequency: string; days: string[];
    start: string; end: string; lunch: string | null; km: number; hours: number; plannedKg: number; unloads: number;
    stops: ({ kind: 'stop'; point: string; time: string; timeS: number; loadKg: number; loadAfterKg: number } | { kind: 'unload'; station: string; time: string; timeS: number })[];
  }[];
  services: { point: string; stream: string; truckType: string; frequency: string; days: string[]; visitKg: number }[];
  shortfalls: { point: string; stream: string; needKg: number; binKg: number }[];
  violations: string[];
  /** Fleet types whose lines need more trucks than they have: the lines without a truck and the points they leave out. */
  fleetShortfalls: { truckType: string; needed: number; fleet: number; lines: string[]; points: string[] }[];
  stability?: Timetable['stability'];
}

const r1 = (x: number) => Math.round(x * 10) / 10;

export function routesJson(world: World, tt: Design): RoutesJson {
  const streams = world.streams.map((s) => s.id);
  return {
    scenario: world.scenario.name,
    planningQuantile: Object.fromEntries(streams.map((id, s) => [id, tt.quantileByStream[s]])),
    trucksNeeded: Object.fromEntries(world.fleet.map((f, i) => [f.spec.id, { needed: tt.trucksNeeded[i], fleet: f.spec.count }])),
    lines: tt.lines.map((l) => ({
      id: l.id, truck: truckId(world, l), truckType: world.fleet[l.fleetType].spec.id, stream: streams[l.stream], frequency: l.frequency,
      days: l.days.map((d) => WEEKDAYS[d]), start: hhmm(l.startS), end: hhmm(l.endS), lunch: l.lunchStartS === null ? null : hhmm(l.lunchStartS),
      km: l.km, hours: l.hours, plannedKg: r1(l.visits.reduce((a, v) => a + (v.kind === 'stop' ? v.loadKg : 0), 0)),
      unloads: l.visits.filter((v) => v.kind === 'unload').length,
      stops: l.visits.map((v) => v.kind === 'stop'
        ? { kind: 'stop' as const, point: world.points[v.point].id, time: hhmm(v.timeS), timeS: v.timeS, loadKg: r1(v.loadKg), loadAfterKg: r1(v.loadAfterKg) }
        : { kind: 'unload' as const, station: world.stations[v.station].id, time: hhmm(v.timeS), timeS: v.timeS }),
    })),
    services: tt.services.map((sv) => ({
      point: world.points[sv.point].id, stream: streams[sv.stream], truckType: world.fleet[sv.fleetType].spec.id, frequency: FREQUENCIES[sv.frequency].name,
      days: sv.days.map((d) => WEEKDAYS[d]), visitKg: r1(sv.visitKg),
    })),
    shortfalls: tt.shortfalls.map((x) => ({ point: world.points[x.point].id, stream: streams[x.stream], needKg: r1(x.needKg), binKg: x.binKg })),
    violations: tt.violations,
    fleetShortfalls: tt.fleetShortfalls.map((f) => ({
      truckType: world.fleet[f.fleetType].spec.id, needed: f.needed, fleet: f.available, lines: f.lines, points: f.points.map((p) => world.points[p].id),
    })),
    ...(tt.stability ? { stability: tt.stability } : {}),
  };
}

/** A routes.json read back against a world; points no longer in the scenario are dropped (they count as removed). */
export function readRoutesJson(world: World, json: RoutesJson, path: string): Timetable {
  const point = new Map(world.points.map((p, i) => [p.id, i]));
  const station = new Map(world.stations.map((s, i) => [s.id, i]));
  const fleet = new Map(world.fleet.map((f, i) => [f.spec.id, i]));
  const freq = new Map(FREQUENCIES.map((f, i) => [f.name as string, i]));
  const day = (d: string) => WEEKDAYS.indexOf(d as (typeof WEEKDAYS)[number]);
  const problems: { path: string; message: string }[] = [];
  const stream = (id: string, at: string) => {
    const s = world.streamIndex.get(id);
    if (s === undefined) problems.push({ path: at, message: `unknown stream "${id}"` });
    return s ?? 0;
  };
  if (!json || !Array.isArray(json.lines) || !Array.isArray(json.services)) throw InputError.one(path, 'not a routes.json written by `wastetwin plan` (lines and services missing)');
  const lines: Line[] = json.lines.map((l, i) => {
    const ft = fleet.get(l.truckType);
    if (ft === undefined) problems.push({ path: `${path}: lines[${i}].truckType`, message: `unknown fleet type "${l.truckType}"` });
    const s = stream(l.stream, `${path}: lines[${i}].stream`);
    const visits: LineVisit[] = [];
    for (const v of l.stops) {
      if (v.kind === 'unload') {
        const st = station.get(v.station);
        if (st === undefined) problems.push({ path: `${path}: lines[${i}]`, message: `unknown station "${v.station}"` });
        else visits.push({ kind: 'unload', station: st, timeS: v.timeS });
      } else {
        const p = point.get(v.point);
        if (p !== undefined) visits.push({ kind: 'stop', point: p, stream: s, timeS: v.timeS, loadKg: v.loadKg, loadAfterKg: v.loadAfterKg });
      }
    }
    const [sh, sm] = l.start.split(':').map(Number), [eh, em] = l.end.split(':').map(Number);
    const lunch = l.lunch ? l.lunch.split(':').map(Number) : null;
    return {
      id: l.id, stream: s, fleetType: ft ?? 0, truck: -1, days: l.days.map(day), frequency: l.frequency,
      startS: (sh * 60 + sm) * 60, endS: (eh * 60 + em) * 60, lunchStartS: lunch ? (lunch[0] * 60 + lunch[1]) * 60 : null, km: l.km, hours: l.hours, visits,
    };
  });
  const services = json.services.flatMap((sv, i) => {
    const p = point.get(sv.point);
    const f = freq.get(sv.frequency);
    if (f === undefined) problems.push({ path: `${path}: services[${i}].frequency`, message: `unknown frequency "${sv.frequency}"` });
    if (p === undefined || f === undefined) return [];
    const days = sv.days.map(day);
    const ft = fleet.get(sv.truckType);
    if (ft === undefined) problems.push({ path: `${path}: services[${i}].truckType`, message: `unknown fleet type "${sv.truckType}"` });
    return [{ point: p, stream: stream(sv.stream, `${path}: services[${i}].stream`), fleetType: ft ?? 0, frequency: f, phase: FREQUENCIES[f].phases.findIndex((ph) => ph.join() === days.join()), days, visitKg: sv.visitKg }];
  });
  if (problems.length > 0) throw new InputError(problems);
  return { lines, services, quantileByStream: [], shortfalls: [], violations: [] };
}
