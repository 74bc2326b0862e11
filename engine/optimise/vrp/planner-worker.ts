/** Worker-thread entry of the vrp planner: solves the day's parts and border polishes (see ./solve-task.ts). */
import { serveSyncTasks } from '../../parallel/sync-pool.ts';
import type { SolveAnswer, SolveTask } from './planner-parts.ts';
import { solveTask } from './solve-task.ts';

serveSyncTasks<SolveTask, SolveAnswer>(solveTask);
