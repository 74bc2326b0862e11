/**
 * OpenStreetMap import: what is kept and dropped, one-way streets, the
 * largest-component rule, real street shapes, and every shipped extract.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadRoadFile } from '../../engine/network/osm/index.ts';
import { toRoadGraph, type RoadGraph } from '../../engine/network/road-graph.ts';
import { DijkstraWorkspace } from '../../engine/network/dijkstra.ts';
import { stronglyConnectedComponents } from '../../engine/network/components.ts';
import { readNetworkFile, toNetworkFile } from '../../engine/network/network-file.ts';
import { DEFAULT_SPEEDS_KMH } from '../../engine/network/osm/tags.ts';
import { gz, osmXml, tempFiles } from './osm-fixture.ts';
import { runCli } from '../helpers/cli.ts';

const DATA = new URL('../../data/osm/', import.meta.url).pathname;

function route(g: RoadGraph, from: string, to: string): string[] {
  const ws = new DijkstraWorkspace(g);
  ws.run(g.keys.indexOf(from), 'time');
  return ws.path(g.keys.indexOf(to)).map((v) => g.keys[v]);
}

describe('OSM import of a hand-drawn extract', () => {
  const files = tempFiles({ 'town.osm': osmXml(), 'town.osm.gz': gz(osmXml()) });
  let loaded: Awaited<ReturnType<typeof loadRoadFile>>;
  let g: RoadGraph;
  beforeAll(async () => {
    loaded = await loadRoadFile(files['town.osm']);
    g = toRoadGraph(loaded.model, loaded.origin);
  });

  it('keeps drivable ways, refuses footways and private roads, and says why', () => {
    expect(loaded.report.highwayWays).toBe(8);
    expect(loaded.report.keptWays).toBe(6);
    expect(loaded.report.refused).toEqual({ 'access=private': 1, 'highway=footway': 1 });
  });

  it('splits ways at junctions only, keeping the nodes between as shape points', () => {
    expect(g.keys.slice().sort()).toEqual(['1', '2', '3', '4']);
    const e = g.offsets[g.keys.indexOf('3')];
    const to4 = Array.from({ length: g.offsets[g.keys.indexOf('3') + 1] - e }, (_, i) => e + i).find((k) => g.keys[g.targets[k]] === '4')!;
    expect(g.shapeOffsets[to4 + 1] - g.shapeOffsets[to4]).toBe(2);
    const straight = Math.hypot(g.x[g.keys.indexOf('3')] - g.x[g.keys.indexOf('4')], g.y[g.keys.indexOf('3')] - g.y[g.keys.indexOf('4')]);
    expect(g.lengthM[to4]).toBeGreaterThan(straight);
    // tertiary at 40 km/h capped by maxspeed 30.
    expect(g.timeS[to4]).toBeCloseTo(g.lengthM[to4] / (30 / 3.6), 6);
  });

  it('honours one-way streets in both directions of tagging', () => {
    expect(route(g, '1', '2')).toEqual(['1', '2']);
    expect(route(g, '2', '1')).toEqual(['2', '4', '1']);
    expect(route(g, '3', '2')).toEqual(['3', '2']);
    expect(route(g, '2', '3')).toEqual(['2', '4', '3']);
  });

  it('keeps only the largest strongly connected component and counts what it dropped', () => {
    expect(loaded.report.droppedNodes).toBe(2);
    expect(loaded.report.droppedEdges).toBe(3);
    expect(loaded.report.nodes).toBe(4);
    expect(loaded.report.edges).toBe(8);
    expect(stronglyConnectedComponents(g).count).toBe(1);
  });

  it('reads gzipped XML to the same network', async () => {
    const z = await loadRoadFile(files['town.osm.gz']);
    expect(z.model.export()).toEqual(loaded.model.export());
  });

  it('lets a scenario override the speed of a highway class', async () => {
    const slow = toRoadGraph((await loadRoadFile(files['town.osm'], { speedsKmh: { residential: 10 } })).model);
    const e = slow.offsets[slow.keys.indexOf('1')];
    expect(slow.timeS[e]).toBeCloseTo(slow.lengthM[e] / (10 / 3.6), 6);
  });

  it('round-trips through the imported network file, where speeds can still be overridden by class', async () => {
    const f = tempFiles({ 'town.network.json': JSON.stringify(toNetworkFile(loaded.model, loaded.origin, loaded.report, 'town.osm')) });
    const back = await loadRoadFile(f['town.network.json']);
    expect(back.report).toEqual(loaded.report);
    expect(back.model.edges().sort()).toEqual(loaded.model.edges().sort());
    const slow = await loadRoadFile(f['town.network.json'], { speedsKmh: { residential: 10, tertiary: 20 } });
    slow.model.forEachEdge((_k, a) => expect(a.speedKmh).toBe(a.highway === 'residential' ? 10 : 20));
  });
});

describe('shipped extracts', () => {
  const extracts = ['osrm-monaco.osm.pbf', 'graphhopper-andorra.osm.pbf', 'graphhopper-andorra.osm.gz', 'graphhopper-monaco.osm.gz', 'valhalla-amsterdam.osm.pbf'];
  for (const file of extracts) {
    it(`${file}: one strongly connected network of truck roads, the same on every import`, async () => {
      const a = await loadRoadFile(DATA + file);
      const g = toRoadGraph(a.model, a.origin);
      expect(g.nodeCount).toBe(a.report.nodes);
      expect(g.edgeCount).toBe(a.report.edges);
      expect(g.nodeCount).toBeGreaterThan(0);
      expect(stronglyConnectedComponents(g).count).toBe(1);
      a.model.forEachEdge((_k, attrs) => expect(Object.keys(DEFAULT_SPEEDS_KMH)).toContain(attrs.highway));
      const b = await loadRoadFile(DATA + file);
      expect(b.report).toEqual(a.report);
      expect(b.model.nodes()).toEqual(a.model.nodes());
    });
  }

  it('the PBF and XML encodings of the Andorra extract give the same network', async () => {
    const pbf = await loadRoadFile(DATA + 'graphhopper-andorra.osm.pbf');
    const xml = await loadRoadFile(DATA + 'graphhopper-andorra.osm.gz');
    expect(xml.model.nodes()).toEqual(pbf.model.nodes());
    expect(xml.model.edges().sort()).toEqual(pbf.model.edges().sort());
  });

  it('the shipped imported Monaco network is what importing the extract gives today', async () => {
    const fresh = await loadRoadFile(DATA + 'osrm-monaco.osm.pbf');
    const shipped = JSON.parse(readFileSync(DATA + 'monaco.network.json', 'utf8'));
    expect(shipped.attribution).toBe('© OpenStreetMap contributors');
    expect(JSON.parse(JSON.stringify(toNetworkFile(fresh.model, fresh.origin, fresh.report, 'osrm-monaco.osm.pbf')))).toEqual(shipped);
    const back = readNetworkFile(DATA + 'monaco.network.json');
    expect(back.model.order).toBe(fresh.model.order);
    expect(back.model.size).toBe(fresh.model.size);
  });
});

describe('scenarios on real roads', () => {
  it('a scenario can point straight at an OSM extract (network.kind "osm") and its lon/lat sites are snapped', async () => {
    const scenario = JSON.parse(readFileSync(new URL('../../scenarios/monaco.json', import.meta.url), 'utf8'));
    scenario.network = { kind: 'osm', file: DATA + 'graphhopper-monaco.osm.gz', maxSnapM: 300 };
    scenario.plants[1].at = { lon: 7.4220, lat: 43.7340 };
    const f = tempFiles({ 'osm.json': JSON.stringify(scenario) });
    const r = await runCli(['validate', f['osm.json']]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid — 250 collection points, \d+ road nodes/);
  });
});
