/**
 * The service's subscriptions: who receives which event namespace. A window subscribed twice
 * to one namespace still receives each event once (clients dispatch by event name).
 * @module
 */
import type { EventNamespace } from '../protocol.js';

/** Where to post: the subscribing window (or port) and its exact origin. */
export interface Target {
  readonly source: MessageEventSource;
  readonly origin: string;
}

interface Subscription extends Target {
  readonly id: string;
  readonly namespaces: ReadonlySet<EventNamespace>;
}

/** At most this many subscriptions per origin. */
export const MAX_SUBSCRIPTIONS_PER_ORIGIN = 64;

let counter = 0;
/** An unguessable subscription id. */
function newId(): string {
  counter += 1;
  const rnd =
    typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID()
      : `${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  return `sub-${counter}-${rnd}`;
}

const isClosed = (s: MessageEventSource): boolean => {
  try {
    return 'closed' in s && (s as Window).closed === true;
  } catch {
    return true;
  }
};

/** The subscription table. */
export class Subscribers {
  private readonly subs = new Map<string, Subscription>();

  /** How many subscriptions an origin holds. */
  countFor(origin: string): number {
    let n = 0;
    for (const s of this.subs.values()) if (s.origin === origin) n++;
    return n;
  }

  /** Adds a subscription; answers its id. */
  add(target: Target, namespaces: readonly EventNamespace[]): string {
    const id = newId();
    this.subs.set(id, { id, source: target.source, origin: target.origin, namespaces: new Set(namespaces) });
    return id;
  }

  /** Removes a subscription the same window and origin made. False when there is none. */
  remove(id: string, target: Target): boolean {
    const s = this.subs.get(id);
    if (!s || s.source !== target.source || s.origin !== target.origin) return false;
    this.subs.delete(id);
    return true;
  }

  /** Distinct targets subscribed to a namespace (closed windows are dropped). */
  targets(ns: EventNamespace): Target[] {
    const out: Target[] = [];
    for (const s of [...this.subs.values()]) {
      if (!s.namespaces.has(ns)) continue;
      if (isClosed(s.source)) {
        this.subs.delete(s.id);
        continue;
      }
      if (!out.some((t) => t.source === s.source && t.origin === s.origin)) out.push({ source: s.source, origin: s.origin });
    }
    return out;
  }

  /** Ends every subscription. */
  clear(): void {
    this.subs.clear();
  }
}
