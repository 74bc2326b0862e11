// A matrix worker: one workspace per worker, reused for every row task it gets.
import { serveTasks } from './pool.ts';
import { computeRows, workspaceFor, type MatrixJob, type RowTask } from './matrix-rows.ts';

let workspace: ReturnType<typeof workspaceFor> | undefined;

serveTasks<RowTask, number, MatrixJob>((task, job) => {
  workspace ??= workspaceFor(job);
  return computeRows(job, task, workspace);
});
