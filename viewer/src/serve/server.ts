/**
 * (Node side.) A small static server on 127.0.0.1 for the built viewer and
 * one run folder: `/` is the app, `/run/<file>` a file of the run folder
 * (nothing outside it). The page is opened at `/?replay=run/replay.ndjson`.
 * Files are served with byte ranges, so the page fetches one day of a long
 * replay at a time, and `/run/<file>.lines` gives where the lines of a file
 * start and end, so the page need not download a long run to find its days.
 */
import { createReadStream, statSync, type Stats } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { LineIndexer, type ServedLineIndex } from '../replay/line-index.ts';
import { DIST_DIR } from './build.ts';

export const LINE_INDEX_SUFFIX = '.lines';

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

/** The one range of a `Range: bytes=a-b` header (inclusive ends), or null to send the whole file. */
export function byteRange(header: string, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  const start = m[1] === '' ? Math.max(size - Number(m[2]), 0) : Number(m[1]);
  const end = m[1] === '' || m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  return start > end || start >= size ? 'unsatisfiable' : { start, end };
}

const etagOf = (st: Stats): string => `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;

/** Scans the file once per version (by ETag); a file rewritten during the scan is scanned again. */
async function lineIndexOf(file: string, cache: Map<string, ServedLineIndex>): Promise<ServedLineIndex> {
  for (;;) {
    const etag = etagOf(statSync(file));
    const have = cache.get(file);
    if (have?.etag === etag) return have;
    const indexer = new LineIndexer();
    for await (const chunk of createReadStream(file)) indexer.push(chunk as Buffer);
    if (etagOf(statSync(file)) !== etag) continue;
    const index = { etag, ...indexer.finish() };
    cache.set(file, index);
    return index;
  }
}

export function startViewServer(opts: { runDir: string; port: number; host?: string; distDir?: string }): Promise<ViewServer> {
  const runDir = resolve(opts.runDir);
  const dist = resolve(opts.distDir ?? DIST_DIR);
  const host = opts.host ?? '127.0.0.1';
  const indexes = new Map<string, ServedLineIndex>();
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') { res.writeHead(405).end(); return; }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const indexed = path.startsWith('/run/') && path.endsWith(LINE_INDEX_SUFFIX) ? fileUnder(runDir, path.slice(4, -LINE_INDEX_SUFFIX.length)) : null;
    if (indexed) {
      lineIndexOf(indexed, indexes).then(
        (index) => res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(index)),
        (e: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`cannot index ${path}: ${String(e)}\n`),
      );
      return;
    }
    const file = path.startsWith('/run/') ? fileUnder(runDir, path.slice(4)) : fileUnder(dist, path === '/' ? '/index.html' : path);
    if (!file) { res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}\n`); return; }
    const st = statSync(file);
    const etag = etagOf(st);
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache', 'accept-ranges': 'bytes', etag };
    // A range is served only while the file is the one the client indexed (If-Range); else the whole new file.
    const range = req.headers.range !== undefined && (req.headers['if-range'] === undefined || req.headers['if-range'] === etag)
      ? byteRange(req.headers.range, st.size) : null;
    if (range === 'unsatisfiable') { res.writeHead(416, { ...headers, 'content-range': `bytes */${st.size}` }).end(); return; }
    if (range) {
      res.writeHead(206, { ...headers, 'content-length': range.end - range.start + 1, 'content-range': `bytes ${range.start}-${range.end}/${st.size}` });
    } else res.writeHead(200, { ...headers, 'content-length': st.size });
    if (req.method === 'HEAD') res.end(); else createReadStream(file, range ?? {}).pipe(res);
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
