/** Test worker for the synchronous pool: triples a number, throws on a negative one, exits on 999. */
import { serveSyncTasks } from '../../engine/parallel/sync-pool.ts';

serveSyncTasks<number, number>((n) => {
  if (n === 999) process.exit(3);
  if (n < 0) throw new Error(`negative task ${n}`);
  return n * 3;
});
