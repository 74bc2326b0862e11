/**
 * Which transfer station each due bin's waste goes to. Nearest station
 * first, but a station takes no more a day than its capacity (less a tenth
 * kept for the day's swings): bins with the most to lose by going elsewhere
 * (largest regret, the gap between their nearest and second-nearest station)
 * choose first, the rest spill to the nearest station with room. When every
 * station is full the bin goes to its nearest anyway and the station runs
 * over its nameplate — which the station-load KPI then shows, as it would
 * in the city.
 */
import type { World } from '../scenario/world.ts';
import type { Router } from '../sim/router.ts';

/** Share of a station's daily capacity planned into its catchment; the rest absorbs the day's noise. */
export const CAPACITY_USED = 0.9;

/** Kg a day that catchments may plan into station `i`: its capacity times CAPACITY_USED. */
export function stationRoomKg(world: World, i: number): number {
  return world.stations[i].spec.capacityTonnesPerDay * 1000 * CAPACITY_USED;
}

/** Station index per bin `p * S + s` (-1 where not due or no station takes the stream). */
export function assignStations(world: World, router: Router, due: Uint8Array, kgOf: (p: number, s: number) => number): Int32Array {
  const S = world.streams.length;
  const stationOf = new Int32Array(due.length).fill(-1);
  const accepting = world.streams.map((_, s) => world.stations.map((st, i) => (st.streamMask[s] ? i : -1)).filter((i) => i >= 0));
  const bins: number[] = [];
  const regret: number[] = [];
  for (let b = 0; b < due.length; b++) {
    if (!due[b]) continue;
    const p = Math.floor(b / S), s = b % S;
    if (accepting[s].length === 0) continue;
    let t1 = Infinity, t2 = Infinity;
    for (const i of accepting[s]) {
      const t = router.timeS(world.points[p].node, world.stations[i].node);
      if (t < t1) { t2 = t1; t1 = t; } else if (t < t2) t2 = t;
    }
    bins.push(b);
    regret[b] = t2 - t1;
  }
  bins.sort((a, b) => regret[b] - regret[a] || a - b);
  const room = world.stations.map((_, i) => stationRoomKg(world, i));
  for (const b of bins) {
    const p = Math.floor(b / S), s = b % S, kg = kgOf(p, s);
    let nearest = -1, nearestT = Infinity, withRoom = -1, withRoomT = Infinity;
    for (const i of accepting[s]) {
      const t = router.timeS(world.points[p].node, world.stations[i].node);
      if (t < nearestT) { nearestT = t; nearest = i; }
      if (room[i] >= kg && t < withRoomT) { withRoomT = t; withRoom = i; }
    }
    const chosen = withRoom >= 0 ? withRoom : nearest;
    stationOf[b] = chosen;
    room[chosen] -= kg;
  }
  return stationOf;
}
