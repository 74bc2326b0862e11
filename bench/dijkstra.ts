/**
 * One-to-all shortest paths (least time) on the Monaco extract and on a
 * synthetic city of about 250,000 nodes: the typed-array Dijkstra (indexed
 * binary heap, reused workspace), PHAST on a contraction hierarchy, and
 * graphology-shortest-path's Dijkstra on the same graph, in the same run;
 * A* point to point for comparison with a Dijkstra stopped at its target.
 * Benchmark.js times each; prints a markdown table and the load average.
 *
 *   npm run bench:paths            (full size; a few minutes)
 *   npm run bench:paths -- --small (about 10,000 nodes)
 */
import Benchmark from 'benchmark';
import { dijkstra as graphologyDijkstra } from 'graphology-shortest-path';
import { DijkstraWorkspace } from '../engine/network/dijkstra.ts';
import { AStarWorkspace } from '../engine/network/astar.ts';
import { buildHierarchy } from '../engine/network/contraction.ts';
import { PhastWorkspace } from '../engine/network/phast.ts';
import type { EdgeAttributes } from '../engine/network/road-graph.ts';
import { fmtMs, machineLine, mib, monaco, pickNodes, syntheticCity, type BenchGraph } from './road-graphs.ts';

const small = process.argv.includes('--small');
const gc = (globalThis as { gc?: () => void }).gc;

/** Mean ms per call by Benchmark.js (slow calls get few samples). */
function measure(name: string, fn: () => void, slow = false): number {
  let mean = NaN;
  new Benchmark(name, fn, slow ? { maxTime: 1, minSamples: 2, initCount: 1 } : { maxTime: 3 })
    .on('complete', (e: Benchmark.Event) => {
      const b = e.target as unknown as Benchmark;
      if (b.error) throw b.error;
      mean = b.stats.mean * 1000;
      process.stderr.write(`  ${String(b)}\n`);
    })
    .run();
  return mean;
}

/** Heap kept by what `fn` returns (needs --expose-gc, else NaN). */
function retained(fn: () => unknown): number {
  if (!gc) return NaN;
  gc(); const before = process.memoryUsage().heapUsed;
  const keep = fn();
  gc(); const after = process.memoryUsage().heapUsed;
  return keep ? after - before : NaN;
}

function bench(b: BenchGraph): string[] {
  const g = b.graph, n = g.nodeCount;
  process.stderr.write(`${b.name}: ${n} nodes, ${g.edgeCount} edges\n`);
  const sources = pickNodes(n, 64, 7);
  let k = 0;
  const ws = new DijkstraWorkspace(g);
  const typed = measure('typed-array Dijkstra', () => { ws.run(sources[k++ % sources.length], 'time'); });
  const typedBytes = 40 * n; // dist, other (8 B), parent, touched (4 B), heap: slots, positions (4 B), keys (8 B)

  const weight = (_e: string, a: EdgeAttributes) => a.lengthM / (a.speedKmh / 3.6);
  const gsp = measure('graphology-shortest-path Dijkstra', () => { graphologyDijkstra.singleSource(b.model, g.keys[sources[k++ % sources.length]], weight); }, true);
  const gspBytes = retained(() => graphologyDijkstra.singleSource(b.model, g.keys[sources[0]], weight));

  let t = performance.now();
  const ch = buildHierarchy(g, 'time');
  const prepMs = performance.now() - t;
  const phWs = new PhastWorkspace(ch);
  const phast = measure('PHAST one-to-all', () => { phWs.run(sources[k++ % sources.length]); });

  const pairs = pickNodes(n, 128, 11);
  const astar = new AStarWorkspace(g, 'time');
  const aStar = measure('A* point to point', () => { const i = k++ % 64; astar.run(pairs[2 * i], pairs[2 * i + 1]); });
  const stopped = measure('Dijkstra stopped at target', () => { const i = k++ % 64; ws.run(pairs[2 * i], 'time', [pairs[2 * i + 1]]); });
  t = performance.now();
  return [
    `| ${b.name} | ${n.toLocaleString('en-US')} / ${g.edgeCount.toLocaleString('en-US')} | ${fmtMs(typed)} | ${fmtMs(gsp)} | **${(gsp / typed).toFixed(0)}×** | ${mib(typedBytes)} | ${Number.isNaN(gspBytes) ? '—' : mib(gspBytes)} | ${fmtMs(phast)} (prep ${fmtMs(prepMs)}, ${ch.shortcuts.toLocaleString('en-US')} shortcuts) | ${fmtMs(aStar)} vs ${fmtMs(stopped)} |`,
  ];
}

const start = machineLine();
const rows = [...bench(monaco()), ...bench(syntheticCity(small))];
const end = machineLine();
process.stdout.write([
  '| graph | nodes / edges | typed-array Dijkstra, one-to-all | graphology-shortest-path | ratio | workspace memory | graphology result memory | PHAST one-to-all | A* vs Dijkstra to one target |',
  '| --- | --: | --: | --: | --: | --: | --: | --: | --: |',
  ...rows,
  '',
  `Node ${process.version}; ${start.text} at the start, ${end.text} at the end.` +
    (start.busy || end.busy ? ' The machine was busier than its cores: times are inflated, ratios within one thread still compare like with like.' : ''),
  '',
].join('\n'));
