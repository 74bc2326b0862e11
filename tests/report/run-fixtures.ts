/**
 * Runs of the small test town for the report tests: one as built, one with
 * too little incineration (a 2 t/day incinerator with a 5 t pit, so landfill
 * starts on day one), one with a line outage at the incinerator, and one
 * where haul trucks queue for the incinerator's single tipping bay.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScenarioInput } from '../../engine/scenario/schema.ts';
import { runWorld, type ReportJson } from '../../engine/report/run.ts';
import { smallWorld } from '../helpers/scenarios.ts';

export const edits = {
  ok: (s: ScenarioInput) => { s.days = 4; },
  tooLittleIncineration: (s: ScenarioInput) => {
    s.days = 4;
    s.plants[0].capacityTonnesPerDay = 2;
    s.plants[0].pitTonnes = 5;
  },
  lineOutage: (s: ScenarioInput) => {
    s.days = 5;
    s.plants[0].lineOutages = [{ startDay: 1, days: 2, capacityLostTonnesPerDay: 12 }];
    s.plants[0].outageDays = [4];
  },
  /** One tipping bay at the incinerator, an hour a truck, and eight 2 t haul trucks that leave together. */
  crowdedPlant: (s: ScenarioInput) => {
    s.days = 3;
    s.transferStations[0].haul = { trucks: 8, capacityTonnes: 2 };
    s.plants[0].bays = 1;
    s.plants[0].tipMinutes = 60;
    s.plants[0].pitTonnes = 200;
  },
};

/** Simulate into a fresh folder; returns the folder, report.json as parsed, and report.html as text. */
export async function runSmall(edit: (s: ScenarioInput) => void): Promise<{ dir: string; report: ReportJson; html: string }> {
  const dir = join(mkdtempSync(join(tmpdir(), 'wastetwin-report-')), 'run');
  runWorld(await smallWorld(edit), dir);
  return { dir, report: JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')), html: readFileSync(join(dir, 'report.html'), 'utf8') };
}
