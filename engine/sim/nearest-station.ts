/**
 * The nearest transfer station taking a stream, from a road node, by road
 * time. Trucks ask it before every stop (can I still get there, unload and
 * go home in my shift?), so each (node, stream) is worked out once and kept.
 */
import type { Router } from './router.ts';
import type { World } from '../scenario/world.ts';

export class NearestStations {
  private readonly cache: Int32Array[];

  constructor(private readonly router: Router, private readonly stations: World['stations'], streams: number) {
    this.cache = Array.from({ length: streams }, () => new Int32Array(router.graph.nodeCount).fill(-2));
  }

  /** Index of the nearest station accepting `stream` from `node`; -1 if none does. */
  of(node: number, stream: number): number {
    const hit = this.cache[stream][node];
    if (hit !== -2) return hit;
    let best = -1, bestT = Infinity;
    this.stations.forEach((st, i) => {
      if (!st.streamMask[stream]) return;
      const t = this.router.timeS(node, st.node);
      if (t < bestT) { bestT = t; best = i; }
    });
    this.cache[stream][node] = best;
    return best;
  }
}
