/** The worker that parses and checks day lines off the page's thread (day-split.ts). */
import { splitDay, type DayParts } from './day-split.ts';
import { ReplayError } from './parse.ts';

/** A day line's bytes (UTF-8): decoding 30 MB into a string would hold the page up too. */
export interface DayRequest { id: number; bytes: Uint8Array; day: number }
export type DayReply = { id: number; parts: DayParts } | { id: number; error: string; replayError: boolean };

/** Parts of the day, or what is wrong with it. */
export function reply({ id, bytes, day }: DayRequest): DayReply {
  try {
    return { id, parts: splitDay(new TextDecoder().decode(bytes), day) };
  } catch (err) {
    return { id, error: err instanceof Error ? err.message : String(err), replayError: err instanceof ReplayError };
  }
}

// Only when loaded as a worker (the page imports this module's types and reply()).
if (typeof window === 'undefined' && typeof self !== 'undefined') {
  self.onmessage = (e: MessageEvent<DayRequest>) => {
    const r = reply(e.data);
    self.postMessage(r, { transfer: 'parts' in r ? [r.parts.bytes.buffer, r.parts.ends.buffer] : [] });
  };
}
