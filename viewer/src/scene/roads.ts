/**
 * Roads: one merged LineSegments per road class, so the draw calls are the
 * number of classes, whatever the size of the network. A large network leaves
 * its minor classes out while the camera is dragged (showMinorRoads): software
 * WebGL took 130 ms to draw Guangzhou's 87,000 segments, 60 ms without its
 * 50,000 local ones.
 */
import { BufferGeometry, Float32BufferAttribute, Group, LineBasicMaterial, LineSegments } from 'three';
import type { ReplayHeader } from '../replay/types.ts';
import { sceneX, sceneZ, type Frame } from './frame.ts';

export const ROAD_COLOURS: Record<string, string> = {
  local: '#4a5566', collector: '#6b7789', arterial: '#95a1b3', ring: '#c3ccd8', service: '#3d4552',
};

/** Minor classes, left out while a large network is dragged. */
const MINOR = new Set(['local', 'service']);
/** Networks with more segments than this leave their minor classes out while dragged. */
export const LOD_SEGMENTS = 20_000;

export function buildRoads(h: ReplayHeader, f: Frame): Group {
  const byClass: number[][] = h.roads.classes.map(() => []);
  for (const line of h.roads.polylines) {
    const out = byClass[line[0]];
    if (!out) continue;
    for (let k = 1; k + 3 < line.length; k += 2) {
      out.push(sceneX(f, line[k]), 0, sceneZ(f, line[k + 1]), sceneX(f, line[k + 2]), 0, sceneZ(f, line[k + 3]));
    }
  }
  const group = new Group();
  group.name = 'roads';
  group.userData.segments = byClass.reduce((n, xyz) => n + xyz.length / 6, 0);
  h.roads.classes.forEach((cls, i) => {
    if (byClass[i].length === 0) return;
    const g = new BufferGeometry();
    g.setAttribute('position', new Float32BufferAttribute(byClass[i], 3));
    const lines = new LineSegments(g, new LineBasicMaterial({ color: ROAD_COLOURS[cls] ?? '#4a5260' }));
    lines.name = `roads:${cls}`;
    lines.position.y = 0.5 + i * 0.1; // above the ground, major roads drawn over minor ones
    group.add(lines);
  });
  return group;
}

/** Shows or leaves out the minor classes of a network from buildRoads; returns whether that changed anything. */
export function showMinorRoads(roads: Group, show: boolean): boolean {
  let changed = false;
  for (const lines of roads.children) {
    if (!MINOR.has(lines.name.slice('roads:'.length)) || lines.visible === show) continue;
    lines.visible = show;
    changed = true;
  }
  return changed;
}
