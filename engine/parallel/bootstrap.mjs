// Entry of every worker thread: install tsx's loader, then run the TypeScript
// module named in workerData. Workers do not inherit the parent's loader, so
// each one registers its own; the cost is paid once per worker, not per task.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
