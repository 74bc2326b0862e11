import { describe, expect, it } from 'vitest';
import { createInstance } from '../../engine/optimise/vrp/instance.ts';
import { RouteSimulator } from '../../engine/optimise/vrp/route-sim.ts';
import { RuinRecreate } from '../../engine/optimise/vrp/rr/ruin-recreate.ts';
import { smallWaste } from './fixtures.ts';

describe('the rich search adapts its penalty', () => {
  it('softens it while nearly every candidate is feasible, and returns a feasible plan', () => {
    // Large trucks, a long shift, no windows: every candidate is feasible.
    const spec = smallWaste(4, 30, { capacity: [100_000, 1000], shiftEndSeconds: 23 * 3600, lunch: undefined });
    spec.stops = spec.stops.map((s) => ({ ...s, windowOpenSeconds: 0, windowCloseSeconds: 24 * 3600 }));
    const inst = createInstance(spec);
    const sim = new RouteSimulator(inst);
    const rr = new RuinRecreate(inst, sim);
    const start = rr.currentPenalty;
    const routes = rr.solve({ seed: 'soft', iterations: 1000, timeSeconds: Infinity });
    expect(rr.currentPenalty).toBeLessThan(start / 10);
    for (const r of routes) expect(sim.evaluate(r.vehicleType, r.stops).violation).toBe(0);
  });

  it('steepens it, up to the steep penalty, while no candidate is feasible', () => {
    // Every stop closes before the shift starts: nothing is ever on time.
    const spec = smallWaste(4, 20);
    spec.stops = spec.stops.map((s) => ({ ...s, windowOpenSeconds: 0, windowCloseSeconds: 3600 }));
    const inst = createInstance(spec);
    const rr = new RuinRecreate(inst, new RouteSimulator(inst));
    expect(rr.currentPenalty).toBeLessThan(rr.steepPenalty);
    rr.solve({ seed: 'steep', iterations: 1000, timeSeconds: Infinity });
    expect(rr.currentPenalty).toBe(rr.steepPenalty);
  });
});
