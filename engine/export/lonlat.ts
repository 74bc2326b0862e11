/**
 * Plane metres → lon/lat for exports. A network read from OpenStreetMap
 * carries its origin; a synthetic city has none, so its (0, 0) corner is put
 * at a fixed, documented reference point — central Guangzhou — to open in any
 * web map at a plausible place and scale. Either way the local equirectangular
 * projection of engine/network/projection.ts turns x/y back into lon/lat.
 */
import type { World } from '../scenario/world.ts';

/** Where a synthetic city's (0, 0) is placed in exports. */
export const SYNTHETIC_ORIGIN = { lon: 113.2644, lat: 23.1291 } as const;

export type ToLonLat = (x: number, y: number) => [number, number];

export async function lonLatOf(world: World): Promise<ToLonLat> {
  const origin = world.origin ?? SYNTHETIC_ORIGIN;
  // TODO(integration): static import once engine/network/projection.ts is committed.
  const projPath = '../network/projection.ts';
  const { projectionAt } = (await import(projPath)) as { projectionAt: (o: { lon: number; lat: number }) => { toLonLat: ToLonLat } };
  const p = projectionAt(origin);
  // Seven decimals: about a centimetre, enough for a road drawn on a map and stable to diff.
  return (x, y) => p.toLonLat(x, y).map((v) => Math.round(v * 1e7) / 1e7) as [number, number];
}
