/**
 * A day line cut into small pieces of JSON, so that the page never parses a
 * whole day in one go. Guangzhou's day line is about 30 MB: one JSON.parse
 * blocked the page for 0.3–0.4 s at every day change, and handing a parsed
 * day over from a worker cost the page as much again (the structured clone
 * of its 140,000 legs). Instead a worker parses and checks the line
 * (splitDay) and hands back each truck's and each fill sample's JSON as UTF-8
 * in one transferred buffer, which costs nothing to pass; the page parses the
 * pieces a slice at a time (joinDay) between frames.
 */
import { parseDay } from './parse.ts';
import { inSlices } from './slices.ts';
import type { ReplayDay } from './types.ts';

export interface DayParts {
  /** The pieces' UTF-8 one after the other: the day without its trucks and fill samples, each truck, each row of samples.binFill. */
  bytes: Uint8Array;
  /** Where each piece ends in bytes. */
  ends: Uint32Array;
  trucks: number;
}

/** Parses and checks day line `expectedDay` (a ReplayError says what is wrong), then cuts it into parts. */
export function splitDay(text: string, expectedDay: number): DayParts {
  const d = parseDay(text, expectedDay);
  const trucks = d.trucks.map((t) => JSON.stringify(t));
  const rows = d.samples.binFill.map((row) => JSON.stringify(row));
  d.trucks = [];
  d.samples.binFill = [];
  const enc = new TextEncoder();
  const pieces = [JSON.stringify(d), ...trucks, ...rows].map((p) => enc.encode(p));
  const ends = new Uint32Array(pieces.length);
  let n = 0;
  pieces.forEach((p, i) => { n += p.length; ends[i] = n; });
  const bytes = new Uint8Array(n);
  pieces.forEach((p, i) => bytes.set(p, ends[i] - p.length));
  return { bytes, ends, trucks: trucks.length };
}

/** The day again, parsed a slice at a time. */
export async function joinDay(parts: DayParts): Promise<ReplayDay> {
  const dec = new TextDecoder();
  const piece = <T>(i: number): T => JSON.parse(dec.decode(parts.bytes.subarray(i ? parts.ends[i - 1] : 0, parts.ends[i]))) as T;
  const d = piece<ReplayDay>(0);
  const nt = parts.trucks;
  const trucks: ReplayDay['trucks'] = new Array(nt);
  const rows: number[][] = new Array(parts.ends.length - 1 - nt);
  await inSlices(nt, (i) => { trucks[i] = piece(1 + i); });
  await inSlices(rows.length, (i) => { rows[i] = piece(1 + nt + i); });
  d.trucks = trucks;
  d.samples.binFill = rows;
  return d;
}
