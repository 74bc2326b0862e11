/**
 * Colours: the fill scale of collection points (empty → full → overflowing)
 * and the streams' hex colours, as linear 0–1 RGB written into a caller's
 * array so the per-frame update allocates nothing.
 */
export type Rgb = [number, number, number] | Float32Array;

/** Fill in % of capacity at the scale's stops; above 100 % is overflowing and has its own colour. */
const STOPS: [number, number, number, number][] = [
  [0, 0.62, 0.85, 0.62],    // empty: pale green
  [50, 0.98, 0.82, 0.25],   // half: amber
  [100, 0.86, 0.18, 0.12],  // full: red
];
export const OVERFLOW_RGB: [number, number, number] = [0.72, 0.1, 0.85]; // magenta: waste left beside the bins

export type FillState = 'empty' | 'filling' | 'full' | 'overflowing';

export function fillState(pct: number): FillState {
  if (pct > 100) return 'overflowing';
  if (pct >= 90) return 'full';
  if (pct <= 10) return 'empty';
  return 'filling';
}

export function fillColour(pct: number, out: Rgb, offset = 0): Rgb {
  if (pct > 100) {
    out[offset] = OVERFLOW_RGB[0]; out[offset + 1] = OVERFLOW_RGB[1]; out[offset + 2] = OVERFLOW_RGB[2];
    return out;
  }
  const p = Number.isFinite(pct) ? Math.max(pct, 0) : 0;
  let k = 0;
  while (k < STOPS.length - 2 && p > STOPS[k + 1][0]) k++;
  const a = STOPS[k], b = STOPS[k + 1];
  const f = Math.min((p - a[0]) / (b[0] - a[0]), 1);
  out[offset] = a[1] + (b[1] - a[1]) * f;
  out[offset + 1] = a[2] + (b[2] - a[2]) * f;
  out[offset + 2] = a[3] + (b[3] - a[3]) * f;
  return out;
}

/** '#rrggbb' → 0–1 RGB; anything else is grey. */
export function hexColour(hex: string, out: Rgb, offset = 0): Rgb {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  const v = m ? parseInt(m[1], 16) : 0x888888;
  out[offset] = ((v >> 16) & 255) / 255;
  out[offset + 1] = ((v >> 8) & 255) / 255;
  out[offset + 2] = (v & 255) / 255;
  return out;
}

export const cssRgb = (c: ArrayLike<number>): string => `rgb(${Math.round(c[0] * 255)}, ${Math.round(c[1] * 255)}, ${Math.round(c[2] * 255)})`;
