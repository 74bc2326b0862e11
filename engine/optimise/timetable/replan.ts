/**
 * Re-planning that keeps the timetable residents know. Bins whose service is
 * still frequent enough keep their line and days; the lines keep their order
 * and published times, minus the stops that went. A new (or re-graded) bin
 * is inserted where it moves the fewest published times — a truck that is
 * early waits for the published time, so a detour absorbed by that wait
 * changes nothing downstream — within capacity, shift and lunch. What fits
 * nowhere is routed afresh into new lines.
 */
import { minutes } from '../../scenario/checks.ts';
import type { World } from '../../scenario/world.ts';
import type { Router } from '../../sim/router.ts';
import { FREQUENCIES, type FrequencyChoice } from './frequency.ts';
import type { Line, LineStop, LineVisit, ServiceAssignment, StabilityReport, Timetable } from './types.ts';

export interface CarryOver {
  lines: Line[];
  /** Services to route into new lines. */
  unplaced: ServiceAssignment[];
  services: ServiceAssignment[];
  stability: StabilityReport;
}

const key = (p: number, s: number) => `${p}:${s}`;
const sameDays = (a: number[], b: number[]) => a.length === b.length && a.every((d, i) => d === b[i]);

export function carryOver(world: World, router: Router, choice: FrequencyChoice, fresh: ServiceAssignment[], previous: Timetable,
  payloadOf: (fleetType: number, s: number) => number): CarryOver {
  const S = world.streams.length;
  const prev = new Map(previous.services.map((sv) => [key(sv.point, sv.stream), sv]));
  const keptKeys = new Set<string>();
  const services: ServiceAssignment[] = [];
  const unplaced: ServiceAssignment[] = [];
  for (const sv of fresh) {
    const old = prev.get(key(sv.point, sv.stream));
    // Still at least as frequent as the quantile rule now asks: keep its days.
    if (old && old.frequency <= sv.frequency) {
      keptKeys.add(key(sv.point, sv.stream));
      services.push({ ...old, fleetType: sv.fleetType, visitKg: choice.visitKg[sv.point * S + sv.stream] });
    } else {
      services.push(sv);
      unplaced.push(sv);
    }
  }
  const visitKg = new Map(services.map((sv) => [key(sv.point, sv.stream), sv.visitKg]));
  let removed = 0;
  const oldTime = new Map<LineStop, number>();
  const lines: Line[] = [];
  for (const l of previous.lines) {
    const visits: LineVisit[] = [];
    for (const v of l.visits) {
      if (v.kind === 'unload') { visits.push({ ...v }); continue; }
      if (!keptKeys.has(key(v.point, v.stream))) { removed++; continue; }
      const stop: LineStop = { ...v, loadKg: visitKg.get(key(v.point, v.stream)) ?? v.loadKg };
      oldTime.set(stop, v.timeS);
      visits.push(stop);
    }
    if (visits.some((v) => v.kind === 'stop')) lines.push(restamp({ ...l, visits }));
  }
  const retimer = new Retimer(world, router);
  const left: ServiceAssignment[] = [];
  for (const sv of unplaced) {
    if (FREQUENCIES[sv.frequency].visitsPerDay === 2) { left.push(sv); continue; }
    let best: { line: Line; stop: LineStop; at: number; times: number[]; endS: number; metres: number; changed: number; extraS: number } | null = null;
    for (const line of lines) {
      if (line.stream !== sv.stream || line.fleetType !== sv.fleetType || !sameDays(line.days, sv.days)) continue;
      const payload = payloadOf(line.fleetType, sv.stream);
      const base = retimer.time(line, line.visits, payload);
      if (!base) continue;
      const stop: LineStop = { kind: 'stop', point: sv.point, stream: sv.stream, timeS: NaN, loadKg: sv.visitKg, loadAfterKg: 0 };
      for (let at = 0; at <= line.visits.length; at++) {
        const visits = [...line.visits.slice(0, at), stop, ...line.visits.slice(at)];
        const t = retimer.time(line, visits, payload);
        if (!t) continue;
        let changed = 0;
        visits.forEach((v, i) => { if (v !== stop && t.times[i] !== v.timeS) changed++; });
        const extraS = t.endS - base.endS;
        if (!best || changed < best.changed || (changed === best.changed && extraS < best.extraS)) best = { line, stop, at, ...t, changed, extraS };
      }
    }
    if (!best) { left.push(sv); continue; }
    best.line.visits.splice(best.at, 0, best.stop);
    best.line.visits.forEach((v, i) => { v.timeS = best.times[i]; });
    lines[lines.indexOf(best.line)] = { ...restamp(best.line, best.endS), km: Math.round(best.metres) / 1000, hours: Math.round(((best.endS - best.line.startS) / 3600) * 100) / 100 };
  }
  let changed = 0;
  for (const [stop, t] of oldTime) if (stop.timeS !== t) changed++;
  return { lines, unplaced: left, services, stability: { kept: oldTime.size, changed, added: unplaced.length - left.length, removed } };
}

/** Loads after each stop, from the planned loads. */
function restamp(line: Line, endS = line.endS): Line {
  let load = 0;
  for (const v of line.visits) {
    if (v.kind === 'unload') load = 0;
    else { load += v.loadKg; v.loadAfterKg = load; }
  }
  return { ...line, endS };
}

/** Published times of a line's visits, timed as the solver times them; a stop keeps its old time unless the truck would now be more than the rounding late. */
class Retimer {
  constructor(private readonly world: World, private readonly router: Router) {}

  time(line: Line, visits: LineVisit[], payloadKg: number): { times: number[]; endS: number; metres: number } | null {
    const { world, router } = this;
    const f = world.fleet[line.fleetType].spec;
    const stretch = 1 + world.scenario.collection.timetable.slackShare;
    const travel = (a: number, b: number) => (router.timeS(a, b) / f.speedFactor) * stretch;
    const lunch = world.scenario.collection.timetable.lunch;
    const lunchAfter = line.lunchStartS === null ? -1 : lastIndexBefore(visits, line.lunchStartS);
    const shiftEnd = (minutes(f.shiftStart) + f.shiftHours * 60) * 60;
    const depot = world.depots[world.fleet[line.fleetType].depot].node;
    let at = depot, dep = line.startS, load = 0, metres = 0;
    if (lunchAfter === -1 && line.lunchStartS !== null && lunch) dep = Math.max(dep, line.lunchStartS) + lunch.minutes * 60;
    const times: number[] = [];
    for (let i = 0; i < visits.length; i++) {
      const v = visits[i];
      const node = v.kind === 'stop' ? world.points[v.point].node : world.stations[v.station].node;
      const arrive = dep + travel(at, node);
      metres += router.lengthM(at, node);
      // Published times are rounded to the minute: an arrival within half a minute of one keeps it.
      const published = Number.isNaN(v.timeS) || arrive > v.timeS + 30 ? Math.round(arrive / 60) * 60 : v.timeS;
      times.push(published);
      if (v.kind === 'stop') {
        load += v.loadKg;
        if (load > payloadKg + 1e-6) return null;
        // As the solver plans: service on arrival. Real driving is faster than the stretched times, so the truck's wait for a published time costs nothing here.
        dep = arrive + f.serviceSecondsPerStop * stretch;
      } else {
        load = 0;
        dep = arrive + world.stations[v.station].spec.serviceMinutes * 60 * stretch;
      }
      if (i === lunchAfter && lunch && line.lunchStartS !== null) {
        const start = Math.max(dep, line.lunchStartS);
        if (start > minutes(lunch.latest) * 60) return null;
        dep = start + lunch.minutes * 60;
      }
      at = node;
    }
    if (load > 0) return null;
    const endS = Math.round((dep + travel(at, depot)) / 60) * 60;
    return endS <= shiftEnd ? { times, endS, metres: metres + router.lengthM(at, depot) } : null;
  }
}

function lastIndexBefore(visits: LineVisit[], t: number): number {
  let k = -1;
  visits.forEach((v, i) => { if (!Number.isNaN(v.timeS) && v.timeS <= t) k = i; });
  return k;
}
