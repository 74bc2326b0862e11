/**
 * Travel-time and distance matrices between road nodes, split by rows across
 * a pool of worker threads that share the graph (or its contraction
 * hierarchy) through SharedArrayBuffers.
 *
 * Methods: `ch` (default) prepares a contraction hierarchy once and answers
 * each row with a PHAST sweep restricted to the targets (RPHAST); `dijkstra`
 * runs one plain Dijkstra per row (no preparation; the reference). Times are
 * along the path of least `weight`; the other measure is that same path's.
 * The result is the same bytes whatever the number of workers.
 */
import { InputError } from '../errors.ts';
import type { Weight } from '../network/dijkstra.ts';
import type { RoadGraph } from '../network/road-graph.ts';
import { buildHierarchy, type ContractionHierarchy } from '../network/contraction.ts';
import { restrictTo } from '../network/phast.ts';
import { defaultThreads, runPool, WorkerCrashError } from './pool.ts';
import { computeRows, workspaceFor, type MatrixJob, type MatrixMethod, type RowTask } from './matrix-rows.ts';

export type { MatrixMethod } from './matrix-rows.ts';

export interface MatrixOptions {
  /** What "shortest" means: least time (default) or least length. */
  weight?: Weight;
  method?: MatrixMethod;
  /** Worker threads; 0 computes in the calling thread. Default: the machine's parallelism. */
  threads?: number;
  /** A hierarchy prepared earlier for this graph and weight (see buildHierarchy), to skip preparation. */
  hierarchy?: ContractionHierarchy;
  /** Called as rows finish with (rows done, rows). */
  onProgress?: (done: number, total: number) => void;
}

export interface TravelMatrix {
  rows: number;
  cols: number;
  /** Row-major: entry i * cols + j is from sources[i] to targets[j]; Infinity when unreachable. */
  timeS: Float64Array;
  lengthM: Float64Array;
}

const WORKER = new URL('./matrix-worker.ts', import.meta.url);

function sharedF64(n: number): Float64Array { return new Float64Array(new SharedArrayBuffer(Math.max(1, n) * 8)); }
function sharedI32(a: readonly number[]): Int32Array {
  const out = new Int32Array(new SharedArrayBuffer(Math.max(1, a.length) * 4));
  out.set(a);
  return out.subarray(0, a.length);
}

export async function travelMatrix(g: RoadGraph, sources: readonly number[], targets: readonly number[], opts: MatrixOptions = {}): Promise<TravelMatrix> {
  const bad = [...sources.map((v, i) => ['sources', i, v] as const), ...targets.map((v, i) => ['targets', i, v] as const)]
    .filter(([, , v]) => !Number.isInteger(v) || v < 0 || v >= g.nodeCount);
  if (bad.length > 0) throw new InputError(bad.slice(0, 20).map(([k, i, v]) => ({ path: `${k}[${i}]`, message: `${v} is not a node of the road graph (0..${g.nodeCount - 1})` })));
  const weight = opts.weight ?? 'time', method = opts.method ?? 'ch';
  const rows = sources.length, cols = targets.length;
  const job: MatrixJob = {
    method, weight, sources: sharedI32(sources), targets: sharedI32(targets),
    outWeight: sharedF64(rows * cols).subarray(0, rows * cols), outOther: sharedF64(rows * cols).subarray(0, rows * cols),
  };
  if (method === 'ch') {
    const ch = opts.hierarchy ?? buildHierarchy(g, weight);
    if (ch.nodeCount !== g.nodeCount || ch.weight !== weight) throw new Error(`the hierarchy was prepared for another graph or weight (${ch.weight})`);
    job.ch = ch;
    job.restriction = restrictTo(ch, job.targets);
  } else {
    job.graph = { ...g, keys: [] };
  }
  const result = (): TravelMatrix => weight === 'time'
    ? { rows, cols, timeS: job.outWeight, lengthM: job.outOther }
    : { rows, cols, timeS: job.outOther, lengthM: job.outWeight };
  if (rows === 0 || cols === 0) return result();

  const threads = opts.threads ?? defaultThreads();
  // Small tasks keep workers evenly loaded; in this thread there is nothing to balance.
  const chunk = threads === 0 ? 64 : Math.max(1, Math.min(64, Math.ceil(rows / (threads * 16))));
  const tasks: RowTask[] = [];
  for (let from = 0; from < rows; from += chunk) tasks.push({ from, to: Math.min(rows, from + chunk) });
  if (threads === 0) {
    const ws = workspaceFor(job);
    let done = 0;
    for (const t of tasks) { done += computeRows(job, t, ws); opts.onProgress?.(done, rows); }
    return result();
  }
  let done = 0;
  try {
    await runPool<RowTask, number, MatrixJob>(WORKER, tasks, {
      threads, shared: job,
      onProgress: (n) => { done = Math.min(rows, n * chunk); opts.onProgress?.(done, rows); },
    });
  } catch (err) {
    if (err instanceof WorkerCrashError) throw new WorkerCrashError(`travel matrix ${rows} × ${cols} failed after ${done} rows: ${err.message}`);
    throw err;
  }
  return result();
}
