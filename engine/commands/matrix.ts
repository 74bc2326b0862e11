/**
 * `wastetwin matrix`: travel-time and road-distance matrices between a
 * scenario's sites and collection points, for a dispatch team to feed another
 * tool. Computed on worker threads (contraction hierarchy + RPHAST, see
 * engine/parallel/matrix.ts), so the file is the same bytes whatever --workers.
 */
import type { Command } from 'commander';
import { basename } from 'node:path';
import { parseChoice, parseIntArg } from './args.ts';
import { InputError } from '../errors.ts';
import type { World } from '../scenario/world.ts';
import type { TravelMatrix } from '../parallel/matrix.ts';
import { csvField } from '../report/manifests-csv.ts';

const MATRIX_POINTS = ['all', 'sites', 'stops'] as const;
export type MatrixPoints = (typeof MATRIX_POINTS)[number];
const MATRIX_FORMATS = ['json', 'csv'] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];

interface MatrixCommandOptions { out?: string; workers?: number; points: MatrixPoints; format?: MatrixFormat }

interface MatrixPoint { id: string; kind: 'depot' | 'station' | 'plant' | 'point'; node: number }

/** The points of a matrix in a fixed order: depots, transfer stations, plants, then collection points. */
function matrixPoints(world: World, which: MatrixPoints): MatrixPoint[] {
  const sites: MatrixPoint[] = [
    ...world.depots.map((s) => ({ id: s.id, kind: 'depot' as const, node: s.node })),
    ...world.stations.map((s) => ({ id: s.id, kind: 'station' as const, node: s.node })),
    ...world.plants.map((s) => ({ id: s.id, kind: 'plant' as const, node: s.node })),
  ];
  const stops = world.points.map((p) => ({ id: p.id, kind: 'point' as const, node: p.node }));
  return which === 'sites' ? sites : which === 'stops' ? stops : [...sites, ...stops];
}

/** Seconds and metres to a tenth; an unreachable pair is null (JSON) or empty (CSV). */
function tenth(v: number): number | null { return Number.isFinite(v) ? Math.round(v * 10) / 10 : null; }

/** Writes the matrix piece by piece (a row at a time) through `write`. */
function writeMatrix(pts: readonly MatrixPoint[], m: TravelMatrix, format: MatrixFormat, meta: Record<string, unknown>, write: (text: string) => void): void {
  const n = pts.length;
  if (format === 'csv') {
    write('from,to,seconds,metres\n');
    const ids = pts.map((p) => csvField(p.id));
    for (let i = 0; i < n; i++) {
      let rows = '';
      for (let j = 0; j < n; j++) rows += `${ids[i]},${ids[j]},${tenth(m.timeS[i * n + j]) ?? ''},${tenth(m.lengthM[i * n + j]) ?? ''}\n`;
      write(rows);
    }
    return;
  }
  const head = JSON.stringify({ ...meta, ids: pts.map((p) => p.id), kinds: pts.map((p) => p.kind) }, null, 2);
  write(head.slice(0, head.lastIndexOf('\n}')));
  for (const [key, values] of [['seconds', m.timeS], ['metres', m.lengthM]] as const) {
    write(`,\n  "${key}": [`);
    for (let i = 0; i < n; i++) {
      const row: (number | null)[] = [];
      for (let j = 0; j < n; j++) row.push(tenth(values[i * n + j]));
      write(`${i === 0 ? '' : ','}\n    ${JSON.stringify(row)}`);
    }
    write(n === 0 ? ']' : '\n  ]');
  }
  write('\n}\n');
}

export function register(program: Command): void {
  program
    .command('matrix')
    .description('travel-time (s) and road-distance (m) matrices between the scenario\'s depots, stations, plants and collection points, on worker threads; JSON {ids, seconds, metres} or CSV rows from,to,seconds,metres')
    .argument('<scenario>', 'scenario JSON file')
    .option('--out <file>', 'output file (default: runs/<scenario name>/matrix-<points>.<format>)')
    .option('--workers <n>', 'worker threads (default: the cores); the file is the same whatever the number', parseIntArg('--workers', 1))
    .option('--points <which>', 'sites (depots, transfer stations, plants), stops (collection points) or all (sites then stops)', parseChoice('--points', MATRIX_POINTS), 'all')
    .option('--format <f>', 'json or csv (default: csv when --out ends in .csv, else json)', parseChoice('--format', MATRIX_FORMATS))
    .action(async (file: string, opts: MatrixCommandOptions) => {
      const { readScenario } = await import('../scenario/read.ts');
      const { buildWorld } = await import('../scenario/world.ts');
      const { travelMatrix } = await import('../parallel/matrix.ts');
      const { AtomicStream } = await import('../report/write-atomic.ts');
      const { progressBar } = await import('../report/progress.ts');
      const started = performance.now();

      // Not loadWorld: for a timetabled scenario it would design a timetable the matrix does not need.
      const world = await buildWorld(readScenario(file), file);
      const pts = matrixPoints(world, opts.points);
      if (pts.length === 0) throw InputError.one('--points', `the scenario has no ${opts.points === 'stops' ? 'collection points' : 'points'}`);
      const format = opts.format ?? (opts.out?.toLowerCase().endsWith('.csv') ? 'csv' : 'json');
      const name = world.scenario.name || basename(file, '.json');
      const out = opts.out ?? `runs/${name}/matrix-${opts.points}.${format}`;

      const bar = progressBar('matrix rows');
      const nodes = pts.map((p) => p.node);
      const m = await travelMatrix(world.graph, nodes, nodes, { threads: opts.workers, onProgress: bar.update }).finally(() => bar.stop());
      const meta = {
        format: 'wastetwin-matrix', version: 1, scenario: name, points: opts.points,
        note: 'seconds: least travel time by road for a truck, row id to column id; metres: the length of that same path; both to a tenth; null: no road path',
      };
      const stream = new AtomicStream(out);
      try { writeMatrix(pts, m, format, meta, (t) => stream.write(t)); } catch (err) { stream.abort(); throw err; }
      stream.commit();
      process.stdout.write(`Wrote ${out}: ${pts.length} × ${pts.length} travel times and road distances (${opts.points}) in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
    });
}
