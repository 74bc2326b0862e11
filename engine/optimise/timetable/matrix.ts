/**
 * Travel matrices over a handful of road nodes for the routing solver, by
 * the same fastest paths the simulation drives. Rows and columns of hubs
 * (depots, stations) come from the router's full trees; stop-to-stop entries
 * from one Dijkstra per stop that stops once the group's other stops are
 * settled — a group is one part of town, so each search stays local.
 */
import { DijkstraWorkspace } from '../../network/dijkstra.ts';
import type { Router } from '../../sim/router.ts';

export interface Matrices { distanceM: Float64Array; timeS: Float64Array }

export function travelMatrices(router: Router, ws: DijkstraWorkspace, nodes: readonly number[], hubCount: number): Matrices {
  const L = nodes.length;
  const distanceM = new Float64Array(L * L), timeS = new Float64Array(L * L);
  const local = nodes.slice(hubCount);
  for (let i = 0; i < L; i++) {
    if (i >= hubCount && local.length > 1) ws.run(nodes[i], 'time', local);
    for (let j = 0; j < L; j++) {
      if (i === j || nodes[i] === nodes[j]) continue;
      const viaTrees = i < hubCount || j < hubCount;
      timeS[i * L + j] = viaTrees ? router.timeS(nodes[i], nodes[j]) : ws.dist[nodes[j]];
      distanceM[i * L + j] = viaTrees ? router.lengthM(nodes[i], nodes[j]) : ws.other[nodes[j]];
    }
  }
  return { distanceM, timeS };
}
