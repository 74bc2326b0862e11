/**
 * The flow model holds a megacity: a few hundred catchments × 60 stations ×
 * 15 plants × 4 streams goes to HiGHS by itself, is solved to a proven
 * optimum with every tonne accounted for, and its 30-day form is built. Its
 * solve times (the 30-day form takes tens of CPU-seconds) are in
 * bench/flows.ts, not here.
 */
import { describe, expect, it } from 'vitest';
import { buildFlowLp } from '../../engine/optimise/flows/build.ts';
import { HIGHS_IPM_MIN_COLS, pickSolver } from '../../engine/optimise/flows/backends.ts';
import { solveFlows } from '../../engine/optimise/flows/solve.ts';
import { syntheticFlowModel } from '../../engine/optimise/flows/synthetic.ts';

const MEGACITY = { catchments: 300, stations: 60, plants: 15, streams: 4 };

describe('a megacity', () => {
  it('is solved by HiGHS, chosen automatically, to a proven optimum that places every tonne', async () => {
    const m = syntheticFlowModel(MEGACITY, 1);
    expect(pickSolver(buildFlowLp(m).lp)).toBe('highs');
    const sol = await solveFlows(m);
    expect(sol).toMatchObject({ solver: 'highs', proven: true });
    const S = m.streams.length;
    const sum = (kind: string, side: 'from' | 'to', id: string, stream: string) =>
      sol.flows.filter((f) => f.kind === kind && f[side] === id && f.stream === stream).reduce((a, f) => a + f.tonnesPerDay, 0);
    for (const c of m.catchments) for (let s = 0; s < S; s++) {
      const id = m.streams[s].id;
      expect(sum('collect', 'from', c.id, id) + sum('landfill', 'from', c.id, id)).toBeCloseTo(c.tonnesPerDay[s], 4);
    }
    for (const t of m.stations) {
      let intake = 0;
      for (let s = 0; s < S; s++) {
        const id = m.streams[s].id;
        intake += sum('collect', 'to', t.id, id);
        expect(sum('haul', 'from', t.id, id) + sum('landfill', 'from', t.id, id)).toBeCloseTo(sum('collect', 'to', t.id, id), 4);
      }
      expect(intake).toBeLessThanOrEqual(t.capacityTonnesPerDay + 1e-6);
    }
    for (const p of m.plants) {
      const intake = sol.flows.filter((f) => (f.kind === 'haul' || f.kind === 'residue') && f.to === p.id).reduce((a, f) => a + f.tonnesPerDay, 0);
      expect(intake).toBeLessThanOrEqual(p.capacityTonnesPerDay + 1e-6);
    }
    // Every binding limit priced from HiGHS's duals.
    expect(sol.binding.length).toBeGreaterThan(0);
    expect(sol.binding.every((b) => b.saving !== undefined)).toBe(true);
  });

  it('over 30 days with pits and an outage builds as one LP for HiGHS\'s interior-point method', () => {
    const f = buildFlowLp(syntheticFlowModel({ ...MEGACITY, days: 30 }, 1));
    expect(f.days).toBe(30);
    expect(f.lp.numRows).toBeGreaterThan(30 * 1000);
    expect(f.lp.numCols).toBeGreaterThanOrEqual(HIGHS_IPM_MIN_COLS);
    expect(pickSolver(f.lp)).toBe('highs');
    expect(f.lp.starts).toBeInstanceOf(Int32Array);
    expect(f.lp.starts.length).toBe(f.lp.numCols + 1);
    expect(f.lp.indices.length).toBe(f.lp.starts[f.lp.numCols]);
  });
});
