/**
 * A simulator on a VirtualClock with every event recorded, for the backend tests.
 */
import type { AgentStateEvent, BackendEvent, ConnectionState, TaskMessage } from '../../src/model/domain.js';
import { BackendError } from '../../src/backends/contact-center.js';
import { SimulatedContactCenter, VirtualClock, type SimulatorOptions } from '../../src/backends/simulated/index.js';

export interface Harness {
  clock: VirtualClock;
  sim: SimulatedContactCenter;
  events: BackendEvent[];
  connection: ConnectionState[];
  /** Event types so far (optionally only one task's). */
  types(interactionId?: string): string[];
  /** Task messages so far (optionally only one task's). */
  messages(interactionId?: string): TaskMessage[];
  /** The last task message (of a type, if given). */
  last(type?: string): TaskMessage;
  agentEvents(): AgentStateEvent[];
  /** Clear the recorded events. */
  reset(): void;
}

export const isTaskMessage = (e: BackendEvent): e is TaskMessage => 'interaction' in e;

export function harness(options: SimulatorOptions = {}): Harness {
  const clock = new VirtualClock();
  const sim = new SimulatedContactCenter({ clock, ...options });
  const events: BackendEvent[] = [];
  const connection: ConnectionState[] = [];
  sim.events$.subscribe((e) => events.push(e));
  sim.connection$.subscribe((c) => connection.push(c));
  const messages = (id?: string) => events.filter(isTaskMessage).filter((m) => id === undefined || m.interactionId === id);
  return {
    clock,
    sim,
    events,
    connection,
    types: (id) => (id === undefined ? events : messages(id)).map((e) => e.type),
    messages,
    last(type) {
      const found = messages().filter((m) => type === undefined || m.type === type);
      if (!found.length) throw new Error(`no ${type ?? 'task'} message`);
      return found[found.length - 1];
    },
    agentEvents: () => events.filter((e): e is AgentStateEvent => !isTaskMessage(e)),
    reset: () => {
      events.length = 0;
    },
  };
}

/** Connected, Available, latency 100 ms unless told otherwise. */
export async function ready(options: SimulatorOptions = {}): Promise<Harness> {
  const h = harness({ latencyMs: 100, startAvailable: true, ...options });
  await h.sim.connect();
  return h;
}

/** Offer a contact and let its offer arrive. */
export function offer(h: Harness, media: 'telephony' | 'chat' | 'email' | 'social' = 'telephony', customerName?: string): string {
  const id = h.sim.offerContact({ media, customerName });
  if (!id) throw new Error('no offer');
  h.clock.flush();
  return id;
}

/** Offer and accept a contact; its events have arrived. */
export async function connected(h: Harness, media: 'telephony' | 'chat' | 'email' | 'social' = 'telephony'): Promise<string> {
  const id = offer(h, media);
  await h.sim.accept(id);
  h.clock.advance(1000);
  return id;
}

/** The rejection of a promise that must reject (fails the test if it resolves). */
export async function rejection(p: Promise<unknown>): Promise<BackendError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BackendError) return e;
    throw new Error(`rejected with a non-BackendError: ${String(e)}`);
  }
  throw new Error('expected a rejection, but the promise resolved');
}
