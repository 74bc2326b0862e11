import type { Command } from 'commander';
import { InputError } from '../errors.ts';
import { parseIntArg, parseSeedArg } from './args.ts';

/** "1,2,3" → [1, 2, 3]; an empty item or a repeated seed is refused. */
function parseSeedList(v: string): (number | string)[] {
  const items = v.split(',').map((x) => x.trim());
  if (items.some((x) => x === '')) throw InputError.one('--seeds', `must be a comma-separated list of seeds (got "${v}")`);
  if (new Set(items).size !== items.length) throw InputError.one('--seeds', `lists a seed twice (got "${v}")`);
  return items.map(parseSeedArg);
}

export function register(program: Command): void {
  program
    .command('compare')
    .description('put runs side by side: each argument is a run folder (holding report.json, shown as it is) or a scenario file, simulated on the spot (--seeds and --days apply to these)')
    .argument('<runs...>', 'run folders and/or scenario files')
    .option('--out <dir>', 'write compare.md and compare.html here, and the simulated runs in subfolders')
    .option('--seeds <list>', 'simulate each scenario on every seed of this comma-separated list and show the mean (min–max)', parseSeedList)
    .option('--days <n>', 'days to simulate each scenario (default: the scenario\'s)', parseIntArg('--days', 1))
    .option('--threads <n>', 'simulations at once, each in a worker thread (default: one per core; every city world is held in memory once per thread)', parseIntArg('--threads', 1))
    .action(async (paths: string[], opts: { out?: string; seeds?: (number | string)[]; days?: number; threads?: number }) => {
      const { existsSync, rmSync, statSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { resolveArgs, runColumns, stagingDir, moveTree } = await import('../report/compare-inputs.ts');
      const { compareRuns, compareMarkdown } = await import('../report/compare.ts');
      const { compareHtml } = await import('../report/html/compare-page.ts');
      const { writeFileAtomic } = await import('../report/write-atomic.ts');
      const { defaultThreads } = await import('../parallel/pool.ts');
      const { progressBar } = await import('../report/progress.ts');
      if (opts.out && existsSync(opts.out) && !statSync(opts.out).isDirectory()) throw InputError.one('--out', `${opts.out} is a file, not a folder`);
      const args = await resolveArgs(paths, opts);
      const staging = stagingDir();
      const bar = progressBar('simulating runs');
      try {
        const columns = await runColumns(args, staging, {
          ...opts,
          threads: opts.threads ?? defaultThreads(),
          onProgress: bar.update,
        }).finally(() => bar.stop());
        const cmp = compareRuns(columns);
        const markdown = compareMarkdown(cmp);
        process.stdout.write(markdown + '\n');
        if (opts.out) {
          moveTree(staging, opts.out);
          writeFileAtomic(join(opts.out, 'compare.md'), markdown);
          writeFileAtomic(join(opts.out, 'compare.html'), compareHtml(cmp));
          process.stdout.write(`Wrote ${join(opts.out, 'compare.md')} and ${join(opts.out, 'compare.html')}.\n`);
        }
      } finally {
        rmSync(staging, { recursive: true, force: true });
      }
    });
}
