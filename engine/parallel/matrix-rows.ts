/**
 * The rows of a travel matrix, computed the same way in a worker thread or in
 * the calling thread. A job holds only typed arrays (on SharedArrayBuffers),
 * so handing it to a worker shares the graph instead of copying it, and each
 * task writes its own rows of the shared result: no cell is written twice,
 * so the result cannot depend on which worker ran which rows.
 */
import { DijkstraWorkspace, type Weight } from '../network/dijkstra.ts';
import { PhastWorkspace, type Restriction } from '../network/phast.ts';
import type { ContractionHierarchy } from '../network/contraction.ts';
import type { RoadGraph } from '../network/road-graph.ts';

export type MatrixMethod = 'ch' | 'dijkstra';

export interface MatrixJob {
  method: MatrixMethod;
  weight: Weight;
  /** For `dijkstra`: the road graph's arrays (node keys left out). */
  graph?: RoadGraph;
  /** For `ch`: the hierarchy and its restriction to the targets. */
  ch?: ContractionHierarchy;
  restriction?: Restriction;
  sources: Int32Array;
  targets: Int32Array;
  /** Row-major results: the weight, and the other measure along the same path. */
  outWeight: Float64Array;
  outOther: Float64Array;
}

export interface RowTask { from: number; to: number }

type Workspace = { kind: 'ch'; ws: PhastWorkspace } | { kind: 'dijkstra'; ws: DijkstraWorkspace };

export function workspaceFor(job: MatrixJob): Workspace {
  if (job.method === 'ch') return { kind: 'ch', ws: new PhastWorkspace(job.ch!) };
  return { kind: 'dijkstra', ws: new DijkstraWorkspace(job.graph!) };
}

/** Fill rows [from, to) of the job's result. */
export function computeRows(job: MatrixJob, { from, to }: RowTask, w: Workspace): number {
  const cols = job.targets.length;
  if (w.kind === 'ch') {
    w.ws.runRestricted(job.sources, from, to, job.restriction!, job.outWeight, job.outOther);
    return to - from;
  }
  for (let i = from; i < to; i++) {
    w.ws.run(job.sources[i], job.weight, job.targets);
    for (let j = 0; j < cols; j++) {
      const t = job.targets[j];
      job.outWeight[i * cols + j] = w.ws.dist[t];
      job.outOther[i * cols + j] = w.ws.dist[t] === Infinity ? Infinity : w.ws.other[t];
    }
  }
  return to - from;
}
