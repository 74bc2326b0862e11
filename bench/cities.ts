/**
 * Scale of the simulation per city: world build time, simulated days per
 * second and peak memory, each city in its own process. Prints a markdown
 * table with the load average.
 *
 *   npm run bench:cities                 # every city scenario, its own days
 *   npm run bench:cities -- --days 30    # the same, 30 days each
 *   npm run bench:cities -- --year       # one simulated year of Guangzhou (target: ≤ 10 min)
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';

const CITIES = ['demo', 'suizhou-county', 'nantong-2021', 'wuhan-2024', 'guangzhou-2025'];

const args = process.argv.slice(2);
const year = args.includes('--year');
const daysAt = args.indexOf('--days');
const days = year ? 365 : daysAt >= 0 ? Number(args[daysAt + 1]) : undefined;
const cities = year ? ['guangzhou-2025'] : CITIES;

const load0 = loadavg()[0];
const rows: Record<string, number | string>[] = [];
for (const city of cities) {
  process.stderr.write(`${city}${days ? ` × ${days} days` : ''} …\n`);
  const started = performance.now();
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/city-run.ts', `scenarios/${city}.json`, ...(days ? [String(days)] : [])], {
    encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const r = JSON.parse(out.trim().split('\n').pop()!);
  rows.push({ ...r, wallSeconds: (performance.now() - started) / 1000 });
}

const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');
console.log(`\nload average ${load0.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end; ${cpus().length} cores; node ${process.version}\n`);
console.log('| scenario | points | trucks | t/day | days | build s | day 0 s | days/s (steady) | days/s (all) | whole run s | peak RSS MiB | targets met |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(`| ${r.scenario} | ${r.points} | ${r.trucks} | ${f(r.tonnesPerDay as number, 0)} | ${r.days} | ${f(r.buildSeconds as number)} | ${f(r.firstDaySeconds as number)} | ` +
    `${f(r.steadyDaysPerSecond as number, 2)} | ${f(r.daysPerSecond as number, 2)} | ${f(r.wallSeconds as number)} | ${f(r.peakRssMiB as number, 0)} | ${r.targetsMet} |`);
}
if (year) {
  const wall = rows[0].wallSeconds as number;
  console.log(`\nOne simulated year of Guangzhou: ${(wall / 60).toFixed(1)} min wall (target ≤ 10 min) — ${wall <= 600 ? 'met' : 'MISSED'}.`);
}
