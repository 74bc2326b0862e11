import type { Command } from 'commander';
import { basename } from 'node:path';
import { InputError } from '../errors.ts';

/** `--speed residential=20 --speed service=10` → { residential: 20, service: 10 }. */
function collectSpeed(v: string, acc: Record<string, number> = {}): Record<string, number> {
  const m = /^([a-z_]+)=(\d+(?:\.\d+)?)$/.exec(v);
  if (!m || Number(m[2]) <= 0) throw InputError.one('--speed', `must be highway=kmh with a speed > 0, e.g. residential=20 (got "${v}")`);
  return { ...acc, [m[1]]: Number(m[2]) };
}

export function register(program: Command): void {
  program
    .command('import-osm')
    .description('import an OpenStreetMap extract (.osm.pbf, .osm, .osm.gz) as a road network for scenarios (network.kind "imported")')
    .argument('<file>', 'OpenStreetMap extract')
    .requiredOption('--out <file>', 'network file to write (JSON)')
    .option('--speed <highway=kmh>', 'truck speed for an OSM highway class (repeatable)', collectSpeed)
    .action(async (file: string, opts: { out: string; speed?: Record<string, number> }) => {
      const { loadRoadFile } = await import('../network/osm/index.ts');
      const { toNetworkFile } = await import('../network/network-file.ts');
      const { writeFileAtomic } = await import('../report/write-atomic.ts');
      const { model, origin, report } = await loadRoadFile(file, { speedsKmh: opts.speed, speedsPath: '--speed' });
      writeFileAtomic(opts.out, JSON.stringify(toNetworkFile(model, origin, report, basename(file))) + '\n');
      const refused = Object.entries(report.refused).map(([k, n]) => `${k} ${n}`).join(', ');
      process.stdout.write(
        `${file}: ${report.keptWays} of ${report.highwayWays} highway ways kept (refused: ${refused || 'none'})\n` +
        `network: ${report.nodes} nodes, ${report.edges} directed edges (${report.oneWayEdges} one-way); ` +
        `largest strongly connected component kept, ${report.droppedNodes} nodes and ${report.droppedEdges} edges dropped from ${report.components - 1} other component(s)\n` +
        `wrote ${opts.out} — map data © OpenStreetMap contributors (ODbL)\n`);
    });
}
