import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { smallScenario, writeTemp } from '../helpers/scenarios.ts';

const read = (dir: string, f: string) => readFileSync(join(dir, f));

describe('same scenario and seed give the same bytes', () => {
  it('report.json, manifests.csv and replay.ndjson are byte-identical across runs; run-info.json holds the run details', async () => {
    const { file, dir } = writeTemp(smallScenario((s) => { s.days = 3; }));
    const a = join(dir, 'a'), b = join(dir, 'b');
    expect((await runCli(['simulate', file, '--out', a])).code).toBe(0);
    expect((await runCli(['simulate', file, '--out', b])).code).toBe(0);
    for (const f of ['report.json', 'manifests.csv', 'replay.ndjson', 'report.md']) expect(read(a, f).equals(read(b, f))).toBe(true);
    const report = read(a, 'report.json').toString();
    expect(report).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/); // no wall-clock timestamps
    expect(report).not.toContain(process.version);
    const info = JSON.parse(read(a, 'run-info.json').toString());
    expect(info.node).toBe(process.version);
    expect(typeof info.startedAt).toBe('string');
  });

  it('another seed gives another run', async () => {
    const { file, dir } = writeTemp(smallScenario());
    await runCli(['simulate', file, '--out', join(dir, 'a'), '--seed', '1']);
    await runCli(['simulate', file, '--out', join(dir, 'b'), '--seed', '2']);
    expect(read(join(dir, 'a'), 'report.json').equals(read(join(dir, 'b'), 'report.json'))).toBe(false);
  });
});
