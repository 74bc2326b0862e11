/**
 * Travel matrices from planar coordinates, for benchmark files. `nint` rounds
 * each Euclidean distance to the nearest integer (TSPLIB EUC_2D, CVRPLIB's X
 * set); `none` keeps double precision (Christofides–Mingozzi–Toth, Golden).
 */
export type Rounding = 'nint' | 'none';

export function euclideanMatrix(xs: ArrayLike<number>, ys: ArrayLike<number>, rounding: Rounding): Float64Array {
  const n = xs.length;
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = Math.hypot(xs[i] - xs[j], ys[i] - ys[j]);
      const v = rounding === 'nint' ? Math.floor(d + 0.5) : d;
      m[i * n + j] = v;
      m[j * n + i] = v;
    }
  }
  return m;
}

/** Rectilinear distances, each multiplied by `scale` (e.g. feet → miles). */
export function manhattanMatrix(xs: ArrayLike<number>, ys: ArrayLike<number>, scale = 1): Float64Array {
  const n = xs.length;
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) m[i * n + j] = (Math.abs(xs[i] - xs[j]) + Math.abs(ys[i] - ys[j])) * scale;
  }
  return m;
}
