/**
 * (Node side.) Builds the viewer into viewer/dist with Vite when the build is
 * missing or older than any of its sources, so `wastetwin view` works right
 * after a clone without a separate build step.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const VIEWER_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const DIST_DIR = join(VIEWER_DIR, 'dist');

function newestMtimeMs(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtimeMs(join(path, name)));
  return newest;
}

export function buildIsStale(): boolean {
  const built = join(DIST_DIR, 'index.html');
  if (!existsSync(built)) return true;
  const sources = ['index.html', 'vite.config.ts', 'src'].map((p) => join(VIEWER_DIR, p));
  return Math.max(...sources.map(newestMtimeMs)) > statSync(built).mtimeMs;
}

/** Builds when stale (or when forced); returns whether it built. */
export async function ensureViewerBuilt(force = false): Promise<boolean> {
  if (!force && !buildIsStale()) return false;
  const { build } = await import('vite');
  await build({ configFile: join(VIEWER_DIR, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}
