/**
 * City plane → scene: x east stays x, y north becomes −z, heights go up y.
 * Coordinates are taken relative to the middle of the bounds so that large
 * projected cities keep float precision. Sizes of the markers follow the size
 * of the city, so a village and a megacity both read at a glance.
 */
import type { ReplayHeader } from '../replay/types.ts';

export interface Frame {
  cx: number;
  cy: number;
  /** Larger side of the bounds, in metres. */
  extentM: number;
  /** Marker scale: metres per "unit" of marker size. */
  unitM: number;
}

export function frameOf(h: ReplayHeader): Frame {
  const [x0, y0, x1, y1] = h.bounds;
  const extentM = Math.max(x1 - x0, y1 - y0, 1);
  return { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, extentM, unitM: extentM / 400 };
}

export const sceneX = (f: Frame, x: number): number => x - f.cx;
export const sceneZ = (f: Frame, y: number): number => -(y - f.cy);
