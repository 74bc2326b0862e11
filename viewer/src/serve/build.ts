/**
 * (Node side.) Builds the viewer into viewer/dist with Vite when the build is
 * missing or older than any of its sources, so `wastetwin view` works right
 * after a clone without a separate build step.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
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

/**
 * One build at a time on this machine: a build empties viewer/dist first, so
 * two at once (test files run in parallel, a second `wastetwin view`) would
 * serve or leave a half-written app. A lock older than two minutes was left
 * by a build that died, and is taken over.
 */
async function withBuildLock<T>(f: () => Promise<T>): Promise<T> {
  const lock = join(tmpdir(), 'wastetwin-viewer-build.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      } catch { /* released meanwhile */ }
      await sleep(100);
    }
  }
  try {
    return await f();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds when stale (or when forced); returns whether it built. */
export async function ensureViewerBuilt(force = false): Promise<boolean> {
  if (!force && !buildIsStale()) return false;
  return withBuildLock(async () => {
    // Another process may have built it while this one waited.
    if (!force && !buildIsStale()) return false;
    const { build } = await import('vite');
    await build({ configFile: join(VIEWER_DIR, 'vite.config.ts'), logLevel: 'warn' });
    return true;
  });
}
