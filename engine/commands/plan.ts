import type { Command } from 'commander';
import { basename } from 'node:path';
import { parseSeedArg } from './args.ts';

export function register(program: Command): void {
  program
    .command('plan')
    .description('design bus-style collection lines with timetables and write routes.json, routes.csv, routes.geojson and timetable.md')
    .argument('<scenario>', 'scenario JSON file')
    .option('--out <dir>', 'output folder (default: runs/plan-<scenario name>)')
    .option('--previous <routes.json>', 'the timetable in force: keep its lines and stop times where they still hold')
    .option('--seed <s>', 'random seed (default: the scenario\'s)', parseSeedArg)
    .action(async (file: string, opts: { out?: string; previous?: string; seed?: number | string }) => {
      const { readFileSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { InputError } = await import('../errors.ts');
      const { readScenario } = await import('../scenario/read.ts');
      const { buildWorld } = await import('../scenario/world.ts');
      const { designTimetable } = await import('../optimise/timetable/index.ts');
      const { routesJson, readRoutesJson } = await import('../export/routes-json.ts');
      const { routesCsv } = await import('../export/routes-csv.ts');
      const { routesGeojson } = await import('../export/routes-geojson.ts');
      const { timetableMarkdown } = await import('../export/timetable-md.ts');
      const { planSummary } = await import('../export/plan-summary.ts');
      const { lonLatOf } = await import('../export/lonlat.ts');
      const { writeFileAtomic } = await import('../report/write-atomic.ts');
      const { progressBar } = await import('../report/progress.ts');
      const { Router } = await import('../sim/router.ts');

      // Not loadWorld: for a timetabled scenario it would design a timetable before this one.
      const scenario = readScenario(file);
      if (opts.seed !== undefined) scenario.seed = opts.seed;
      const world = await buildWorld(scenario, file);
      let previous;
      if (opts.previous) {
        let json: unknown;
        try { json = JSON.parse(readFileSync(opts.previous, 'utf8')); } catch (err) {
          throw InputError.one(opts.previous, `cannot read a routes.json: ${(err as Error).message}`);
        }
        previous = readRoutesJson(world, json as Parameters<typeof readRoutesJson>[1], opts.previous);
      }
      const out = opts.out ?? `runs/plan-${world.scenario.name || basename(file, '.json')}`;
      const bar = progressBar('routing');
      const started = performance.now();
      const tt = await (async () => { try { return await designTimetable(world, { previous, onProgress: bar.update }); } finally { bar.stop(); } })();
      const toLonLat = lonLatOf(world);
      const router = new Router(world.graph, [...world.depots, ...world.stations].map((x) => x.node));
      const files: [string, string][] = [
        ['routes.json', JSON.stringify(routesJson(world, tt), null, 2) + '\n'],
        ['routes.csv', routesCsv(world, tt, toLonLat)],
        ['routes.geojson', JSON.stringify(routesGeojson(world, router, tt, toLonLat)) + '\n'],
        ['timetable.md', timetableMarkdown(world, tt)],
      ];
      for (const [name, text] of files) writeFileAtomic(join(out, name), text);
      const lines = [planSummary(world, tt), ''];
      if (tt.stability) lines.push(`Re-planned from ${opts.previous}: ${tt.stability.kept} stop visits kept, ${tt.stability.changed} of them at a new time; ${tt.stability.added} added, ${tt.stability.removed} removed.`);
      if (tt.shortfalls.length > 0) lines.push(`${tt.shortfalls.length} bin(s) overflow beyond the stated chance even at the most frequent service (listed in routes.json shortfalls).`);
      // A fleet too small for its lines: dispatch still gets every line, but the stops of those without a truck are missed.
      const short = new Set(tt.fleetShortfalls.map((f) => f.message));
      for (const m of short) lines.push(`WARNING: ${m}`);
      for (const v of tt.violations) if (!short.has(v)) lines.push(`warning: ${v}`);
      lines.push(`Wrote ${files.map(([n]) => join(out, n)).join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
      process.stdout.write(lines.join('\n') + '\n');
    });
}
