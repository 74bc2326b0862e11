import { describe, expect, it } from 'vitest';
import { compileTrack, newPose, poseAt, type Places } from '../../viewer/src/replay/track.ts';
import type { Leg } from '../../viewer/src/replay/types.ts';

const places: Places = { pointX: [0, 100], pointY: [0, 50], sites: new Map([['TS', { x: 500, y: 500 }], ['D1', { x: -10, y: -20 }]]) };
const legs: Leg[] = [
  { kind: 'drive', xy: [0, 0, 100, 0, 100, 50], t: [1000, 1100, 1150], loadKg: 0 },
  { kind: 'serve', t0: 1150, t1: 1250, point: 1, loadKg: [0, 300] },
  { kind: 'drive', xy: [100, 50, 500, 500], t: [1300, 1400], loadKg: 300 },
  { kind: 'queue', t0: 1400, t1: 1500, site: 'TS' },
  { kind: 'unload', t0: 1500, t1: 1600, site: 'TS', loadKg: [300, 0], manifests: ['M1'] },
];
const track = compileTrack(legs, places, places.sites.get('D1'));
const at = (t: number) => poseAt(track, t, newPose());

describe('truck position and load at time t', () => {
  it('waits at its depot, empty, before its first leg', () => {
    expect(at(0)).toMatchObject({ x: -10, y: -20, loadKg: 0, state: 'home', leg: -1 });
  });
  it('is at the start of the polyline when the drive starts', () => {
    expect(at(1000)).toMatchObject({ x: 0, y: 0, state: 'drive', leg: 0 });
  });
  it('interpolates linearly between the two vertices whose times bracket t', () => {
    const p = at(1050);
    expect(p.x).toBeCloseTo(50);
    expect(p.y).toBeCloseTo(0);
    expect(p.heading).toBeCloseTo(0);
    const q = at(1125);
    expect(q.x).toBeCloseTo(100);
    expect(q.y).toBeCloseTo(25);
    expect(q.heading).toBeCloseTo(Math.PI / 2);
  });
  it('is at the last vertex at the end of the drive', () => {
    const p = at(1149.999);
    expect(p.x).toBeCloseTo(100);
    expect(p.y).toBeCloseTo(50, 2);
  });
  it('stays at the point while serving and its load rises linearly', () => {
    expect(at(1200)).toMatchObject({ x: 100, y: 50, state: 'serve', loadKg: 150 });
    expect(at(1250).loadKg).toBe(300);
  });
  it('stays where the previous leg ended between legs, keeping its load', () => {
    expect(at(1275)).toMatchObject({ x: 100, y: 50, loadKg: 300, state: 'idle', leg: 1 });
  });
  it('waits at the site while queueing, still loaded', () => {
    expect(at(1450)).toMatchObject({ x: 500, y: 500, loadKg: 300, state: 'queue' });
  });
  it('empties linearly while unloading and stays at the site after its last leg', () => {
    expect(at(1550)).toMatchObject({ x: 500, y: 500, loadKg: 150, state: 'unload' });
    expect(at(90_000)).toMatchObject({ x: 500, y: 500, loadKg: 0, state: 'idle', leg: 4 });
  });
  it('reuses the pose object it is given', () => {
    const out = newPose();
    expect(poseAt(track, 1050, out)).toBe(out);
  });
  it('starts from its first leg when the depot is unknown', () => {
    const t = compileTrack(legs, places, undefined);
    expect(poseAt(t, 0, newPose())).toMatchObject({ x: 0, y: 0, state: 'home' });
  });
});
