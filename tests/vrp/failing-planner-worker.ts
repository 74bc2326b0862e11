/** A vrp planner worker that throws on one part, food@TS-N, and solves the others (tests/vrp/planner-parallel.test.ts). */
import { serveSyncTasks } from '../../engine/parallel/sync-pool.ts';
import type { SolveAnswer, SolveTask } from '../../engine/optimise/vrp/planner-parts.ts';
import { solveTask } from '../../engine/optimise/vrp/solve-task.ts';

serveSyncTasks<SolveTask, SolveAnswer>((task) => {
  if (task.label === 'food@TS-N') throw new Error('broken on purpose');
  return solveTask(task);
});
