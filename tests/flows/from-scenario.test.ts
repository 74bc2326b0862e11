import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readScenario } from '../../engine/scenario/read.ts';
import { buildWorld } from '../../engine/scenario/world.ts';
import { DemandModel } from '../../engine/demand/model.ts';
import { flowModelFromWorld } from '../../engine/optimise/flows/from-scenario.ts';
import { solveFlows } from '../../engine/optimise/flows/solve.ts';
import { growthStudy } from '../../engine/optimise/flows/growth.ts';

const fixture = fileURLToPath(new URL('./fixtures/tight-town.json', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/wastetwin.js', import.meta.url));

describe('flow model from a scenario', async () => {
  const world = await buildWorld(readScenario(fixture), fixture);

  it('carries the demand model\'s tonnage per stream into the catchments, by district', () => {
    const { model } = flowModelFromWorld(world);
    const demand = new DemandModel(world);
    const S = world.streams.length;
    let mean = 0;
    for (let d = 0; d < world.scenario.days; d++) mean += demand.dayFactor(d) / world.scenario.days;
    for (let s = 0; s < S; s++) {
      let expected = 0;
      for (let p = 0; p < world.points.length; p++) expected += demand.baseKgPerDay[p * S + s] * mean / 1000;
      const got = model.catchments.reduce((a, c) => a + c.tonnesPerDay[s], 0);
      expect(got).toBeCloseTo(expected, 9);
    }
    expect(model.catchments.map((c) => c.id)).toEqual(['district-1', 'district-2', 'district-3']);
    expect(model.plants.map((p) => p.id)).toEqual(['INC', 'BIO', 'MRF']);
    expect(model.plants[2]).toMatchObject({ recoveryRate: 0.8, residueStream: 0 });
    expect(model.stationPlantKm.flat().every((km) => km !== null && km > 0 && km < 10)).toBe(true);
  });

  it('with station catchments, gives each station the tonnage of the points nearest to it, reachable from it alone', () => {
    const districts = flowModelFromWorld(world).model;
    const nearestTo = (p: number) => (p % 2 === 0 ? 0 : 1);
    const { model } = flowModelFromWorld(world, { catchments: 'stations', nearestStation: nearestTo });
    expect(model.catchments.map((c) => c.id)).toEqual(['catchment-TS-N', 'catchment-TS-S']);
    expect(model.catchmentStationKm).toEqual([[0, null], [null, 0]]);
    const S = world.streams.length;
    for (let s = 0; s < S; s++) {
      const all = districts.catchments.reduce((a, c) => a + c.tonnesPerDay[s], 0);
      expect(model.catchments[0].tonnesPerDay[s] + model.catchments[1].tonnesPerDay[s]).toBeCloseTo(all, 9);
    }
    const demand = new DemandModel(world);
    const even = world.points.reduce((a, _, p) => a + (p % 2 === 0 ? demand.baseKgPerDay[p * S] : 0), 0);
    expect(model.catchments[0].tonnesPerDay[0] / (model.catchments[0].tonnesPerDay[0] + model.catchments[1].tonnesPerDay[0]))
      .toBeCloseTo(even / world.points.reduce((a, _, p) => a + demand.baseKgPerDay[p * S], 0), 9);
  });

  it('sends the residual the incinerator cannot take to landfill and blames the incinerator', async () => {
    const sol = await solveFlows(flowModelFromWorld(world).model);
    expect(sol.landfill.tonnesPerDay).toBeGreaterThan(0);
    expect(Object.keys(sol.landfill.byStream)).toEqual(['residual']);
    expect(sol.landfill.reasons.every((r) => r.why.includes('INC plant capacity 25 t/day'))).toBe(true);
    expect(sol.binding[0]).toMatchObject({ kind: 'plant-capacity', site: 'INC' });
  });

  it('`wastetwin flows` prints the allocation, binding limits and landfill; --no-landfill is refused with exit code 2', () => {
    const text = execFileSync(process.execPath, [bin, 'flows', fixture], { encoding: 'utf8' });
    expect(text).toMatch(/haul\s+TS-S → INC/);
    expect(text).toContain('INC: treating at capacity (25.0 t/day); one more t/day of treatment saves ¥');
    expect(text).toMatch(/Landfill: \d+\.\d t\/day \(residual/);
    let code = 0, err = '';
    try { execFileSync(process.execPath, [bin, 'flows', fixture, '--no-landfill'], { encoding: 'utf8', stdio: 'pipe' }); } catch (e) {
      code = (e as { status: number }).status; err = String((e as { stderr: string }).stderr);
    }
    expect(code).toBe(2);
    expect(err).toContain('stream residual');
  });

  it('`wastetwin flows --candidates` picks the cheapest enlargement that ends landfill, within the budget', () => {
    // The incinerator takes 25 t/day of about 31: +10 t/day suffices, +20 is dearer.
    const file = join(mkdtempSync(join(tmpdir(), 'wastetwin-')), 'candidates.json');
    writeFileSync(file, JSON.stringify([
      { id: 'INC+10', kind: 'plant', site: 'INC', addTonnesPerDay: 10, cost: 5e6 },
      { id: 'INC+20', kind: 'plant', site: 'INC', addTonnesPerDay: 20, cost: 8e6 },
    ]));
    const text = execFileSync(process.execPath, [bin, 'flows', fixture, '--candidates', file, '--budget', '6000000'], { encoding: 'utf8' });
    expect(text).toContain('- INC+10: plant INC +10.0 t/day for ¥5,000,000');
    expect(text).not.toContain('INC+20');
    expect(text).toContain('Landfill: none.');
    const short = execFileSync(process.execPath, [bin, 'flows', fixture, '--candidates', file, '--budget', '1000'], { encoding: 'utf8' });
    expect(short).toMatch(/Zero landfill is out of reach within the budget: this choice leaves the least, \d+\.\d t\/day/);
  });

  it('`wastetwin flows --growth 3%/year --years 2025-2035` prints the study of the library, year by year', async () => {
    const text = execFileSync(process.execPath, [bin, 'flows', fixture, '--growth', '3%/year', '--years', '2025-2035'], { encoding: 'utf8' });
    const study = await growthStudy(flowModelFromWorld(world).model, { growthPerYear: 0.03, fromYear: 2025, toYear: 2035, baseYear: 2025 });
    expect(text).toContain('Growth study: 3.0 %/year from the 2025 tonnages.');
    const rows = text.split('\n').filter((l) => /^20\d\d\s/.test(l));
    expect(rows.map((l) => Number(l.slice(0, 4)))).toEqual([2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035]);
    rows.forEach((l, i) => {
      const [, factor, generated, landfill] = l.trim().split(/\s+/);
      expect(Number(factor)).toBeCloseTo(1.03 ** i, 3);
      expect(Number(generated)).toBeCloseTo(study.years[i].demandTonnesPerDay, 1);
      expect(Number(landfill)).toBeCloseTo(study.years[i].landfillTonnesPerDay, 1);
    });
    expect(text).toContain(`First year the planned capacity no longer suffices: ${study.firstFailingYear}.`);
  });

  it('`--solver jsl|highs` forces the back end; both give the same cost', () => {
    const cost = (t: string) => /Cost a day: (.*)/.exec(t)?.[1];
    const jsl = execFileSync(process.execPath, [bin, 'flows', fixture, '--solver', 'jsl'], { encoding: 'utf8' });
    const highs = execFileSync(process.execPath, [bin, 'flows', fixture, '--solver', 'highs'], { encoding: 'utf8' });
    expect(jsl).toMatch(/Solved by javascript-lp-solver in/);
    expect(highs).toMatch(/Solved by HiGHS \(optimal, proven\) in/);
    expect(cost(highs)).toBeDefined();
    expect(cost(jsl)).toBe(cost(highs));
  });

  it('`wastetwin flows --candidates` builds a planned plant of the scenario only when a candidate marked newSite is chosen', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wastetwin-'));
    const scenario = JSON.parse(readFileSync(fixture, 'utf8'));
    // A second incinerator planned near the first, as the scenario would carry it; 10 t/day would end the landfill.
    scenario.plants.push({ ...scenario.plants[0], id: 'INC-NEW', at: { fx: 0.9, fy: 0.9 }, capacityTonnesPerDay: 15 });
    const file = join(dir, 'planned.json');
    writeFileSync(file, JSON.stringify(scenario));
    const asBuilt = execFileSync(process.execPath, [bin, 'flows', file], { encoding: 'utf8' });
    expect(asBuilt).toContain('Landfill: none.');
    const candidates = join(dir, 'candidates.json');
    writeFileSync(candidates, JSON.stringify([{ id: 'build INC-NEW', kind: 'plant', site: 'INC-NEW', addTonnesPerDay: 15, cost: 4e6, newSite: true }]));
    const built = execFileSync(process.execPath, [bin, 'flows', file, '--candidates', candidates, '--budget', '5000000'], { encoding: 'utf8' });
    expect(built).toContain('- build INC-NEW: plant INC-NEW +15.0 t/day for ¥4,000,000');
    expect(built).toContain('Landfill: none.');
    const poor = execFileSync(process.execPath, [bin, 'flows', file, '--candidates', candidates, '--budget', '1000000'], { encoding: 'utf8' });
    expect(poor).toContain('nothing to add');
    expect(poor).toMatch(/Zero landfill is out of reach within the budget: this choice leaves the least, \d+\.\d t\/day/);
  });
});
