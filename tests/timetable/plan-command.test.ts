/**
 * `wastetwin plan`: the four dispatch exports, read as a GIS tool or a
 * spreadsheet would read them, and refusals of bad input.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.ts';
import { writeTemp } from '../helpers/scenarios.ts';
import { parseScenario } from '../../engine/scenario/read.ts';
import { buildWorld, type World } from '../../engine/scenario/world.ts';
import { projectionAt } from '../../engine/network/projection.ts';
import { findEdge } from '../../engine/network/road-graph.ts';
import { SYNTHETIC_ORIGIN } from '../../engine/export/lonlat.ts';
import { timetableScenario } from './fixtures.ts';

interface Feature { type: string; geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }

const scenario = timetableScenario((s) => { s.fleet[0].count = 4; s.fleet[1].count = 4; });
let out: string, stdout: string, world: World;

beforeAll(async () => {
  const { file, dir } = writeTemp(scenario);
  out = join(dir, 'plan');
  const res = await runCli(['plan', file, '--out', out]);
  expect(res.stderr).toBe('');
  expect(res.code).toBe(0);
  stdout = res.stdout;
  world = await buildWorld(parseScenario(scenario));
}, 120_000);

describe('wastetwin plan', () => {
  it('writes the four exports and a summary of trucks, km, hours, utilisation and the longest line', () => {
    for (const f of ['routes.json', 'routes.csv', 'routes.geojson', 'timetable.md']) expect(existsSync(join(out, f))).toBe(true);
    expect(stdout).toMatch(/\| truck type \| trucks used \| lines \| km \/ week \| hours \/ week \| utilisation/);
    expect(stdout).toMatch(/\| RES +\| +\d+ of 4 \|/);
    const json = JSON.parse(readFileSync(join(out, 'routes.json'), 'utf8'));
    const stops = json.lines.reduce((a: number, l: { stops: { kind: string }[] }) => a + l.stops.filter((s) => s.kind === 'stop').length, 0);
    for (const l of json.lines) {
      for (const k of ['id', 'truck', 'stream', 'days', 'start', 'end', 'km', 'hours', 'stops', 'unloads']) expect(l).toHaveProperty(k);
      for (const s of l.stops) expect(s.time).toMatch(/^\d\d:\d\d$/);
    }
    const csv = readFileSync(join(out, 'routes.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('line,truck,stream,days,seq,kind,site,time,time_s,load_kg,load_after_kg,lon,lat');
    expect(csv.slice(1).filter((r) => r.split(',')[5] === 'stop')).toHaveLength(stops);
    const md = readFileSync(join(out, 'timetable.md'), 'utf8');
    expect(md.split('\n').filter((r) => /^\| P\d+/.test(r))).toHaveLength(stops);
  });

  it('writes valid GeoJSON: [lon, lat] positions, the same property keys on every feature of a kind', () => {
    const gj = JSON.parse(readFileSync(join(out, 'routes.geojson'), 'utf8'));
    expect(gj.type).toBe('FeatureCollection');
    const keys = new Map<string, string>();
    for (const f of gj.features as Feature[]) {
      expect(f.type).toBe('Feature');
      expect(['LineString', 'Point']).toContain(f.geometry.type);
      const positions = (f.geometry.type === 'Point' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][];
      if (f.geometry.type === 'LineString') expect(positions.length).toBeGreaterThanOrEqual(2);
      for (const p of positions) {
        expect(p).toHaveLength(2);
        // The town lies a few km north-east of the reference origin: lon first, then lat.
        expect(Math.abs(p[0] - SYNTHETIC_ORIGIN.lon)).toBeLessThan(0.1);
        expect(Math.abs(p[1] - SYNTHETIC_ORIGIN.lat)).toBeLessThan(0.1);
      }
      expect(f.properties).not.toBeNull();
      for (const v of Object.values(f.properties)) expect(['string', 'number']).toContain(typeof v);
      const k = Object.keys(f.properties).sort().join(',');
      if (!keys.has(f.geometry.type)) keys.set(f.geometry.type, k);
      expect(k).toBe(keys.get(f.geometry.type));
    }
    expect(keys.size).toBe(2);
  });

  it('draws each line along the road network, from its depot back to its depot', () => {
    const gj = JSON.parse(readFileSync(join(out, 'routes.geojson'), 'utf8'));
    const g = world.graph;
    const proj = projectionAt(SYNTHETIC_ORIGIN);
    // Within half a metre (coordinates are written to seven decimals, about a centimetre).
    const near = (x: number, y: number, xs: ArrayLike<number>, ys: ArrayLike<number>, n: number, stride = 1) => {
      for (let i = 0; i < n; i++) if (Math.hypot(xs[i * stride] - x, ys[i * stride] - y) < 0.5) return i;
      return -1;
    };
    const nodeOf = (x: number, y: number) => near(x, y, g.x, g.y, g.nodeCount);
    const onShape = (x: number, y: number) => near(x, y, g.shapeXY, g.shapeXY.subarray(1), g.shapeXY.length / 2, 2) >= 0;
    const depot = world.depots[0].node;
    let lines = 0;
    for (const f of gj.features as Feature[]) {
      if (f.geometry.type !== 'LineString') continue;
      lines++;
      const verts = (f.geometry.coordinates as number[][]).map(([lon, lat]) => proj.toXY(lon, lat));
      const nodes = verts.map(([x, y]) => nodeOf(x, y));
      const shaped = verts.map(([x, y]) => onShape(x, y));
      verts.forEach((_, i) => expect(nodes[i] >= 0 || shaped[i], `vertex ${i} of ${f.properties.line} is off the roads`).toBe(true));
      expect(nodes[0]).toBe(depot);
      expect(nodes[nodes.length - 1]).toBe(depot);
      for (let i = 1; i < nodes.length; i++) {
        if (nodes[i - 1] < 0 || nodes[i] < 0 || shaped[i] || shaped[i - 1]) continue;
        expect(findEdge(g, nodes[i - 1], nodes[i]), `${f.properties.line}: no road from vertex ${i - 1} to ${i}`).toBeGreaterThanOrEqual(0);
      }
    }
    expect(lines).toBeGreaterThan(0);
  });

  it('refuses a missing scenario or a bad previous timetable with exit code 2 and writes nothing', async () => {
    const missing = await runCli(['plan', '/nonexistent/scenario.json', '--out', join(out, 'x')]);
    expect(missing.code).toBe(2);
    const { file, dir } = writeTemp(scenario);
    const bad = writeTemp('{"lines": 3}', 'routes.json');
    const res = await runCli(['plan', file, '--previous', bad.file, '--out', join(dir, 'y')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('routes.json');
    expect(existsSync(join(dir, 'y'))).toBe(false);
  });
});
