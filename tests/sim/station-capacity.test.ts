import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { smallWorld } from '../helpers/scenarios.ts';
import { runWorld } from '../../engine/report/run.ts';
import type { ScenarioInput } from '../../engine/scenario/schema.ts';

const outDir = () => join(mkdtempSync(join(tmpdir(), 'wastetwin-run-')), 'run');

/** The small town with a second station on the far side; `tsT` is the first station's capacity. */
async function twoStations(tsT: number, ts2T = 100, planner: 'baseline' | 'vrp' = 'baseline') {
  return smallWorld((s: ScenarioInput) => {
    s.days = 2;
    s.collection = { ...s.collection, planner, workers: 1 };
    s.transferStations[0].capacityTonnesPerDay = tsT;
    s.transferStations.push({ ...s.transferStations[0], id: 'TS2', at: { fx: 0.8, fy: 0.5 }, capacityTonnesPerDay: ts2T });
    s.targets = { ...s.targets, stationLoadMax: 1 };
  });
}

const intake = (run: ReturnType<typeof runWorld>, id: string) =>
  run.kpis.days.map((d) => d.stations.find((x) => x.id === id)!);

describe('transfer-station capacity in route planning', () => {
  it('sends each bin to its nearest station while the station has room', async () => {
    const run = runWorld(await twoStations(100), outDir());
    // Both stations take a share: the town is split between them by distance.
    for (const d of run.kpis.days.slice(1)) expect(d.stations.every((st) => st.kg > 0)).toBe(true);
    expect(run.targets.find((t) => t.name === 'station load')!.met).toBe(true);
  });

  it.each(['baseline', 'vrp'] as const)('spills bins to the next station once the nearest is full, keeping it within its capacity (%s planner)', async (planner) => {
    const ample = runWorld(await twoStations(100, 100, planner), outDir());
    const usualT = intake(ample, 'TS')[1].kg / 1000;
    const capT = Math.floor(usualT / 2);
    const tight = runWorld(await twoStations(capT, 100, planner), outDir());
    const ts = intake(tight, 'TS')[1], ts2 = intake(tight, 'TS2')[1];
    expect(ts.kg / 1000).toBeLessThanOrEqual(capT);
    expect(ts2.kg).toBeGreaterThan(intake(ample, 'TS2')[1].kg);
    expect(tight.targets.find((t) => t.name === 'station load')!.met).toBe(true);
  });

  it('when every station is full, the nearest runs over and the target names the first station over', async () => {
    const run = runWorld(await twoStations(2, 2), outDir());
    const target = run.targets.find((t) => t.name === 'station load')!;
    expect(target.met).toBe(false);
    expect(target.actual).toBeGreaterThan(1);
    expect(target.note).toMatch(/^first over: TS2? on day 0 \(\d+ %\); [12] of 2 stations over$/);
  });
});
