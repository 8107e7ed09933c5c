/**
 * Named timers on a Clock, so the simulator can cancel one task's timers, or all of them at once
 * (no timer outlives `disconnect()`).
 * @module
 */
import type { Clock } from './clock.js';

export class Timers {
  private readonly ids = new Map<string, number>();
  private seq = 0;

  constructor(private readonly clock: Clock) {}

  /** Run `fn` after `ms`; a timer with the same key is replaced. Keys `<taskId>:<what>` belong to a task. */
  set(key: string | undefined, fn: () => void, ms: number): void {
    const k = key ?? `#${++this.seq}`;
    this.clear(k);
    const id = this.clock.setTimeout(() => {
      this.ids.delete(k);
      fn();
    }, ms);
    this.ids.set(k, id);
  }

  has(key: string): boolean {
    return this.ids.has(key);
  }

  clear(key: string): void {
    const id = this.ids.get(key);
    if (id === undefined) return;
    this.clock.clearTimeout(id);
    this.ids.delete(key);
  }

  /** Cancel every timer of one task. */
  clearTask(taskId: string): void {
    for (const key of [...this.ids.keys()]) if (key.startsWith(`${taskId}:`)) this.clear(key);
  }

  clearAll(): void {
    for (const key of [...this.ids.keys()]) this.clear(key);
  }

  get size(): number {
    return this.ids.size;
  }
}
