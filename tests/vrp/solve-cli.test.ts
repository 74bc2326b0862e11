import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInstance } from '../../engine/optimise/vrp/instance.ts';
import { InputError } from '../../engine/errors.ts';
import { parseSol } from '../../engine/optimise/vrp/vrplib.ts';
import { runCli } from '../helpers/cli.ts';
import { smallWaste } from './fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'wastetwin-solve-'));
const write = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };
const kim102 = readFileSync('data/wcvrptw/102_stop.txt', 'utf8');
const an32 = readFileSync('data/cvrplib/A-n32-k5.vrp', 'utf8');

describe('wastetwin solve', () => {
  it('--json prints cost, routes, seconds and feasible; --sol writes a file that reads back', async () => {
    const sol = join(dir, 'a.sol');
    const res = await runCli(['solve', 'data/cvrplib/A-n32-k5.vrp', '--iterations', '300', '--threads', '1', '--json', '--sol', sol]);
    expect(res.code).toBe(0);
    const out = JSON.parse(res.stdout);
    expect(out.cost).toBe(784); // the proven optimum
    expect(out.feasible).toBe(true);
    expect(out.violations).toEqual([]);
    expect(typeof out.seconds).toBe('number');
    expect(out.routes.flatMap((r: { stops: string[] }) => r.stops).sort()).toEqual(Array.from({ length: 31 }, (_, i) => String(i + 1)).sort());
    const back = parseSol(readFileSync(sol, 'utf8'));
    expect(back.cost).toBe(784);
    expect(back.routes.map((r) => r.map(String))).toEqual(out.routes.map((r: { stops: string[] }) => r.stops));
  });

  it('solves a Kim et al. instance with unloads, and prints the routes with their hours as text', async () => {
    const res = await runCli(['solve', 'data/wcvrptw/102_stop.txt', '--iterations', '400', '--threads', '1']);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^102_stop \(Kim et al\. 2006; 99 stops\): cost [\d.]+, \d+ routes, distance [\d.]+, feasible/);
    expect(res.stdout).toContain('[unload ');
    expect(res.stdout).toMatch(/\[unload 1\] \(04:00–\d\d:\d\d, [\d.]+\)\n/); // the depot opens at 04:00
  });
});

describe('bad input is refused with the reason and exit code 2', () => {
  it('a truncated file', async () => {
    const p = write('truncated.vrp', an32.slice(0, an32.indexOf(' 20 ')));
    const res = await runCli(['solve', p]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/NODE_COORD_SECTION has \d+ of 32 nodes \(truncated file\?\)/);
    const kim = write('truncated_stop.txt', kim102.slice(0, kim102.length - 20));
    const res2 = await runCli(['solve', kim]);
    expect(res2.code).toBe(2);
    expect(res2.stderr).toContain('truncated file?');
  });

  it('a demand above every vehicle\'s capacity', async () => {
    const p = write('heavy.vrp', an32.replace('CAPACITY : 100', 'CAPACITY : 20'));
    const res = await runCli(['solve', p]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/stops\[\d+\]\.load: \[\d+\] exceeds the capacity of every vehicle that may serve it/);
  });

  it('a time window that closes before it opens', async () => {
    const lines = kim102.split('\r\n');
    lines[10] = lines[10].replace(/ 0000 2400 /, ' 1700 0800 ');
    const p = write('window_stop.txt', lines.join('\r\n'));
    const res = await runCli(['solve', p]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('window_stop.txt:11: time window closes (0800) before it opens (1700)');
  });

  it('a stop no vehicle may serve', async () => {
    const spec = smallWaste(3, 4);
    spec.vehicleTypes[0].streams = ['residual'];
    spec.stops[2].stream = 'food';
    spec.facilities![0].streams = ['residual', 'food'];
    expect(() => createInstance(spec)).toThrow(InputError);
    expect(() => createInstance(spec)).toThrow('stops[2].stream: no vehicle may serve it: no vehicle type with vehicles carries stream "food"');
    const lines = kim102.split('\r\n');
    lines[10] = lines[10].replace(/ \d+(\.\d+)? 1$/, ' 300.00 1');
    const res = await runCli(['solve', write('big_stop.txt', lines.join('\r\n'))]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('exceeds the capacity of every vehicle that may serve it');
  });

  it('a missing file and a bad option value', async () => {
    const res = await runCli(['solve', join(dir, 'nope.vrp')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('nope.vrp: cannot read the file');
    const res2 = await runCli(['solve', 'data/cvrplib/A-n32-k5.vrp', '--rounding', 'ceil']);
    expect(res2.code).toBe(2);
    expect(res2.stderr).toContain('--rounding: must be nint or none');
  });
});
