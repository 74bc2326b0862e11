/**
 * OpenStreetMap import: what is kept and dropped, one-way streets, the
 * largest-component rule, real street shapes, and every shipped extract
 * (its counts pinned, its one-way streets checked against their tags).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { toRoadGraph, type RoadGraph } from '../../engine/network/road-graph.ts';
import { DijkstraWorkspace } from '../../engine/network/dijkstra.ts';
import { stronglyConnectedComponents } from '../../engine/network/components.ts';
import { readNetworkFile, toNetworkFile } from '../../engine/network/network-file.ts';
import { DEFAULT_SPEEDS_KMH } from '../../engine/network/osm/tags.ts';
import type { ImportReport } from '../../engine/network/osm/build.ts';
import type { OsmSink } from '../../engine/network/osm/sink.ts';
import { loadRoadFile } from '../../engine/network/osm/index.ts';
import { readPbf } from '../../engine/network/osm/read-pbf.ts';
import { readXml } from '../../engine/network/osm/read-xml.ts';
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
  // What each import gives today: a change to the import rules shows up here first.
  const counts: Record<string, Pick<ImportReport, 'nodes' | 'edges' | 'oneWayEdges' | 'droppedNodes' | 'droppedEdges' | 'components'>> = {
    'osrm-monaco.osm.pbf': { nodes: 2005, edges: 3896, oneWayEdges: 948, droppedNodes: 194, droppedEdges: 276, components: 114 },
    'graphhopper-andorra.osm.pbf': { nodes: 1603, edges: 3200, oneWayEdges: 554, droppedNodes: 30, droppedEdges: 30, components: 25 },
    'graphhopper-andorra.osm.gz': { nodes: 1603, edges: 3200, oneWayEdges: 554, droppedNodes: 30, droppedEdges: 30, components: 25 },
    'graphhopper-monaco.osm.gz': { nodes: 518, edges: 992, oneWayEdges: 334, droppedNodes: 55, droppedEdges: 69, components: 41 },
    'valhalla-amsterdam.osm.pbf': { nodes: 9, edges: 16, oneWayEdges: 0, droppedNodes: 20, droppedEdges: 24, components: 13 },
  };
  const extracts = Object.keys(counts);
  for (const file of extracts) {
    it(`${file}: one strongly connected network of truck roads, the same on every import`, async () => {
      const a = await loadRoadFile(DATA + file);
      const g = toRoadGraph(a.model, a.origin);
      const { nodes, edges, oneWayEdges, droppedNodes, droppedEdges, components } = a.report;
      expect({ nodes, edges, oneWayEdges, droppedNodes, droppedEdges, components }).toEqual(counts[file]);
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

  for (const file of extracts.filter((f) => counts[f].oneWayEdges > 0)) {
    it(`${file}: no edge runs against its street's oneway tag, and no path goes against a one-way street`, async () => {
      // The tags as read, interpreted here on their own (not by the importer's rule).
      const oneway = new Map<number, 1 | -1 | 0>();
      const tagsOf: OsmSink = {
        node() {},
        way(id, _refs, t) {
          const o = t.oneway;
          oneway.set(id, o === '-1' ? -1 : o === 'yes' || o === '1' || o === 'true' ? 1
            : o === undefined && (t.highway === 'motorway' || t.junction === 'roundabout') ? 1 : 0);
        },
      };
      await (file.endsWith('.pbf') ? readPbf(DATA + file, tagsOf) : readXml(DATA + file, true, tagsOf));
      const { model } = await loadRoadFile(DATA + file);
      // Edge keys are w<way id>.<piece><+ along the way | - against it>.
      const direction = (key: string) => { const m = /^w(\d+)\.\d+([+-])$/.exec(key)!; return { tag: oneway.get(Number(m[1]))!, along: m[2] === '+' }; };
      const kept = { yes: 0, minusOne: 0 };
      model.forEachDirectedEdge((key) => {
        const { tag, along } = direction(key);
        expect(along ? tag >= 0 : tag <= 0).toBe(true);
        if (tag === 1) kept.yes++;
        if (tag === -1) kept.minusOne++;
      });
      expect(kept.yes).toBeGreaterThan(0);
      if ([...oneway.values()].includes(-1)) expect(kept.minusOne).toBeGreaterThan(0);
      // Back along every one-way street with no road the other way: the route takes a detour.
      const g = toRoadGraph(model);
      const ws = new DijkstraWorkspace(g);
      let detours = 0;
      model.forEachDirectedEdge((key, _a, s, t) => {
        if (direction(key).tag === 0 || model.hasDirectedEdge(t, s)) return;
        ws.run(g.keys.indexOf(t), 'time', [g.keys.indexOf(s)]);
        const path = ws.path(g.keys.indexOf(s)).map((v) => g.keys[v]);
        expect(path[0]).toBe(t);
        expect(path[path.length - 1]).toBe(s);
        expect(path.length).toBeGreaterThan(2);
        detours++;
      });
      expect(detours).toBeGreaterThan(0);
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
