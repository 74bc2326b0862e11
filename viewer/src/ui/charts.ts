/** Small canvas-2D charts for the panels: horizontal bars with an optional target tick, and a line over the day with a time marker. */

export interface Bar {
  label: string;
  value: number;
  /** Full width of the bar. */
  max: number;
  colour: string;
  /** Part of the value reached by the clock so far (drawn solid; the rest faint). */
  soFar?: number;
  target?: number;
  text: string;
}

function prepare(canvas: HTMLCanvasElement, heightCss: number): CanvasRenderingContext2D {
  const dpr = window.devicePixelRatio || 1;
  const w = canvas.clientWidth || 260;
  if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(heightCss * dpr)) {
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(heightCss * dpr);
    canvas.style.height = `${heightCss}px`;
  }
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, heightCss);
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  return ctx;
}

/** `text` cut with an ellipsis to fit `widthPx` (long plant names beside their figures). */
function fit(ctx: CanvasRenderingContext2D, text: string, widthPx: number): string {
  if (ctx.measureText(text).width <= widthPx) return text;
  let n = text.length;
  while (n > 1 && ctx.measureText(`${text.slice(0, n)}…`).width > widthPx) n--;
  return `${text.slice(0, n)}…`;
}

export function drawBars(canvas: HTMLCanvasElement, bars: Bar[]): void {
  // The figures as text too, for screen readers (and the browser tests).
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', bars.map((b) => `${b.label}: ${b.text}`).join('; '));
  const rowH = 30;
  const ctx = prepare(canvas, bars.length * rowH + 4);
  const w = canvas.clientWidth || 260;
  bars.forEach((b, i) => {
    const y = i * rowH + 2;
    ctx.fillStyle = '#c9d1d9';
    ctx.textAlign = 'left';
    ctx.fillText(fit(ctx, b.label, w - ctx.measureText(b.text).width - 8), 0, y + 7);
    ctx.textAlign = 'right';
    ctx.fillText(b.text, w, y + 7);
    const scale = b.max > 0 ? (w - 2) / b.max : 0;
    ctx.fillStyle = '#2a313b';
    ctx.fillRect(0, y + 15, w, 10);
    ctx.globalAlpha = 0.35;
    ctx.fillStyle = b.colour;
    ctx.fillRect(0, y + 15, Math.min(b.value * scale, w), 10);
    ctx.globalAlpha = 1;
    ctx.fillRect(0, y + 15, Math.min((b.soFar ?? b.value) * scale, w), 10);
    if (b.target !== undefined) {
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(Math.min(b.target * scale, w - 2), y + 12, 2, 16);
    }
  });
}

export interface Series { values: ArrayLike<number>; colour: string; label: string }

/** Lines of `series` against times `ts`, from 0 to `maxY` (a dashed line at `limit` if given), a marker at `tNow`. */
export function drawLines(canvas: HTMLCanvasElement, ts: ArrayLike<number>, series: Series[], tNow: number, limit?: { value: number; label: string }): void {
  const hCss = 110;
  const ctx = prepare(canvas, hCss);
  const w = canvas.clientWidth || 260;
  const top = 14, bottom = hCss - 14;
  const n = ts.length;
  if (n < 2) return;
  let maxY = limit?.value ?? 0;
  for (const s of series) for (let i = 0; i < s.values.length; i++) maxY = Math.max(maxY, s.values[i]);
  maxY = maxY > 0 ? maxY * 1.05 : 1;
  const t0 = ts[0], t1 = ts[n - 1];
  const X = (t: number) => ((t - t0) / (t1 - t0 || 1)) * w;
  const Y = (v: number) => bottom - (v / maxY) * (bottom - top);
  ctx.strokeStyle = '#2a313b';
  ctx.beginPath(); ctx.moveTo(0, bottom); ctx.lineTo(w, bottom); ctx.stroke();
  if (limit) {
    ctx.setLineDash([4, 3]);
    ctx.strokeStyle = '#8b949e';
    ctx.beginPath(); ctx.moveTo(0, Y(limit.value)); ctx.lineTo(w, Y(limit.value)); ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = '#8b949e'; ctx.textAlign = 'left';
    ctx.fillText(limit.label, 2, Y(limit.value) - 6);
  }
  series.forEach((s, k) => {
    ctx.strokeStyle = s.colour;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    for (let i = 0; i < n && i < s.values.length; i++) (i ? ctx.lineTo : ctx.moveTo).call(ctx, X(ts[i]), Y(s.values[i]));
    ctx.stroke();
    ctx.fillStyle = s.colour; ctx.textAlign = 'right';
    ctx.fillText(s.label, w, top - 6 + k * 12);
  });
  ctx.lineWidth = 1;
  ctx.strokeStyle = '#f0c040';
  const xm = X(Math.min(Math.max(tNow, t0), t1));
  ctx.beginPath(); ctx.moveTo(xm, top); ctx.lineTo(xm, bottom); ctx.stroke();
  ctx.fillStyle = '#8b949e'; ctx.textAlign = 'left';
  ctx.fillText('00:00', 0, hCss - 6);
  ctx.textAlign = 'right';
  ctx.fillText('24:00', w, hCss - 6);
}
