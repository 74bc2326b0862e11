/**
 * Parses day lines in a worker (day-worker.ts) and joins them in slices
 * (day-split.ts), so that a day change does not freeze the page; where no
 * worker can be started, on the page's thread in one go.
 */
import { joinDay } from './day-split.ts';
import { reply as onPage, type DayReply, type DayRequest } from './day-worker.ts';
import { ReplayError } from './parse.ts';
import type { ReplayDay } from './types.ts';

export class DayParser {
  private worker: Worker | null = null;
  private broken = false;
  private next = 0;
  private readonly waiting = new Map<number, DayRequest & { ok: (r: DayReply) => void }>();

  /** Where days are parsed: 'worker' once one has started, else 'page'. */
  get where(): 'worker' | 'page' {
    return this.worker ? 'worker' : 'page';
  }

  readonly parse = async (bytes: Uint8Array, day: number): Promise<ReplayDay> => {
    const worker = this.start();
    const id = this.next++;
    const reply = !worker ? onPage({ id, bytes, day }) : await new Promise<DayReply>((ok) => {
      this.waiting.set(id, { id, bytes, day, ok });
      // Copied, not transferred (a copy of 30 MB takes the page a few ms): should the worker fail, the page still has them.
      worker.postMessage({ id, bytes, day } satisfies DayRequest);
    });
    if ('error' in reply) throw reply.replayError ? new ReplayError(reply.error) : new Error(reply.error);
    return joinDay(reply.parts);
  };

  private start(): Worker | null {
    if (this.worker || this.broken || typeof Worker === 'undefined') return this.worker;
    try {
      this.worker = new Worker(new URL('./day-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      return null;
    }
    this.worker.onmessage = (e: MessageEvent<DayReply>) => {
      const w = this.waiting.get(e.data.id);
      this.waiting.delete(e.data.id);
      w?.ok(e.data);
    };
    this.worker.onerror = () => {
      // A worker that cannot run (blocked, failed to load): what waits, and every day after, is parsed on the page.
      this.worker?.terminate();
      this.worker = null;
      this.broken = true;
      for (const w of this.waiting.values()) w.ok(onPage(w));
      this.waiting.clear();
    };
    return this.worker;
  }
}
