/** Small flow models used by several tests, each small enough to solve by hand. */
import type { FlowModel } from '../../engine/optimise/flows/model.ts';

/**
 * Two catchments (100 and 50 t/day of residual, 2 and 4 km from the one
 * station), two incinerators 10 km (fee 50) and 5 km (fee 80) from it.
 * Collection costs 1 per t·km, haul 0.5 per t·km: a tonne costs 55 at P1
 * and 82.5 at P2 after collection.
 */
export function twoPlants(o: { p1?: number; p2?: number; station?: number; landfill?: boolean } = {}): FlowModel {
  return {
    streams: [{ id: 'residual' }],
    catchments: [{ id: 'A', tonnesPerDay: [100] }, { id: 'B', tonnesPerDay: [50] }],
    stations: [{ id: 'T', streams: [0], capacityTonnesPerDay: o.station ?? 200 }],
    plants: [
      { id: 'P1', type: 'incinerator', streams: [0], capacityTonnesPerDay: o.p1 ?? 120, gateFeePerTonne: 50 },
      { id: 'P2', type: 'incinerator', streams: [0], capacityTonnesPerDay: o.p2 ?? 100, gateFeePerTonne: 80 },
    ],
    catchmentStationKm: [[2], [4]],
    stationPlantKm: [[10, 5]],
    costs: { collectPerTonneKm: 1, haulPerTonneKm: 0.5 },
    landfill: { allowed: o.landfill ?? true, penaltyPerTonne: 1000 },
  };
}
