import { describe, expect, it } from 'vitest';
import { figures, labelOf, mergeKeys, unitOf } from '../../engine/report/compare-figures.ts';
import { wantedText } from '../../engine/report/html/run-report.ts';

describe('figures compare reads off report.json', () => {
  it('names and units come from the keys, known or new', () => {
    expect(labelOf('collection.dieselLitres')).toBe('collection trucks: diesel (l)');
    expect(labelOf('collection.km')).toBe('collection trucks: km');
    expect(labelOf('haul.co2Kg')).toBe('haul trucks: CO₂ (t)');
    expect(labelOf('treatedKgByPlantType.incinerator')).toBe('treated at incinerator (t)');
    expect(labelOf('onTimeRate')).toBe('on time rate');
    expect(unitOf('onTimeRate')).toBe('share');
    expect(labelOf('queueWaitHours')).toBe('queue wait hours (h)');
    expect(unitOf('missedStops')).toBe('count');
  });

  it('tonnes per plant become tonnes per plant type, summed; nulls and arrays are left out', () => {
    const report = {
      scenario: 's', seed: 1, days: 1, targets: [],
      sites: { plants: [{ id: 'INC-1', type: 'incinerator' }, { id: 'INC-2', type: 'incinerator' }, { id: 'BIO', type: 'food-waste' }] },
      kpis: { days: [], total: { generatedKg: 10, treatedKgByPlant: { 'INC-1': 3, 'INC-2': 4, BIO: 2 }, onTimeRate: null, notes: ['x'] } },
    };
    expect(figures(report).map((f) => [f.key, f.value])).toEqual([
      ['generatedKg', 10], ['treatedKgByPlantType.incinerator', 7], ['treatedKgByPlantType.food-waste', 2],
    ]);
  });

  it('keys of several runs merge in order, a key only one run has staying next to its neighbour', () => {
    expect(mergeKeys([['a', 'b', 'd'], ['a', 'b', 'c', 'd'], ['x', 'a']])).toEqual(['x', 'a', 'b', 'c', 'd']);
  });

  it('loads are ceilings and shares are floors', () => {
    expect(wantedText({ unit: 'share of capacity', target: 0.95 })).toBe('≤ 95.0 %');
    expect(wantedText({ unit: 'share', target: 0.42 })).toBe('≥ 42.0 %');
    expect(wantedText({ unit: 't/day', target: 0 })).toBe('≤ 0 t/day');
  });
});
