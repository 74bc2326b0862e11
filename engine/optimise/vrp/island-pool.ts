/**
 * Threads that keep their islands for the whole solve. The shared worker
 * pool (engine/parallel/pool.ts) starts fresh workers for every call, which
 * would cost a TypeScript loader start-up per epoch and lose each island's
 * population; here island i always runs on thread i mod T and stays in its
 * memory between epochs. With one thread the islands run in this thread.
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { IslandHost, type IslandProblem, type IslandResult, type IslandTask } from './island-task.ts';

const BOOTSTRAP = fileURLToPath(new URL('../../parallel/bootstrap.mjs', import.meta.url));
const ENTRY = new URL('./island-worker.ts', import.meta.url).href;

export class IslandPool {
  private readonly local: IslandHost | null;
  private readonly workers: Worker[] = [];
  private next = 0;

  constructor(problem: IslandProblem, readonly threads: number) {
    this.local = threads <= 1 ? new IslandHost(problem) : null;
    for (let i = 0; i < (threads <= 1 ? 0 : threads); i++) {
      this.workers.push(new Worker(BOOTSTRAP, { workerData: { entry: ENTRY, shared: problem } }));
    }
  }

  /** One epoch of every task (one per island, task i for island tasks[i].island); results in task order. */
  async epoch(tasks: readonly IslandTask[]): Promise<IslandResult[]> {
    if (this.local) return tasks.map((t) => this.local!.run(t));
    return Promise.all(tasks.map((t) => this.call(this.workers[t.island % this.workers.length], t)));
  }

  private call(w: Worker, task: IslandTask): Promise<IslandResult> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      const onMessage = (msg: { id: number; result?: IslandResult; error?: string }) => {
        if (msg.id !== id) return;
        cleanup();
        if (msg.error !== undefined) reject(new Error(`island ${task.island} failed: ${msg.error}`));
        else resolve(msg.result!);
      };
      const onError = (err: Error) => { cleanup(); reject(new Error(`island ${task.island}: worker crashed: ${err.message}`)); };
      const onExit = (code: number) => { cleanup(); reject(new Error(`island ${task.island}: worker exited with code ${code}`)); };
      const cleanup = () => { w.off('message', onMessage); w.off('error', onError); w.off('exit', onExit); };
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      w.postMessage({ id, task });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
