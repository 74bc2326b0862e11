/**
 * A pool of worker threads a synchronous caller can use: `run(tasks)` posts
 * the tasks, blocks this thread with `Atomics.wait` on a shared counter that
 * each worker bumps when it answers, and reads the answers with
 * `receiveMessageOnPort` (the technique of synckit). The simulation is
 * synchronous and plans one day at a time, so it cannot await `runPool`.
 *
 * Results come back in task order whatever worker ran what. A task that
 * throws, or a worker that exits, makes `run` throw a SyncPoolError naming
 * the task; a worker that dies silently is caught by a wait timeout, so the
 * caller never hangs. Workers are unreferenced: they never keep the process
 * alive, and `close()` ends them early.
 *
 * A worker module calls `serveSyncTasks(handler)`.
 */
import { MessageChannel, Worker, isMainThread, parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';

const BOOTSTRAP = fileURLToPath(new URL('./bootstrap.mjs', import.meta.url));
/** How long `run` waits between checks that its workers are still alive. */
const CHECK_MS = 1000;

export class SyncPoolError extends Error {
  override name = 'SyncPoolError';
}

interface Answer { id: number; result?: unknown; error?: string; exited?: number }
interface Slot { worker: Worker; port: MessagePort; task: number; alive: boolean }

export class SyncPool<T, R> {
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private readonly slots: Slot[] = [];

  /** `entry`: file URL of a module calling serveSyncTasks; `label(task)` names a task in errors. */
  constructor(
    private readonly entry: URL, readonly threads: number,
    private readonly label: (task: T, i: number) => string = (_t, i) => `task ${i}`,
  ) {}

  private start(): void {
    for (let i = this.slots.length; i < this.threads; i++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(BOOTSTRAP, {
        workerData: { entry: this.entry.href, signal: this.signal, port: port2 }, transferList: [port2],
      });
      const slot: Slot = { worker, port: port1, task: -1, alive: true };
      worker.on('exit', () => { slot.alive = false; });
      worker.on('error', () => { slot.alive = false; });
      worker.unref();
      port1.unref();
      this.slots.push(slot);
    }
  }

  /** Run every task; the i-th result answers the i-th task. */
  run(tasks: readonly T[]): R[] {
    const results: R[] = new Array(tasks.length);
    if (tasks.length === 0) return results;
    this.start();
    let next = 0, done = 0;
    const feed = (s: Slot) => {
      if (next >= tasks.length) return;
      s.task = next++;
      s.worker.postMessage({ id: s.task, task: tasks[s.task] });
    };
    for (const s of this.slots) feed(s);
    while (done < tasks.length) {
      const seen = Atomics.load(this.signal, 0);
      let progressed = false;
      for (const s of this.slots) {
        for (let m = receiveMessageOnPort(s.port); m; m = receiveMessageOnPort(s.port)) {
          const a = m.message as Answer;
          progressed = true;
          if (a.exited !== undefined || a.error !== undefined) {
            this.close();
            const why = a.error ?? `its worker exited with code ${a.exited}`;
            throw new SyncPoolError(`${this.label(tasks[s.task], s.task)} failed: ${why}`);
          }
          results[a.id] = a.result as R;
          done++;
          s.task = -1;
          feed(s);
        }
      }
      if (done === tasks.length || progressed) continue;
      if (Atomics.wait(this.signal, 0, seen, CHECK_MS) === 'timed-out') {
        // 'exit' events cannot arrive while this thread is blocked; a worker's thread id turns -1 once it is gone.
        const dead = this.slots.find((s) => s.task >= 0 && (s.worker.threadId < 0 || !s.alive));
        if (dead) {
          this.close();
          throw new SyncPoolError(`${this.label(tasks[dead.task], dead.task)} failed: its worker died`);
        }
      }
    }
    return results;
  }

  /** End the workers (a later `run` starts new ones). */
  close(): void {
    for (const s of this.slots) { void s.worker.terminate(); s.port.close(); }
    this.slots.length = 0;
  }
}

/** In a worker module: answer each task with `handler(task)`, synchronously. */
export function serveSyncTasks<T, R>(handler: (task: T) => R): void {
  if (isMainThread || !parentPort) throw new Error('serveSyncTasks must be called inside a worker thread');
  const { signal, port } = workerData as { signal: Int32Array; port: MessagePort };
  const answer = (a: Answer) => {
    port.postMessage(a);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  };
  let current = -1;
  process.on('exit', (code) => { if (current >= 0) answer({ id: current, exited: code }); });
  parentPort.on('message', (msg: { id: number; task: T }) => {
    current = msg.id;
    let a: Answer;
    try {
      a = { id: msg.id, result: handler(msg.task) };
    } catch (err) {
      a = { id: msg.id, error: err instanceof Error ? err.message : String(err) };
    }
    current = -1;
    answer(a);
  });
}
