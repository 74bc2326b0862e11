import { beforeAll, describe, expect, it } from 'vitest';
import { designTimetable, type Design } from '../../engine/optimise/timetable/index.ts';
import { FREQUENCIES } from '../../engine/optimise/timetable/frequency.ts';
import type { World } from '../../engine/scenario/world.ts';
import { expectLinesKeepRules, expectServesEveryBin, timetableWorld } from './fixtures.ts';

let world: World;
let tt: Design;

beforeAll(async () => {
  // Small bins so the town gets several frequencies and day patterns.
  world = await timetableWorld((s) => {
    if ('generate' in s.collectionPoints) s.collectionPoints.generate.binCapacityKg = { residual: 500, food: 250 };
    s.fleet[0].count = 4;
    s.fleet[1].count = 3;
  });
  tt = await designTimetable(world);
}, 120_000);

describe('a designed timetable', () => {
  it('serves every bin on each of its days, as often a day as its frequency says, and never on other days', () => {
    expect(new Set(tt.services.map((sv) => FREQUENCIES[sv.frequency].name)).size).toBeGreaterThan(1);
    expectServesEveryBin(world, tt);
  });

  it('breaks no capacity, shift or lunch rule, and the solver reports no violation', () => {
    expect(tt.violations).toEqual([]);
    expectLinesKeepRules(world, tt.lines);
  });

  it('gives each line one truck, never two lines to a truck on the same day', () => {
    for (const a of tt.lines) {
      expect(a.truck).toBeGreaterThanOrEqual(0);
      for (const b of tt.lines) {
        if (a === b || a.fleetType !== b.fleetType || a.truck !== b.truck) continue;
        expect(a.days.some((d) => b.days.includes(d)), `${a.id} and ${b.id}`).toBe(false);
      }
    }
    world.fleet.forEach((f, ft) => expect(tt.trucksNeeded[ft]).toBeLessThanOrEqual(f.spec.count));
  });

  it('is the same for the same scenario and seed', async () => {
    const again = await designTimetable(world);
    expect(JSON.stringify(again.lines)).toBe(JSON.stringify(tt.lines));
  }, 120_000);
});

describe('a fleet too short for the day patterns', () => {
  it('gets fewer, fuller lines: small patterns fold into daily service, never less often than the rule asks', async () => {
    const short = await timetableWorld((s) => { s.fleet[0].count = 2; s.fleet[1].count = 2; });
    const tt = await designTimetable(short);
    short.fleet.forEach((f, ft) => expect(tt.trucksNeeded[ft], f.spec.id).toBeLessThanOrEqual(f.spec.count));
    expect(tt.violations).toEqual([]);
    const { chooseFrequencies, maxGapDays } = await import('../../engine/optimise/timetable/frequency.ts');
    const { DemandModel } = await import('../../engine/demand/model.ts');
    const rule = chooseFrequencies(short, new DemandModel(short), short.scenario.collection.timetable.frequencies);
    const S = short.streams.length;
    for (const sv of tt.services) {
      const asked = FREQUENCIES[rule.frequency[sv.point * S + sv.stream]];
      expect(maxGapDays(sv.days)).toBeLessThanOrEqual(maxGapDays(asked.phases[0]));
    }
  }, 120_000);
});
