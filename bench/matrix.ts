/**
 * Travel-time matrices on the synthetic city of about 250,000 nodes:
 * 1,000 × 1,000 and 5,000 × 5,000 by RPHAST on a contraction hierarchy, on
 * 1 and on 2 worker threads (the speed-up, refused when the machine's load
 * exceeds its cores), with the preparation time, the resident memory, and
 * a check that both runs give the same bytes. One Dijkstra per row is timed
 * on a sample of rows to show what the hierarchy buys.
 *
 *   npm run bench:matrix             (full size; several minutes)
 *   npm run bench:matrix -- --small  (about 10,000 nodes, 200 and 500 points)
 */
import { buildHierarchy } from '../engine/network/contraction.ts';
import { travelMatrix, type TravelMatrix } from '../engine/parallel/matrix.ts';
import { progressBar } from '../engine/report/progress.ts';
import { fmtMs, machineLine, mib, pickNodes, syntheticCity } from './road-graphs.ts';

const small = process.argv.includes('--small');
const SIZES = small ? [200, 500] : [1000, 5000];
const DIJKSTRA_SAMPLE_ROWS = small ? 50 : 40;

const city = syntheticCity(small);
const g = city.graph;
process.stderr.write(`${city.name}: ${g.nodeCount} nodes, ${g.edgeCount} edges\n`);
let t = performance.now();
const ch = buildHierarchy(g, 'time');
const prepMs = performance.now() - t;
process.stderr.write(`contraction hierarchy: ${fmtMs(prepMs)}, ${ch.shortcuts} shortcuts\n`);

async function timed(label: string, size: number, threads: number, method: 'ch' | 'dijkstra' = 'ch', rows = size): Promise<{ ms: number; m: TravelMatrix; rss: number }> {
  const pts = pickNodes(g.nodeCount, size, size);
  const bar = progressBar(label);
  const start = performance.now();
  try {
    const m = await travelMatrix(g, pts.slice(0, rows), pts, { threads, method, hierarchy: ch, onProgress: bar.update });
    const ms = performance.now() - start;
    process.stderr.write(`${label}: ${fmtMs(ms)}\n`);
    return { ms, m, rss: process.memoryUsage().rss };
  } finally { bar.stop(); }
}

const same = (a: Float64Array, b: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

const before = machineLine();
const rows: string[] = [];
let busy = before.busy;
for (const size of SIZES) {
  const one = await timed(`${size} × ${size}, 1 worker`, size, 1);
  const l1 = machineLine();
  const two = await timed(`${size} × ${size}, 2 workers`, size, 2);
  const l2 = machineLine();
  busy ||= l1.busy || l2.busy;
  const identical = same(one.m.timeS, two.m.timeS) && same(one.m.lengthM, two.m.lengthM);
  // In this thread, so the sample is not dominated by a worker's start-up.
  const dj = await timed(`${size} × ${size}, Dijkstra per row (${DIJKSTRA_SAMPLE_ROWS} rows)`, size, 0, 'dijkstra', DIJKSTRA_SAMPLE_ROWS);
  const djFull = (dj.ms / DIJKSTRA_SAMPLE_ROWS) * size;
  const speedUp = l1.busy || l2.busy ? `not reported (${l2.text})` : `**${(one.ms / two.ms).toFixed(2)}×**`;
  rows.push(`| ${size.toLocaleString('en-US')} × ${size.toLocaleString('en-US')} | ${fmtMs(one.ms)} | ${fmtMs(two.ms)} | ${speedUp} | ${identical ? 'yes' : '**NO**'} | ≈ ${fmtMs(djFull)} (${(djFull / one.ms).toFixed(0)}× slower) | ${mib(2 * 8 * size * size)} | ${mib(Math.max(one.rss, two.rss))} |`);
}
const after = machineLine();
process.stdout.write([
  `${city.name}: ${g.nodeCount.toLocaleString('en-US')} nodes, ${g.edgeCount.toLocaleString('en-US')} edges. ` +
    `Contraction hierarchy prepared once in ${fmtMs(prepMs)} (${ch.shortcuts.toLocaleString('en-US')} shortcuts); every row is an upward search plus a sweep restricted to the targets (RPHAST).`,
  '',
  '| matrix | 1 worker | 2 workers | speed-up | same bytes | one Dijkstra per row, 1 thread (extrapolated from a sample) | result (time + length) | resident memory |',
  '| --- | --: | --: | --: | --: | --: | --: | --: |',
  ...rows,
  '',
  `Node ${process.version}; ${before.text} at the start, ${after.text} at the end; peak resident memory ${mib(process.resourceUsage().maxRSS * 1024)}.` +
    (busy ? ' The load exceeded the core count during the runs: the worker speed-up is not reported.' : ''),
  '',
].join('\n'));
