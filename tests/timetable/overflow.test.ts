/**
 * The promise of the frequency rule, checked by simulation: on a long run
 * over many demand seeds, bins overflow between visits at most as often as
 * the planning quantile allows (1 − quantile per interval between visits),
 * and more often when the quantile is lowered.
 */
import { describe, expect, it } from 'vitest';
import { designTimetable, timetablePlanner } from '../../engine/optimise/timetable/index.ts';
import type { World } from '../../engine/scenario/world.ts';
import { expandFleet } from '../../engine/sim/fleet.ts';
import { simulate } from '../../engine/sim/simulate.ts';
import { timetableWorld, withDemandSeed } from './fixtures.ts';

const SEEDS = [11, 12, 13, 14, 15, 16];
const DAYS = 21;

/** Overflow events per bin emptying, over every seed. */
async function overflowRate(quantile: number): Promise<{ rate: number; visits: number }> {
  const world: World = await timetableWorld((s) => {
    s.days = DAYS;
    s.collection!.timetable!.demandQuantile = quantile;
    s.generation.noiseCv = 0.3;
    // Trucks for every line, so no stop is missed and overflow measures the frequencies alone.
    s.fleet[0].count = 5;
    s.fleet[1].count = 5;
  });
  const tt = await designTimetable(world);
  world.fleet.forEach((f, i) => expect(tt.trucksNeeded[i]).toBeLessThanOrEqual(f.spec.count));
  let events = 0, visits = 0;
  for (const seed of SEEDS) {
    const w = withDemandSeed(world, seed);
    const run = simulate(w, { planner: timetablePlanner(w, expandFleet(w), tt), samples: false });
    for (const d of run.days) { events += d.overflowEvents; visits += d.servedBins; }
  }
  return { rate: events / visits, visits };
}

describe('overflow under the planning quantile', () => {
  it('stays at or under the stated chance on a long run, and rises when the quantile is lowered', async () => {
    const p90 = await overflowRate(0.9);
    const p50 = await overflowRate(0.5);
    expect(p90.visits).toBeGreaterThan(2000);
    expect(p90.rate).toBeLessThanOrEqual(0.1);
    expect(p50.rate).toBeLessThanOrEqual(0.5);
    expect(p50.rate).toBeGreaterThan(p90.rate);
  }, 300_000);
});
