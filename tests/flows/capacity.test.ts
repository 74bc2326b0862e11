import { describe, expect, it } from 'vitest';
import { growthStudy } from '../../engine/optimise/flows/growth.ts';
import { chooseCapacity } from '../../engine/optimise/flows/siting.ts';
import { syntheticFlowModel } from '../../engine/optimise/flows/synthetic.ts';
import type { FlowModel } from '../../engine/optimise/flows/model.ts';
import { bulk } from '../../engine/random/rng.ts';
import { twoPlants } from './small-models.ts';

/** twoPlants with a third, unbuilt plant P3 close to the station (1 km, fee 10). */
function withSite(): FlowModel {
  const m = twoPlants({ p2: 20 });
  m.plants.push({ id: 'P3', type: 'incinerator', streams: [0], capacityTonnesPerDay: 0, gateFeePerTonne: 10 });
  m.stationPlantKm[0].push(1);
  return m;
}
const candidates = [
  { id: 'P2+30', kind: 'plant' as const, site: 'P2', addTonnesPerDay: 30, cost: 1000 },
  { id: 'P3 new', kind: 'plant' as const, site: 'P3', addTonnesPerDay: 40, cost: 800 },
  { id: 'P3 small', kind: 'plant' as const, site: 'P3', addTonnesPerDay: 5, cost: 100 },
];

describe('capacity and siting (MIP)', () => {
  it('builds the cheapest set of candidates that reaches zero landfill', async () => {
    const a = await chooseCapacity(withSite(), candidates, { operatingDays: 0 });
    expect(a.zeroLandfill).toBe(true);
    expect(a.chosen.map((c) => c.id)).toEqual(['P3 new']);
    expect(a.capitalCost).toBe(800);
    expect(a.landfillTonnesPerDay).toBe(0);
    expect(a.proven).toBe(true);
  });

  it('adds a candidate whose year of cheaper routes outweighs its cost', async () => {
    // 5 t/day more at P3 (1 km, fee 10) instead of P2 (5 km, fee 80) saves 72 a tonne: 131,400 over 365 days for 100.
    const a = await chooseCapacity(withSite(), candidates);
    expect(a.chosen.map((c) => c.id)).toEqual(['P3 new', 'P3 small']);
  });

  it('within a budget that cannot reach zero, leaves the least landfill', async () => {
    const a = await chooseCapacity(withSite(), candidates, { budget: 500 });
    expect(a.zeroLandfill).toBe(false);
    expect(a.chosen.map((c) => c.id)).toEqual(['P3 small']);
    expect(a.landfillTonnesPerDay).toBeCloseTo(5, 6);
  });

  it('takes a site a candidate marks newSite as unbuilt: its capacity counts only when the candidate is chosen', async () => {
    // P3 is in the model with 40 t/day, as a scenario would carry a planned plant.
    const planned = withSite();
    planned.plants[2].capacityTonnesPerDay = 40;
    const build = { id: 'build P3', kind: 'plant' as const, site: 'P3', addTonnesPerDay: 40, cost: 800, newSite: true };
    // As built, P3 needs nothing; proposed, it must be bought to end the 10 t/day of landfill.
    expect((await chooseCapacity(planned, [{ ...build, newSite: false }], { operatingDays: 0 })).chosen).toEqual([]);
    const a = await chooseCapacity(planned, [build], { operatingDays: 0 });
    expect(a).toMatchObject({ zeroLandfill: true, capitalCost: 800, landfillTonnesPerDay: 0 });
    expect(a.chosen.map((c) => c.id)).toEqual(['build P3']);
    // Out of budget, the proposed plant stays unbuilt and the landfill stays.
    const poor = await chooseCapacity(planned, [build], { budget: 500 });
    expect(poor).toMatchObject({ zeroLandfill: false, chosen: [] });
    expect(poor.landfillTonnesPerDay).toBeCloseTo(10, 6);
  });

  it('refuses a candidate for a site that is not in the model', async () => {
    await expect(chooseCapacity(withSite(), [{ id: 'x', kind: 'station', site: 'NOPE', addTonnesPerDay: 1, cost: 1 }])).rejects.toThrow('candidates[0].site: no station NOPE in the model');
  });
});

describe('growth study', () => {
  it('finds the first year the plan falls short and the least capacity to add', async () => {
    // 150 t/day growing 10 %/year against a 200 t/day station and 220 t/day of plants: 1.1^4 × 150 = 219.6 > 200.
    const s = await growthStudy(twoPlants(), { growthPerYear: 0.1, fromYear: 2025, toYear: 2031, baseYear: 2025 });
    expect(s.firstFailingYear).toBe(2029);
    const y2029 = s.years.find((y) => y.year === 2029)!;
    expect(y2029.landfillTonnesPerDay).toBeCloseTo(150 * 1.1 ** 4 - 200, 6);
    expect(y2029.additions).toHaveLength(1);
    expect(y2029.additions[0]).toMatchObject({ kind: 'station', site: 'T', unit: 't/day' });
    expect(y2029.additions[0].amount).toBeCloseTo(150 * 1.1 ** 4 - 200, 6);
    expect(s.years.filter((y) => y.year < 2029).every((y) => y.additions.length === 0 && y.landfillTonnesPerDay === 0)).toBe(true);
  });

  it('moves the first failing year later when the binding capacity is added', async () => {
    const s = await growthStudy(twoPlants({ station: 300 }), { growthPerYear: 0.1, fromYear: 2025, toYear: 2031, baseYear: 2025, additions: false });
    // Now the plants (220 t/day) bind: 1.1^5 × 150 = 241.6 > 220 but 1.1^4 × 150 = 219.6 is not.
    expect(s.firstFailingYear).toBe(2030);
  });

  it('never moves the first failing year earlier when capacity is added (seeded models)', async () => {
    const r = bulk('flows/monotone');
    const first = (y: number | null) => y ?? Infinity;
    for (let seed = 0; seed < 6; seed++) {
      const m = syntheticFlowModel({ catchments: 5, stations: 2, plants: 4, streams: 2, capacityRatio: 1.2 }, seed);
      const opts = { growthPerYear: 0.05, fromYear: 2025, toYear: 2035, baseYear: 2025, additions: false };
      const before = await growthStudy(m, opts);
      const more: FlowModel = {
        ...m,
        plants: m.plants.map((p) => ({ ...p, capacityTonnesPerDay: p.capacityTonnesPerDay * (1 + (r() < 0.5 ? r() * 0.3 : 0)) })),
        stations: m.stations.map((t) => ({ ...t, capacityTonnesPerDay: t.capacityTonnesPerDay * (1 + (r() < 0.5 ? r() * 0.3 : 0)) })),
      };
      const after = await growthStudy(more, opts);
      expect(first(after.firstFailingYear)).toBeGreaterThanOrEqual(first(before.firstFailingYear));
    }
  });
});
