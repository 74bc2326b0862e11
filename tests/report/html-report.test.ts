/**
 * report.html as written by every run: self-contained, the same bytes for the
 * same seed, and its charts drawn from the run's own figures.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { smallScenario, writeTemp } from '../helpers/scenarios.ts';
import { marks, sectionOf } from './html-parts.ts';
import { edits, runSmall } from './run-fixtures.ts';

describe('report.html', () => {
  it('is written by `wastetwin simulate` next to report.json, needs nothing from outside, and is the same for the same seed', async () => {
    const { file } = writeTemp(smallScenario());
    const base = mkdtempSync(join(tmpdir(), 'wastetwin-html-'));
    const a = await runCli(['simulate', file, '--out', join(base, 'a')]);
    const b = await runCli(['simulate', file, '--out', join(base, 'b')]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(a.stdout).toContain('report.html');
    const html = readFileSync(join(base, 'a', 'report.html'), 'utf8');
    expect(html).toBe(readFileSync(join(base, 'b', 'report.html'), 'utf8'));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<iframe|<img|@import|url\(/i);
    for (const m of html.matchAll(/\b(?:src|href)="([^"]*)"/g)) expect(m[1]).toMatch(/^data:|^#/);
  });

  it('with too little incineration: landfill bars are the landfilled tonnes of each day, and zero landfill is missed', async () => {
    const { report, html } = await runSmall(edits.tooLittleIncineration);
    const bars = marks(sectionOf(html, 'landfill')).filter((m) => m.kind === 'bar');
    expect(bars.map((m) => Number(m.value))).toEqual(report.kpis.days.map((d) => d.landfilledKg / 1000));
    expect(bars.some((m) => Number(m.value) > 0)).toBe(true);

    const targets = sectionOf(html, 'targets');
    const row = targets.match(/<tr><td>zero landfill<\/td>.*?<\/tr>/)![0];
    expect(row).toContain('MISSED');
    expect(targets).toMatch(/<tr><td>same-day clearance<\/td>.*?(met|MISSED)/);
    // The bullet of the missed target is drawn in the "missed" colour with its worst day as the value.
    const bullet = marks(targets).find((m) => m.series === 'missed')!;
    expect(Number(bullet.value)).toBe(report.targets.find((x) => x.name === 'zero landfill')!.actual);
  });

  it('with enough incineration the landfill bars are all zero and the target row says met', async () => {
    const { html } = await runSmall(edits.ok);
    const bars = marks(sectionOf(html, 'landfill')).filter((m) => m.kind === 'bar');
    expect(bars.length).toBe(4);
    expect(bars.every((m) => Number(m.value) === 0)).toBe(true);
    expect(sectionOf(html, 'targets')).toMatch(/<tr><td>zero landfill<\/td>.*?class="met"/);
  });

  it('plant charts draw tonnes treated against the capacity of each day, with the outage shaded and its impact listed', async () => {
    const { report, html } = await runSmall(edits.lineOutage);
    const plants = sectionOf(html, 'plants');
    const capacity = marks(plants).filter((m) => m.kind === 'line' && m.series === 'capacity')[0];
    expect(capacity.values!.split(',').map(Number)).toEqual([20, 8, 8, 20, 0]);
    const treated = marks(plants).filter((m) => m.kind === 'bar' && m.series === 'treated').slice(0, 5);
    expect(treated.map((m) => Number(m.value))).toEqual(report.kpis.days.map((d) => d.plants.find((p) => p.id === 'INC')!.kg / 1000));
    expect(plants).toContain('INC line outage');
    const outages = sectionOf(html, 'outages');
    expect(report.outages.length).toBe(2);
    for (const o of report.outages) expect(outages).toContain(o.note);
  });

  it('plant reception charts draw each plant\'s peak queue and bay utilisation per day from report.json', async () => {
    const { report, html } = await runSmall(edits.crowdedPlant);
    const bays = sectionOf(html, 'plant-bays');
    const line = (title: string, id: string) => marks(bays).filter((m) => m.kind === 'line' && m.series === id)[title === 'queue' ? 1 : 0];
    const inc = report.kpis.days.map((d) => d.plants.find((p) => p.id === 'INC')!);
    expect(line('queue', 'INC').values!.split(',').map(Number)).toEqual(inc.map((p) => p.peakQueue));
    expect(inc.some((p) => p.peakQueue! > 0)).toBe(true);
    expect(line('utilisation', 'INC').values!.split(',').map(Number)).toEqual(inc.map((p) => p.bayUtilisation));
    expect(line('queue', 'LF').values!.split(',').map(Number)).toEqual(report.kpis.days.map(() => 0));
  });

  it('a run that fails validation writes no report.html', async () => {
    const { file, dir } = writeTemp(smallScenario((s) => { s.plants[0].capacityTonnesPerDay = -1; }));
    const res = await runCli(['simulate', file, '--out', join(dir, 'out')]);
    expect(res.code).toBe(2);
    expect(existsSync(join(dir, 'out', 'report.html'))).toBe(false);
  });
});
