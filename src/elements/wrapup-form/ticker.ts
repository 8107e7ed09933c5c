/**
 * One shared 1-second tick for an element, running only while the host is connected and
 * `shouldRun()` says something is counting. Each tick asks the host to render; displayed times are
 * computed from the store's clock at render time, so the ticker keeps no time of its own.
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class Ticker implements ReactiveController {
  private id: ReturnType<typeof setInterval> | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly shouldRun: () => boolean,
    private readonly periodMs = 1000,
  ) {
    host.addController(this);
  }

  /** True while the interval is scheduled (for tests that prove nothing keeps ticking). */
  get running(): boolean {
    return this.id !== undefined;
  }

  hostConnected(): void {
    this.connected = true;
    // Re-evaluate after (re)connection: hostUpdated starts the tick if something is counting.
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    if (this.connected && this.shouldRun()) this.start();
    else this.stop();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
  }

  private start(): void {
    if (this.id === undefined) this.id = setInterval(() => this.host.requestUpdate(), this.periodMs);
  }

  private stop(): void {
    if (this.id !== undefined) clearInterval(this.id);
    this.id = undefined;
  }
}
