/**
 * The RxJS store: the only stateful thing. `createStore` is the one place where its modules are
 * assembled into the public `CcStore`:
 *
 * - state.ts — the live tasks, the selection, the agent's view; tasks$, agent$, errors$ …
 * - session.ts — connect, load the session, follow the connection, snapshot after a reconnection
 * - task-events.ts — the backend's task events through the reducer into the task list
 * - agent-state.ts — agent-state events, and the agent's own change of state
 * - commands.ts — command flights: pending → confirmed, failed or timed out
 * - task-commands.ts — the Task operations (accept, hold, consult, wrap-up …), selection, markdone
 * - outdial.ts, directory.ts — dialling out; consult/transfer destinations
 * - conversations.ts — transcripts, typing, unread counts and sending of digital tasks
 * - capabilities.ts — commands only some backends have (per-channel readiness, recording start/stop, a token)
 *
 * A new module is wired in here, in four places: built below from `state` (and `flights`,
 * `backend` as it needs), its backend events routed in the one `session.events$` subscription,
 * its streams and commands added to the returned object, and its streams completed in `stop`.
 *
 * Nothing happens until `start()`.
 * @module
 */
import { asyncScheduler, type SchedulerLike } from 'rxjs';
import type { ContactCenter } from '../backends/contact-center.js';
import { AGENT_STATE_EVENTS, isTaskEventName, type AgentStateEvent, type BackendEvent, type TaskMessage } from '../model/index.js';
import { AgentState } from './agent-state.js';
import { capabilitiesOf } from './capabilities.js';
import { ConversationStore } from './conversations.js';
import { CommandFlights } from './commands.js';
import { DirectoryStore } from './directory.js';
import { outdial } from './outdial.js';
import { Session } from './session.js';
import { StoreState } from './state.js';
import { taskCommands } from './task-commands.js';
import { TaskEvents } from './task-events.js';
import type { CcStore } from './types.js';

/** How a store is built; everything optional. */
export interface StoreOptions {
  /** The store's clock (pending `since`, error `at`); defaults to `Date.now`. */
  clock?: { now(): number };
  /** How long a command may wait for its confirming event before it fails with TIMEOUT. */
  pendingTimeoutMs?: number;
  /** Where pending timeouts are scheduled; a virtual-time scheduler in tests. */
  scheduler?: SchedulerLike;
}

const isAgentStateEvent = (event: BackendEvent): event is AgentStateEvent =>
  (AGENT_STATE_EVENTS as readonly string[]).includes(event.type);

/** Build a store on a backend. Nothing happens until `start()`. */
export function createStore(backend: ContactCenter, options: StoreOptions = {}): CcStore {
  const clock = options.clock ?? { now: () => Date.now() };
  const state = new StoreState(() => clock.now());
  const scheduler = options.scheduler ?? asyncScheduler;
  const timeoutMs = options.pendingTimeoutMs ?? 15_000;
  const flights = new CommandFlights(state, scheduler, timeoutMs);
  const session = new Session(state, flights, backend);
  const taskEvents = new TaskEvents(state, flights);
  const agentState = new AgentState(state, flights, backend);
  const directory = new DirectoryStore(state, backend);
  // Fed by the backend's own message stream, following the task list.
  const conversations = new ConversationStore(state, backend, { timers: scheduler, timeoutMs });

  // Every backend event, once the session has loaded, goes to the module that handles its kind.
  session.events$.subscribe((event) => {
    if (isAgentStateEvent(event)) agentState.apply(event);
    else if (isTaskEventName(event.type)) taskEvents.apply(event as TaskMessage);
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    if (!stopping) {
      state.stop();
      flights.dropAll();
      directory.stop();
      conversations.stop();
      stopping = session.stop();
    }
    return stopping;
  };

  return {
    tasks$: state.tasks$,
    selectedTask$: state.selectedTask$,
    agent$: state.agent$,
    directory$: directory.directory$,
    errors$: state.errors$,
    connection$: session.connection$,
    taskChanges$: state.taskChanges$,
    conversations,

    get tasks() {
      return state.list.all;
    },
    get selectedTask() {
      return state.list.selected;
    },
    get agent() {
      return state.agent;
    },
    get directory() {
      return directory.current;
    },
    get connection() {
      return session.connection;
    },
    now: state.now,

    start: () => session.start(),
    stop,

    ...taskCommands(state, flights, backend),

    setAgentState: (next, idleCodeId) => agentState.set(next, idleCodeId),
    outdial: (number, aniId, userData) => outdial(state, backend, number, aniId, userData),
    capabilities: capabilitiesOf(backend),
    refreshDirectory: () => directory.refresh(),
  };
}
