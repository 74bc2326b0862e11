import { beforeAll, describe, expect, it } from 'vitest';
import { designTimetable, type Design } from '../../engine/optimise/timetable/index.ts';
import { FREQUENCIES } from '../../engine/optimise/timetable/frequency.ts';
import { minutes } from '../../engine/scenario/checks.ts';
import type { World } from '../../engine/scenario/world.ts';
import { expandFleet, payloadKg } from '../../engine/sim/fleet.ts';
import { timetableWorld } from './fixtures.ts';

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
    const S = world.streams.length;
    expect(tt.services.length).toBe(world.points.length * S);
    expect(new Set(tt.services.map((sv) => FREQUENCIES[sv.frequency].name)).size).toBeGreaterThan(1);
    for (const sv of tt.services) {
      for (let day = 0; day < 7; day++) {
        const visits = tt.lines.filter((l) => l.days.includes(day))
          .reduce((a, l) => a + l.visits.filter((v) => v.kind === 'stop' && v.point === sv.point && v.stream === sv.stream).length, 0);
        expect(visits, `${world.points[sv.point].id}/${world.streams[sv.stream].id} on day ${day}`).toBe(sv.days.includes(day) ? FREQUENCIES[sv.frequency].visitsPerDay : 0);
      }
    }
  });

  it('breaks no capacity, shift or lunch rule, and the solver reports no violation', () => {
    expect(tt.violations).toEqual([]);
    const trucks = expandFleet(world);
    const lunch = world.scenario.collection.timetable.lunch!;
    for (const l of tt.lines) {
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
        expect(l.lunchStartS).not.toBeNull();
        expect(l.lunchStartS!).toBeGreaterThanOrEqual(minutes(lunch.earliest) * 60);
        expect(l.lunchStartS!).toBeLessThanOrEqual(minutes(lunch.latest) * 60);
        // No published stop inside the break.
        for (const v of l.visits) expect(v.timeS <= l.lunchStartS! || v.timeS >= l.lunchStartS! + lunch.minutes * 60).toBe(true);
      }
    }
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
