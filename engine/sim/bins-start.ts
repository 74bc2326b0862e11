/**
 * Where the bins of a stream emptied only past a threshold stand on day 0.
 * In a running city they were last emptied on different days, so their fill
 * is spread between empty and the threshold; starting them all level would
 * make every hazardous bin of a megacity come due on the same morning.
 */
import { bulk } from '../random/rng.ts';
import type { World } from '../scenario/world.ts';
import { visitThresholds } from './fixed-routes.ts';

/** Adds to `warmKg` (index p * S + s) a seeded share of each threshold bin's threshold. */
export function staggerThresholdBins(world: World, warmKg: Float64Array, capacityKg: Float64Array): void {
  const S = world.streams.length;
  const thresholds = visitThresholds(world);
  for (let s = 0; s < S; s++) {
    const threshold = thresholds[s];
    if (threshold <= 0) continue;
    const r = bulk(`${world.scenario.seed}/bins-start/${world.streams[s].id}`);
    for (let p = 0; p < world.points.length; p++) {
      const i = p * S + s;
      warmKg[i] = Math.min(capacityKg[i], warmKg[i] + r() * Math.max(0, threshold * capacityKg[i] - warmKg[i]));
    }
  }
}
