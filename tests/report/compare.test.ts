/**
 * `wastetwin compare`: scenarios simulated on the spot next to a run folder,
 * seeds folded into mean (min–max), new report figures picked up without a
 * change to compare, and bad input refused with exit code 2 and nothing written.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { smallScenario, writeTemp } from '../helpers/scenarios.ts';
import { edits } from './run-fixtures.ts';

/** The cells of the markdown row whose first cell starts with `label`. */
function row(markdown: string, label: string): string[] {
  const line = markdown.split('\n').find((l) => l.startsWith(`| ${label}`));
  if (!line) throw new Error(`no row "${label}" in:\n${markdown}`);
  return line.split('|').slice(1, -1).map((c) => c.trim());
}

/** "5.3 (5.2–5.4)" → [5.3, 5.2, 5.4]; "5.3" → [5.3]. */
const numbers = (cell: string) => [...cell.replace(/,/g, '').matchAll(/-?\d+(\.\d+)?/g)].map((m) => Number(m[0]));

/** A figure as printed (rounded to at most whole units) is within half a unit of the true value. */
const near = (shown: number, value: number) => expect(Math.abs(shown - value)).toBeLessThanOrEqual(0.5 + 1e-9);

const report = (dir: string) => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));

describe('wastetwin compare', () => {
  let dir: string;
  let a: string, b: string, runDir: string;

  beforeAll(async () => {
    dir = writeTemp(smallScenario((s) => { s.name = 'town'; })).dir;
    a = join(dir, 'town.json');
    writeFileSync(a, JSON.stringify(smallScenario((s) => { s.name = 'town'; })));
    b = join(dir, 'town-small-incinerator.json');
    writeFileSync(b, JSON.stringify(smallScenario((s) => { s.name = 'town-small-incinerator'; edits.tooLittleIncineration(s); })));
    runDir = join(dir, 'earlier-run');
    const res = await runCli(['simulate', a, '--days', '3', '--seed', '5', '--out', runDir]);
    expect(res.code).toBe(0);
  });

  it('lines up two scenarios over two seeds and a run folder; the table shows the mean and min–max of the seeds', async () => {
    const out = join(dir, 'cmp');
    const res = await runCli(['compare', a, b, runDir, '--seeds', '1,2', '--days', '2', '--out', out]);
    expect(res.code).toBe(0);
    expect(res.stderr, 'no progress off a terminal').toBe('');
    expect(row(res.stdout, 'KPI')).toEqual(['KPI', 'town', 'town-small-incinerator', 'earlier-run']);
    expect(row(res.stdout, 'town ')).toContain('1, 2');
    expect(row(res.stdout, 'earlier-run')).toContain('5');

    for (const [col, name] of [[1, 'town'], [2, 'town-small-incinerator']] as const) {
      const runs = [report(join(out, name, 'seed-1')), report(join(out, name, 'seed-2'))];
      expect(runs.map((r) => [r.seed, r.days])).toEqual([[1, 2], [2, 2]]);
      for (const [label, pick] of [
        ['generated (t)', (r: any) => r.kpis.total.generatedKg / 1000],
        ['collection trucks: km', (r: any) => r.kpis.total.collection.km],
        ['landfilled (t)', (r: any) => r.kpis.total.landfilledKg / 1000],
      ] as const) {
        const values = runs.map(pick);
        const cell = numbers(row(res.stdout, label)[col]);
        const mean = (values[0] + values[1]) / 2;
        near(cell[0], mean);
        if (cell.length === 3) {
          near(cell[1], Math.min(...values));
          near(cell[2], Math.max(...values));
        } else {
          expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1); // shown once only when the seeds agree to the printed digit
        }
      }
    }
    // The seeds draw different towns: their generated tonnes differ, so the cell gives a range.
    expect(numbers(row(res.stdout, 'generated (t)')[1])).toHaveLength(3);

    // The run folder's column is its own report, as it stands.
    const earlier = report(runDir);
    near(numbers(row(res.stdout, 'generated (t)')[3])[0], earlier.kpis.total.generatedKg / 1000);
    expect(numbers(row(res.stdout, 'days')[3])).toEqual([3]);

    // Targets: the small incinerator misses zero landfill on both seeds; the town meets it.
    const zero = row(res.stdout, 'zero landfill');
    expect(zero[1]).toMatch(/^✓ met 2 of 2/);
    expect(zero[2]).toMatch(/^✗ met 0 of 2/);
    expect(zero[3]).toMatch(/^✓ met/);

    expect(readFileSync(join(out, 'compare.md'), 'utf8')).toBe(res.stdout.slice(0, res.stdout.indexOf('\nWrote ')));
    const html = readFileSync(join(out, 'compare.html'), 'utf8');
    expect(html).toContain('town-small-incinerator');
    expect(html).toMatch(/class="mark bar"/);
  });

  it('worker threads give the same table and the same report.json bytes as one run after another', async () => {
    const [one, two] = [join(dir, 'threads-1'), join(dir, 'threads-2')];
    const r1 = await runCli(['compare', a, b, '--seeds', '3,4', '--days', '1', '--threads', '1', '--out', one]);
    const r2 = await runCli(['compare', a, b, '--seeds', '3,4', '--days', '1', '--threads', '2', '--out', two]);
    expect([r1.code, r2.code]).toEqual([0, 0]);
    expect(r2.stdout.replaceAll(two, one)).toBe(r1.stdout);
    for (const run of ['town/seed-3', 'town/seed-4', 'town-small-incinerator/seed-3', 'town-small-incinerator/seed-4']) {
      expect(readFileSync(join(two, run, 'report.json'), 'utf8')).toBe(readFileSync(join(one, run, 'report.json'), 'utf8'));
    }
  });

  it('without --out it writes nothing and prints the table', async () => {
    const res = await runCli(['compare', a, runDir, '--days', '1']);
    expect(res.code).toBe(0);
    expect(row(res.stdout, 'KPI')).toEqual(['KPI', 'town', 'earlier-run']);
    expect(res.stdout).not.toContain('Wrote');
  });

  it('a figure added to report.json later shows up as a row, with its unit from its name', async () => {
    const newer = join(dir, 'newer-run');
    cpSync(runDir, newer, { recursive: true });
    const r = report(newer);
    r.kpis.total.onTimeRate = 0.875;
    r.kpis.total.timetable = { missedStopsCount: 4, lateKm: 12.5 };
    writeFileSync(join(newer, 'report.json'), JSON.stringify(r));
    const res = await runCli(['compare', runDir, newer]);
    expect(res.code).toBe(0);
    expect(row(res.stdout, 'on time rate').slice(1)).toEqual(['–', '87.5 %']);
    expect(row(res.stdout, 'timetable: missed stops count').slice(1)).toEqual(['–', '4']);
    expect(row(res.stdout, 'timetable: late (km)').slice(1)).toEqual(['–', '12.5']);
  });

  describe('bad input exits 2 and writes nothing', () => {
    const refused = async (args: string[], expected: RegExp) => {
      const out = join(dir, `refused-${Math.random().toString(36).slice(2)}`);
      const res = await runCli(['compare', ...args, '--out', out]);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(expected);
      expect(existsSync(out)).toBe(false);
    };

    it('a path that is neither a run folder nor a scenario file', async () => {
      await refused([a, join(dir, 'no-such-thing')], /no-such-thing: no such file or folder/);
      const empty = join(dir, 'empty-folder');
      mkdirSync(empty, { recursive: true });
      await refused([a, empty], /empty-folder: not a run folder/);
      const notJson = join(dir, 'notes.txt');
      writeFileSync(notJson, 'hello');
      await refused([notJson], /notes\.txt: not valid JSON/);
    });

    it('a scenario that fails validation, listed with its field, and the good ones are not simulated', async () => {
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, JSON.stringify(smallScenario((s) => { s.plants[0].capacityTonnesPerDay = -1; })));
      await refused([a, bad], /bad\.json plants\[0\]\.capacityTonnesPerDay/);
    });

    it('a report.json that is not a run report', async () => {
      const fake = join(dir, 'fake-run');
      mkdirSync(fake, { recursive: true });
      writeFileSync(join(fake, 'report.json'), '{"scenario":"x"}');
      await refused([fake], /not a wastetwin run report/);
    });

    it('a malformed seed list', async () => {
      await refused([a, '--seeds', '1,,2'], /--seeds/);
      await refused([a, '--seeds', '3,3'], /--seeds: lists a seed twice/);
    });
  });
});
