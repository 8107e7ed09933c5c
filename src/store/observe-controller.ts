/**
 * The one reactive controller elements use to read the store: it subscribes to an observable while
 * its host is connected, keeps the latest value, and asks the host to render when it changes.
 * The source is a function, re-evaluated before each render, so a new store arriving through
 * context (or none) switches the subscription; nothing outlives the host's connection.
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Observable, Subscription } from 'rxjs';

export class ObserveController<T> implements ReactiveController {
  /** The latest value, or undefined before the first emission or with no source. */
  value: T | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #source: () => Observable<T> | undefined;
  #subscription?: Subscription;
  #current?: Observable<T>;
  #connected = false;

  constructor(host: ReactiveControllerHost, source: () => Observable<T> | undefined) {
    this.#host = host;
    this.#source = source;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#sync();
  }

  hostUpdate(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe();
  }

  /** True while subscribed (for tests that prove nothing leaks). */
  get active(): boolean {
    return this.#subscription !== undefined && !this.#subscription.closed;
  }

  #sync(): void {
    if (!this.#connected) return;
    const next = this.#source();
    if (next === this.#current && this.active) return;
    this.#unsubscribe();
    this.#current = next;
    this.value = undefined;
    if (!next) return;
    this.#subscription = next.subscribe((value) => {
      this.value = value;
      this.#host.requestUpdate();
    });
  }

  #unsubscribe(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    this.#current = undefined;
  }
}
