/** Chained truck booking (assignTrucksChained) on hand-made lines. */
import { describe, expect, it } from 'vitest';
import { assignTrucksChained, type ChainRules } from '../../engine/optimise/timetable/slots.ts';
import type { Line } from '../../engine/optimise/timetable/types.ts';

const H = 3600;
const rules: ChainRules = { shiftEndS: () => 18 * H, lunch: null, stationHours: () => ({ openS: 0, closeS: 24 * H }) };

function line(id: string, stream: number, days: number[], startS: number, endS: number): Line {
  return {
    id, stream, fleetType: 0, truck: -1, days, frequency: days.length === 7 ? 'daily' : 'weekly', startS, endS, lunchStartS: null, km: 0, hours: (endS - startS) / H,
    visits: [{ kind: 'unload', station: 0, timeS: endS - 600 }],
  };
}

describe('chaining short lines on one truck', () => {
  it('puts a line after another only of the same stream, even when it would fit unmoved', () => {
    const every = [0, 1, 2, 3, 4, 5, 6];
    // One truck; two morning lines of stream 0 chain on it. An afternoon line of stream 1 fits
    // into the truck's day unmoved, but the simulation runs a truck's lines of a day as one
    // route of one stream, so it must get a truck of its own.
    const lines = [line('a', 0, every, 8 * H, 10 * H), line('b', 0, every, 8 * H, 10 * H), line('c', 1, [0], 14 * H, 15 * H)];
    const needed = assignTrucksChained(lines, [1], rules);
    const byId = new Map(lines.map((l) => [l.id, l]));
    expect(byId.get('a')!.truck).toBe(byId.get('b')!.truck);
    expect(byId.get('b')!.startS).toBe(10 * H);
    for (const x of lines) {
      for (const y of lines) {
        if (x !== y && x.truck === y.truck && x.days.some((d) => y.days.includes(d))) expect(x.stream, `${x.id} and ${y.id}`).toBe(y.stream);
      }
    }
    expect(needed).toEqual([2]);
  });
});
