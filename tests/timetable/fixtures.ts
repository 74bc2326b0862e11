/**
 * The small test town (tests/helpers/scenarios.ts) collected bus-style, with
 * a short solver budget so a timetable is designed in a few seconds.
 */
import { expect } from 'vitest';
import { FREQUENCIES } from '../../engine/optimise/timetable/frequency.ts';
import type { Line, Timetable } from '../../engine/optimise/timetable/types.ts';
import { minutes } from '../../engine/scenario/checks.ts';
import type { ScenarioInput } from '../../engine/scenario/schema.ts';
import { expandFleet, payloadKg } from '../../engine/sim/fleet.ts';
import type { World } from '../../engine/scenario/world.ts';
import { smallScenario, smallWorld } from '../helpers/scenarios.ts';

export function timetableScenario(edit?: (s: ScenarioInput) => void): ScenarioInput {
  return smallScenario((s) => {
    s.collection = { planner: 'timetable', timetable: { solverIterations: 150, demandQuantile: 0.9 } };
    edit?.(s);
  });
}

export function timetableWorld(edit?: (s: ScenarioInput) => void): Promise<World> {
  return smallWorld((s) => {
    s.collection = { planner: 'timetable', timetable: { solverIterations: 150, demandQuantile: 0.9 } };
    edit?.(s);
  });
}

/** The same world with the demand drawn from another seed (the town, built from the scenario's seed, stays). */
export function withDemandSeed(world: World, seed: number): World {
  return { ...world, scenario: { ...world.scenario, seed } };
}

/** Every bin is visited on each of its days, as often a day as its frequency says, and never on other days. */
export function expectServesEveryBin(world: World, tt: Timetable): void {
  const S = world.streams.length;
  expect(tt.services.length).toBe(world.points.length * S);
  for (const sv of tt.services) {
    for (let day = 0; day < 7; day++) {
      const visits = tt.lines.filter((l) => l.days.includes(day))
        .reduce((a, l) => a + l.visits.filter((v) => v.kind === 'stop' && v.point === sv.point && v.stream === sv.stream).length, 0);
      expect(visits, `${world.points[sv.point].id}/${world.streams[sv.stream].id} on day ${day}`).toBe(sv.days.includes(day) ? FREQUENCIES[sv.frequency].visitsPerDay : 0);
    }
  }
}

/** Each line keeps its truck's payload, shift and streams, unloads at stations taking its stream, ends empty, and takes lunch in the window with no stop inside it. */
export function expectLinesKeepRules(world: World, lines: Line[]): void {
  const trucks = expandFleet(world);
  const lunch = world.scenario.collection.timetable.lunch!;
  for (const l of lines) {
    const f = world.fleet[l.fleetType].spec;
    const payload = payloadKg(world, trucks.find((t) => t.type === l.fleetType)!, l.stream);
    const start = minutes(f.shiftStart) * 60, end = start + f.shiftHours * 3600;
    expect(l.startS).toBeGreaterThanOrEqual(start);
    expect(l.endS).toBeLessThanOrEqual(end);
    expect(f.streams).toContain(world.streams[l.stream].id);
    let load = 0, last = l.startS;
    for (const v of l.visits) {
      expect(v.timeS % 60).toBe(0);
      expect(v.timeS).toBeGreaterThanOrEqual(last);
      last = v.timeS;
      if (v.kind === 'unload') { load = 0; expect(world.stations[v.station].streamMask[l.stream]).toBe(true); continue; }
      load += v.loadKg;
      expect(load).toBeLessThanOrEqual(payload + 1e-6);
    }
    expect(l.visits[l.visits.length - 1].kind).toBe('unload');
    if (l.endS > minutes(lunch.earliest) * 60) {
      expect(l.lunchStartS, l.id).not.toBeNull();
      expect(l.lunchStartS!).toBeGreaterThanOrEqual(minutes(lunch.earliest) * 60);
      expect(l.lunchStartS!).toBeLessThanOrEqual(minutes(lunch.latest) * 60);
      // No published stop inside the break.
      for (const v of l.visits) expect(v.timeS <= l.lunchStartS! || v.timeS >= l.lunchStartS! + lunch.minutes * 60).toBe(true);
    }
  }
}
