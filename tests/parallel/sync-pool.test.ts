import { describe, expect, it } from 'vitest';
import { SyncPool, SyncPoolError } from '../../engine/parallel/sync-pool.ts';

const entry = new URL('./sync-echo-worker.ts', import.meta.url);

describe('synchronous worker pool', () => {
  it('returns results in task order whatever the thread count, and can be used again', () => {
    const tasks = Array.from({ length: 20 }, (_, i) => i);
    const pool = new SyncPool<number, number>(entry, 2);
    expect(pool.run(tasks)).toEqual(tasks.map((i) => i * 3));
    expect(pool.run([5, 6])).toEqual([15, 18]);
    pool.close();
    expect(new SyncPool<number, number>(entry, 1).run(tasks)).toEqual(tasks.map((i) => i * 3));
  });

  it('throws with the task named when a task throws', () => {
    const pool = new SyncPool<number, number>(entry, 2, (t) => `number ${t}`);
    expect(() => pool.run([1, -2, 3])).toThrow(/number -2 failed: negative task -2/);
  });

  it('throws, never hangs, when a worker exits', () => {
    const pool = new SyncPool<number, number>(entry, 1);
    expect(() => pool.run([1, 999])).toThrow(SyncPoolError);
  });
});
