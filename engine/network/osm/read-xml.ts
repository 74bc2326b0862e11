/**
 * Streaming OSM XML reader (`.osm`, and `.osm.gz` through zlib) on sax, the
 * long-maintained streaming XML parser: strict mode, so malformed XML is an
 * error, and constant memory whatever the file size.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { Writable, type Readable } from 'node:stream';
import sax from 'sax';
import type { OsmSink } from './sink.ts';

export async function readXml(file: string, gzipped: boolean, sink: OsmSink): Promise<void> {
  const parser = sax.parser(true, { trim: false, normalize: false, position: true });
  let way: { id: number; refs: number[]; tags: Record<string, string> } | undefined;
  let sawOsm = false;
  let failure: Error | undefined;
  parser.onerror = (err) => { failure ??= err; };
  parser.onopentag = (tag) => {
    const a = tag.attributes as Record<string, string>;
    switch (tag.name) {
      case 'osm': sawOsm = true; break;
      case 'node': sink.node(Number(a.id), Number(a.lon), Number(a.lat)); break;
      case 'way': way = { id: Number(a.id), refs: [], tags: {} }; break;
      case 'nd': if (way) way.refs.push(Number(a.ref)); break;
      case 'tag': if (way) way.tags[a.k] = a.v; break;
    }
  };
  parser.onclosetag = (name) => {
    if (name === 'way' && way) { sink.way(way.id, way.refs, way.tags); way = undefined; }
  };
  const consume = new Writable({
    decodeStrings: false,
    write(chunk: Buffer | string, _enc, next) {
      parser.write(chunk.toString());
      next(failure);
    },
    final(done) {
      parser.close();
      if (!failure && !sawOsm) failure = new Error('no <osm> element: not an OSM XML file');
      done(failure);
    },
  });
  const source: Readable[] = [createReadStream(file, gzipped ? undefined : { encoding: 'utf8' })];
  if (gzipped) source.push(createGunzip().setEncoding('utf8'));
  await pipeline([...source, consume]);
}
