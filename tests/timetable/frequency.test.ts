import { describe, expect, it } from 'vitest';
import { DemandModel } from '../../engine/demand/model.ts';
import { chooseFrequencies, FREQUENCIES, maxGapDays, peakFactorSums, PLANNING_HORIZON_DAYS } from '../../engine/optimise/timetable/frequency.ts';
import { accumulatedQuantileKg, lognormalQuantile, normalQuantile } from '../../engine/optimise/timetable/quantile.ts';
import { timetableWorld } from './fixtures.ts';

describe('planning quantiles', () => {
  it('match the standard normal table', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815516, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
  });

  it('put the stated share of a lognormal day above the quantile', () => {
    // Empirically, with the demand model's own lognormal: about 10 % of draws exceed P90.
    const q = lognormalQuantile(100, 0.3, 0.9);
    let above = 0, n = 200_000, seed = 1;
    const uniform = () => { seed = (seed * 48271) % 2147483647; return seed / 2147483647; };
    const s2 = Math.log(1 + 0.09);
    for (let i = 0; i < n; i++) {
      const z = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
      if (100 * Math.exp(-s2 / 2 + Math.sqrt(s2) * z) > q) above++;
    }
    expect(above / n).toBeGreaterThan(0.095);
    expect(above / n).toBeLessThan(0.105);
  });

  it('grow with the number of days, but less than in proportion', () => {
    const one = accumulatedQuantileKg(100, 0.2, 1, 0.9);
    const four = accumulatedQuantileKg(400, 0.2, 4, 0.9);
    expect(four).toBeGreaterThan(400);
    expect(four).toBeLessThan(4 * one);
  });
});

describe('frequency choice', () => {
  it('gives each bin the least frequent allowed service whose planning quantile fits the bin', async () => {
    const world = await timetableWorld();
    const demand = new DemandModel(world);
    const allowed = world.scenario.collection.timetable.frequencies;
    const choice = chooseFrequencies(world, demand, allowed);
    const S = world.streams.length;
    const peak = peakFactorSums(demand, PLANNING_HORIZON_DAYS);
    const cv = world.scenario.generation.noiseCv;
    const need = (i: number, fi: number) => {
      const f = FREQUENCIES[fi];
      const gap = maxGapDays(f.phases[0]);
      return accumulatedQuantileKg(demand.baseKgPerDay[i] * peak[gap], cv, gap, 0.9);
    };
    let checked = 0;
    for (let i = 0; i < choice.frequency.length; i++) {
      const fi = choice.frequency[i];
      if (fi < 0) continue;
      const bin = world.points[Math.floor(i / S)].binCapacityKg[i % S];
      if (FREQUENCIES[fi].visitsPerDay === 1) expect(need(i, fi)).toBeLessThanOrEqual(bin);
      // Every less frequent frequency would let the bin overflow more often than stated.
      for (let less = fi + 1; less < FREQUENCIES.length; less++) expect(need(i, less)).toBeGreaterThan(bin);
      checked++;
    }
    expect(checked).toBe(world.points.length * S);
  });

  it('keeps to the allowed frequencies and serves small bins more often', async () => {
    const world = await timetableWorld();
    const demand = new DemandModel(world);
    const daily = chooseFrequencies(world, demand, ['daily']);
    expect(new Set(daily.frequency)).toEqual(new Set([FREQUENCIES.findIndex((f) => f.name === 'daily')]));
    const smallBins = await timetableWorld((s) => {
      if ('generate' in s.collectionPoints) s.collectionPoints.generate.binCapacityKg = { residual: 300, food: 150 };
    });
    const mean = (c: Int8Array) => c.reduce((a, b) => a + b, 0) / c.length;
    const big = chooseFrequencies(world, demand, world.scenario.collection.timetable.frequencies);
    const small = chooseFrequencies(smallBins, new DemandModel(smallBins), world.scenario.collection.timetable.frequencies);
    // Lower index = more frequent.
    expect(mean(small.frequency)).toBeLessThan(mean(big.frequency));
  });

  it('plans each stream on its own stated quantile (demandQuantileByStream), the others on demandQuantile', async () => {
    const world = await timetableWorld();
    const strict = await timetableWorld((s) => { s.collection!.timetable!.demandQuantileByStream = { food: 0.99 }; });
    const allowed = world.scenario.collection.timetable.frequencies;
    const base = chooseFrequencies(world, new DemandModel(world), allowed);
    const food = chooseFrequencies(strict, new DemandModel(strict), allowed);
    expect(food.quantileByStream).toEqual([0.9, 0.99]);
    const S = world.streams.length;
    let moreOften = 0;
    for (let i = 0; i < base.frequency.length; i++) {
      if (i % S === 0) {
        // Residual keeps P90: the same service and the same planned kg.
        expect(food.frequency[i]).toBe(base.frequency[i]);
        expect(food.visitKg[i]).toBe(base.visitKg[i]);
        continue;
      }
      // Food on P99: never less often (lower index = more frequent), and more kg planned at the same service.
      expect(food.frequency[i]).toBeLessThanOrEqual(base.frequency[i]);
      if (food.frequency[i] < base.frequency[i]) moreOften++;
      else expect(food.visitKg[i]).toBeGreaterThan(base.visitKg[i]);
    }
    expect(moreOften).toBeGreaterThan(0);
  });

  it('measures gaps between visits round the week', () => {
    expect(maxGapDays([0, 2, 4, 6])).toBe(2);
    expect(maxGapDays([1, 3, 5, 6])).toBe(2);
    expect(maxGapDays([0, 3])).toBe(4);
    expect(maxGapDays([4])).toBe(7);
  });
});
