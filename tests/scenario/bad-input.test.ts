import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { smallScenario, writeTemp } from '../helpers/scenarios.ts';
import { parseScenario } from '../../engine/scenario/read.ts';
import { InputError } from '../../engine/errors.ts';
import type { ScenarioInput } from '../../engine/scenario/schema.ts';

/** Simulate a broken scenario through the CLI: it must exit 2, name the field, and write nothing. */
async function refused(content: unknown, ...expected: (string | RegExp)[]) {
  const { file, dir } = writeTemp(content);
  const out = join(dir, 'run');
  const res = await runCli(['simulate', file, '--out', out]);
  expect(res.code).toBe(2);
  for (const e of expected) expect(res.stderr).toMatch(e);
  expect(existsSync(out)).toBe(false);
  return res;
}

const broken = (edit: (s: ScenarioInput) => void) => smallScenario(edit);

describe('bad scenario input is refused with the field named, exit code 2, nothing written', () => {
  it('a capacity that is zero or negative', async () => {
    await refused(broken((s) => { s.fleet[1].capacityKg = -5; }), 'fleet[1].capacityKg: must be > 0');
  });

  it('a capacity that is NaN (a string in JSON, NaN through the API)', async () => {
    await refused(broken((s) => { (s.plants[0] as { capacityTonnesPerDay: unknown }).capacityTonnesPerDay = 'NaN'; }), 'plants[0].capacityTonnesPerDay');
    expect(() => parseScenario(broken((s) => { s.plants[0].capacityTonnesPerDay = NaN; }))).toThrow(/plants\[0\]\.capacityTonnesPerDay/);
  });

  it('an unknown stream name wherever streams are referenced', async () => {
    await refused(broken((s) => { s.plants[1].streams = ['kitchen']; }), 'plants[1].streams[0]: unknown stream "kitchen"');
    await refused(broken((s) => { s.fleet[0].streams = ['residual', 'glass']; }), 'fleet[0].streams[1]: unknown stream "glass"');
    await refused(broken((s) => { s.generation.shares = { residual: 0.7, fod: 0.3 }; }), 'generation.shares.fod: unknown stream "fod"');
  });

  it('a plant that accepts no stream', async () => {
    await refused(broken((s) => { s.plants[0].streams = []; }), 'plants[0].streams: this incinerator plant accepts no stream');
  });

  it('an unreachable collection point', async () => {
    await refused(broken((s) => {
      s.collectionPoints = { list: [
        { id: 'near', at: { x: 100, y: 100 }, population: 500, binCapacityKg: { residual: 500, food: 200 } },
        { id: 'far', at: { x: 50_000, y: 40_000 }, population: 500, binCapacityKg: { residual: 500, food: 200 } },
      ] };
    }), /collectionPoints\.list\[1\]\.at: unreachable/);
  });

  it('a file that is not JSON', async () => {
    await refused('{ "name": "oops", ', /not valid JSON/);
  });

  it('every problem of a file at once, not just the first', async () => {
    const res = await refused(broken((s) => { s.fleet[0].capacityKg = 0; s.days = 0; s.plants[2].streams = ['mud']; }));
    expect(res.stderr).toContain('fleet[0].capacityKg');
    expect(res.stderr).toContain('days');
    // A cross-reference problem is listed with the schema's, not after they are fixed.
    expect(res.stderr).toContain('plants[2].streams[0]: unknown stream "mud"');
    expect(res.stderr).not.toContain('internal error');
  });

  it('a cross-field problem on a path the schema already named is left out; a file too broken for the rules gives the schema\'s problems only', () => {
    const problemsOf = (raw: unknown) => {
      try {
        parseScenario(raw);
      } catch (err) {
        expect(err).toBeInstanceOf(InputError);
        return (err as InputError).problems;
      }
      return expect.unreachable();
    };
    const paths = problemsOf(broken((s) => { (s.plants[0] as { streams: unknown[] }).streams = ['mud', 5]; })).map((p) => p.path);
    // streams[1] is named once, by the schema (not a string); streams[0] by the rules (unknown stream).
    expect(paths.filter((p) => p === 'plants[0].streams[1]')).toHaveLength(1);
    expect(paths).toContain('plants[0].streams[0]');
    const bare = problemsOf({ name: 'bare' });
    expect(bare.length).toBeGreaterThan(0);
    // The schema's problems: the missing sections are named.
    expect(bare.map((p) => p.path)).toContain('streams');
  });

  it('a stream that no truck collects', () => {
    try {
      parseScenario(broken((s) => { s.fleet = s.fleet.filter((f) => f.id !== 'FOOD'); }));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).problems).toContainEqual({ path: 'generation.shares.food', message: 'no truck in the fleet collects stream "food"' });
    }
  });
});

describe('validate', () => {
  it('exits 2 on a broken file and 0 on a good one', async () => {
    const bad = writeTemp(broken((s) => { s.transferStations[0].bays = -1; }));
    const res = await runCli(['validate', bad.file]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('transferStations[0].bays');
    const good = writeTemp(smallScenario());
    const ok = await runCli(['validate', good.file]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/valid — 40 collection points/);
  });
});
