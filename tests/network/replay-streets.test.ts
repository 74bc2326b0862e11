/**
 * The replay follows the streets: on real roads every straight piece a truck
 * drives is a piece of a road's polyline (from junction to bend to bend to
 * junction), in a direction the road allows — never a cut between stops.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWorld, runWorld } from '../../engine/report/run.ts';
import { Router } from '../../engine/sim/router.ts';
import { pathPolyline } from '../../engine/network/road-graph.ts';

const SCENARIO = new URL('../../scenarios/monaco.json', import.meta.url).pathname;

describe('replay on real streets', () => {
  it('a leg\'s timed polyline runs through every bend of every road on the path, in time order', async () => {
    const world = await loadWorld(SCENARIO, { days: 1 });
    const router = new Router(world.graph);
    const a = world.depots[0].node, b = world.plants[1].node;
    const leg = router.leg(a, b);
    const timed = router.timedPolyline(leg, 1000, 0.8);
    expect(timed.xy).toEqual(pathPolyline(world.graph, Array.from(leg.nodes)));
    // The street is longer than the line between junctions: it has bends.
    expect(timed.xy.length / 2).toBeGreaterThan(leg.nodes.length);
    for (let i = 1; i < timed.t.length; i++) expect(timed.t[i]).toBeGreaterThanOrEqual(timed.t[i - 1]);
    expect(timed.t[timed.t.length - 1]).toBeCloseTo(1000 + leg.timeS / 0.8, 6);
  });

  it('every straight piece a truck drives in a simulated day is a piece of a road, in its direction', async () => {
    const world = await loadWorld(SCENARIO, { days: 1 });
    const out = mkdtempSync(join(tmpdir(), 'wastetwin-replay-'));
    runWorld(world, out);
    const [header, day] = readFileSync(join(out, 'replay.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(header.attribution).toBe('© OpenStreetMap contributors');
    // Every straight piece of every road of the graph, rounded as the replay rounds them.
    const g = world.graph, r1 = (v: number) => Math.round(v * 10) / 10;
    const pieces = new Set<string>();
    for (let u = 0; u < g.nodeCount; u++) {
      for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
        const line = [g.x[u], g.y[u], ...g.shapeXY.subarray(g.shapeOffsets[e], g.shapeOffsets[e + 1]), g.x[g.targets[e]], g.y[g.targets[e]]].map(r1);
        for (let i = 2; i < line.length; i += 2) pieces.add(`${line[i - 2]},${line[i - 1]}>${line[i]},${line[i + 1]}`);
      }
    }
    let vertices = 0;
    for (const truck of day.trucks) {
      for (const leg of truck.legs) {
        if (leg.kind !== 'drive') continue;
        for (let i = 2; i < leg.xy.length; i += 2) {
          expect(pieces.has(`${leg.xy[i - 2]},${leg.xy[i - 1]}>${leg.xy[i]},${leg.xy[i + 1]}`)).toBe(true);
          vertices++;
        }
      }
    }
    expect(vertices).toBeGreaterThan(1000);
  });

  it('the replay draws every road once, including a second road joining two junctions the other way', async () => {
    const world = await loadWorld(SCENARIO, { days: 1 });
    const out = mkdtempSync(join(tmpdir(), 'wastetwin-replay-'));
    runWorld(world, out);
    const header = JSON.parse(readFileSync(join(out, 'replay.ndjson'), 'utf8').split('\n')[0]);
    const drawn = new Set<string>((header.roads.polylines as number[][]).map((l) => l.slice(1).join(',')));
    const g = world.graph, r1 = (v: number) => Math.round(v * 10) / 10;
    let missing = 0;
    for (let u = 0; u < g.nodeCount; u++) {
      for (let e = g.offsets[u]; e < g.offsets[u + 1]; e++) {
        const xy = [g.x[u], g.y[u], ...g.shapeXY.subarray(g.shapeOffsets[e], g.shapeOffsets[e + 1]), g.x[g.targets[e]], g.y[g.targets[e]]].map(r1);
        const back: number[] = [];
        for (let i = xy.length - 2; i >= 0; i -= 2) back.push(xy[i], xy[i + 1]);
        if (!drawn.has(xy.join(',')) && !drawn.has(back.join(','))) missing++;
      }
    }
    expect(missing).toBe(0);
    // Two-way streets are drawn once, not twice.
    expect(drawn.size).toBeLessThan(g.targets.length);
  });
});
