import { describe, expect, it } from 'vitest';
import { buildFlowLp } from '../../engine/optimise/flows/build.ts';
import { loadHighs, solveWithHighs, solveWithJsl, pickSolver } from '../../engine/optimise/flows/backends.ts';
import { syntheticFlowModel } from '../../engine/optimise/flows/synthetic.ts';

describe('javascript-lp-solver and HiGHS agree', () => {
  const cases = [
    ...Array.from({ length: 8 }, (_, i) => ({ seed: i, size: { catchments: 4 + i, stations: 2 + (i % 3), plants: 4 + (i % 4), streams: 2 + (i % 3) } })),
    ...Array.from({ length: 3 }, (_, i) => ({ seed: 100 + i, size: { catchments: 3, stations: 2, plants: 4, streams: 4, days: 3 + i } })),
    { seed: 200, size: { catchments: 5, stations: 3, plants: 5, streams: 3, capacityRatio: 0.7 } },
  ];
  for (const { seed, size } of cases) {
    it(`on seeded instance ${seed} (${JSON.stringify(size)})`, async () => {
      const f = buildFlowLp(syntheticFlowModel(size, seed));
      const a = solveWithJsl(f.lp);
      const b = solveWithHighs(await loadHighs(), f.lp);
      expect(a.status).toBe('optimal');
      expect(b.status).toBe('optimal');
      expect(Math.abs(a.objective - b.objective) / Math.max(1, Math.abs(b.objective))).toBeLessThan(1e-6);
      // HiGHS's interior-point method (used on the largest LPs) ends at the same optimum, proven, with duals.
      const c = solveWithHighs(await loadHighs(), f.lp, { method: 'ipm' });
      expect(c).toMatchObject({ status: 'optimal', proven: true });
      expect(c.rowDual).toHaveLength(f.lp.numRows);
      expect(Math.abs(c.objective - b.objective) / Math.max(1, Math.abs(b.objective))).toBeLessThan(1e-6);
    });
  }

  it('picks javascript-lp-solver for small LPs and HiGHS for large ones', () => {
    expect(pickSolver(buildFlowLp(syntheticFlowModel({ catchments: 5, stations: 2, plants: 4, streams: 2 }, 1)).lp)).toBe('jsl');
    expect(pickSolver(buildFlowLp(syntheticFlowModel({ catchments: 300, stations: 20, plants: 8, streams: 4 }, 1)).lp)).toBe('highs');
  });
});
