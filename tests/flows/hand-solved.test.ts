import { describe, expect, it } from 'vitest';
import { solveFlows, type FlowSolution } from '../../engine/optimise/flows/solve.ts';
import type { FlowModel } from '../../engine/optimise/flows/model.ts';
import { twoPlants } from './small-models.ts';

const tonnes = (sol: FlowSolution, kind: string, from: string, to: string) =>
  sol.flows.filter((f) => f.kind === kind && f.from === from && f.to === to).reduce((a, f) => a + f.tonnesPerDay, 0);

for (const solver of ['jsl', 'highs'] as const) {
  describe(`hand-solved flows (${solver})`, () => {
    it('fills the cheaper plant first and prices its capacity at the cost difference', async () => {
      const sol = await solveFlows(twoPlants(), { solver });
      expect(tonnes(sol, 'haul', 'T', 'P1')).toBeCloseTo(120, 6);
      expect(tonnes(sol, 'haul', 'T', 'P2')).toBeCloseTo(30, 6);
      // 100×2 + 50×4 collection, 120×(5+50) + 30×(2.5+80) haul and fees.
      expect(sol.objective).toBeCloseTo(9475, 4);
      expect(sol.costs.collection).toBeCloseTo(400, 6);
      expect(sol.costs.gateFees).toBeCloseTo(120 * 50 + 30 * 80, 6);
      expect(sol.landfill.tonnesPerDay).toBe(0);
      const p1 = sol.binding.find((b) => b.site === 'P1');
      expect(p1?.kind).toBe('plant-capacity');
      expect(p1?.saving).toBeCloseTo(27.5, 6);
      expect(p1?.text).toContain('one more t/day of treatment saves ¥27.5 a day');
    });

    it('sends what the plants cannot take to landfill, from the catchment dearest to collect, and says which plants are full', async () => {
      const sol = await solveFlows(twoPlants({ p2: 20 }), { solver });
      expect(sol.landfill.tonnesPerDay).toBeCloseTo(10, 6);
      // B's last 10 t go straight to landfill: no 4 km of collection for them.
      expect(sol.objective).toBeCloseTo(100 * 2 + 40 * 4 + 120 * 55 + 20 * 82.5 + 10 * 1000, 4);
      expect(sol.landfill.reasons[0].from).toBe('B');
      expect(sol.landfill.reasons[0].why).toMatch(/plants that accept residual are full: P1 .*P2/);
      expect(sol.binding.find((b) => b.site === 'P2')?.saving).toBeCloseTo(1000 - 4 - 82.5, 6);
      expect(sol.binding.find((b) => b.site === 'P1')?.saving).toBeCloseTo(1000 - 4 - 55, 6);
    });

    it('when the station is full, landfills the catchment that is dearest to collect', async () => {
      const sol = await solveFlows(twoPlants({ station: 140 }), { solver });
      expect(tonnes(sol, 'landfill', 'B', 'landfill')).toBeCloseTo(10, 6);
      expect(tonnes(sol, 'landfill', 'A', 'landfill')).toBeCloseTo(0, 6);
      expect(sol.objective).toBeCloseTo(100 * 2 + 40 * 4 + 120 * 55 + 20 * 82.5 + 10 * 1000, 4);
      expect(sol.landfill.reasons[0].why).toContain('stations within reach are full: T');
      // One more t/day at T: B's tonne is collected (4) and burnt at P2 (82.5) instead of landfilled.
      expect(sol.binding.find((b) => b.site === 'T')?.saving).toBeCloseTo(1000 - 4 - 82.5, 6);
    });

    it('sends recycling residue on to the incinerator', async () => {
      const m: FlowModel = {
        streams: [{ id: 'residual' }, { id: 'recyclable' }],
        catchments: [{ id: 'A', tonnesPerDay: [50, 10] }],
        stations: [{ id: 'T', streams: [0, 1], capacityTonnesPerDay: 100 }],
        plants: [
          { id: 'INC', type: 'incinerator', streams: [0], capacityTonnesPerDay: 100, gateFeePerTonne: 50 },
          { id: 'MRF', type: 'recycling', streams: [1], capacityTonnesPerDay: 20, gateFeePerTonne: 10, recoveryRate: 0.8, residueStream: 0 },
        ],
        catchmentStationKm: [[1]],
        stationPlantKm: [[4, 2]],
        plantPlantKm: [[0, 3], [3, 0]],
        costs: { collectPerTonneKm: 1, haulPerTonneKm: 1 },
        landfill: { allowed: false },
      };
      const sol = await solveFlows(m, { solver });
      expect(tonnes(sol, 'residue', 'MRF', 'INC')).toBeCloseTo(2, 6);
      // 60 collected 1 km; 50×(4+50) residual; 10×(2+10) recyclables; 2×(3+50) residue.
      expect(sol.objective).toBeCloseTo(60 + 50 * 54 + 10 * 12 + 2 * 53, 4);
    });

    it('limits haul by truck-hours', async () => {
      const m = twoPlants({ p1: 1000 });
      // One truck of 10 t at 50 km/h with 12 min handling: 0.6 h a trip to P1 (10 km), 0.4 h to P2 (5 km).
      m.stations[0].haul = { trucks: 1, capacityTonnes: 10, speedKmh: 50, handlingMinutes: 12, hoursPerDay: 8 };
      const sol = await solveFlows(m, { solver });
      // All 150 t to P1 would take 9 truck-hours; 8 allow 100 t to P1 and 50 t to P2 (0.06a + 0.04b = 8, a + b = 150).
      expect(tonnes(sol, 'haul', 'T', 'P1')).toBeCloseTo(100, 6);
      expect(tonnes(sol, 'haul', 'T', 'P2')).toBeCloseTo(50, 6);
      expect(sol.objective).toBeCloseTo(400 + 100 * 55 + 50 * 82.5, 4);
      expect(sol.binding.some((b) => b.kind === 'haul' && b.site === 'T')).toBe(true);
    });
  });
}

describe('multi-day form', () => {
  const outage = (pitTonnes: number): FlowModel => ({
    streams: [{ id: 'residual' }],
    catchments: [{ id: 'A', tonnesPerDay: [100] }],
    stations: [{ id: 'T', streams: [0], capacityTonnesPerDay: 200 }],
    plants: [{ id: 'INC', type: 'incinerator', streams: [0], capacityTonnesPerDay: 200, pitTonnes, gateFeePerTonne: 50, outageDays: [1] }],
    catchmentStationKm: [[1]],
    stationPlantKm: [[10]],
    costs: { collectPerTonneKm: 1, haulPerTonneKm: 1 },
    landfill: { allowed: true, penaltyPerTonne: 1000 },
    horizon: { days: 3 },
  });

  for (const solver of ['jsl', 'highs'] as const) {
    it(`rides out an incinerator outage on its pit (${solver})`, async () => {
      const sol = await solveFlows(outage(300), { solver });
      expect(sol.landfill.tonnesPerDay).toBeCloseTo(0, 6);
      expect(sol.objective).toBeCloseTo(300 * (1 + 10 + 50), 2);
    });

    it(`landfills the outage day's waste without a pit (${solver})`, async () => {
      const sol = await solveFlows(outage(0), { solver });
      expect(sol.landfill.tonnesPerDay * 3).toBeCloseTo(100, 6);
      const lf = sol.flows.find((f) => f.kind === 'landfill');
      expect(lf?.byDay?.map((v) => Math.round(v))).toEqual([0, 100, 0]);
    });
  }
});
