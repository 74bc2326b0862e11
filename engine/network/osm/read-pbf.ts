/**
 * Streaming `.osm.pbf` reader on osm-pbf-parser-node: a small pure-JS parser
 * (pbf + zlib) that yields blocks of nodes, ways and relations without
 * holding the file in memory. Its own stream code lets a malformed block
 * throw out of a stream callback; the subclass below turns every such throw
 * into a stream error, so a corrupt or truncated file is a clear refusal,
 * never an uncaught exception.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Writable, type TransformCallback } from 'node:stream';
import { OSMTransform } from 'osm-pbf-parser-node';
import type { OsmSink } from './sink.ts';

interface Item { type?: string; id: number; lon?: number; lat?: number; refs?: number[]; tags?: Record<string, string> }

class SafeOsmTransform extends OSMTransform {
  override _transform(chunk: Buffer, enc: BufferEncoding, next: TransformCallback): void {
    try { super._transform(chunk, enc, next); } catch (err) { next(err as Error); }
  }
  override _flush(done: TransformCallback): void {
    try { super._flush(done); } catch { done(new Error('the file ends in the middle of a block (truncated)')); }
  }
}

export async function readPbf(file: string, sink: OsmSink): Promise<void> {
  const consume = new Writable({
    objectMode: true,
    write(items: Item[], _enc, next) {
      try {
        for (const it of items) {
          if (it.type === 'node') sink.node(it.id, it.lon!, it.lat!);
          else if (it.type === 'way') sink.way(it.id, it.refs!, it.tags ?? {});
        }
        next();
      } catch (err) { next(err as Error); }
    },
  });
  await pipeline(createReadStream(file), new SafeOsmTransform({ withTags: { node: false, way: true, relation: false }, withInfo: false }), consume);
}
