/**
 * The solver against published best-known results: the 12 X instances of
 * Uchoa et al. (2017) in data/cvrplib, one run each at a fixed seed with the
 * same wall-clock budget, every solution checked independently. Prints a
 * markdown table (instance, n, BKS, cost, gap %, time) with the mean gaps
 * and the load average, since the machine may be shared.
 *
 *   npm run bench:cvrp -- --time 60 [--threads T] [--seed K] [--only X-n101-k25,X-n106-k14]
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { checkSolution } from '../engine/optimise/vrp/checker.ts';
import { defaultThreads, solve } from '../engine/optimise/vrp/index.ts';
import { readInstanceFile } from '../engine/optimise/vrp/read-file.ts';

const { values } = parseArgs({
  options: { time: { type: 'string', default: '60' }, threads: { type: 'string' }, seed: { type: 'string', default: '1' }, only: { type: 'string' } },
});
const time = Number(values.time), threads = values.threads ? Number(values.threads) : defaultThreads();
const bks = JSON.parse(readFileSync('data/cvrplib/bks.json', 'utf8')) as Record<string, { bks: number; customers: number }>;
const names = Object.keys(bks).filter((k) => k.startsWith('X-')).sort((a, b) => bks[a].customers - bks[b].customers)
  .filter((k) => !values.only || values.only.split(',').includes(k));

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`CVRP, X set: ${time} s per instance, ${threads} threads, seed ${values.seed}; load average before: ${load()}\n`);
console.log('| instance | n | BKS | cost | gap % | time s |\n| --- | ---: | ---: | ---: | ---: | ---: |');
const gaps: { n: number; gap: number }[] = [];
for (const name of names) {
  const { inst } = readInstanceFile(`data/cvrplib/${name}.vrp`);
  const sol = await solve(inst, { timeSeconds: time, threads, seed: values.seed });
  const bad = checkSolution(inst, sol);
  if (!sol.feasible || bad.length > 0) throw new Error(`${name}: the solution is not valid: ${bad.map((v) => v.message).join('; ')}`);
  const gap = (100 * (sol.cost - bks[name].bks)) / bks[name].bks;
  gaps.push({ n: inst.stops.length, gap });
  console.log(`| ${name} | ${inst.stops.length} | ${bks[name].bks} | ${sol.cost} | ${gap.toFixed(2)} | ${sol.seconds.toFixed(1)} |`);
}
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
console.log(`\nMean gap: ${mean(gaps.map((g) => g.gap)).toFixed(2)} % over ${gaps.length} instances; ` +
  `${mean(gaps.filter((g) => g.n <= 502).map((g) => g.gap)).toFixed(2)} % over the ${gaps.filter((g) => g.n <= 502).length} with n ≤ 502.`);
console.log(`Load average after: ${load()} (${threads} threads on ${defaultThreads()} cores).`);
