/**
 * A replay opened from a Blob (a dropped or picked file) or from a URL (a run
 * served by `wastetwin view`): the header is parsed at once, each day only
 * when asked for, so memory holds the days being played, not the whole run.
 * From a URL whose server takes range requests, each day is fetched alone, so
 * not even the bytes of the run are kept; where the lines start comes from the
 * server (`wastetwin view` serves it beside the file as `<file>.lines`) or,
 * from another server, by streaming the file once. A file cut short still plays the days it
 * holds, with a warning that says what is missing.
 */
import { indexLines, indexStream, type LineIndex, type ServedLineIndex } from './line-index.ts';
import { parseDay, parseHeader, ReplayError } from './parse.ts';
import type { ReplayDay, ReplayHeader } from './types.ts';

/** Reads bytes [start, end) of the replay. */
type ReadRange = (start: number, end: number) => Promise<Uint8Array>;

/** Parses day line d from its bytes (UTF-8). */
export type DayLineParser = (bytes: Uint8Array, d: number) => ReplayDay | Promise<ReplayDay>;

const decoder = new TextDecoder();
const parseOnPage: DayLineParser = (bytes, d) => parseDay(decoder.decode(bytes), d);

export class ReplaySource {
  private constructor(
    private readonly read: ReadRange,
    private readonly lines: LineIndex,
    readonly header: ReplayHeader,
    /** Complete day lines in the file. */
    readonly daysAvailable: number,
    /** Set when the file holds fewer days than the header announces. */
    readonly warning: string | null,
  ) {}

  static async open(blob: Blob): Promise<ReplaySource> {
    return ReplaySource.fromIndex(await indexLines(blob), async (a, b) => new Uint8Array(await blob.slice(a, b).arrayBuffer()));
  }

  /** Fetches a replay by URL; by range requests when the server offers them, else whole as a Blob. */
  static async fetch(url: string): Promise<ReplaySource> {
    const served = await servedLineIndex(url);
    if (served) return ReplaySource.fromIndex(served, rangeReader(url, served.etag));
    const res = await fetch(url);
    if (!res.ok) throw new ReplayError(`cannot fetch ${url}: HTTP ${res.status} ${res.statusText}`);
    if (res.headers.get('accept-ranges') !== 'bytes' || !res.body) return ReplaySource.open(await res.blob());
    const version = res.headers.get('etag') ?? res.headers.get('last-modified');
    return ReplaySource.fromIndex(await indexStream(res.body), rangeReader(url, version));
  }

  private static async fromIndex(lines: LineIndex, read: ReadRange): Promise<ReplaySource> {
    if (lines.starts.length === 0) throw new ReplayError('the file is empty: no replay header on line 1');
    const line = async (i: number) => decoder.decode(await read(lines.starts[i], lines.ends[i]));
    const header = parseHeader(await line(0));
    let dayLines = lines.starts.length - 1;
    let cut = '';
    if (!lines.endsWithNewline && dayLines > 0) {
      // The last line may have been cut mid-write: keep it only if it parses.
      try {
        parseDay(await line(dayLines), dayLines - 1);
      } catch (e) {
        dayLines -= 1;
        cut = ` (the last line stops after ${lines.ends[lines.ends.length - 1] - lines.starts[lines.starts.length - 1]} bytes)`;
        if (!(e instanceof ReplayError)) throw e;
      }
    }
    const days = Math.min(dayLines, header.days);
    if (days === 0) throw new ReplayError(`the replay is truncated: it holds the header but no complete day of the ${header.days} announced${cut}`);
    const warning = days < header.days ? `the replay is truncated: it holds ${days} of the ${header.days} days announced${cut}` : null;
    return new ReplaySource(read, lines, header, days, warning);
  }

  /** Day d, its line parsed by `parse` (the page's parses in a worker: day-parser.ts). */
  async day(d: number, parse: DayLineParser = parseOnPage): Promise<ReplayDay> {
    if (!Number.isInteger(d) || d < 0 || d >= this.daysAvailable) throw new ReplayError(`day ${d} is not in this replay (days 0–${this.daysAvailable - 1})`);
    return parse(await this.read(this.lines.starts[d + 1], this.lines.ends[d + 1]), d);
  }
}

/** Reads byte ranges of `url`, refusing them once the file is no longer `version` (ETag or Last-Modified). */
function rangeReader(url: string, version: string | null): ReadRange {
  return async (a, b) => {
    if (b <= a) return new Uint8Array(0);
    const headers: Record<string, string> = { range: `bytes=${a}-${b - 1}` };
    if (version) headers['if-range'] = version;
    const part = await fetch(url, { headers });
    if (part.status !== 206) {
      await part.body?.cancel();
      throw new ReplayError(part.status === 200
        ? `${url} changed on the server since it was opened (a new run?): reload the page`
        : `cannot fetch bytes ${a}–${b} of ${url}: HTTP ${part.status} ${part.statusText}`);
    }
    return new Uint8Array(await part.arrayBuffer());
  };
}

/** The line index a `wastetwin view` server keeps beside the file (`<url>.lines`), or null from any other server. */
async function servedLineIndex(url: string): Promise<ServedLineIndex | null> {
  const u = new URL(url, globalThis.location?.href);
  u.pathname += '.lines';
  try {
    const res = await fetch(u.href);
    if (!res.ok) { await res.body?.cancel(); return null; }
    const j = (await res.json()) as Partial<ServedLineIndex>;
    const ok = typeof j.etag === 'string' && Array.isArray(j.starts) && Array.isArray(j.ends) && j.starts.length === j.ends.length && typeof j.endsWithNewline === 'boolean';
    return ok ? (j as ServedLineIndex) : null;
  } catch {
    return null;
  }
}
