/**
 * One city, one process (so its peak memory is its own): builds the world,
 * simulates it into a temporary folder and prints one JSON line of timings.
 * Run by bench/cities.ts; `node --import tsx bench/city-run.ts FILE [DAYS]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWorld, runWorld } from '../engine/report/run.ts';

const [file, daysArg] = process.argv.slice(2);
const days = daysArg ? Number(daysArg) : undefined;
const out = mkdtempSync(join(tmpdir(), 'wastetwin-bench-'));
try {
  const t0 = performance.now();
  const world = await loadWorld(file, { days });
  const built = performance.now();
  const dayEnds: number[] = [];
  const run = runWorld(world, out, { onProgress: () => dayEnds.push(performance.now()) });
  const end = performance.now();
  const s = world.scenario;
  // Day 0 plans the routes (once, for fixed-route scenarios) and warms up; the rest is the steady rate.
  const steady = dayEnds.length > 1 ? (dayEnds.length - 1) / ((dayEnds[dayEnds.length - 1] - dayEnds[0]) / 1000) : NaN;
  console.log(JSON.stringify({
    scenario: s.name,
    points: world.points.length,
    trucks: s.fleet.reduce((a, f) => a + f.count, 0),
    tonnesPerDay: run.kpis.total.generatedKg / 1000 / s.days,
    days: s.days,
    buildSeconds: (built - t0) / 1000,
    firstDaySeconds: (dayEnds[0] - built) / 1000,
    simulateSeconds: (end - built) / 1000,
    steadyDaysPerSecond: steady,
    daysPerSecond: s.days / ((end - built) / 1000),
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    targetsMet: `${run.targets.filter((t) => t.met).length}/${run.targets.length}`,
    maxMassErrorKg: run.result.maxAbsErrorKg,
  }));
} finally {
  rmSync(out, { recursive: true, force: true });
}
