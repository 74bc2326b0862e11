/**
 * Strongly connected components of the compact road graph (iterative Tarjan,
 * so a long road does not overflow the call stack). A truck must be able to
 * get from anywhere to anywhere and back, so only the largest component is
 * usable.
 */
import type { RoadGraph } from './road-graph.ts';

export interface Components {
  /** Component id of each node. */
  component: Int32Array;
  count: number;
  /** Id of the component with the most nodes (the lowest id on a tie). */
  largest: number;
  sizes: number[];
}

export function stronglyConnectedComponents(g: RoadGraph): Components {
  const n = g.nodeCount;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callV = new Int32Array(n);
  const callE = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  let sp = 0, counter = 0, count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    let depth = 0;
    callV[0] = root; callE[0] = g.offsets[root];
    index[root] = low[root] = counter++;
    stack[sp++] = root; onStack[root] = 1;
    while (depth >= 0) {
      const v = callV[depth];
      if (callE[depth] < g.offsets[v + 1]) {
        const w = g.targets[callE[depth]++];
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack[sp++] = w; onStack[w] = 1;
          depth++;
          callV[depth] = w; callE[depth] = g.offsets[w];
        } else if (onStack[w] && index[w] < low[v]) low[v] = index[w];
        continue;
      }
      if (low[v] === index[v]) {
        let size = 0, w: number;
        do { w = stack[--sp]; onStack[w] = 0; component[w] = count; size++; } while (w !== v);
        sizes.push(size);
        count++;
      }
      depth--;
      if (depth >= 0) {
        const parent = callV[depth];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
    }
  }
  let largest = 0;
  for (let c = 1; c < count; c++) if (sizes[c] > sizes[largest]) largest = c;
  return { component, count, largest, sizes };
}
