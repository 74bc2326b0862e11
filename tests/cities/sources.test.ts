/**
 * Each city's `sources` block against the scenario it describes, figure by
 * figure: what it states is what the file holds, its daily tonnage follows
 * from its population and per-capita rate, and every assumption says why.
 * (No simulation: this reads the files only.)
 */
import { describe, expect, it } from 'vitest';
import { readScenario } from '../../engine/scenario/read.ts';
import type { Scenario } from '../../engine/scenario/schema.ts';
import { scenarioFile } from './city-checks.ts';

const CITIES = ['guangzhou-2025', 'wuhan-2024', 'suizhou-county', 'nantong-2021'];
const VARIANTS = ['guangzhou-2025-line-down', 'wuhan-2024-before-upgrades', 'suizhou-county-2030', 'nantong-2021-more-kitchen-sorting'];

/** The numbers of a figure's value, in order ("1,122 trucks (8 t …" → [1122, 8, …]). */
const numbers = (v: number | string) => typeof v === 'number' ? [v] : [...v.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replaceAll(',', '')));

const generated = (s: Scenario) => {
  if (!('generate' in s.collectionPoints)) throw new Error(`${s.name}: the cities generate their points`);
  return s.collectionPoints.generate;
};
const plantsOf = (s: Scenario, type: string) => s.plants.filter((p) => p.type === type);
const capacity = (s: Scenario, type: string) => plantsOf(s, type).reduce((a, p) => a + p.capacityTonnesPerDay, 0);

/** How a figure's first number is found in the scenario, by what the figure is. */
const FIRST_NUMBER: Record<string, (s: Scenario) => number> = {
  'population': (s) => generated(s).totalPopulation,
  'perCapitaKgPerDay': (s) => s.generation.perCapitaKgPerDay,
  'collection points': (s) => generated(s).count,
  'fleet': (s) => s.fleet.reduce((a, f) => a + f.count, 0),
  'transfer stations': (s) => s.transferStations.length,
  'township transfer stations': (s) => s.transferStations.length,
  'recycling-rate target': (s) => s.targets.recyclingRate!,
  'landfill target': (s) => s.targets.landfillTonnesPerDay!,
  'hazardous bins': (s) => generated(s).binCapacityKg.hazardous,
};

/** The plans' treatment figures, as each sources block states them and as the plants must add up. */
const PLANT_FIGURES: Record<string, { what: string; check: (s: Scenario, n: number[]) => void }[]> = {
  'guangzhou-2025': [
    { what: 'incineration capacity (plants INC-1…INC-7)', check: (s, n) => { expect(capacity(s, 'incinerator')).toBe(n[0]); expect(plantsOf(s, 'incinerator')).toHaveLength(7); } },
    { what: 'food-waste (biochemical) capacity (BIO-1…BIO-5)', check: (s, n) => { expect(capacity(s, 'food-waste')).toBe(n[0]); expect(plantsOf(s, 'food-waste')).toHaveLength(5); } },
    { what: 'emergency landfill', check: (s, n) => { expect(plantsOf(s, 'landfill')).toHaveLength(1); expect(capacity(s, 'landfill')).toBe(n[0]); } },
  ],
  'wuhan-2024': [
    { what: 'treatment capacity', check: (s, [total, projects, , , inc, , , bio]) => {
      expect(plantsOf(s, 'incinerator').length + plantsOf(s, 'food-waste').length).toBe(projects);
      expect(capacity(s, 'incinerator')).toBe(inc);
      expect(capacity(s, 'food-waste')).toBe(bio);
      expect(inc + bio).toBe(total);
    } },
  ],
  'suizhou-county': [
    { what: 'incineration power plant', check: (s, n) => { expect(plantsOf(s, 'incinerator')).toHaveLength(1); expect(capacity(s, 'incinerator')).toBe(n[0]); } },
  ],
  'nantong-2021': [
    { what: 'kitchen-waste treatment', check: (s, [central, share]) => {
      const central_ = s.plants.find((p) => p.id === 'BIO-central')!.capacityTonnesPerDay;
      expect(central_).toBe(central);
      expect(central_ / capacity(s, 'food-waste')).toBeGreaterThanOrEqual(share / 100);
    } },
    { what: 'incineration', check: (s, [count, total]) => { expect(plantsOf(s, 'incinerator')).toHaveLength(count); expect(capacity(s, 'incinerator')).toBe(total); } },
  ],
};

describe('the cities\' sources blocks, figure by figure', () => {
  for (const name of CITIES) {
    it(`${name}: each figure is what the scenario holds, and each assumption says why`, () => {
      const s = readScenario(scenarioFile(name));
      const figures = s.sources!.figures;
      const byWhat = new Map(figures.map((f) => [f.what, f]));
      for (const what of ['population', 'perCapitaKgPerDay', 'stream shares', 'collection points', 'fleet', 'hazardous bins']) {
        expect(byWhat.has(what), `${name} states its ${what}`).toBe(true);
      }
      expect(figures.some((f) => f.what.endsWith('transfer stations')), `${name} states its transfer stations`).toBe(true);

      for (const f of figures) {
        const found = FIRST_NUMBER[f.what];
        if (found) expect(numbers(f.value)[0], `${name}: ${f.what}`).toBeCloseTo(found(s), 6);
        if (/^assumption/.test(f.source) || /is an assumption|are an assumption/.test(f.source)) {
          expect(f.why ?? '', `${name}: why ${f.what} = ${f.value}`).not.toBe('');
        }
      }

      const shares = Object.fromEntries([...String(byWhat.get('stream shares')!.value).matchAll(/(\w+) ([\d.]+) %/g)].map((m) => [m[1], Number(m[2]) / 100]));
      expect(shares).toEqual(s.generation.shares);
      const hazardous = String(byWhat.get('hazardous bins')!.value).match(/emptied when (\d+) % full/);
      expect(Number(hazardous![1]) / 100).toBe(s.collection.visitThresholdByStream.hazardous);

      const stations = figures.find((f) => f.what.endsWith('transfer stations'))!;
      const perStation = numbers(stations.value)[1] ?? numbers(stations.why ?? '')[0];
      expect(s.transferStations.every((t) => t.capacityTonnesPerDay === perStation), `${name}: each station ${perStation} t/day`).toBe(true);

      for (const { what, check } of PLANT_FIGURES[name]) {
        expect(byWhat.has(what), `${name} states ${what}`).toBe(true);
        check(s, numbers(byWhat.get(what)!.value));
      }
    });
  }

  for (const name of [...CITIES, ...VARIANTS]) {
    it(`${name}: the daily tonnage it states is population × per-capita rate (× growth to its start date)`, () => {
      const s = readScenario(scenarioFile(name));
      const g = s.generation;
      const years = (Date.parse(s.startDate) - Date.parse(g.baseDate ?? s.startDate)) / (365.25 * 86_400_000);
      const tonnes = (generated(s).totalPopulation * g.perCapitaKgPerDay * (1 + g.growthPerYear) ** years) / 1000;
      expect(Math.abs(s.sources!.dailyGeneratedTonnes! / tonnes - 1), `${name}: states ${s.sources!.dailyGeneratedTonnes} t/day, population gives ${tonnes.toFixed(0)}`).toBeLessThan(0.005);
    });
  }
});
