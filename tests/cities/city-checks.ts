/**
 * What every city scenario must do: validate, simulate, keep mass balance,
 * and produce the daily tonnage its `sources` block says the city produces.
 */
import { expect } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWorld, runWorld, type RunOutput } from '../../engine/report/run.ts';
import { readScenario } from '../../engine/scenario/read.ts';

export const scenarioFile = (name: string) => join('scenarios', `${name}.json`);

/** Simulate `days` days of a scenario file into a temporary folder; returns the run and report.md. */
export async function runCity(name: string, days: number): Promise<RunOutput & { reportMd: string }> {
  const dir = mkdtempSync(join(tmpdir(), `wastetwin-${name}-`));
  try {
    const run = runWorld(await loadWorld(scenarioFile(name), { days }), dir);
    return { ...run, reportMd: readFileSync(join(dir, 'report.md'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The checks of every city and variant: mass balance to the kilogram, tonnage within 10 % of its sources. */
export function expectSoundCity(name: string, run: RunOutput): void {
  const scenario = readScenario(scenarioFile(name));
  expect(run.report.massBalance.maxAbsErrorKg).toBeLessThanOrEqual(1);
  const stated = scenario.sources?.dailyGeneratedTonnes;
  expect(stated, `${name} states its daily tonnage in sources`).toBeGreaterThan(0);
  const perDay = run.kpis.days.map((d) => d.generatedKg / 1000);
  const mean = perDay.reduce((a, b) => a + b, 0) / perDay.length;
  expect(Math.abs(mean / stated! - 1), `${name}: ${mean.toFixed(0)} t/day simulated against ${stated} t/day stated`).toBeLessThanOrEqual(0.1);
  expect(run.kpis.total.collectedKg).toBeGreaterThan(0.8 * run.kpis.total.generatedKg);
}

export const target = (run: RunOutput, name: string) => {
  const t = run.targets.find((x) => x.name === name);
  if (!t) throw new Error(`no target "${name}" in ${run.report.scenario}`);
  return t;
};
