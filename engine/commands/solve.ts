import { Option, type Command } from 'commander';
import { InputError } from '../errors.ts';
import { parseIntArg, parseSeedArg } from './args.ts';

interface SolveOptions {
  time?: number;
  iterations?: number;
  noImprovement?: number;
  seed?: number | string;
  threads?: number;
  rounding?: 'nint' | 'none';
  json?: boolean;
  sol?: string;
}

function parseSeconds(v: string): number {
  const n = Number(v);
  if (!(n > 0) || !Number.isFinite(n)) throw InputError.one('--time', `must be a number of seconds > 0 (got "${v}")`);
  return n;
}

function parseRounding(v: string): 'nint' | 'none' {
  if (v !== 'nint' && v !== 'none') throw InputError.one('--rounding', `must be nint or none (got "${v}")`);
  return v;
}

/** `--no-improvement N`: a number, not commander's negation of an `--improvement` flag. */
function noImprovementOption(): Option {
  const o = new Option(
    '--no-improvement <n>',
    'stop each island after n iterations in a row without a new best; the run ends when all have stopped. Combines with --time and --iterations (whichever comes first stops); with no --time, the same result on any number of threads',
  ).argParser(parseIntArg('--no-improvement', 1));
  o.negate = false; // stored as noImprovement, with no default of true
  return o;
}

export function register(program: Command): void {
  program
    .command('solve')
    .description('solve a routing instance (CVRPLIB/VRPLIB .vrp, or a Kim et al. waste-collection _stop.txt) and print the verified solution')
    .argument('<file>', 'instance file')
    .option('--time <s>', 'wall-clock budget in seconds (with no --iterations: run until then)', parseSeconds)
    .option('--iterations <n>', 'iteration budget over all islands; with a seed, the same result on any number of threads (default 2000 when neither --time nor --no-improvement is given)', parseIntArg('--iterations', 1))
    .addOption(noImprovementOption())
    .option('--seed <k>', 'random seed (default 1)', parseSeedArg)
    .option('--threads <t>', 'worker threads (default: all cores)', parseIntArg('--threads', 1))
    .option('--rounding <r>', 'Euclidean distances of .vrp files: nint (nearest integer) or none; default by the file\'s NAME: none for CMT… and Golden… (their convention), nint for every other file (the X set\'s)', parseRounding)
    .option('--json', 'print one JSON object (cost, routes, seconds, feasible, …) instead of text')
    .option('--sol <path>', 'also write the solution in CVRPLIB .sol format')
    .action(async (file: string, opts: SolveOptions) => {
      const { runSolve } = await import('../optimise/vrp/solve-command.ts');
      await runSolve(file, opts);
    });
}
