/**
 * A local plane for a city: metres east (x) and north (y) of an origin, by an
 * equirectangular projection at the origin's latitude. Over a city (tens of
 * km) its error stays under a few parts in ten thousand, well below what a
 * road's drawn position is worth, and it is cheap in both directions.
 */
const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

export interface LonLat { lon: number; lat: number }

export interface Projection {
  toXY(lon: number, lat: number): [number, number];
  toLonLat(x: number, y: number): [number, number];
}

export function projectionAt(origin: LonLat): Projection {
  const kx = EARTH_RADIUS_M * RAD * Math.cos(origin.lat * RAD);
  const ky = EARTH_RADIUS_M * RAD;
  return {
    toXY: (lon, lat) => [(lon - origin.lon) * kx, (lat - origin.lat) * ky],
    toLonLat: (x, y) => [origin.lon + x / kx, origin.lat + y / ky],
  };
}
