/**
 * Running a timetable day after day: trucks keep to published times on an
 * ordinary day (waiting when early, never serving before the time), and when
 * more waste comes than planned a truck fills early, unloads, resumes the
 * line and the stops after the detour are reported late.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { designTimetable, timetablePlanner, type Design } from '../../engine/optimise/timetable/index.ts';
import { dayKpi, totalKpis } from '../../engine/report/kpis.ts';
import type { World } from '../../engine/scenario/world.ts';
import { expandFleet } from '../../engine/sim/fleet.ts';
import { simulate } from '../../engine/sim/simulate.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { writeTemp } from '../helpers/scenarios.ts';
import { timetableScenario, timetableWorld } from './fixtures.ts';

let world: World;
let tt: Design;

beforeAll(async () => {
  world = await timetableWorld((s) => { s.days = 7; s.fleet[0].count = 4; s.fleet[1].count = 4; });
  tt = await designTimetable(world);
}, 120_000);

function run(w: World) {
  const result = simulate(w, { planner: timetablePlanner(w, expandFleet(w), tt), samples: false });
  const days = result.days.map((d) => dayKpi(w, result, d));
  return { result, days, total: totalKpis(days) };
}

describe('simulating a timetable', () => {
  it('keeps an ordinary week to time and never serves a stop before its published time', () => {
    const { result, total } = run(world);
    expect(total.scheduledStops).toBeGreaterThan(0);
    expect(total.missedStops).toBe(0);
    expect(total.onTimeRate).toBeGreaterThanOrEqual(0.95);
    for (const d of result.days) {
      const published = new Map<string, number[]>();
      for (const l of tt.lines) {
        if (!l.days.includes((d.day) % 7)) continue; // startDate 2025-01-06 is a Monday
        for (const v of l.visits) if (v.kind === 'stop') published.set(`${world.points[v.point].id}/${world.streams[v.stream].id}`, [...(published.get(`${world.points[v.point].id}/${world.streams[v.stream].id}`) ?? []), d.day * 86_400 + v.timeS]);
      }
      for (const m of d.manifests) {
        if (m.kind !== 'pickup') continue;
        const times = published.get(`${m.point}/${m.stream}`);
        expect(times, `${m.point}/${m.stream} picked up on day ${d.day} without a line`).toBeDefined();
        expect(m.startS).toBeGreaterThanOrEqual(Math.min(...times!));
      }
    }
  });

  it('reports late stops when more waste than planned makes trucks unload early and resume', () => {
    const heavy: World = { ...world, scenario: { ...world.scenario, generation: { ...world.scenario.generation, perCapitaKgPerDay: world.scenario.generation.perCapitaKgPerDay * 2.5 } } };
    const normal = run(world).total, busy = run(heavy).total;
    expect(busy.collection.extraUnloads).toBeGreaterThan(normal.collection.extraUnloads);
    expect(busy.lateStops).toBeGreaterThan(0);
    expect(busy.onTimeRate!).toBeLessThan(normal.onTimeRate!);
    // Every scheduled stop is on time, late or missed.
    expect(busy.onTimeStops + busy.lateStops + busy.missedStops).toBeGreaterThanOrEqual(busy.scheduledStops);
  });

  it('has no on-time rate when the run has no timetable', async () => {
    const plain = await timetableWorld((s) => { s.collection = { planner: 'baseline' }; });
    const result = simulate(plain, { samples: false, days: 1 });
    const k = dayKpi(plain, result, result.days[0]);
    expect(k.onTimeRate).toBeNull();
    expect(k.scheduledStops).toBe(0);
    expect(k.missedStops).toBe(result.days[0].dueBins - result.days[0].servedBins);
    expect(k.trucksUsed).toBeGreaterThan(0);
  });

  it('runs from the command line when the scenario says planner "timetable", with the timetable KPIs in report.json', async () => {
    const { file, dir } = writeTemp(timetableScenario((s) => { s.fleet[0].count = 4; s.fleet[1].count = 4; }));
    const res = await runCli(['simulate', file, '--out', join(dir, 'run')]);
    expect(res.code).toBe(0);
    const total = JSON.parse(readFileSync(join(dir, 'run', 'report.json'), 'utf8')).kpis.total;
    expect(total.scheduledStops).toBeGreaterThan(0);
    expect(typeof total.onTimeRate).toBe('number');
    for (const k of ['missedStops', 'lateStops', 'trucksUsed', 'overflowEvents']) expect(typeof total[k]).toBe('number');
    for (const k of ['km', 'hours', 'overtimeHours', 'extraUnloads']) expect(typeof total.collection[k]).toBe('number');
    // The printed report says how the timetable held: its total row matches report.json.
    const md = readFileSync(join(dir, 'run', 'report.md'), 'utf8');
    expect(res.stdout).toContain('## Timetable');
    const row = md.slice(md.indexOf('## Timetable')).split('\n').find((l) => l.startsWith('| total '))!.split('|').slice(2, -1).map((c) => c.trim());
    expect(row).toEqual([total.scheduledStops, total.onTimeStops, total.lateStops, total.missedStops, `${(total.onTimeRate * 100).toFixed(1)} %`,
      total.overflowEvents, total.collection.extraUnloads, total.collection.overtimeHours.toFixed(1)].map(String));
    // A run without a timetable has no such section.
    const plain = writeTemp(timetableScenario((s) => { s.collection = { planner: 'baseline' }; }));
    const off = await runCli(['simulate', plain.file, '--out', join(plain.dir, 'run')]);
    expect(off.code).toBe(0);
    expect(off.stdout).not.toContain('## Timetable');
  }, 120_000);

  it('runs a published routes.json day after day when the scenario names it, and refuses one it cannot read', async () => {
    const base = timetableScenario((s) => { s.fleet[0].count = 4; s.fleet[1].count = 4; s.days = 7; });
    const { file, dir } = writeTemp(base);
    expect((await runCli(['plan', file, '--out', join(dir, 'plan')])).code).toBe(0);
    const published = JSON.parse(readFileSync(join(dir, 'plan', 'routes.json'), 'utf8'));
    const scenarioFile = join(dir, 'published.json');
    writeFileSync(scenarioFile, JSON.stringify({ ...base, collection: { planner: 'timetable', timetable: { routesFile: 'plan/routes.json' } } }));
    const res = await runCli(['simulate', scenarioFile, '--out', join(dir, 'run')]);
    expect(res.code).toBe(0);
    const days = JSON.parse(readFileSync(join(dir, 'run', 'report.json'), 'utf8')).kpis.days;
    const names = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    days.forEach((d: { scheduledStops: number }, i: number) => {
      const stops = published.lines.filter((l: { days: string[] }) => l.days.includes(names[i % 7]))
        .reduce((a: number, l: { stops: { kind: string }[] }) => a + l.stops.filter((x) => x.kind === 'stop').length, 0);
      expect(d.scheduledStops).toBe(stops);
    });
    writeFileSync(scenarioFile, JSON.stringify({ ...base, collection: { planner: 'timetable', timetable: { routesFile: 'nowhere.json' } } }));
    const bad = await runCli(['simulate', scenarioFile, '--out', join(dir, 'run2')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('collection.timetable.routesFile');
  }, 180_000);
});
