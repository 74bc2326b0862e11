/** A worker thread of `compare`: simulates one scenario on one seed into its folder and returns report.json's content. */
import { serveTasks } from '../parallel/pool.ts';
import type { ComparableReport } from './compare-figures.ts';
import { loadWorld, runWorld } from './run.ts';

export interface RunTask { source: string; dir: string; days?: number; seed?: number | string }

serveTasks<RunTask, ComparableReport>(async (t) => runWorld(await loadWorld(t.source, { days: t.days, seed: t.seed }), t.dir).report);
