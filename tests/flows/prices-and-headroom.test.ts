/**
 * Shadow prices come from HiGHS's duals, also when javascript-lp-solver gives
 * the allocation, and HiGHS's optimum proves that allocation optimal; the
 * limits closest to binding are told with their headroom.
 */
import { describe, expect, it } from 'vitest';
import { buildFlowLp, type FlowLp } from '../../engine/optimise/flows/build.ts';
import { loadHighs, solveWithHighs, solveWithJsl } from '../../engine/optimise/flows/backends.ts';
import { closestLimits } from '../../engine/optimise/flows/binding.ts';
import { solveFlows, type FlowSolution } from '../../engine/optimise/flows/solve.ts';
import { flowsText } from '../../engine/optimise/flows/report.ts';
import type { FlowModel } from '../../engine/optimise/flows/model.ts';
import { runCli } from '../helpers/cli.ts';
import { twoPlants } from './small-models.ts';

/** One more tonne a day at plant p, priced the brute way: javascript-lp-solver again with the limit raised by one. */
function resolvePrice(f: FlowLp, row: number): number {
  const upper = f.lp.rowUpper.slice();
  upper[row] += 1;
  return solveWithJsl(f.lp).objective - solveWithJsl({ ...f.lp, rowUpper: upper }).objective;
}

describe('shadow prices of a javascript-lp-solver answer', () => {
  // Both plants full and 10 t/day landfilled: each plant's price is unique (landfill 1000 less the tonne's route).
  const m = twoPlants({ p2: 20 });

  it('are HiGHS\'s duals on the same model, equal to the re-solve prices, and the optimum is proven', async () => {
    const sol = await solveFlows(m, { solver: 'jsl' });
    expect(sol.solver).toBe('jsl');
    expect(sol.proven).toBe(true);
    expect(sol.check).toMatchObject({ status: 'optimal', agree: true });
    expect(sol.check!.relativeDifference).toBeLessThan(1e-6);
    const f = buildFlowLp(m);
    const h = solveWithHighs(await loadHighs(), f.lp);
    const plants = sol.binding.filter((b) => b.kind === 'plant-capacity');
    expect(plants.map((b) => b.site)).toEqual(['P1', 'P2']);
    for (const b of plants) {
      const row = f.plantCapacityRow[m.plants.findIndex((p) => p.id === b.site)];
      expect(b.saving).toBe(-h.rowDual![row]);
      expect(b.saving).toBeCloseTo(resolvePrice(f, row), 6);
    }
    expect(plants.map((b) => b.saving)).toEqual([expect.closeTo(1000 - 4 - 55, 6), expect.closeTo(1000 - 4 - 82.5, 6)]);
    const text = flowsText(m, sol, { currency: '¥', seconds: 0.1 });
    expect(text).toContain('Solved by javascript-lp-solver in 0.10 s; optimal, proven by HiGHS (same cost, relative difference');
    expect(text).toContain('P1: treating at capacity (120 t/day); one more t/day of treatment saves ¥941 a day');
  });

  it('bind at the same sites whichever back end gives the allocation, and HiGHS alone needs no check', async () => {
    const [a, b] = await Promise.all([solveFlows(m, { solver: 'jsl' }), solveFlows(m, { solver: 'highs' })]);
    expect(b.check).toBeUndefined();
    expect(b.proven).toBe(true);
    expect(a.binding.map((x) => [x.site, x.saving])).toEqual(b.binding.map((x) => [x.site, x.saving]));
  });

  it('say when HiGHS\'s optimum and the allocation shown disagree', async () => {
    const sol = await solveFlows(m, { solver: 'jsl' });
    const off: FlowSolution = { ...sol, proven: false, check: { status: 'optimal', objective: sol.objective * 0.99, relativeDifference: 0.0101, agree: false } };
    expect(flowsText(m, off, { currency: '¥', seconds: 0.1 })).toContain(
      `not proven optimal: HiGHS's optimum costs ¥${Math.round(sol.objective * 0.99).toLocaleString('en-US')} against ¥${Math.round(sol.objective).toLocaleString('en-US')} for this allocation (relative difference 1.0e-2, above 0.000001)`);
  });

  it('are not asked of HiGHS when not wanted (the growth study), and then nothing is proven', async () => {
    const sol = await solveFlows(m, { solver: 'jsl', shadowPrices: false });
    expect(sol.check).toBeUndefined();
    expect(sol.proven).toBe(false);
    expect(sol.binding.every((b) => b.saving === undefined && b.text.endsWith('not priced'))).toBe(true);
  });
});

describe('limits closest to binding', () => {
  /** Twice the room at P1, and one 10 t truck for 10 h at T: all 150 t go to P1 at 0.06 truck-h a tonne. */
  const roomy = (): FlowModel => {
    const m = twoPlants({ p1: 1000 });
    m.stations[0].haul = { trucks: 1, capacityTonnes: 10, speedKmh: 50, handlingMinutes: 12, hoursPerDay: 10 };
    return m;
  };

  it('are listed least headroom first, in t/day, with used and limit', async () => {
    const sol = await solveFlows(roomy());
    expect(sol.binding).toEqual([]);
    expect(sol.closest.map((h) => [h.kind, h.site])).toEqual([['haul', 'T'], ['station-intake', 'T'], ['plant-capacity', 'P2'], ['plant-capacity', 'P1']]);
    expect(sol.closest.map((h) => h.headroomTonnesPerDay)).toEqual([expect.closeTo(1 / 0.06, 6), expect.closeTo(50, 6), expect.closeTo(100, 6), expect.closeTo(850, 6)]);
    expect(sol.closest.map((h) => [h.used, h.limit])).toEqual([[expect.closeTo(9, 6), 10], [expect.closeTo(150, 6), 200], [expect.closeTo(0, 6), 100], [expect.closeTo(150, 6), 1000]]);
    const text = flowsText(roomy(), sol, { currency: '¥', seconds: 0 });
    expect(text).toContain([
      'Closest to binding (least headroom first)',
      '  - T: haul trucks busy 9.0 of 10.0 truck-h/day; 1.0 truck-h/day to spare, about 16.7 t/day more at its present trips',
      '  - T: takes in 150 of 200 t/day; 50.0 t/day to spare',
      '  - P2: treats 0.00 of 100 t/day; 100 t/day to spare',
      '  - P1: treats 150 of 1,000 t/day; 850 t/day to spare',
    ].join('\n'));
  });

  it('leave out the limits that bind and stop at the n tightest', async () => {
    const f = buildFlowLp(twoPlants());
    const x = solveWithJsl(f.lp).x;
    // P1 binds at 120 t/day; T takes 150 of 200, P2 30 of 100.
    expect(closestLimits(f, x).map((h) => [h.site, h.headroomTonnesPerDay])).toEqual([['T', expect.closeTo(50, 6)], ['P2', expect.closeTo(70, 6)]]);
    expect(closestLimits(f, x, 1).map((h) => h.site)).toEqual(['T']);
  });
});

describe('wastetwin flows on the demo', () => {
  it('says HiGHS proves the optimum and names the limits closest to binding, in text and in --json', async () => {
    const text = await runCli(['flows', 'scenarios/demo.json']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('optimal, proven by HiGHS');
    expect(text.stdout).toContain('none: every station, haul fleet and plant has room to spare');
    const lines = text.stdout.split('\n');
    const at = lines.indexOf('Closest to binding (least headroom first)');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 3)).toEqual([
      '  - Hazardous-waste facility: treats 1.8 of 10.0 t/day; 8.2 t/day to spare',
      '  - Recycling centre: treats 24.5 of 40.0 t/day; 15.5 t/day to spare',
    ]);
    const json = await runCli(['flows', 'scenarios/demo.json', '--json']);
    const sol = JSON.parse(json.stdout);
    expect(sol.proven).toBe(true);
    expect(sol.closest.map((h: { site: string }) => h.site)).toEqual(['HAZ', 'MRF', 'TS-E', 'BIO', 'TS-W']);
    expect(lines.slice(at + 1, at + 6)).toEqual(sol.closest.map((h: { text: string }) => `  - ${h.text}`));
  });
});
