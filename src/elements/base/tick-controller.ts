/**
 * One 1-second tick per element, running only while the element is connected and something it
 * shows is counting. Each tick asks the host to render; the displayed times come from the
 * store's clock, so a missed or late tick never shows a wrong time.
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class TickController implements ReactiveController {
  #timer: ReturnType<typeof setInterval> | undefined;
  #connected = false;
  readonly #host: ReactiveControllerHost;
  /** Re-evaluated after every render: whether anything shown is counting. */
  readonly #counting: () => boolean;

  constructor(host: ReactiveControllerHost, counting: () => boolean) {
    this.#host = host;
    this.#counting = counting;
    host.addController(this);
  }

  /** True while the interval runs (for tests that prove nothing ticks needlessly). */
  get running(): boolean {
    return this.#timer !== undefined;
  }

  hostConnected(): void {
    this.#connected = true;
    this.hostUpdated();
  }

  /** Start or stop the tick: it runs while connected and counting. */
  hostUpdated(): void {
    const run = this.#connected && this.#counting();
    if (run === this.running) return;
    if (run) this.#timer = globalThis.setInterval(() => this.#host.requestUpdate(), 1000);
    else {
      globalThis.clearInterval(this.#timer);
      this.#timer = undefined;
    }
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.hostUpdated();
  }
}
