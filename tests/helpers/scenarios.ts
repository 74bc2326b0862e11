/**
 * Small scenarios for tests: a 3 × 2 km synthetic town with two streams,
 * one station, an incinerator, a food-waste plant and a landfill, which
 * simulates a day in a few milliseconds. `smallScenario(edit)` returns a
 * fresh copy for the test to change.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScenarioInput } from '../../engine/scenario/schema.ts';
import { parseScenario } from '../../engine/scenario/read.ts';
import { buildWorld, type World } from '../../engine/scenario/world.ts';

export function smallScenario(edit?: (s: ScenarioInput) => void): ScenarioInput {
  const s: ScenarioInput = {
    name: 'small',
    seed: 7,
    days: 2,
    network: { kind: 'synthetic', widthKm: 3, heightKm: 2, blockM: 200, districts: 2 },
    streams: [
      { id: 'residual', kind: 'residual', densityKgPerM3: 200 },
      { id: 'food', kind: 'food', densityKgPerM3: 600 },
    ],
    generation: { perCapitaKgPerDay: 1, shares: { residual: 0.7, food: 0.3 } },
    collectionPoints: { generate: { count: 40, totalPopulation: 12000, binCapacityKg: { residual: 600, food: 300 } } },
    depots: [{ id: 'D', at: { fx: 0.5, fy: 0.5 } }],
    transferStations: [{
      id: 'TS', at: { fx: 0.3, fy: 0.5 }, streams: ['residual', 'food'], bays: 2, serviceMinutes: 8,
      capacityTonnesPerDay: 30, storageTonnes: 60, haul: { trucks: 2, capacityTonnes: 15 },
    }],
    plants: [
      { id: 'INC', type: 'incinerator', at: { fx: 0.95, fy: 0.1 }, streams: ['residual'], capacityTonnesPerDay: 20, pitTonnes: 40 },
      { id: 'BIO', type: 'food-waste', at: { fx: 0.05, fy: 0.9 }, streams: ['food'], capacityTonnesPerDay: 10, pitTonnes: 20 },
      { id: 'LF', type: 'landfill', at: { fx: 0.02, fy: 0.02 }, streams: ['residual', 'food'], capacityTonnesPerDay: 100 },
    ],
    fleet: [
      { id: 'RES', count: 2, capacityKg: 8000, capacityM3: 18, streams: ['residual'], depot: 'D', energy: { kind: 'diesel', perKm: 0.4 }, shiftHours: 8 },
      { id: 'FOOD', count: 1, capacityKg: 5000, capacityM3: 8, streams: ['food'], depot: 'D', energy: { kind: 'electric', perKm: 1.1 }, shiftHours: 8 },
    ],
    targets: { landfillTonnesPerDay: 0, sameDayClearance: 1 },
  };
  edit?.(s);
  return s;
}

export async function smallWorld(edit?: (s: ScenarioInput) => void): Promise<World> {
  return buildWorld(parseScenario(smallScenario(edit)));
}

/** Write a scenario (or any text) to a fresh temporary folder; returns the file and the folder. */
export function writeTemp(content: unknown, name = 'scenario.json'): { file: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'wastetwin-test-'));
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return { file, dir };
}
