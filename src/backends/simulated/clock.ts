/**
 * Time for the simulator: the real clock in pages, a virtual clock in tests and benchmarks.
 * @module
 */

/** What the simulator needs from time: now, and timers it can cancel. */
export interface Clock {
  /** Milliseconds since epoch. */
  now(): number;
  setTimeout(fn: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

/** The page's clock. */
export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms) as unknown as number,
  clearTimeout: (id) => globalThis.clearTimeout(id),
};

interface VirtualTimer {
  id: number;
  at: number;
  fn: () => void;
}

/** 2025-01-06 09:00 UTC: a Monday morning, so virtual runs start at the same instant. */
export const VIRTUAL_EPOCH = Date.UTC(2025, 0, 6, 9, 0, 0);

/**
 * A clock that only moves when told to. `advance(ms)` runs every timer that falls due, in due-time
 * order (ties in the order they were set), with `now()` equal to each timer's due time while it runs.
 */
export class VirtualClock implements Clock {
  private time: number;
  private nextId = 1;
  private timers: VirtualTimer[] = [];

  constructor(start: number = VIRTUAL_EPOCH) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): number {
    const id = this.nextId++;
    this.timers.push({ id, at: this.time + Math.max(0, ms || 0), fn });
    return id;
  }

  clearTimeout(id: number): void {
    this.timers = this.timers.filter((t) => t.id !== id);
  }

  /** Timers set and not yet run or cleared. */
  get pending(): number {
    return this.timers.length;
  }

  /** Move time forward by `ms`, running the timers that fall due (including ones they set). */
  advance(ms: number): void {
    const end = this.time + Math.max(0, ms);
    for (let t = this.nextDue(end); t; t = this.nextDue(end)) {
      this.timers = this.timers.filter((x) => x !== t);
      this.time = t.at;
      t.fn();
    }
    this.time = end;
  }

  /** Run every timer that is due now (zero-delay timers). */
  flush(): void {
    this.advance(0);
  }

  private nextDue(end: number): VirtualTimer | undefined {
    let best: VirtualTimer | undefined;
    for (const t of this.timers) if (t.at <= end && (!best || t.at < best.at)) best = t;
    return best;
  }
}
