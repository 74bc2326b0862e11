import { describe, expect, it } from 'vitest';
import { smallWorld } from '../helpers/scenarios.ts';

describe('generated collection points', () => {
  it('have the stated bin size everywhere by default', async () => {
    const w = await smallWorld();
    expect(new Set(w.points.map((p) => p.binCapacityKg[0]))).toEqual(new Set([600]));
  });

  it('with scaleBinsByPopulation, get bins in proportion to the population they serve, averaging the stated size', async () => {
    const w = await smallWorld((s) => {
      if ('generate' in s.collectionPoints) s.collectionPoints.generate.scaleBinsByPopulation = true;
    });
    const perPerson = w.points.map((p) => p.binCapacityKg[0] / p.population);
    for (const r of perPerson) expect(r).toBeCloseTo(perPerson[0], 9);
    const mean = w.points.reduce((a, p) => a + p.binCapacityKg[1], 0) / w.points.length;
    expect(mean).toBeCloseTo(300, 6);
    expect(Math.max(...w.points.map((p) => p.binCapacityKg[0]))).toBeGreaterThan(600);
  });
});
