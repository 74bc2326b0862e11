/**
 * The reverse of a road graph: every edge u→v becomes v→u with the same
 * length and time. One Dijkstra on it from a station gives the travel time
 * from every node *to* that station, which is what catchments and "can I
 * still get back in my shift" questions need.
 */
import type { RoadGraph } from './road-graph.ts';

export function transpose(g: RoadGraph): RoadGraph {
  const n = g.nodeCount, m = g.edgeCount;
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) offsets[g.targets[e] + 1]++;
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(m), lengthM = new Float64Array(m), timeS = new Float64Array(m), roadClass = new Uint8Array(m);
  for (let u = 0; u < n; u++) {
    for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
      const at = fill[g.targets[e]]++;
      targets[at] = u; lengthM[at] = g.lengthM[e]; timeS[at] = g.timeS[e]; roadClass[at] = g.roadClass[e];
    }
  }
  return {
    nodeCount: n, edgeCount: m, keys: g.keys, x: g.x, y: g.y, offsets, targets, lengthM, timeS, roadClass,
    // Shapes are not needed on the reverse graph: it answers times, not polylines.
    shapeOffsets: new Int32Array(m + 1), shapeXY: new Float64Array(0), origin: g.origin,
  };
}
