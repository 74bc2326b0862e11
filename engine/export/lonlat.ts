/**
 * Plane metres → lon/lat for exports. A network read from OpenStreetMap
 * carries its origin; a synthetic city has none, so its (0, 0) corner is put
 * at a fixed, documented reference point — central Guangzhou — to open in any
 * web map at a plausible place and scale. Either way the local equirectangular
 * projection of engine/network/projection.ts turns x/y back into lon/lat.
 */
import type { World } from '../scenario/world.ts';
import { projectionAt } from '../network/projection.ts';

/** Where a synthetic city's (0, 0) is placed in exports. */
export const SYNTHETIC_ORIGIN = { lon: 113.2644, lat: 23.1291 } as const;

export type ToLonLat = (x: number, y: number) => [number, number];

export function lonLatOf(world: World): ToLonLat {
  const p = projectionAt(world.origin ?? SYNTHETIC_ORIGIN);
  // Seven decimals: about a centimetre, enough for a road drawn on a map and stable to diff.
  return (x, y) => p.toLonLat(x, y).map((v) => Math.round(v * 1e7) / 1e7) as [number, number];
}
