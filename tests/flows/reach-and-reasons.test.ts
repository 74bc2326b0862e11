/**
 * What a city-sized model needs from the planner: a big district reaches as
 * many stations as it takes to hold it, landfill is blamed on the limit that
 * actually binds, line outages cut capacity on their days, and dozens of
 * binding limits are all priced.
 */
import { describe, expect, it } from 'vitest';
import { solveFlows } from '../../engine/optimise/flows/solve.ts';
import { candidateStations } from '../../engine/optimise/flows/validate.ts';
import type { FlowModel } from '../../engine/optimise/flows/model.ts';

/** One district of `tonnes` t/day and `n` stations of 100 t/day, 1, 2, … km away, each 10 km from one incinerator. */
function bigDistrict(tonnes: number, n: number, plantTonnes = 10_000): FlowModel {
  return {
    streams: [{ id: 'residual' }],
    catchments: [{ id: 'D', tonnesPerDay: [tonnes] }],
    stations: Array.from({ length: n }, (_, i) => ({ id: `T${i + 1}`, streams: [0], capacityTonnesPerDay: 100 })),
    plants: [{ id: 'INC', type: 'incinerator', streams: [0], capacityTonnesPerDay: plantTonnes, gateFeePerTonne: 50 }],
    catchmentStationKm: [Array.from({ length: n }, (_, i) => i + 1)],
    stationPlantKm: Array.from({ length: n }, () => [10]),
    costs: { collectPerTonneKm: 1, haulPerTonneKm: 0.5 },
    landfill: { allowed: true, penaltyPerTonne: 1000 },
  };
}

describe('stations a catchment may reach', () => {
  it('are the five nearest when they can hold twice its tonnage', () => {
    expect(candidateStations(bigDistrict(150, 12), 0, 0, 5)).toEqual([0, 1, 2, 3, 4]);
  });

  it('grow, nearest first, until they hold twice the tonnage of a big district', () => {
    expect(candidateStations(bigDistrict(450, 12), 0, 0, 5)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(candidateStations({ ...bigDistrict(450, 12), stationCover: 1 }, 0, 0, 5)).toEqual([0, 1, 2, 3, 4]);
  });

  it('so a district larger than its five nearest stations is collected without landfill', async () => {
    const sol = await solveFlows(bigDistrict(700, 12));
    expect(sol.landfill.tonnesPerDay).toBeCloseTo(0, 6);
    // The seven nearest stations fill up; the cost is collection over 1…7 km, haul and fee.
    expect(sol.objective).toBeCloseTo(100 * (1 + 2 + 3 + 4 + 5 + 6 + 7) + 700 * (5 + 50), 4);
  });
});

describe('why landfill happens', () => {
  it('blames the full plant, not the stations that are full with other streams', async () => {
    // 300 t/day residual and 100 food into two stations of 175 t/day; the food plant takes 50.
    const m: FlowModel = {
      ...bigDistrict(0, 2),
      streams: [{ id: 'residual' }, { id: 'food' }],
      catchments: [{ id: 'D', tonnesPerDay: [300, 100] }],
      stations: [1, 2].map((i) => ({ id: `T${i}`, streams: [0, 1], capacityTonnesPerDay: 175 })),
      plants: [
        { id: 'INC', type: 'incinerator', streams: [0], capacityTonnesPerDay: 10_000, gateFeePerTonne: 50 },
        { id: 'BIO', type: 'food-waste', streams: [1], capacityTonnesPerDay: 50, gateFeePerTonne: 50 },
      ],
      stationPlantKm: [[10, 10], [10, 10]],
    };
    const sol = await solveFlows(m, { solver: 'highs' });
    expect(sol.landfill.byStream).toEqual({ food: expect.closeTo(50, 6) });
    expect(sol.binding.filter((b) => b.kind === 'station-intake').map((b) => b.site)).toEqual(['T1', 'T2']);
    expect(sol.landfill.reasons.map((r) => r.why)).toEqual(['plants that accept food are full: BIO plant capacity 50 t/day']);
  });
});

describe('line outages in the multi-day form', () => {
  it('cut the plant\'s capacity on their days only', async () => {
    const m: FlowModel = {
      ...bigDistrict(100, 1, 100),
      plants: [{ id: 'INC', type: 'incinerator', streams: [0], capacityTonnesPerDay: 100, gateFeePerTonne: 50, lineOutages: [{ startDay: 1, days: 2, capacityLostTonnesPerDay: 40 }] }],
      horizon: { days: 4 },
    };
    const sol = await solveFlows(m, { solver: 'highs' });
    const lf = sol.flows.filter((f) => f.kind === 'landfill');
    const byDay = [0, 1, 2, 3].map((d) => lf.reduce((a, f) => a + (f.byDay?.[d] ?? 0), 0));
    expect(byDay.map((v) => Math.round(v))).toEqual([0, 40, 40, 0]);
    expect(sol.binding.find((b) => b.site === 'INC')?.days).toEqual([0, 1, 2, 3]);
  });
});

describe('shadow prices when many limits bind', () => {
  it('prices every binding limit of a javascript-lp-solver answer (by HiGHS duals)', async () => {
    // 20 stations of 100 t/day all full; each more t/day at station k saves landfill minus its collection cost.
    const sol = await solveFlows(bigDistrict(2500, 20), { solver: 'jsl' });
    expect(sol.solver).toBe('jsl');
    const stations = sol.binding.filter((b) => b.kind === 'station-intake');
    expect(stations).toHaveLength(20);
    for (const b of stations) {
      const km = Number(b.site.slice(1));
      expect(b.saving).toBeCloseTo(1000 - km - 5 - 50, 4);
    }
  });
});
