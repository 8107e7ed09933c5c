/**
 * One shared 1-second tick per element, running only while the host is connected and something
 * is counting. It keeps no time of its own: on each tick the host re-renders and computes what it
 * shows from the store's clock.
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The tick period in milliseconds. */
export const TICK_MS = 1000;

export class TickController implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined;
  private connected = false;

  /**
   * @param host the element to re-render every second
   * @param counting whether anything on screen is counting right now (checked after each update)
   */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly counting: () => boolean,
  ) {
    host.addController(this);
  }

  /** True while the interval runs (for tests that prove nothing is left running). */
  get running(): boolean {
    return this.timer !== undefined;
  }

  hostConnected(): void {
    this.connected = true;
    this.sync();
  }

  hostUpdated(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.sync();
  }

  private sync(): void {
    const want = this.connected && this.counting();
    if (want && this.timer === undefined) {
      this.timer = globalThis.setInterval(() => this.host.requestUpdate(), TICK_MS);
    } else if (!want && this.timer !== undefined) {
      globalThis.clearInterval(this.timer);
      this.timer = undefined;
    }
  }
}
