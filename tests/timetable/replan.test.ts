/**
 * Re-planning keeps the timetable residents know: after one collection point
 * is added, the large majority of published stop times stay as they were,
 * the new point is served at its frequency, and nothing is lost.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { designTimetable } from '../../engine/optimise/timetable/index.ts';
import { FREQUENCIES } from '../../engine/optimise/timetable/frequency.ts';
import { readRoutesJson, routesJson } from '../../engine/export/routes-json.ts';
import { parseScenario } from '../../engine/scenario/read.ts';
import type { ScenarioInput } from '../../engine/scenario/schema.ts';
import { buildWorld } from '../../engine/scenario/world.ts';
import { runCli } from '../helpers/cli.ts';
import { writeTemp } from '../helpers/scenarios.ts';
import { timetableScenario, timetableWorld } from './fixtures.ts';

/** The test town with its generated points written out as a list, so one can be added without moving the others. */
async function listed(extra: boolean): Promise<ScenarioInput> {
  const generated = await timetableWorld();
  return timetableScenario((s) => {
    s.fleet[0].count = 5;
    s.fleet[1].count = 5;
    const bins = { residual: 600, food: 300 };
    const list = generated.points.map((p) => ({ id: p.id, at: { x: p.x, y: p.y }, population: p.population, binCapacityKg: bins }));
    if (extra) list.push({ id: 'NEW', at: { x: (list[3].at.x + list[4].at.x) / 2, y: (list[3].at.y + list[4].at.y) / 2 }, population: 300, binCapacityKg: bins });
    s.collectionPoints = { list };
  });
}

describe('re-planning after one point is added', () => {
  it('keeps the large majority of stop times and serves the new point at its frequency', async () => {
    const before = await buildWorld(parseScenario(await listed(false)));
    const after = await buildWorld(parseScenario(await listed(true)));
    const first = await designTimetable(before);
    const previous = readRoutesJson(after, routesJson(before, first), 'routes.json');
    const again = await designTimetable(after, { previous });
    const st = again.stability!;
    const stopsBefore = first.lines.reduce((a, l) => a + l.visits.filter((v) => v.kind === 'stop').length, 0);
    expect(st.kept).toBe(stopsBefore);
    expect(st.removed).toBe(0);
    expect(st.added).toBe(2); // the new point's two streams
    expect(st.changed / st.kept).toBeLessThanOrEqual(0.1);

    const S = after.streams.length;
    const p = after.points.findIndex((x) => x.id === 'NEW');
    for (let s = 0; s < S; s++) {
      const sv = again.services.find((x) => x.point === p && x.stream === s)!;
      for (const day of sv.days) {
        const calls = again.lines.filter((l) => l.days.includes(day)).flatMap((l) => l.visits).filter((v) => v.kind === 'stop' && v.point === p && v.stream === s);
        expect(calls).toHaveLength(FREQUENCIES[sv.frequency].visitsPerDay);
      }
    }
    // Every old bin is still served on the same days.
    for (const sv of first.services) {
      const now = again.services.find((x) => x.point === sv.point && x.stream === sv.stream)!;
      expect(now.days).toEqual(sv.days);
    }
    expect(again.violations).toEqual([]);
  }, 180_000);

  it('is what `plan --previous` reports', async () => {
    const a = writeTemp(await listed(false));
    const b = writeTemp(await listed(true));
    expect((await runCli(['plan', a.file, '--out', join(a.dir, 'plan')])).code).toBe(0);
    const res = await runCli(['plan', b.file, '--previous', join(a.dir, 'plan', 'routes.json'), '--out', join(b.dir, 'plan')]);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/Re-planned from .*routes\.json: \d+ stop visits kept, \d+ of them at a new time; 2 added, 0 removed\./);
    const json = JSON.parse(readFileSync(join(b.dir, 'plan', 'routes.json'), 'utf8'));
    expect(json.stability.added).toBe(2);
    expect(existsSync(join(b.dir, 'plan', 'routes.geojson'))).toBe(true);
  }, 180_000);
});
