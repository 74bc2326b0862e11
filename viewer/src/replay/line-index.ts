/**
 * Byte offsets of the lines of a newline-delimited file, found by scanning it
 * chunk by chunk, so that a day can later be read alone (Blob.slice, or an
 * HTTP range request) and a long run never has to be held in memory.
 */
const NEWLINE = 10;

export interface LineIndex {
  /** starts[i]..ends[i] is line i, without its newline. */
  starts: number[];
  ends: number[];
  /** False when the last line has no newline after it (the writer stopped mid-line, or omitted it). */
  endsWithNewline: boolean;
}

/** A line index as `wastetwin view` serves it beside the file (serve/server.ts): with the ETag of the file it was found in. */
export interface ServedLineIndex extends LineIndex { etag: string }

export class LineIndexer {
  private starts: number[] = [0];
  private ends: number[] = [];
  private offset = 0;

  push(chunk: Uint8Array): void {
    let i = chunk.indexOf(NEWLINE);
    while (i !== -1) {
      this.ends.push(this.offset + i);
      this.starts.push(this.offset + i + 1);
      i = chunk.indexOf(NEWLINE, i + 1);
    }
    this.offset += chunk.length;
  }

  finish(): LineIndex {
    const starts = this.starts.slice();
    const ends = this.ends.slice();
    const last = starts[starts.length - 1];
    const endsWithNewline = last === this.offset;
    if (endsWithNewline) starts.pop();
    else ends.push(this.offset);
    return { starts, ends, endsWithNewline };
  }
}

/** Indexes a stream chunk by chunk; the bytes are not kept. */
export async function indexStream(stream: ReadableStream<Uint8Array>): Promise<LineIndex> {
  const indexer = new LineIndexer();
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    indexer.push(value);
  }
  return indexer.finish();
}

export const indexLines = (blob: Blob): Promise<LineIndex> => indexStream(blob.stream());
