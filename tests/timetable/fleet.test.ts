/**
 * A design that fits the fleet: patterns routed into the trucks still free on
 * their days, short lines chained in one shift; and a fleet truly too small
 * still gets its lines, with a warning naming the shortfall.
 */
import { describe, expect, it } from 'vitest';
import { designTimetable, timetablePlanner, type Design } from '../../engine/optimise/timetable/index.ts';
import { dayKpi, totalKpis } from '../../engine/report/kpis.ts';
import { expandFleet } from '../../engine/sim/fleet.ts';
import { simulate } from '../../engine/sim/simulate.ts';
import { chooseFrequencies } from '../../engine/optimise/timetable/frequency.ts';
import { DemandModel } from '../../engine/demand/model.ts';
import type { World } from '../../engine/scenario/world.ts';
import { expectLinesKeepRules, expectServesEveryBin, timetableScenario, timetableWorld } from './fixtures.ts';
import { runCli } from '../helpers/cli.ts';
import { writeTemp } from '../helpers/scenarios.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** No truck runs two lines at once, and each fleet type uses at most its trucks. */
function expectTrucksFit(world: World, tt: Design): void {
  for (const a of tt.lines) {
    expect(a.truck).toBeGreaterThanOrEqual(0);
    expect(a.truck, a.id).toBeLessThan(world.fleet[a.fleetType].spec.count);
    for (const b of tt.lines) {
      if (a === b || a.fleetType !== b.fleetType || a.truck !== b.truck || !a.days.some((d) => b.days.includes(d))) continue;
      expect(a.endS <= b.startS || b.endS <= a.startS, `${a.id} and ${b.id} on truck ${a.truck}`).toBe(true);
    }
  }
  world.fleet.forEach((f, ft) => expect(tt.trucksNeeded[ft], f.spec.id).toBeLessThanOrEqual(f.spec.count));
}

describe('a fleet one truck short of what the design would use with trucks to spare', () => {
  it('serves every bin at the frequency the rule asks with the trucks it has, within capacity, shift and lunch', async () => {
    const roomy = await designTimetable(await timetableWorld((s) => { s.fleet[0].count = 12; s.fleet[1].count = 12; }));
    const ft = roomy.trucksNeeded.findIndex((n) => n >= 2);
    expect(ft).toBeGreaterThanOrEqual(0);
    const short = await timetableWorld((s) => { s.fleet[0].count = 12; s.fleet[1].count = 12; s.fleet[ft].count = roomy.trucksNeeded[ft] - 1; });
    const tt = await designTimetable(short);
    expect(tt.violations).toEqual([]);
    expect(tt.fleetShortfalls).toEqual([]);
    expectTrucksFit(short, tt);
    expectServesEveryBin(short, tt);
    expectLinesKeepRules(short, tt.lines);
    // Not by serving bins more often than the rule asks (folding patterns into daily service).
    const rule = chooseFrequencies(short, new DemandModel(short), short.scenario.collection.timetable.frequencies);
    const S = short.streams.length;
    for (const sv of tt.services) expect(sv.frequency, short.points[sv.point].id).toBe(rule.frequency[sv.point * S + sv.stream]);
    // Here by chaining: some truck runs two lines one after the other on a day.
    expect(tt.lines.some((a) => tt.lines.some((b) => a !== b && a.fleetType === b.fleetType && a.truck === b.truck && a.days.some((d) => b.days.includes(d))))).toBe(true);
    // A week on those lines: a truck running two lines in a day runs both, so no stop is missed.
    const week: World = { ...short, scenario: { ...short.scenario, days: 7 } };
    const result = simulate(week, { planner: timetablePlanner(week, expandFleet(week), tt), samples: false });
    const total = totalKpis(result.days.map((d) => dayKpi(week, result, d)));
    expect(total.scheduledStops).toBeGreaterThan(0);
    expect(total.missedStops).toBe(0);
  }, 120_000);
});

describe('a fleet truly too small', () => {
  it('still gets every line, and plan warns naming the fleet, trucks needed and available and the points left out', async () => {
    const scenario = timetableScenario((s) => {
      s.fleet[0].count = 1; s.fleet[1].count = 1;
      s.fleet[0].shiftHours = 1;
    });
    const { file, dir } = writeTemp(scenario);
    const out = join(dir, 'plan');
    const res = await runCli(['plan', file, '--out', out]);
    expect(res.code).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'routes.json'), 'utf8'));
    const res0 = json.fleetShortfalls.find((f: { truckType: string }) => f.truckType === 'RES');
    expect(res0.fleet).toBe(1);
    expect(res0.needed).toBeGreaterThan(1);
    expect(res0.lines.length).toBeGreaterThan(0);
    expect(res0.points.length).toBeGreaterThan(0);
    // The lines without a truck are in routes.json all the same, with every point they leave out.
    const orphanStops = new Set(json.lines.filter((l: { id: string }) => res0.lines.includes(l.id))
      .flatMap((l: { stops: { kind: string; point?: string }[] }) => l.stops.filter((v) => v.kind === 'stop').map((v) => v.point)));
    expect([...orphanStops].sort()).toEqual([...res0.points].sort());
    expect(json.trucksNeeded.RES).toEqual({ needed: res0.needed, fleet: 1 });
    expect(json.violations.some((v: string) => v.startsWith('fleet RES is short'))).toBe(true);
    expect(res.stdout).toMatch(new RegExp(`WARNING: fleet RES is short: the lines need ${res0.needed} trucks, the fleet has 1`));
    expect(res.stdout).toContain(res0.points[0]);
    expect(res.stdout).toMatch(new RegExp(`\\| RES +\\| +${res0.needed} of 1 \\|`));
  }, 120_000);
});
