/**
 * A worker thread of `compare`: simulates one scenario on one seed into its
 * folder and returns report.json's content. A world that a seed makes
 * invalid (a site off the road network) comes back as problems, so the
 * command still exits 2 and not as a crashed worker.
 */
import { InputError, type Problem } from '../errors.ts';
import { serveTasks } from '../parallel/pool.ts';
import type { ComparableReport } from './compare-figures.ts';
import { loadWorld, runWorld } from './run.ts';

export interface RunTask { source: string; dir: string; days?: number; seed?: number | string }
export type RunResult = { report: ComparableReport } | { problems: Problem[] };

serveTasks<RunTask, RunResult>(async (t) => {
  try {
    return { report: runWorld(await loadWorld(t.source, { days: t.days, seed: t.seed }), t.dir).report };
  } catch (err) {
    if (err instanceof InputError) return { problems: err.problems };
    throw err;
  }
});
