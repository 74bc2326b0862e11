/**
 * A fixed pool of worker threads that runs a list of tasks and returns the
 * results in task order, so that what a caller gets never depends on which
 * worker finished first (the determinism rule of docs/architecture.md).
 *
 * A worker module calls `serveTasks(handler)`; the parent calls `runPool`.
 * `shared` is handed to every worker once at start-up (SharedArrayBuffers in
 * it are shared, not copied). A worker that throws or exits makes the whole
 * call reject with a message naming the task; it never hangs.
 */
import { Worker, parentPort, workerData, isMainThread } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const BOOTSTRAP = fileURLToPath(new URL('./bootstrap.mjs', import.meta.url));

export interface PoolOptions<S> {
  /** Number of worker threads; defaults to the machine's parallelism. */
  threads?: number;
  /** Data every worker receives once, as `workerData.shared`. */
  shared?: S;
  /** Called after each finished task with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

export class WorkerCrashError extends Error {
  override name = 'WorkerCrashError';
}

export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

/** Run `tasks` on a pool of workers loading `entry` (a file URL of a module calling serveTasks). */
export async function runPool<T, R, S = unknown>(entry: URL, tasks: readonly T[], opts: PoolOptions<S> = {}): Promise<R[]> {
  const total = tasks.length;
  const results: R[] = new Array(total);
  if (total === 0) return results;
  const threads = Math.max(1, Math.min(opts.threads ?? defaultThreads(), total));
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (err: Error) => {
        if (failed) return;
        failed = true;
        reject(err);
      };
      const feed = (w: Worker, slot: { task: number }) => {
        if (next >= total) return;
        slot.task = next++;
        w.postMessage({ id: slot.task, task: tasks[slot.task] });
      };
      for (let i = 0; i < threads; i++) {
        const w = new Worker(BOOTSTRAP, { workerData: { entry: entry.href, shared: opts.shared } });
        workers.push(w);
        const slot = { task: -1 };
        w.on('message', (msg: { id: number; result?: R; error?: string }) => {
          if (msg.error !== undefined) {
            fail(new WorkerCrashError(`worker task ${msg.id} failed: ${msg.error}`));
            return;
          }
          results[msg.id] = msg.result as R;
          slot.task = -1;
          done++;
          opts.onProgress?.(done, total);
          if (done === total) resolve();
          else feed(w, slot);
        });
        w.on('error', (err) => fail(new WorkerCrashError(`worker crashed on task ${slot.task}: ${err.message}`)));
        w.on('exit', (code) => {
          if (done < total) fail(new WorkerCrashError(`worker exited with code ${code} while running task ${slot.task}`));
        });
        w.once('online', () => feed(w, slot));
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/** In a worker module: answer tasks with `handler(task, shared)`. */
export function serveTasks<T, R, S = unknown>(handler: (task: T, shared: S) => R | Promise<R>): void {
  if (isMainThread || !parentPort) throw new Error('serveTasks must be called inside a worker thread');
  const port = parentPort;
  const shared = (workerData as { shared: S }).shared;
  port.on('message', async (msg: { id: number; task: T }) => {
    try {
      const result = await handler(msg.task, shared);
      port.postMessage({ id: msg.id, result });
    } catch (err) {
      port.postMessage({ id: msg.id, error: err instanceof Error ? err.message : String(err) });
    }
  });
}
