import { describe, expect, it } from 'vitest';
import { createInstance } from '../../engine/optimise/vrp/instance.ts';
import { RouteSimulator } from '../../engine/optimise/vrp/route-sim.ts';

describe('the route timetable', () => {
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
