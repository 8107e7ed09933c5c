/**
 * Ordered delivery of the store's emissions. A subscriber that issues a command from inside
 * its callback changes the store while an emission is still being delivered; delivering that
 * nested change immediately would let later subscribers see the new value first and the old
 * one last. The outbox queues emissions raised during delivery and delivers them in order
 * once the current one has reached every subscriber.
 * @module
 */
export class Outbox {
  readonly #queue: Array<() => void> = [];
  #draining = false;

  /** Deliver now, or after the emission in progress (in the order posted). */
  post(deliver: () => void): void {
    const queue = this.#queue;
    queue.push(deliver);
    if (this.#draining) return;
    this.#draining = true;
    try {
      for (let next = queue.shift(); next; next = queue.shift()) next();
    } finally {
      this.#draining = false;
      queue.length = 0;
    }
  }
}
