/** What an OSM reader hands on: every node's position and every way's node list and tags. */
import type { Tags } from './tags.ts';

export interface OsmSink {
  node(id: number, lon: number, lat: number): void;
  way(id: number, refs: number[], tags: Tags): void;
}
