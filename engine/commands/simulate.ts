import type { Command } from 'commander';
import { basename } from 'node:path';
import { parseIntArg, parseSeedArg } from './args.ts';

export function register(program: Command): void {
  program
    .command('simulate')
    .description('simulate a scenario day by day and write the report, manifests and replay')
    .argument('<scenario>', 'scenario JSON file')
    .option('--days <n>', 'number of days to simulate (default: the scenario\'s)', parseIntArg('--days', 1))
    .option('--seed <s>', 'random seed (default: the scenario\'s)', parseSeedArg)
    .option('--out <dir>', 'run folder (default: runs/<scenario name>)')
    .option('--workers <n>', 'worker threads for the vrp planner (default: collection.workers, else the cores; 1: in this thread)', parseIntArg('--workers', 1))
    .action(async (file: string, opts: { days?: number; seed?: number | string; out?: string; workers?: number }) => {
      const { loadWorld, runWorld } = await import('../report/run.ts');
      const { progressBar } = await import('../report/progress.ts');
      const world = await loadWorld(file, opts);
      if (opts.workers !== undefined) world.scenario.collection.workers = opts.workers;
      const out = opts.out ?? `runs/${world.scenario.name || basename(file, '.json')}`;
      const bar = progressBar('simulating');
      const started = performance.now();
      const run = (() => { try { return runWorld(world, out, { onProgress: bar.update }); } finally { bar.stop(); } })();
      process.stdout.write(run.markdown + '\n');
      const missed = run.targets.filter((t) => !t.met).length;
      process.stdout.write(`Wrote ${run.files.join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s. ` +
        `${run.targets.length - missed} of ${run.targets.length} targets met.\n`);
    });
}
