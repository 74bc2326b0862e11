/**
 * Solve one planner task, in whatever thread: a part from scratch with the
 * solver's synchronous entry, or a border polish by ruin and recreate from
 * the routes given. A task whose stop-to-stop matrix block was left open
 * (`roads`) has it filled first, by RPHAST on the shared hierarchy. The answer depends only on the task, so the day's plan
 * does not depend on which worker solved what.
 */
import { fillStopBlock } from '../timetable/matrix.ts';
import { assemble } from './assemble.ts';
import { solveSync } from './index.ts';
import { createInstance } from './instance.ts';
import { RouteSimulator } from './route-sim.ts';
import { RuinRecreate } from './rr/ruin-recreate.ts';
import type { VrpSolution } from './solution.ts';
import type { SolveAnswer, SolveTask } from './planner-parts.ts';

export function solveTask(task: SolveTask): SolveAnswer {
  if (task.roads) fillStopBlock(task.spec.distance, task.spec.durationSeconds!, task.roads);
  const inst = createInstance(task.spec);
  let sol: VrpSolution;
  if (!task.start) sol = solveSync(inst, { seed: task.seed, iterations: task.iterations, islands: 1, epochs: 1 });
  else {
    const sim = new RouteSimulator(inst);
    const routes = new RuinRecreate(inst, sim).solve({ seed: task.seed, iterations: task.iterations, timeSeconds: Infinity }, task.start);
    sol = assemble(inst, sim, routes);
  }
  return {
    cost: sol.cost, distance: sol.distance, feasible: sol.feasible,
    routes: sol.routes.map((r) => ({
      vehicleType: r.vehicleType, vehicle: r.vehicle, distance: r.distance,
      seq: r.visits.flatMap((v) => (v.kind === 'stop' ? [v.index] : v.kind === 'facility' ? [-1 - v.index] : [])),
    })),
  };
}
