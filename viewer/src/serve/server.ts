/**
 * (Node side.) A small static server on 127.0.0.1 for the built viewer and
 * one run folder: `/` is the app, `/run/<file>` a file of the run folder
 * (nothing outside it). The page is opened at `/?replay=run/replay.ndjson`.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { DIST_DIR } from './build.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.ndjson': 'application/x-ndjson', '.csv': 'text/csv; charset=utf-8', '.md': 'text/markdown; charset=utf-8',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
};

export interface ViewServer {
  server: Server;
  /** The page that plays the run's replay. */
  url: string;
  close(): Promise<void>;
}

/** The file under root named by the URL path, or null when it leaves root or is not a file. */
function fileUnder(root: string, urlPath: string): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const full = resolve(root, `.${rel.startsWith('/') ? rel : `/${rel}`}`);
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  try {
    return statSync(full).isFile() ? full : null;
  } catch {
    return null;
  }
}

export function startViewServer(opts: { runDir: string; port: number; host?: string; distDir?: string }): Promise<ViewServer> {
  const runDir = resolve(opts.runDir);
  const dist = resolve(opts.distDir ?? DIST_DIR);
  const host = opts.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') { res.writeHead(405).end(); return; }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = path.startsWith('/run/') ? fileUnder(runDir, path.slice(4)) : fileUnder(dist, path === '/' ? '/index.html' : path);
    if (!file) { res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}\n`); return; }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
      'cache-control': 'no-cache',
    });
    if (req.method === 'HEAD') res.end(); else createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, host, () => {
      server.off('error', fail);
      const port = (server.address() as AddressInfo).port;
      ok({
        server,
        url: `http://${host}:${port}/?replay=run/replay.ndjson`,
        close: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }),
      });
    });
  });
}
