/** The fleet as individual trucks, expanded from the scenario's fleet types in a stable order. */
import type { World } from '../scenario/world.ts';
import { minutes } from '../scenario/checks.ts';

export interface Truck {
  index: number;
  id: string;
  type: number;
  depotNode: number;
  capacityKg: number;
  capacityM3: number;
  speedFactor: number;
  streamMask: boolean[];
  shiftStartS: number;
  shiftEndS: number;
  serviceS: number;
  costPerKm: number;
  costPerHour: number;
  energyKind: 'diesel' | 'electric';
  energyPerKm: number;
}

export function expandFleet(world: World): Truck[] {
  const out: Truck[] = [];
  world.fleet.forEach((f, type) => {
    const width = String(f.spec.count).length;
    for (let k = 0; k < f.spec.count; k++) {
      const start = minutes(f.spec.shiftStart) * 60;
      out.push({
        index: out.length,
        id: `${f.spec.id}-${String(k + 1).padStart(width, '0')}`,
        type,
        depotNode: world.depots[f.depot].node,
        capacityKg: f.spec.capacityKg,
        capacityM3: f.spec.capacityM3,
        speedFactor: f.spec.speedFactor,
        streamMask: f.streamMask,
        shiftStartS: start,
        shiftEndS: start + f.spec.shiftHours * 3600,
        serviceS: f.spec.serviceSecondsPerStop,
        costPerKm: f.spec.costPerKm,
        costPerHour: f.spec.costPerHour,
        energyKind: f.spec.energy.kind,
        energyPerKm: f.spec.energy.perKm,
      });
    }
  });
  return out;
}

/** Compaction in a refuse truck body: ~2.5× the loose density unless the stream says otherwise. */
export const DEFAULT_COMPACTION = 2.5;

/** How many kg of stream `s` a truck can carry: the lesser of its mass and its volume limits. */
export function payloadKg(world: World, truck: Truck, s: number): number {
  const st = world.streams[s];
  const density = st.compactedDensityKgPerM3 ?? st.densityKgPerM3 * DEFAULT_COMPACTION;
  return Math.min(truck.capacityKg, truck.capacityM3 * density);
}
