/**
 * Solve times of the flow LP with both back ends, in one run: seeded
 * transportation models of a small town, a city and a megacity (one day and
 * 30 days with pits and an outage), and a siting MIP (HiGHS only: the
 * javascript-lp-solver branch and bound does not finish on it in minutes).
 * javascript-lp-solver's dense tableau rules it out of the large multi-day forms.
 * Prints a markdown table (a solve that stopped short of the optimum says how)
 * and the load average. `npx tsx bench/flows.ts`
 */
import { loadavg } from 'node:os';
import { buildFlowLp } from '../engine/optimise/flows/build.ts';
import { loadHighs, solveWithHighs, solveWithJsl, pickSolver, type LpResult } from '../engine/optimise/flows/backends.ts';
import { syntheticFlowModel, type SyntheticSize } from '../engine/optimise/flows/synthetic.ts';
import { chooseCapacity, type Candidate } from '../engine/optimise/flows/siting.ts';

const SIZES: { name: string; size: SyntheticSize; jsl: boolean }[] = [
  { name: 'small (20 catchments × 4 stations × 6 plants × 4 streams)', size: { catchments: 20, stations: 4, plants: 6, streams: 4 }, jsl: true },
  { name: 'city (100 × 20 × 8 × 4)', size: { catchments: 100, stations: 20, plants: 8, streams: 4 }, jsl: true },
  { name: 'megacity (300 × 60 × 15 × 4)', size: { catchments: 300, stations: 60, plants: 15, streams: 4 }, jsl: true },
  // javascript-lp-solver keeps a dense tableau: rows × columns doubles (17,000 × 82,000 for the city over 30 days
  // is 11 GB), so the multi-day forms past a small town are HiGHS only.
  { name: 'small, 7 days', size: { catchments: 20, stations: 4, plants: 6, streams: 4, days: 7 }, jsl: true },
  { name: 'city, 30 days', size: { catchments: 100, stations: 20, plants: 8, streams: 4, days: 30 }, jsl: false },
  { name: 'megacity, 30 days', size: { catchments: 300, stations: 60, plants: 15, streams: 4, days: 30 }, jsl: false },
];

/** Wall and CPU time: on a shared machine the CPU time is the figure that other runs do not inflate. */
function time<T>(f: () => T): { value: T; ms: number; cpuMs: number } {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = f();
  const used = process.cpuUsage(c);
  return { value, ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000 };
}

/** Median of `n` runs (fewer for slow ones). */
function median<T>(f: () => T, maxRuns = 3): { value: T; ms: number; cpuMs: number } {
  const runs = [time(f)];
  while (runs.length < maxRuns && runs[0].ms < 2000) runs.push(time(f));
  runs.sort((a, b) => a.ms - b.ms);
  return runs[Math.floor(runs.length / 2)];
}

const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fmtRun = (r: { ms: number; cpuMs: number }) => `${fmtMs(r.ms)} (${fmtMs(r.cpuMs)} CPU)`;

async function main(): Promise<void> {
  const load0 = loadavg();
  const highs = await loadHighs();
  const rows: string[] = [];
  for (const { name, size, jsl } of SIZES) {
    const model = syntheticFlowModel(size, 1);
    const built = median(() => buildFlowLp(model));
    const lp = built.value.lp;
    const h = median(() => solveWithHighs(highs, lp));
    let j: { value: LpResult; ms: number; cpuMs: number } | undefined;
    if (jsl) j = median(() => solveWithJsl(lp));
    const diff = j ? Math.abs(j.value.objective - h.value.objective) / Math.abs(h.value.objective) : NaN;
    // A time is only a solve time when the solver reached the optimum: say so where it did not.
    const cell = (r: { value: LpResult; ms: number; cpuMs: number }) => `${fmtRun(r)}${r.value.status === 'optimal' ? '' : `, ${r.value.detail}`}`;
    rows.push(`| ${name} | ${lp.numRows.toLocaleString('en-US')} × ${lp.numCols.toLocaleString('en-US')} | ${fmtMs(built.ms)} | ${j ? cell(j) : 'not run'} | ${cell(h)} | ${j ? diff.toExponential(1) : '—'} | ${pickSolver(lp)} |`);
    process.stderr.write(`${name}: HiGHS ${fmtRun(h)}${j ? `, javascript-lp-solver ${fmtRun(j)}` : ''}\n`);
  }
  // Siting: a megacity with every station and plant a candidate for +20 % capacity.
  const m = syntheticFlowModel({ catchments: 300, stations: 60, plants: 15, streams: 4, capacityRatio: 0.9 }, 1);
  const candidates: Candidate[] = [
    ...m.stations.map((t) => ({ id: `${t.id}+`, kind: 'station' as const, site: t.id, addTonnesPerDay: Math.round(t.capacityTonnesPerDay * 0.2), cost: 2e6 })),
    ...m.plants.map((p) => ({ id: `${p.id}+`, kind: 'plant' as const, site: p.id, addTonnesPerDay: Math.round(p.capacityTonnesPerDay * 0.2), cost: 2e7 })),
  ];
  const mip = await (async () => {
    const c = process.cpuUsage(), t = performance.now();
    const v = await chooseCapacity(m, candidates, { timeLimitSeconds: 120 });
    const used = process.cpuUsage(c);
    return { v, ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000 };
  })();
  rows.push(`| siting MIP, megacity, ${candidates.length} candidates (${mip.v.chosen.length} chosen, ${mip.v.proven ? 'proven' : 'not proven'}) | — | — | not run | ${fmtRun(mip)} | — | highs |`);
  const load1 = loadavg();
  process.stdout.write([
    '| model | rows × columns | build | javascript-lp-solver, wall (CPU) | HiGHS, wall (CPU) | objective rel. diff | auto picks |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Load average (1, 5, 15 min) before: ${load0.map((v) => v.toFixed(2)).join(', ')}; after: ${load1.map((v) => v.toFixed(2)).join(', ')}. Node ${process.version}.`,
  ].join('\n') + '\n');
}

await main();
