import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createInstance } from '../../engine/optimise/vrp/instance.ts';
import { RouteSimulator, UNLOAD } from '../../engine/optimise/vrp/route-sim.ts';
import { smallWaste } from './fixtures.ts';

describe('the route timetable', () => {
  it('resuming from a saved head gives exactly the measure of a full walk, with or without unload markers', () => {
    const inst = createInstance(smallWaste(21, 14, { capacity: [700, 5], shiftEndSeconds: 13 * 3600 }));
    const sim = new RouteSimulator(inst);
    const states = new Float64Array(40 * sim.stateSize);
    fc.assert(fc.property(
      fc.shuffledSubarray(Array.from({ length: 14 }, (_, i) => i), { minLength: 2, maxLength: 14 }),
      fc.array(fc.nat(), { maxLength: 4 }),
      fc.nat(),
      (seq, marks, at) => {
        const head: number[] = seq.slice(0, -1), s = seq[seq.length - 1];
        for (const m of marks) head.splice(m % (head.length + 1), 0, UNLOAD);
        const p = at % (head.length + 1);
        sim.recordStates(0, head, head.length, states);
        const next = [...head.slice(0, p), s, ...head.slice(p)];
        expect(sim.evaluateFrom(0, states, p, next, next.length)).toEqual(sim.evaluate(0, next));
      },
    ), { numRuns: 300 });
  });
});
