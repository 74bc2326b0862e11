/**
 * What `compare` is given, made into columns: a run folder is read as it
 * stands; a scenario file is simulated once per seed. Every argument is
 * checked before anything runs or is written (a path that is neither, a
 * report.json that is not one, a scenario that fails validation), and all
 * problems are thrown together as one InputError. Runs are simulated into a
 * staging folder and moved under --out only once all of them succeeded.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { InputError, type Problem } from '../errors.ts';
import type { World } from '../scenario/world.ts';
import type { CompareColumn } from './compare.ts';
import type { ComparableReport } from './compare-figures.ts';
import { loadWorld, runWorld } from './run.ts';

export interface CompareOptions {
  seeds?: (number | string)[];
  days?: number;
  /** Called before each simulation with its label, seed, and (index, total). */
  onRun?: (label: string, seed: number | string, done: number, total: number) => void;
}

export type CompareArg =
  | { kind: 'run'; source: string; label: string; report: ComparableReport }
  | { kind: 'scenario'; source: string; label: string; seeds: (number | string | undefined)[]; first?: World };

/** Read and check every argument; throws one InputError naming every bad one. */
export async function resolveArgs(paths: string[], opts: CompareOptions): Promise<CompareArg[]> {
  const problems: Problem[] = [];
  const args: CompareArg[] = [];
  const seen = new Map<string, number>();
  const label = (name: string) => {
    const k = (seen.get(name) ?? 0) + 1;
    seen.set(name, k);
    return k === 1 ? name : `${name} (${k})`;
  };
  for (const path of paths) {
    if (!existsSync(path)) {
      problems.push({ path, message: 'no such file or folder: give a run folder (holding report.json) or a scenario file' });
    } else if (statSync(path).isDirectory()) {
      const report = readRunReport(path, problems);
      if (report) args.push({ kind: 'run', source: path, label: label(basename(resolve(path))), report });
    } else {
      const seeds = opts.seeds ?? [undefined];
      try {
        const first = await loadWorld(path, { days: opts.days, seed: seeds[0] });
        args.push({ kind: 'scenario', source: path, label: label(basename(path).replace(/\.json$/, '')), seeds, first });
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        for (const p of err.problems) problems.push({ path: p.path === path ? path : `${path} ${p.path}`, message: p.message });
      }
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return args;
}

function readRunReport(dir: string, problems: Problem[]): ComparableReport | undefined {
  const file = join(dir, 'report.json');
  if (!existsSync(file)) {
    problems.push({ path: dir, message: 'not a run folder: it holds no report.json (write one with `wastetwin simulate SCENARIO --out DIR`)' });
    return undefined;
  }
  let report: ComparableReport;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    problems.push({ path: file, message: `not valid JSON: ${(err as Error).message}` });
    return undefined;
  }
  const total = report?.kpis?.total;
  if (!total || typeof total !== 'object' || !Array.isArray(report.kpis.days) || !Array.isArray(report.targets)) {
    problems.push({ path: file, message: 'not a wastetwin run report: kpis.total, kpis.days and targets are missing' });
    return undefined;
  }
  return report;
}

const slug = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-');

/**
 * Simulate the scenarios (each on every seed) into `staging` and return the
 * columns in argument order. Each run lands in `<label>/` or, with seeds,
 * `<label>/seed-<s>/`.
 */
export async function runColumns(args: CompareArg[], staging: string, opts: CompareOptions = {}): Promise<CompareColumn[]> {
  const total = args.reduce((a, x) => a + (x.kind === 'scenario' ? x.seeds.length : 0), 0);
  let done = 0;
  const columns: CompareColumn[] = [];
  for (const arg of args) {
    if (arg.kind === 'run') {
      columns.push({ label: arg.label, source: arg.source, kind: 'run', reports: [arg.report] });
      continue;
    }
    const reports: ComparableReport[] = [];
    for (const [i, seed] of arg.seeds.entries()) {
      // The first seed's world was built while checking the arguments; later seeds build their own (the city layout is seeded).
      const world = i === 0 && arg.first ? arg.first : await loadWorld(arg.source, { days: opts.days, seed });
      arg.first = undefined;
      opts.onRun?.(arg.label, seed ?? world.scenario.seed, done++, total);
      const dir = join(staging, slug(arg.label), seed === undefined ? '' : `seed-${slug(String(seed))}`);
      reports.push(runWorld(world, dir).report);
    }
    columns.push({ label: arg.label, source: arg.source, kind: 'scenario', reports });
  }
  return columns;
}

/** A fresh staging folder for simulated runs. */
export function stagingDir(): string {
  return mkdtempSync(join(tmpdir(), 'wastetwin-compare-'));
}

/** Move every file under `from` to the same place under `to`, replacing files of the same name and leaving others alone. */
export function moveTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const src = join(from, entry.name), dst = join(to, entry.name);
    if (entry.isDirectory()) { moveTree(src, dst); continue; }
    try {
      renameSync(src, dst);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
      copyFileSync(src, dst);
      rmSync(src);
    }
  }
}
