/**
 * Injected faults: "the next n calls of this command fail", either as a rejected promise or as the
 * command's `…Failed` event.
 * @module
 */
import type { ContactCenter } from '../contact-center.js';

/** Every command of the port. */
export type SimCommand = Exclude<keyof ContactCenter, 'events$' | 'connection$' | 'messages$' | 'transcript'>;

export interface FaultOptions {
  /** 'reject' (default): the call rejects with a BackendError. 'event': the call resolves and the
   *  command's `…Failed` event follows (commands without such an event reject instead). */
  as?: 'reject' | 'event';
}

export interface Fault {
  command: SimCommand | 'any';
  remaining: number;
  message: string;
  as: 'reject' | 'event';
}

export class Faults {
  private list: Fault[] = [];

  add(command: SimCommand | 'any', n: number, message: string, as: 'reject' | 'event'): void {
    if (n > 0) this.list.push({ command, remaining: Math.floor(n), message, as });
  }

  /** Consume one failure for `command`, if one is armed. */
  take(command: SimCommand): Fault | undefined {
    const fault = this.list.find((f) => f.command === command || f.command === 'any');
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.list = this.list.filter((f) => f !== fault);
    return fault;
  }

  clear(): void {
    this.list = [];
  }
}
