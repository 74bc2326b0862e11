/**
 * One whole run: read and resolve the scenario (refusing bad input before
 * anything is written), simulate day by day while streaming the replay and
 * the manifests, then write report.json, report.md, report.html and
 * run-info.json. Every file is renamed into place only when complete.
 */
import { join } from 'node:path';
import { readScenario } from '../scenario/read.ts';
import { buildWorld, type World } from '../scenario/world.ts';
import { simulate, type RunResult } from '../sim/simulate.ts';
import { dayKpi, totalKpis, type DayKpi, type Kpis } from './kpis.ts';
import { checkTargets, targetDefinitions, type TargetResult } from './targets.ts';
import { markdownReport } from './markdown.ts';
import { htmlReport } from './html/run-report.ts';
import { outageImpacts, type OutageImpact } from './outages.ts';
import { MANIFEST_COLUMNS, manifestRow } from './manifests-csv.ts';
import { ReplayTrace, replayHeader } from './replay.ts';
import { AtomicStream, writeFileAtomic } from './write-atomic.ts';
import { expandFleet } from '../sim/fleet.ts';
import { listVehicles } from '../sim/simulate.ts';

export interface RunOptions {
  days?: number;
  seed?: number | string;
  /** Called after each simulated day with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

export interface RunOutput {
  world: World;
  result: RunResult;
  kpis: Kpis;
  targets: TargetResult[];
  report: ReportJson;
  markdown: string;
  files: string[];
}

export interface ReportJson {
  scenario: string;
  seed: number | string;
  days: number;
  startDate: string;
  streams: { id: string; kind: string }[];
  sites: {
    stations: { id: string; name: string; capacityKgPerDay: number; storageKg: number; bays: number }[];
    plants: { id: string; name: string; type: string; capacityKgPerDay: number; pitKg: number | null; streams: string[] }[];
  };
  kpis: Kpis;
  massBalance: { maxAbsErrorKg: number; toleranceKg: number };
  targets: TargetResult[];
  /** What each planned outage cost and where its waste went. */
  outages: OutageImpact[];
}

export async function loadWorld(file: string, opts: Pick<RunOptions, 'days' | 'seed'> = {}): Promise<World> {
  const scenario = readScenario(file);
  if (opts.seed !== undefined) scenario.seed = opts.seed;
  if (opts.days !== undefined) scenario.days = opts.days;
  const world = await buildWorld(scenario, file);
  // The routing solver is asynchronous and the simulation is not: a timetable is designed here, before the run.
  if (scenario.collection.planner === 'timetable') await (await import('../optimise/timetable/index.ts')).prepareTimetable(world, file);
  return world;
}

export async function runScenarioFile(file: string, outDir: string, opts: RunOptions = {}): Promise<RunOutput> {
  const world = await loadWorld(file, opts);
  return runWorld(world, outDir, opts);
}

export function runWorld(world: World, outDir: string, opts: RunOptions = {}): RunOutput {
  const started = new Date();
  const t0 = performance.now();
  const s = world.scenario;
  const vehicles = listVehicles(world, expandFleet(world));
  const trace = new ReplayTrace(vehicles);
  const replay = s.output.replay ? new AtomicStream(join(outDir, 'replay.ndjson')) : undefined;
  const manifests = new AtomicStream(join(outDir, 'manifests.csv'));
  const days: DayKpi[] = [];
  let result: RunResult;
  try {
    replay?.write(JSON.stringify(replayHeader(world, vehicles, s.days, targetDefinitions(s.targets))) + '\n');
    manifests.write(MANIFEST_COLUMNS.join(',') + '\n');
    result = simulate(world, {
      trace: replay ? trace : undefined,
      keepDays: false,
      samples: Boolean(replay),
      onDay: (d) => {
        const kpi = dayKpi(world, { vehicles }, d);
        days.push(kpi);
        replay?.write(trace.dayLine(d, kpi) + '\n');
        manifests.write(d.manifests.map((m) => manifestRow(m) + '\n').join(''));
        opts.onProgress?.(d.day + 1, s.days);
      },
    });
  } catch (err) {
    replay?.abort();
    manifests.abort();
    throw err;
  }
  const kpis: Kpis = { days, total: totalKpis(days) };
  const landfills = new Set(world.plants.filter((p) => p.spec.type === 'landfill').map((p) => p.id));
  const targets = checkTargets(s.targets, kpis, landfills);
  const report: ReportJson = {
    scenario: s.name, seed: s.seed, days: s.days, startDate: s.startDate,
    streams: world.streams.map((st) => ({ id: st.id, kind: st.kind })),
    sites: {
      stations: world.stations.map((st) => ({ id: st.id, name: st.name, capacityKgPerDay: st.spec.capacityTonnesPerDay * 1000, storageKg: st.spec.storageTonnes * 1000, bays: st.spec.bays })),
      plants: world.plants.map((p) => ({ id: p.id, name: p.name, type: p.spec.type, capacityKgPerDay: p.spec.capacityTonnesPerDay * 1000, pitKg: Number.isFinite(p.pitKg) ? p.pitKg : null, streams: p.spec.streams })),
    },
    kpis,
    massBalance: { maxAbsErrorKg: Math.round(result.maxAbsErrorKg * 1e6) / 1e6, toleranceKg: 1 },
    targets,
    outages: outageImpacts(s, kpis.days),
  };
  const markdown = markdownReport(s.name, kpis, targets, result.maxAbsErrorKg, report.outages);
  replay?.commit();
  manifests.commit();
  writeFileAtomic(join(outDir, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  writeFileAtomic(join(outDir, 'report.md'), markdown);
  writeFileAtomic(join(outDir, 'report.html'), htmlReport(report));
  writeFileAtomic(join(outDir, 'run-info.json'), JSON.stringify({
    startedAt: started.toISOString(), seconds: Math.round(performance.now() - t0) / 1000,
    node: process.version, platform: `${process.platform}-${process.arch}`, argv: process.argv.slice(2),
  }, null, 2) + '\n');
  return {
    world, result, kpis, targets, report, markdown,
    files: ['report.json', 'report.md', 'report.html', 'manifests.csv', ...(replay ? ['replay.ndjson'] : []), 'run-info.json'].map((f) => join(outDir, f)),
  };
}
