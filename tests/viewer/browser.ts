/**
 * Headless Chromium for the viewer's browser tests and benchmark: Debian's
 * package at /usr/bin/chromium driven by playwright-core, with a fresh
 * profile, no network chatter, and WebGL through SwiftShader (no GPU).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium, or the one WASTETWIN_CHROMIUM names. */
export const CHROMIUM = process.env.WASTETWIN_CHROMIUM || '/usr/bin/chromium';

/** Why the browser tests cannot run here, or null when they can. In CI a missing browser is a failure, not a skip. */
export function browserMissing(path = CHROMIUM, ci = process.env.CI === 'true'): string | null {
  if (existsSync(path)) return null;
  if (ci) throw new Error(`${path} is missing in CI: .ci/install-browser.sh should have installed it`);
  return `${path} not found: the viewer's browser tests are skipped (install it with .ci/install-browser.sh)`;
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(viewport = { width: 1280, height: 800 }): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'wastetwin-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
