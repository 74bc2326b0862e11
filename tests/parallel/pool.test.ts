import { describe, expect, it } from 'vitest';
import { runPool, WorkerCrashError } from '../../engine/parallel/pool.ts';

const entry = new URL('./echo-worker.ts', import.meta.url);
const shared = () => {
  const factor = new Int32Array(new SharedArrayBuffer(4));
  factor[0] = 3;
  return { factor };
};

describe('worker pool', () => {
  it('returns results in task order whatever the thread count', async () => {
    const tasks = Array.from({ length: 20 }, (_, i) => i);
    const one = await runPool<number, number>(entry, tasks, { threads: 1, shared: shared() });
    const two = await runPool<number, number>(entry, tasks, { threads: 2, shared: shared() });
    expect(one).toEqual(tasks.map((i) => i * 3));
    expect(two).toEqual(one);
  });

  it('rejects with the task named when a task throws', async () => {
    await expect(runPool(entry, [1, -2, 3], { threads: 2, shared: shared() })).rejects.toThrow(/task 1 failed: negative task -2/);
  });

  it('rejects, never hangs, when a worker exits', async () => {
    await expect(runPool(entry, [1, 999], { threads: 1, shared: shared() })).rejects.toBeInstanceOf(WorkerCrashError);
  });
});
