import { describe, expect, it } from 'vitest';
import { DemandModel } from '../../engine/demand/model.ts';
import { smallWorld } from '../helpers/scenarios.ts';

describe('demand model', () => {
  it('a day\'s generation follows population × per-capita × share × calendar', async () => {
    const world = await smallWorld((s) => { s.generation.noiseCv = 0; s.generation.seasonalAmplitude = 0; s.generation.weekdayFactors = [1, 1, 1, 1, 1, 2, 1]; });
    const d = new DemandModel(world);
    const res = world.streamIndex.get('residual')!;
    const p = world.points[3];
    // 2025-01-06 is a Monday, so day 5 is Saturday with factor 2.
    expect(d.expectedKg(3, res, 0)).toBeCloseTo(p.population * 1 * 0.7, 6);
    expect(d.expectedKg(3, res, 5)).toBeCloseTo(2 * p.population * 0.7, 6);
    expect(d.realisedKg(0)[3 * 2 + res]).toBeCloseTo(p.population * 0.7, 6);
  });

  it('noise is lognormal with the stated coefficient of variation and mean 1', async () => {
    const world = await smallWorld((s) => {
      s.collectionPoints = { generate: { count: 150, totalPopulation: 100000, binCapacityKg: { residual: 500, food: 200 } } };
      s.generation.noiseCv = 0.3;
    });
    const d = new DemandModel(world);
    const ratios: number[] = [];
    for (let day = 0; day < 30; day++) {
      const kg = d.realisedKg(day);
      for (let p = 0; p < 150; p++) ratios.push(kg[p * 2] / d.expectedKg(p, 0, day));
    }
    const mean = ratios.reduce((a, b) => a + b, 0) / ratios.length;
    const sd = Math.sqrt(ratios.reduce((a, r) => a + (r - mean) ** 2, 0) / ratios.length);
    expect(mean).toBeGreaterThan(0.97);
    expect(mean).toBeLessThan(1.03);
    expect(sd / mean).toBeGreaterThan(0.27);
    expect(sd / mean).toBeLessThan(0.33);
    expect(Math.min(...ratios)).toBeGreaterThan(0);
  });

  it('adding a point does not reshuffle the draws of the others', async () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => ({
      id: `pt${i}`, at: { x: 200 * (i + 1), y: 400 }, population: 300 + i, binCapacityKg: { residual: 500, food: 200 },
    }));
    const a = new DemandModel(await smallWorld((s) => { s.collectionPoints = { list: list(5) }; }));
    const b = new DemandModel(await smallWorld((s) => { s.collectionPoints = { list: [...list(6)].reverse() }; }));
    // pt0..pt4 are the last five of b, in reverse order.
    for (let i = 0; i < 5; i++) {
      for (let s = 0; s < 2; s++) expect(b.realisedKg(2)[(5 - i) * 2 + s]).toBe(a.realisedKg(2)[i * 2 + s]);
    }
  });

  it('the hourly profile spreads a day from 0 to 1, more in the evening than at night', async () => {
    const d = new DemandModel(await smallWorld());
    expect(d.fractionBy(0)).toBe(0);
    expect(d.fractionBy(86_400)).toBe(1);
    const hour = (h: number) => d.fractionBy((h + 1) * 3600) - d.fractionBy(h * 3600);
    expect(hour(19)).toBeGreaterThan(5 * hour(3));
    let last = 0;
    for (let t = 0; t <= 86_400; t += 900) { expect(d.fractionBy(t)).toBeGreaterThanOrEqual(last); last = d.fractionBy(t); }
  });
});
