import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { writeTemp } from '../helpers/scenarios.ts';

describe('wastetwin simulate on the demo', () => {
  it('writes every output, prints the KPI table against targets, and exits 0', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'wastetwin-demo-')), 'demo');
    const res = await runCli(['simulate', 'scenarios/demo.json', '--out', out]);
    expect(res.code).toBe(0);
    for (const f of ['report.json', 'report.md', 'manifests.csv', 'replay.ndjson', 'run-info.json']) expect(existsSync(join(out, f))).toBe(true);
    expect(res.stdout).toContain('| zero landfill');
    expect(res.stdout).toMatch(/\| total +\|/);

    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.kpis.days).toHaveLength(7);
    for (const d of report.kpis.days) {
      for (const k of ['generatedKg', 'collectedKg', 'landfilledKg', 'recyclingRate', 'sameDayClearance']) expect(typeof d[k]).toBe('number');
      expect(d.generatedKg).toBeGreaterThan(100_000); // ~170 t/day for 200,000 people at 0.9 kg
    }
    expect(report.massBalance.maxAbsErrorKg).toBeLessThan(1);
    expect(report.targets.map((t: { name: string }) => t.name)).toEqual(['zero landfill', 'recycling rate', 'same-day clearance', 'plant load']);
    for (const t of report.targets) expect(Object.keys(t)).toEqual(expect.arrayContaining(['name', 'target', 'actual', 'met']));

    // Manifests: one header, then rows whose kinds cover the whole chain.
    const csv = readFileSync(join(out, 'manifests.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('id,kind,stream,kg,point,truck,station,plant,day,start,end,start_s,end_s');
    const kinds = new Set(csv.slice(1).map((r) => r.split(',')[1]));
    expect([...kinds].sort()).toEqual(['haul', 'pickup', 'residue', 'tip']);

    // Replay: a header line, then one line per day.
    const lines = readFileSync(join(out, 'replay.ndjson'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(8);
    const header = JSON.parse(lines[0]);
    expect(header.format).toBe('wastetwin-replay');
    expect(header.points.ids).toHaveLength(600);
    const day = JSON.parse(lines[1]);
    expect(day.type).toBe('day');
    const drive = day.trucks[0].legs.find((l: { kind: string }) => l.kind === 'drive');
    expect(drive.xy.length).toBe(drive.t.length * 2);
  });

  it('--days and --seed override the scenario', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'wastetwin-demo-')), 'short');
    const res = await runCli(['simulate', 'scenarios/demo.json', '--days', '2', '--seed', '9', '--out', out]);
    expect(res.code).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.days).toBe(2);
    expect(report.seed).toBe(9);
  });

  it('a bad option value exits 2', async () => {
    const res = await runCli(['simulate', 'scenarios/demo.json', '--days', 'many']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--days');
  });

  it('a missing file exits 2 with the file named', async () => {
    const { dir } = writeTemp('{}');
    const res = await runCli(['validate', join(dir, 'nope.json')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('nope.json: cannot read the file');
  });
});

describe('wastetwin schema', () => {
  it('prints a JSON Schema, and the copy in scenarios/ is up to date', async () => {
    const res = await runCli(['schema']);
    expect(res.code).toBe(0);
    const schema = JSON.parse(res.stdout);
    expect(schema.properties.fleet.type).toBe('array');
    expect(res.stdout).toBe(readFileSync('scenarios/scenario.schema.json', 'utf8'));
  });
});
