/**
 * One 1-second tick per element, running only while the element is connected and something it
 * shows is counting. Each tick asks the host to render; the displayed times come from the
 * store's clock, so a missed or late tick never shows a wrong time.
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class TickController implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Re-evaluated after every render: whether anything shown is counting. */
    private readonly counting: () => boolean,
    private readonly periodMs = 1000,
  ) {
    host.addController(this);
  }

  /** True while the interval runs (for tests that prove nothing ticks needlessly). */
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
    this.stop();
  }

  private sync(): void {
    if (this.connected && this.counting()) this.start();
    else this.stop();
  }

  private start(): void {
    if (this.timer !== undefined) return;
    this.timer = globalThis.setInterval(() => this.host.requestUpdate(), this.periodMs);
  }

  private stop(): void {
    if (this.timer === undefined) return;
    globalThis.clearInterval(this.timer);
    this.timer = undefined;
  }
}
