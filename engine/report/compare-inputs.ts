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
import { runPool } from '../parallel/pool.ts';
import type { RunResult, RunTask } from './compare-worker.ts';

export interface CompareOptions {
  seeds?: (number | string)[];
  days?: number;
  /** Simulations at once, each in its own worker thread; 1 runs them here, one after another. */
  threads?: number;
  /** Called after each simulation with (done, total). */
  onProgress?: (done: number, total: number) => void;
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
 * `<label>/seed-<s>/`. With several threads the runs go to a worker pool;
 * each run depends only on its scenario and seed, so the reports are the
 * same bytes either way.
 */
export async function runColumns(args: CompareArg[], staging: string, opts: CompareOptions = {}): Promise<CompareColumn[]> {
  const tasks: (RunTask & { arg: CompareArg & { kind: 'scenario' } })[] = [];
  for (const arg of args) {
    if (arg.kind !== 'scenario') continue;
    for (const seed of arg.seeds) tasks.push({ arg, source: arg.source, days: opts.days, seed, dir: join(staging, slug(arg.label), seed === undefined ? '' : `seed-${slug(String(seed))}`) });
  }
  const threads = Math.min(opts.threads ?? 1, tasks.length);
  let reports: ComparableReport[];
  if (threads > 1) {
    for (const t of tasks) t.arg.first = undefined; // each worker builds its own world
    const results = await runPool<RunTask, RunResult>(new URL('./compare-worker.ts', import.meta.url),
      tasks.map(({ source, days, seed, dir }) => ({ source, days, seed, dir })), { threads, onProgress: opts.onProgress });
    const problems = results.flatMap((r, i) => ('problems' in r ? r.problems.map((p) => ({ ...p, path: `${tasks[i].source} (seed ${tasks[i].seed}) ${p.path}` })) : []));
    if (problems.length > 0) throw new InputError(problems);
    reports = results.map((r) => (r as { report: ComparableReport }).report);
  } else {
    reports = [];
    for (const t of tasks) {
      // The first seed's world was built while checking the arguments; later seeds build their own (the city layout is seeded).
      const world = t.arg.first ?? await loadWorld(t.source, { days: t.days, seed: t.seed });
      t.arg.first = undefined;
      reports.push(runWorld(world, t.dir).report);
      opts.onProgress?.(reports.length, tasks.length);
    }
  }
  return args.map((arg) => arg.kind === 'run'
    ? { label: arg.label, source: arg.source, kind: 'run', reports: [arg.report] }
    : { label: arg.label, source: arg.source, kind: 'scenario', reports: reports.filter((_, i) => tasks[i].arg === arg) });
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
