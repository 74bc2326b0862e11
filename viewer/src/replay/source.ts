/**
 * A replay opened from a Blob (a dropped file or a fetched run): the header
 * is parsed at once, each day only when asked for, so memory holds the days
 * being played, not the whole run. A file cut short still plays the days it
 * holds, with a warning that says what is missing.
 */
import { indexLines, type LineIndex } from './line-index.ts';
import { parseDay, parseHeader, ReplayError } from './parse.ts';
import type { ReplayDay, ReplayHeader } from './types.ts';

export class ReplaySource {
  private constructor(
    private readonly blob: Blob,
    private readonly lines: LineIndex,
    readonly header: ReplayHeader,
    /** Complete day lines in the file. */
    readonly daysAvailable: number,
    /** Set when the file holds fewer days than the header announces. */
    readonly warning: string | null,
  ) {}

  static async open(blob: Blob): Promise<ReplaySource> {
    const lines = await indexLines(blob);
    if (lines.starts.length === 0) throw new ReplayError('the file is empty: no replay header on line 1');
    const header = parseHeader(await text(blob, lines, 0));
    let dayLines = lines.starts.length - 1;
    let cut = '';
    if (!lines.endsWithNewline && dayLines > 0) {
      // The last line may have been cut mid-write: keep it only if it parses.
      try {
        parseDay(await text(blob, lines, dayLines), dayLines - 1);
      } catch (e) {
        dayLines -= 1;
        cut = ` (the last line stops after ${lines.ends[lines.ends.length - 1] - lines.starts[lines.starts.length - 1]} bytes)`;
        if (!(e instanceof ReplayError)) throw e;
      }
    }
    const days = Math.min(dayLines, header.days);
    if (days === 0) throw new ReplayError(`the replay is truncated: it holds the header but no complete day of the ${header.days} announced${cut}`);
    const warning = days < header.days ? `the replay is truncated: it holds ${days} of the ${header.days} days announced${cut}` : null;
    return new ReplaySource(blob, lines, header, days, warning);
  }

  async day(d: number): Promise<ReplayDay> {
    if (!Number.isInteger(d) || d < 0 || d >= this.daysAvailable) throw new ReplayError(`day ${d} is not in this replay (days 0–${this.daysAvailable - 1})`);
    return parseDay(await text(this.blob, this.lines, d + 1), d);
  }
}

async function text(blob: Blob, lines: LineIndex, i: number): Promise<string> {
  return blob.slice(lines.starts[i], lines.ends[i]).text();
}
