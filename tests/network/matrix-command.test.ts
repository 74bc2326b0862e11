/**
 * `wastetwin matrix`: the ids in order, entries that agree with a plain
 * Dijkstra, a zero diagonal, the same bytes on 1 and 2 workers, CSV rows that
 * say the same as the JSON, and bad input refused with exit 2 and no file.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { smallScenario, writeTemp } from '../helpers/scenarios.ts';
import { readScenario } from '../../engine/scenario/read.ts';
import { buildWorld, type World } from '../../engine/scenario/world.ts';
import { DijkstraWorkspace } from '../../engine/network/dijkstra.ts';

interface MatrixJson { format: string; scenario: string; points: string; ids: string[]; kinds: string[]; seconds: (number | null)[][]; metres: (number | null)[][] }

const outDir = () => mkdtempSync(join(tmpdir(), 'wastetwin-matrix-'));

/** Every entry against one Dijkstra per row (least time; metres along that path), to the file's tenth. */
function expectDijkstra(world: World, ids: string[], m: MatrixJson, rows: number[]): void {
  const node = new Map([...world.depots, ...world.stations, ...world.plants, ...world.points].map((s) => [s.id, s.node]));
  const ws = new DijkstraWorkspace(world.graph);
  for (const i of rows) {
    ws.run(node.get(ids[i])!, 'time');
    ids.forEach((id, j) => {
      const v = node.get(id)!;
      expect(Math.abs(m.seconds[i][j]! - ws.dist[v]), `${ids[i]} → ${id} seconds`).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(Math.abs(m.metres[i][j]! - ws.other[v]), `${ids[i]} → ${id} metres`).toBeLessThanOrEqual(0.05 + 1e-9);
    });
  }
}

describe('wastetwin matrix on Monaco', () => {
  it('--points sites: the sites in order, Dijkstra\'s figures, a zero diagonal, the same bytes on 1 and 2 workers, silent off a terminal', async () => {
    const dir = outDir();
    const one = await runCli(['matrix', 'scenarios/monaco.json', '--points', 'sites', '--workers', '1', '--out', join(dir, 'one.json')]);
    const two = await runCli(['matrix', 'scenarios/monaco.json', '--points', 'sites', '--workers', '2', '--out', join(dir, 'two.json')]);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(one.stderr).toBe('');
    expect(one.stdout).toMatch(/Wrote .*one\.json: 5 × 5 travel times and road distances \(sites\) in \d+\.\d s\./);
    const bytes = readFileSync(join(dir, 'one.json'));
    expect(readFileSync(join(dir, 'two.json')).equals(bytes)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['one.json', 'two.json']); // no temporary file left behind

    const m = JSON.parse(bytes.toString('utf8')) as MatrixJson;
    expect(m.format).toBe('wastetwin-matrix');
    expect(m.scenario).toBe('monaco');
    expect(m.ids).toEqual(['DEPOT', 'TS-FONTVIEILLE', 'TS-EST', 'UIRUI', 'MRF-WEST']);
    expect(m.kinds).toEqual(['depot', 'station', 'station', 'plant', 'plant']);
    expect(m.seconds).toHaveLength(5);
    m.ids.forEach((_, i) => {
      expect(m.seconds[i][i]).toBe(0);
      expect(m.metres[i][i]).toBe(0);
      m.ids.forEach((_, j) => { if (i !== j) expect(m.seconds[i][j]).toBeGreaterThan(0); });
    });
    // One-way streets: the matrix is not symmetric.
    expect(m.seconds.some((row, i) => row.some((v, j) => v !== m.seconds[j][i]))).toBe(true);
    const world = await buildWorld(readScenario('scenarios/monaco.json'), 'scenarios/monaco.json');
    expectDijkstra(world, m.ids, m, [0, 1, 2, 3, 4]);
  }, 20_000);
});

describe('wastetwin matrix on a small synthetic town', () => {
  const { file, dir } = writeTemp(smallScenario());

  it('--points all: sites then collection points; CSV rows say what the JSON says', async () => {
    const json = join(dir, 'all.json'), csv = join(dir, 'all.csv');
    expect((await runCli(['matrix', file, '--out', json, '--workers', '2'])).code).toBe(0);
    expect((await runCli(['matrix', file, '--out', csv, '--workers', '1'])).code).toBe(0);
    const m = JSON.parse(readFileSync(json, 'utf8')) as MatrixJson;
    const world = await buildWorld(readScenario(file), file);
    expect(m.ids).toEqual(['D', 'TS', 'INC', 'BIO', 'LF', ...world.points.map((p) => p.id)]);
    expect(m.ids).toHaveLength(45);
    expectDijkstra(world, m.ids, m, [0, 7, 44]);

    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('from,to,seconds,metres');
    expect(lines).toHaveLength(1 + 45 * 45);
    const row = (i: number, j: number) => lines[1 + i * 45 + j].split(',');
    for (const [i, j] of [[0, 0], [0, 44], [44, 0], [7, 12]]) {
      expect(row(i, j)).toEqual([m.ids[i], m.ids[j], String(m.seconds[i][j]), String(m.metres[i][j])]);
    }
  }, 20_000);

  it('--format csv wins over the file name; --points stops is the collection points only', async () => {
    const out = join(dir, 'stops.txt');
    expect((await runCli(['matrix', file, '--points', 'stops', '--format', 'csv', '--out', out])).code).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 40 * 40);
    expect(lines[1]).toMatch(/^P\d+,P\d+,0,0$/);
  }, 20_000);
});

describe('wastetwin matrix refuses bad input with exit 2 and writes nothing', () => {
  it('a bad scenario: every problem named', async () => {
    const { file, dir } = writeTemp(smallScenario((s) => {
      s.plants[0].streams = ['plastic'];
      (s.fleet[0] as { count: unknown }).count = -1;
    }));
    const out = join(dir, 'out', 'm.json');
    const r = await runCli(['matrix', file, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing was written/);
    expect(r.stderr).toMatch(/fleet\[0\]\.count/);
    expect(r.stderr).toMatch(/plastic/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(r.stdout).toBe('');
  });

  it('a bad option value', async () => {
    const { file, dir } = writeTemp(smallScenario());
    for (const args of [['--points', 'bins'], ['--format', 'xlsx'], ['--workers', '0']]) {
      const r = await runCli(['matrix', file, '--out', join(dir, 'm.json'), ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(args[0]);
    }
    expect(existsSync(join(dir, 'm.json'))).toBe(false);
  });
});
