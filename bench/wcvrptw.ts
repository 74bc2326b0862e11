/**
 * The ten Kim, Kim & Sahoo (2006) waste-collection instances in data/wcvrptw:
 * windows, lunch starting 11:00–12:00, disposal trips, route yardage and stop
 * limits. One run each at a fixed seed; every solution checked independently.
 * Prints vehicles, total miles (Manhattan, the benchmark page's
 * convention) and disposal trips — with how many of them the search chose
 * to make before the truck was full — next to Kim et al.'s published figures where the data README
 * has them (second-hand, unverified; their distances come from GIS road
 * paths, not Manhattan), and the load average.
 *
 *   npm run bench:wcvrptw [-- --time 30] [--threads T] [--seed K] [--only 102,277]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { checkSolution } from '../engine/optimise/vrp/checker.ts';
import { defaultThreads, solve } from '../engine/optimise/vrp/index.ts';
import type { VrpInstance } from '../engine/optimise/vrp/instance.ts';
import { readInstanceFile } from '../engine/optimise/vrp/read-file.ts';
import type { RoutePlan } from '../engine/optimise/vrp/solution.ts';

const { values } = parseArgs({
  options: { time: { type: 'string', default: '30' }, threads: { type: 'string' }, seed: { type: 'string', default: '1' }, only: { type: 'string' } },
});
const time = Number(values.time), threads = values.threads ? Number(values.threads) : defaultThreads();
/** Kim et al. (2006) Table 3 as quoted in data/wcvrptw/README.md: vehicles / total miles, Alg. 1 and Alg. 2. */
const KIM: Record<string, [string, string]> = {
  '102': ['2 / 218.4', '3 / 205.1'], '277': ['3 / 521.9', '3 / 527.3'], '335': ['5 / 191.1', '6 / 205.0'],
  '444': ['10 / 82.9', '11 / 87.0'], '804': ['5 / 798.9', '5 / 769.5'],
};
const names = ['102', '277', '335', '444', '804', '1051', '1351', '1599', '1932', '2100'].filter((k) => !values.only || values.only.split(',').includes(k));

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`WCVRPTW (Kim et al. 2006): ${time} s per instance, ${threads} threads, seed ${values.seed}; load average before: ${load()}\n`);
console.log('| instance | stops | vehicles | miles | disposal trips | of which early | feasible | time s | Kim Alg. 1 (veh / mi) | Kim Alg. 2 (veh / mi) |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |');
let feasible = 0;
for (const name of names) {
  const { inst } = readInstanceFile(`data/wcvrptw/${name}_stop.txt`);
  const sol = await solve(inst, { timeSeconds: time, threads, seed: values.seed });
  const bad = checkSolution(inst, sol);
  if (sol.feasible && bad.length > 0) throw new Error(`${name}: the checker rejects a solution called feasible: ${bad[0].message}`);
  if (sol.feasible) feasible++;
  const trips = sol.routes.reduce((a, r) => a + r.visits.filter((v) => v.kind === 'facility').length, 0);
  const early = sol.routes.reduce((a, r) => a + earlyUnloads(inst, r), 0);
  const [a1, a2] = KIM[name] ?? ['not found', 'not found'];
  console.log(`| ${name}_stop | ${inst.stops.length} | ${sol.routes.length} | ${sol.distance.toFixed(1)} | ${trips} | ${early} | ${sol.feasible ? 'yes' : `no (${bad.length} violations)`} | ${sol.seconds.toFixed(1)} | ${a1} | ${a2} |`);
}
console.log(`\n${feasible} of ${names.length} solved feasibly. Load average after: ${load()} (${threads} threads on ${defaultThreads()} cores).`);

/** Unloads before a stop that would still have fitted on the truck: chosen by the search, not forced. */
function earlyUnloads(inst: VrpInstance, r: RoutePlan): number {
  const cap = inst.vehicleTypes[r.vehicleType].capacity;
  let n = 0;
  for (let i = 1; i + 1 < r.visits.length; i++) {
    const v = r.visits[i], next = r.visits[i + 1];
    if (v.kind !== 'facility' || next.kind !== 'stop') continue;
    const before = r.visits[i - 1].load, q = inst.stops[next.index].load;
    if (before.every((x, d) => x + q[d] <= cap[d] + 1e-6)) n++;
  }
  return n;
}
