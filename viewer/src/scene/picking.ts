/**
 * Screen-space picking: the object whose projected position lies nearest the
 * pointer, within a radius in CSS pixels. Simpler than ray casting against
 * moving instances, and exact enough for markers a few pixels wide.
 */
import { Vector3, type Camera } from 'three';

const v = new Vector3();

export interface ScreenHit { index: number; distPx: number }

/** `at(i, out)` writes object i's scene position into out. */
export function nearestOnScreen(
  count: number, at: (i: number, out: Vector3) => void, camera: Camera,
  widthPx: number, heightPx: number, px: number, py: number, maxPx: number,
): ScreenHit | null {
  let best = -1;
  let bestD = maxPx * maxPx;
  for (let i = 0; i < count; i++) {
    at(i, v);
    v.project(camera);
    if (v.z > 1 || v.z < -1) continue;
    const sx = (v.x + 1) * 0.5 * widthPx, sy = (1 - v.y) * 0.5 * heightPx;
    const d = (sx - px) * (sx - px) + (sy - py) * (sy - py);
    if (d <= bestD) { bestD = d; best = i; }
  }
  return best < 0 ? null : { index: best, distPx: Math.sqrt(bestD) };
}

/** Scene position → CSS pixels in a canvas of the given size (null when behind the camera). */
export function toScreen(p: Vector3, camera: Camera, widthPx: number, heightPx: number): { x: number; y: number } | null {
  v.copy(p).project(camera);
  if (v.z > 1 || v.z < -1) return null;
  return { x: (v.x + 1) * 0.5 * widthPx, y: (1 - v.y) * 0.5 * heightPx };
}
