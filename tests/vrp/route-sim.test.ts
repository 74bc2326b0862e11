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

  it('unloads at an open facility rather than at a nearer one that has closed', () => {
    // On a line: depot 0, stop A at 20 fills the truck, stop B at 22; the station at 21 closed at 07:00, the one at 40 is open.
    const xs = [0, 21, 40, 20, 22];
    const d = xs.map((a) => xs.map((b) => Math.abs(a - b) * 100));
    const inst = createInstance({
      name: 'closed-station', dimensions: ['kg'], locationCount: 5, distance: d.flat(), durationSeconds: d.flat(),
      depots: [{ id: 'depot', location: 0 }],
      facilities: [
        { id: 'near-closed', location: 1, openSeconds: 5 * 3600, closeSeconds: 7 * 3600, unloadSeconds: 300 },
        { id: 'far-open', location: 2, openSeconds: 5 * 3600, closeSeconds: 20 * 3600, unloadSeconds: 300 },
      ],
      stops: [{ id: 'A', location: 3, load: [1000], serviceSeconds: 60 }, { id: 'B', location: 4, load: [10], serviceSeconds: 60 }],
      vehicleTypes: [{ id: 'truck', count: 1, capacity: [1000], shiftStartSeconds: 8 * 3600, shiftEndSeconds: 18 * 3600, costPerDistance: 1 }],
      unloadAtDepot: false,
    });
    const sim = new RouteSimulator(inst);
    const plan = sim.plan(0, 0, [0, 1]);
    const unloads = plan.visits.filter((v) => v.kind === 'facility').map((v) => inst.facilities[v.index].id);
    expect(unloads).toEqual(['far-open', 'far-open']);
    expect(sim.evaluate(0, [0, 1]).violation).toBe(0);
  });
});
