/** Helpers the browser tests share: opening the viewer on a replay and reading the page's state. */
import type { Page } from 'playwright-core';

export interface Hook {
  ready: boolean;
  error: string | null;
  warning: string | null;
  drawCalls(): number;
  triangles(): number;
  staticDraws(): number;
  slowDraws(): number;
  localRoadsShown(): boolean;
  measure(on: boolean): { frames: number; jsMs: number; renderMs: number };
  daysHeld(): number;
  daysAvailable(): number;
  dayParser(): 'worker' | 'page';
  markers(): 'instanced' | 'merged' | null;
  counts(): { points: number; trucks: number };
  frames(): number;
  time(): number | null;
  playing(): boolean;
  setTime(t: number): Promise<void>;
  freeze(): void;
  selectSite(typeOrId: string): void;
  truckScreen(id: string): { x: number; y: number } | null;
  siteScreen(id: string): { x: number; y: number } | null;
  truckPose(id: string): { x: number; y: number; loadKg: number; state: string } | null;
}
declare global {
  interface Window { __wastetwin: Hook }
}

/** Opens the page on `replay` (a path the server knows), paused, and waits until it is shown or has failed. */
export async function openReplay(page: Page, base: string, replay: string, extra = ''): Promise<void> {
  await page.goto(`${base}/?replay=${encodeURIComponent(replay)}&autoplay=0${extra}`);
  await page.waitForFunction(() => window.__wastetwin && (window.__wastetwin.ready || window.__wastetwin.error !== null), null, { timeout: 60_000 });
}

/**
 * Variance of the luminance of the map's pixels (0 for a blank map), read back through a 2D canvas: by default
 * the static layer's canvas with the moving layers' drawn over it, as the page stacks them.
 */
export function canvasLuminanceVariance(page: Page, selector = '#stage canvas'): Promise<number> {
  return page.evaluate((sel) => {
    const c = document.createElement('canvas');
    c.width = 320;
    c.height = 200;
    const ctx = c.getContext('2d')!;
    for (const gl of document.querySelectorAll(sel)) ctx.drawImage(gl as HTMLCanvasElement, 0, 0, c.width, c.height);
    const px = ctx.getImageData(0, 0, c.width, c.height).data;
    let sum = 0, sum2 = 0;
    const n = px.length / 4;
    for (let i = 0; i < px.length; i += 4) {
      const y = 0.299 * px[i] + 0.587 * px[i + 1] + 0.114 * px[i + 2];
      sum += y;
      sum2 += y * y;
    }
    return sum2 / n - (sum / n) ** 2;
  }, selector);
}

/** Ids and screen positions of the trucks at least `gapPx` away from every other truck on screen. */
export async function isolatedTrucks(page: Page, ids: string[], gapPx: number): Promise<{ id: string; x: number; y: number }[]> {
  const at = await page.evaluate((list) => list.map((id) => ({ id, p: window.__wastetwin.truckScreen(id) })), ids);
  const vis = at.filter((a) => a.p && a.p.x > 300 && a.p.x < 900 && a.p.y > 60 && a.p.y < 720).map((a) => ({ id: a.id, x: a.p!.x, y: a.p!.y }));
  return vis.filter((a) => at.every((b) => b.id === a.id || !b.p || Math.hypot(b.p.x - a.x, b.p.y - a.y) >= gapPx));
}

