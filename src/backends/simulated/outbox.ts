/**
 * The simulator's outgoing events: each leaves after its delay but never before one queued
 * earlier, so events arrive in the order things happened in the world.
 * @module
 */
import type { BackendEvent } from '../../model/domain.js';
import type { Clock } from './clock.js';
import type { Timers } from './timers.js';

const TIMER = 'outbox';

export class EventOutbox {
  private queue: { at: number; event: BackendEvent }[] = [];
  private lastAt = 0;

  /** `deliver` receives each event when it leaves, its `eventTime` set to that moment. */
  constructor(
    private readonly clock: Clock,
    private readonly timers: Timers,
    private readonly deliver: (event: BackendEvent) => void,
  ) {}

  post(event: BackendEvent, delay: number): void {
    const at = Math.max(this.clock.now() + delay, this.lastAt);
    this.lastAt = at;
    this.queue.push({ at, event });
    if (!this.timers.has(TIMER)) this.timers.set(TIMER, () => this.flush(), at - this.clock.now());
  }

  /** Drop every queued event (disconnect). */
  clear(): void {
    this.queue = [];
    this.lastAt = 0;
    this.timers.clear(TIMER);
  }

  private flush(): void {
    const now = this.clock.now();
    while (this.queue.length && this.queue[0].at <= now) {
      const { event } = this.queue.shift()!;
      if ('interaction' in event) event.eventTime = now;
      this.deliver(event);
    }
    if (this.queue.length) this.timers.set(TIMER, () => this.flush(), this.queue[0].at - now);
  }
}
