/**
 * Parsing and checking of the replay's lines. Every failure is a ReplayError
 * whose message says what was found, so the page can show it instead of a
 * blank canvas.
 */
import type { ReplayDay, ReplayHeader } from './types.ts';

export const REPLAY_FORMAT = 'wastetwin-replay';
export const REPLAY_VERSION = 1;

export class ReplayError extends Error {
  override name = 'ReplayError';
}

const preview = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

function parseJsonLine(text: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ReplayError(`${what} is not complete JSON (${text.length} bytes, starting "${preview(text)}"): the file is truncated or is not a replay`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ReplayError(`${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

function need(obj: Record<string, unknown>, field: string, type: 'number' | 'string' | 'object' | 'array', what: string): void {
  const v = obj[field];
  const ok = type === 'array' ? Array.isArray(v) : type === 'object' ? v !== null && typeof v === 'object' : typeof v === type;
  if (!ok) throw new ReplayError(`${what}: field "${field}" should be ${type === 'array' || type === 'object' ? `an ${type}` : `a ${type}`}, found ${JSON.stringify(v) ?? 'nothing'}`);
}

/** Line 1. Refuses any other format or version, naming what it found. */
export function parseHeader(text: string): ReplayHeader {
  if (text.trim() === '') throw new ReplayError('the file is empty: no replay header on line 1');
  const h = parseJsonLine(text, 'line 1 (the header)');
  if (h.format !== REPLAY_FORMAT) throw new ReplayError(`not a wastetwin replay: line 1 has format ${JSON.stringify(h.format) ?? 'missing'}, expected "${REPLAY_FORMAT}"`);
  if (h.version !== REPLAY_VERSION) {
    throw new ReplayError(`unsupported replay version ${JSON.stringify(h.version) ?? 'missing'}: this viewer reads version ${REPLAY_VERSION}`);
  }
  const what = 'header';
  for (const f of ['days', 'sampleMinutes'] as const) need(h, f, 'number', what);
  for (const f of ['bounds', 'streams', 'depots', 'stations', 'plants', 'trucks'] as const) need(h, f, 'array', what);
  for (const f of ['roads', 'points'] as const) need(h, f, 'object', what);
  need(h.roads as Record<string, unknown>, 'polylines', 'array', 'header.roads');
  need(h.points as Record<string, unknown>, 'x', 'array', 'header.points');
  if (!Array.isArray(h.targets)) h.targets = [];
  return h as unknown as ReplayHeader;
}

/** A day line; `expectedDay` is its position in the file (line 2 is day 0). */
export function parseDay(text: string, expectedDay: number): ReplayDay {
  const what = `day ${expectedDay} (line ${expectedDay + 2})`;
  const d = parseJsonLine(text, what);
  if (d.type !== 'day') throw new ReplayError(`${what}: type is ${JSON.stringify(d.type) ?? 'missing'}, expected "day"`);
  if (d.day !== expectedDay) throw new ReplayError(`${what}: holds day ${JSON.stringify(d.day)}; days must follow in order`);
  need(d, 'trucks', 'array', what);
  need(d, 'samples', 'object', what);
  need(d, 'kpis', 'object', what);
  if (!Array.isArray(d.manifests)) d.manifests = [];
  return d as unknown as ReplayDay;
}
