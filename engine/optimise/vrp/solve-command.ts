/**
 * `wastetwin solve`: read, solve, check the solution independently, print.
 * A solution the solver calls feasible but the checker does not is a bug
 * (exit code 1); an instance the search could not make feasible is reported
 * with its violations.
 */
import { writeFileSync } from 'node:fs';
import { checkSolution } from './checker.ts';
import { defaultThreads, solve, type SolveResult } from './index.ts';
import type { VrpInstance } from './instance.ts';
import type { Rounding } from './matrix.ts';
import { readInstanceFile } from './read-file.ts';
import type { RoutePlan } from './solution.ts';
import { formatSol } from './vrplib.ts';

export interface SolveCommandOptions {
  time?: number;
  iterations?: number;
  noImprovement?: number;
  seed?: number | string;
  threads?: number;
  rounding?: Rounding;
  json?: boolean;
  sol?: string;
}

export async function runSolve(file: string, opts: SolveCommandOptions): Promise<void> {
  const { inst, format, rounding } = readInstanceFile(file, opts.rounding);
  const threads = opts.threads ?? defaultThreads();
  const sol = await solve(inst, { seed: opts.seed ?? 1, iterations: opts.iterations, timeSeconds: opts.time, noImprovement: opts.noImprovement, threads });
  const violations = checkSolution(inst, sol);
  if (sol.feasible && violations.length > 0) {
    throw new Error(`the checker rejects the solver's solution:\n${violations.map((v) => `  route ${v.route}: ${v.kind}: ${v.message}`).join('\n')}`);
  }
  if (opts.sol) writeFileSync(opts.sol, formatSol(inst, sol));
  if (opts.json) {
    process.stdout.write(JSON.stringify({
      instance: inst.name, format, rounding, stops: inst.stops.length,
      cost: sol.cost, distance: sol.distance, durationSeconds: sol.durationSeconds, vehicles: sol.routes.length,
      feasible: sol.feasible, violations, seconds: round3(sol.seconds), method: sol.method, iterations: sol.iterations, threads,
      routes: sol.routes.map((r) => routeJson(inst, r)),
    }) + '\n');
    return;
  }
  process.stdout.write(textReport(inst, sol, format === 'vrplib' ? `VRPLIB, rounding ${rounding ?? 'explicit matrix'}` : 'Kim et al. 2006', threads));
  if (violations.length > 0) process.stdout.write(`Violations:\n${violations.map((v) => `  route ${v.route + 1}: ${v.kind}: ${v.message}`).join('\n')}\n`);
}

function routeJson(inst: VrpInstance, r: RoutePlan) {
  return {
    vehicleType: inst.vehicleTypes[r.vehicleType].id, vehicle: r.vehicle,
    stops: r.visits.filter((v) => v.kind === 'stop').map((v) => inst.stops[v.index].id),
    distance: r.distance, durationSeconds: r.durationSeconds, cost: r.cost, lunchStartSeconds: r.lunchStartSeconds,
    visits: r.visits.map((v) => ({
      kind: v.kind, id: visitId(inst, v.kind, v.index), arrivalSeconds: v.arrivalSeconds, startSeconds: v.startSeconds,
      departureSeconds: v.departureSeconds, load: v.load,
    })),
  };
}

function visitId(inst: VrpInstance, kind: string, index: number): string {
  return kind === 'stop' ? inst.stops[index].id : kind === 'depot' ? inst.depots[index].id : inst.facilities[index].id;
}

function textReport(inst: VrpInstance, sol: SolveResult, how: string, threads: number): string {
  const lines = [
    `${inst.name} (${how}; ${inst.stops.length} stops): cost ${fmt(sol.cost)}, ${sol.routes.length} routes, ` +
      `distance ${fmt(sol.distance)}, ${sol.feasible ? 'feasible' : 'NOT feasible'}, ${sol.seconds.toFixed(1)} s ` +
      `(${sol.method}, ${sol.iterations} iterations, ${threads} thread${threads === 1 ? '' : 's'})`,
  ];
  const multiTrip = inst.facilities.length > 0;
  sol.routes.forEach((r, i) => {
    const steps = r.visits.slice(1, -1).map((v) => (v.kind === 'stop' ? inst.stops[v.index].id : `[unload ${inst.facilities[v.index].id}]`));
    const extra = multiTrip || r.lunchStartSeconds !== null
      ? ` (${clock(r.visits[0].departureSeconds)}–${clock(r.visits[r.visits.length - 1].arrivalSeconds)}, ${fmt(r.distance)}` +
        `${r.lunchStartSeconds !== null ? `, lunch ${clock(r.lunchStartSeconds)}` : ''})`
      : '';
    lines.push(`Route #${i + 1}: ${steps.join(' ')}${extra}`);
  });
  lines.push(`Cost ${fmt(sol.cost)}`);
  return lines.join('\n') + '\n';
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
const round3 = (x: number) => Math.round(x * 1000) / 1000;
function clock(s: number): string {
  const m = Math.round(s / 60);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
