import type { Command } from 'commander';
import { InputError } from '../errors.ts';
import { parseChoice } from './args.ts';

interface FlowsOptions {
  growth?: number;
  years?: [number, number];
  solver: 'auto' | 'jsl' | 'highs';
  json?: boolean;
  catchments: 'districts' | 'points' | 'stations';
  multiDay?: boolean;
  landfill: boolean;
  haulCost?: number;
  currency: string;
  candidates?: string;
  budget?: number;
}

/** `3%/year`, `3%` or `0.03`. */
export function parseGrowth(v: string): number {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(%)?\s*(?:\/\s*(?:year|yr|y))?\s*$/.exec(v);
  if (!m) throw InputError.one('--growth', `must be a rate such as 3%/year or 0.03 (got "${v}")`);
  const n = Number(m[1]) / (m[2] ? 100 : 1);
  if (!(n > -1)) throw InputError.one('--growth', `must be above -100%/year (got "${v}")`);
  return n;
}

/** `2025-2035`. */
export function parseYears(v: string): [number, number] {
  const m = /^\s*(\d{4})\s*-\s*(\d{4})\s*$/.exec(v);
  if (!m || Number(m[1]) > Number(m[2])) throw InputError.one('--years', `must be a range such as 2025-2035 (got "${v}")`);
  return [Number(m[1]), Number(m[2])];
}

function parseNonNegative(flag: string): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw InputError.one(flag, `must be a number ≥ 0 (got "${v}")`);
    return n;
  };
}

export function register(program: Command): void {
  program
    .command('flows')
    .description('plan tonnage flows with linear programming: where each station\'s waste goes, the binding limits and the landfill, and (with --growth) the year the planned capacity stops sufficing')
    .argument('<scenario>', 'scenario JSON file')
    .option('--growth <rate>', 'growth study: generation growth, e.g. 3%/year', parseGrowth)
    .option('--years <A-B>', 'growth study years (default: the start year and ten more)', parseYears)
    .option('--solver <name>', 'LP back end: auto (javascript-lp-solver for small LPs, HiGHS otherwise), jsl or highs', parseChoice('--solver', ['auto', 'jsl', 'highs'] as const), 'auto')
    .option('--catchments <kind>', 'districts, points (one catchment per collection point) or stations (each point to its nearest station, as collected: only the haul is planned)', parseChoice('--catchments', ['districts', 'points', 'stations'] as const), 'districts')
    .option('--multi-day', 'plan over the scenario\'s days with pit and storage stocks and plant outages')
    .option('--no-landfill', 'forbid landfill (refused if the plan cannot place every tonne)')
    .option('--haul-cost <perTonneKm>', 'haul cost per tonne-km, station → plant (default 0.5)', parseNonNegative('--haul-cost'))
    .option('--currency <symbol>', 'currency symbol for costs', '¥')
    .option('--candidates <file>', 'capacity choice (mixed-integer, HiGHS): a JSON list of {id, kind: "plant"|"station", site, addTonnesPerDay, cost, newSite?}; the least-cost set that keeps landfill at zero (newSite: true marks a planned site of the scenario as not built unless chosen)')
    .option('--budget <amount>', 'with --candidates: the most the chosen candidates may cost', parseNonNegative('--budget'))
    .option('--json', 'print the answer as JSON')
    .action(async (file: string, opts: FlowsOptions) => {
      // HiGHS proves the optimum and prices the limits of every plain or capacity-choice solve: its WASM loads while the scenario is read.
      const growthRun = opts.growth !== undefined || !!opts.years;
      if (!growthRun) void import('../optimise/flows/backends.ts').then((b) => b.loadHighs()).catch(() => {});
      const { readScenario } = await import('../scenario/read.ts');
      const { buildWorld } = await import('../scenario/world.ts');
      const { flowModelFromWorld } = await import('../optimise/flows/from-scenario.ts');
      const world = await buildWorld(readScenario(file), file);
      const { model, baseYear } = flowModelFromWorld(world, {
        catchments: opts.catchments, multiDay: opts.multiDay, landfillAllowed: opts.landfill, haulPerTonneKm: opts.haulCost,
      });
      if (opts.candidates) {
        const { readCandidates } = await import('../optimise/flows/candidates.ts');
        const { chooseCapacity } = await import('../optimise/flows/siting.ts');
        const { sitingText } = await import('../optimise/flows/report.ts');
        const answer = await chooseCapacity(model, readCandidates(opts.candidates), { budget: opts.budget });
        process.stdout.write(opts.json ? JSON.stringify(answer, null, 2) + '\n' : sitingText(answer, { currency: opts.currency, budget: opts.budget }) + '\n');
        return;
      }
      if (growthRun) {
        const { growthStudy } = await import('../optimise/flows/growth.ts');
        const { growthText } = await import('../optimise/flows/report.ts');
        const [fromYear, toYear] = opts.years ?? [baseYear, baseYear + 10];
        const study = await growthStudy(model, { growthPerYear: opts.growth ?? world.scenario.generation.growthPerYear, fromYear, toYear, baseYear, solver: opts.solver });
        process.stdout.write(opts.json ? JSON.stringify(study, null, 2) + '\n' : growthText(study) + '\n');
        return;
      }
      const { solveFlows } = await import('../optimise/flows/solve.ts');
      const { flowsText } = await import('../optimise/flows/report.ts');
      const started = performance.now();
      const sol = await solveFlows(model, { solver: opts.solver, currency: opts.currency });
      const seconds = (performance.now() - started) / 1000;
      if (opts.json) {
        const { stationPlantTonnes: _, ...rest } = sol;
        process.stdout.write(JSON.stringify({ scenario: world.scenario.name, ...rest }, null, 2) + '\n');
      } else process.stdout.write(`Flows for ${world.scenario.name}\n${flowsText(model, sol, { currency: opts.currency, seconds })}\n`);
    });
}
