/**
 * The session: connecting the backend, loading the agent's session (profile, state, live tasks),
 * following the connection, and after a reconnection loading the backend's snapshot (the backend's
 * word is the truth). It hands the backend's events on through `events$`: those that arrive while
 * the session loads are held and handed on after it.
 * @module
 */
import { BehaviorSubject, Subject, Subscription, type Observable } from 'rxjs';
import type { AgentSession, ContactCenter } from '../backends/contact-center.js';
import { blockMarkdone, isFinal, reduce } from '../model/index.js';
import type { BackendEvent, CcError, ConnectionState, Task } from '../model/domain.js';
import type { CommandFlights } from './commands.js';
import { fromRejection } from './errors.js';
import type { StoreState } from './state.js';

export class Session {
  readonly #state: StoreState;
  readonly #flights: CommandFlights;
  readonly #backend: ContactCenter;
  /** The connection state now (published in order after other emissions, so it may be ahead of connection$). */
  #current: ConnectionState = { status: 'disconnected' };
  readonly #connection = new BehaviorSubject(this.#current);
  readonly #events = new Subject<BackendEvent>();
  /** The backend's connection$ and events$, while connected. */
  readonly #subscriptions = new Subscription();
  #starting: Promise<void> | undefined;
  #stopping: Promise<void> | undefined;
  #loaded = false;
  /** Increments per reconnection, so a slow snapshot never overwrites a newer one. */
  #generation = 0;

  /** The backend connection; replays the current state (each published differs from the one before). */
  readonly connection$: Observable<ConnectionState> = this.#connection.asObservable();
  /** The backend's events, from the moment the session has loaded (earlier ones held until then). */
  readonly events$: Observable<BackendEvent> = this.#events.asObservable();

  constructor(state: StoreState, flights: CommandFlights, backend: ContactCenter) {
    this.#state = state;
    this.#flights = flights;
    this.#backend = backend;
  }

  get connection(): ConnectionState {
    return this.#current;
  }

  /** Connect and load the session. Idempotent; after a failure it may be called again. */
  start(): Promise<void> {
    if (this.#state.stopped) return this.#state.stoppedRefusal('connect');
    this.#starting ??= this.#connect().catch((error: unknown) => {
      this.#starting = undefined;
      throw error;
    });
    return this.#starting;
  }

  /** Stop listening, complete connection$ and events$, and disconnect if the session was started. */
  stop(): Promise<void> {
    if (!this.#stopping) {
      this.#subscriptions.unsubscribe();
      this.#connection.complete();
      this.#events.complete();
      this.#stopping = this.#starting
        ? this.#backend.disconnect().catch((cause: unknown) => {
            throw fromRejection(cause, 'connect', this.#state.now(), undefined, 'CONNECTION');
          })
        : Promise.resolve();
    }
    return this.#stopping;
  }

  async #connect(): Promise<void> {
    const state = this.#state;
    const watch = this.#backend.connection$.subscribe((next) => this.#onConnection(next));
    // Listen before connecting: what the contact center sends while the session loads is held
    // and handed on after it (the reducer ignores what the session already reflects).
    const early: BackendEvent[] = [];
    const events = this.#backend.events$.subscribe((event) => (this.#loaded ? this.#handOn(event) : early.push(event)));
    this.#subscriptions.add(watch);
    this.#subscriptions.add(events);
    let session: AgentSession;
    try {
      session = await this.#backend.connect();
    } catch (cause) {
      // An rxjs subscription leaves its parent as it unsubscribes.
      watch.unsubscribe();
      events.unsubscribe();
      const error = this.#connectionError(cause);
      state.report(error);
      throw error;
    }
    if (state.stopped) return;
    this.#load(session);
    this.#loaded = true;
    for (const event of early.splice(0)) this.#handOn(event);
  }

  /** Hand a backend event on, unless the store has stopped or it is not an event at all. */
  #handOn(event: BackendEvent): void {
    if (this.#state.stopped || !event || typeof event.type !== 'string') return;
    this.#events.next(event);
  }

  /** Load the session (on connection) or a snapshot (after a reconnection): the backend's word is the truth. */
  #load({ profile, status, tasks }: AgentSession): void {
    const state = this.#state;
    this.#flights.dropAll();
    const puts: Task[] = [];
    const context = { agentId: profile.agentId };
    for (const message of tasks) {
      const task = reduce(undefined, message, context);
      if (!task || isFinal(task)) continue;
      const ours = state.list.get(task.id);
      // The host's markdone block is ours, not the contact center's: it survives.
      const carried = ours?.markdoneBlocked ? blockMarkdone(task, ours.markdoneBlocked) : task;
      puts.push(ours ? { ...carried, rev: Math.max(carried.rev, ours.rev + 1) } : task);
    }
    const { pending: _pending, ...rest } = state.agent;
    state.setAgent({ ...rest, profile, status });
    const kept = new Set(puts.map((task) => task.id));
    const gone = state.list.all.filter((task) => !kept.has(task.id));
    state.commit(puts, gone);
  }

  #onConnection(next: ConnectionState): void {
    const previous = this.#current;
    if (previous.status === next.status && previous.reason === next.reason) return;
    this.#current = next;
    this.#state.post(() => this.#connection.next(next));
    if (previous.status !== 'reconnecting' || next.status !== 'connected' || !this.#loaded) return;
    const mine = ++this.#generation;
    this.#backend.snapshot().then(
      (session) => {
        if (!this.#state.stopped && mine === this.#generation) this.#load(session);
      },
      (cause: unknown) => this.#state.report(this.#connectionError(cause)),
    );
  }

  /** A connection failure: always CONNECTION, whatever the backend's code. */
  #connectionError(cause: unknown): CcError {
    return { ...fromRejection(cause, 'connect', this.#state.now()), code: 'CONNECTION' };
  }
}
