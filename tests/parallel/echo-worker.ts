import { serveTasks } from '../../engine/parallel/pool.ts';

serveTasks<number, number, { factor: Int32Array }>((n, shared) => {
  if (n < 0) throw new Error(`negative task ${n}`);
  if (n === 999) process.exit(3);
  return n * shared.factor[0];
});
