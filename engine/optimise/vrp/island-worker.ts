/** Worker-thread entry: hosts the islands given to this thread and runs their epochs on request. */
import { parentPort, workerData } from 'node:worker_threads';
import { IslandHost, type IslandProblem, type IslandTask } from './island-task.ts';

const host = new IslandHost((workerData as { shared: IslandProblem }).shared);
parentPort!.on('message', (msg: { id: number; task: IslandTask }) => {
  try {
    parentPort!.postMessage({ id: msg.id, result: host.run(msg.task) });
  } catch (err) {
    parentPort!.postMessage({ id: msg.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
