/**
 * Bus-style against dynamic collection with `wastetwin compare`: both
 * policies simulated on the same seeds, km, hours, trucks, overflow and
 * on-time side by side; and the comparison scenarios the README quotes say
 * what they claim.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenario } from '../../engine/scenario/read.ts';
import type { ScenarioInput } from '../../engine/scenario/schema.ts';
import { runCli } from '../helpers/cli.ts';
import { writeTemp } from '../helpers/scenarios.ts';
import { timetableScenario } from './fixtures.ts';

function row(markdown: string, label: string): string[] {
  const line = markdown.split('\n').find((l) => l.startsWith(`| ${label} `));
  if (!line) throw new Error(`no row "${label}" in:\n${markdown}`);
  return line.split('|').slice(1, -1).map((c) => c.trim());
}

describe('bus-style against dynamic collection', () => {
  it('compare runs both policies on the same seeds and prints km, hours, trucks, overflow and on-time side by side', async () => {
    const { dir } = writeTemp('{}');
    const fleet = (s: ScenarioInput) => { s.fleet[0].count = 4; s.fleet[1].count = 4; };
    const bus = join(dir, 'town-timetable.json'), dyn = join(dir, 'town-dynamic.json');
    writeFileSync(bus, JSON.stringify(timetableScenario((s) => { fleet(s); s.name = 'town-timetable'; })));
    writeFileSync(dyn, JSON.stringify(timetableScenario((s) => {
      fleet(s);
      s.name = 'town-dynamic';
      s.collection = { planner: 'vrp', replan: 'daily', visitThreshold: 0.6, workers: 1 };
    })));
    const res = await runCli(['compare', bus, dyn, '--seeds', '1,2', '--days', '3', '--threads', '1']);
    expect(res.stderr).not.toMatch(/error/i);
    expect(res.code).toBe(0);
    const out = res.stdout;
    expect(row(out, 'KPI').slice(1)).toEqual(['town-timetable', 'town-dynamic']);
    for (const r of out.split('\n').filter((l) => l.startsWith('| town-'))) expect(r).toMatch(/\| +1, 2 \| +3 \|$/);
    // Same seeds: the same waste is generated under both policies.
    const generated = row(out, 'generated (t)');
    expect(generated[1]).toBe(generated[2]);
    for (const label of ['collection trucks: km', 'collection trucks: hours (h)', 'trucks used', 'overflow events']) {
      const cells = row(out, label);
      expect(cells[1], label).toMatch(/\d/);
      expect(cells[2], label).toMatch(/\d/);
    }
    // On-time is a timetable's figure: a share for the bus-style run, none for the dynamic one.
    const onTime = row(out, 'on time rate');
    expect(onTime[1]).toMatch(/%$/);
    expect(onTime[2]).toBe('–');
    expect(row(out, 'scheduled stops')[1]).not.toBe('0');
  }, 300_000);

  it('the demo and Monaco comparison scenarios run the two policies on the same base', () => {
    for (const city of ['demo', 'monaco']) {
      const base = readScenario(`scenarios/${city}.json`);
      const bus = readScenario(`scenarios/${city}-timetable.json`);
      const dyn = readScenario(`scenarios/${city}-dynamic.json`);
      expect(bus.collection.planner, city).toBe('timetable');
      expect(bus.collection.timetable.demandQuantile, city).toBe(0.9);
      expect(dyn.collection.planner, city).toBe('vrp');
      expect(dyn.collection.replan, city).toBe('daily');
      expect(dyn.collection.visitThreshold, city).toBe(0.6);
      for (const s of [bus, dyn]) {
        expect(s.collectionPoints, city).toEqual(base.collectionPoints);
        expect(s.fleet, city).toEqual(base.fleet);
        expect(s.seed, city).toBe(base.seed);
      }
    }
  });
});
