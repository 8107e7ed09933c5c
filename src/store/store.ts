/**
 * The RxJS store: the only stateful thing. It feeds the backend's events through the model's
 * reducer, exposes tasks, selection, agent, directory, connection, errors and task changes as
 * observables, and turns commands into backend calls with pending, failure and timeout states.
 *
 * The store is a closure: its state lives in local variables, its public surface is the CcStore
 * object `createStore` answers.
 * @module
 */
import { Observable, Subscription, type SchedulerLike, type Subscriber, type Unsubscribable } from 'rxjs';
import type { AgentSession, ContactCenter } from '../backends/contact-center.js';
import {
  blockMarkdone,
  canIssue,
  initialAgentView,
  isCcError,
  isFinal,
  isTaskEventName,
  markFailed,
  markPending,
  reduce,
  reduceAgent,
  unblockMarkdone,
  validateDialNumber,
  AGENT_STATE_EVENTS,
  type AgentCommand,
  type AgentStateEvent,
  type AgentView,
  type BackendEvent,
  type CcError,
  type ConnectionState,
  type ConsultInfo,
  type Destination,
  type DestinationType,
  type Directory,
  type ErrorCode,
  type Task,
  type TaskCommand,
  type TaskMessage,
} from '../model/index.js';
import { blamed, ccError } from '../model/failure.js';
import { defined } from '../model/payload.js';
import { fromFailedEvent, fromRejection, LABELS, timeoutError, worded } from './errors.js';
import { capabilitiesOf } from './capabilities.js';
import { Outbox } from './outbox.js';
import { TaskList } from './task-list.js';
import type { CcStore } from './types.js';
import { destinationProblem, DESTINATION_TYPES, keyProblem, userDataProblem } from './validate.js';

/** How a store is built; everything optional. */
export interface StoreOptions {
  /** The store's clock (pending `since`, error `at`); defaults to `Date.now`. */
  clock?: { now(): number };
  /** How long a command may wait for its confirming event before it fails with TIMEOUT. */
  pendingTimeoutMs?: number;
  /** Where pending timeouts are scheduled; a virtual-time scheduler in tests. */
  scheduler?: SchedulerLike;
}

/** What the store needs of a scheduler: run `work` once after `delay` ms, unless unsubscribed. */
interface Timers {
  schedule(work: () => void, delay: number): Unsubscribable;
}

/** The default timers: plain `setTimeout` (rxjs's asyncScheduler would bring its classes into the bundle). */
const TIMEOUTS: Timers = {
  schedule(work, delay) {
    const id = setTimeout(work, delay);
    return { unsubscribe: () => clearTimeout(id) };
  },
};

const EMPTY_DIRECTORY: Directory = Object.freeze({ agents: [], queues: [], entryPoints: [] }) as Directory;

/** Task commands that are just the backend call of the same name with the task id. */
const PLAIN = [
  'accept',
  'decline',
  'hold',
  'resume',
  'toggleMute',
  'pauseRecording',
  'consultConference',
  'exitConference',
  'end',
] as const;
type PlainCommand = (typeof PLAIN)[number];

/** What a task command does once it is allowed: the backend call, and the consult it starts. */
interface Plan {
  call(): Promise<void>;
  /** Recorded on the task with the pending mark (whom we are calling). */
  consult?: ConsultInfo;
}

/**
 * Why a command's input is refused, checked before its state is: a reason (an INVALID_PARAMETERS
 * refusal of the command), another CcError, or undefined when the input is fine.
 */
type Check = (task: Task) => string | CcError | undefined;

/** A command awaiting its confirming event: a task command, or the agent-state change (no task id). */
interface Flight {
  readonly command: TaskCommand | 'setAgentState';
  /** The pending mark it set: the very object, on its task (or the agent) until it is settled. */
  readonly mark: object | undefined;
  readonly taskId?: string;
  /** The consult info before a consult, restored when it fails. */
  readonly consultBefore?: ConsultInfo;
  timer?: Unsubscribable;
}

interface TaskListState {
  readonly tasks: readonly Task[];
  readonly selected: Task | undefined;
}

/** What the store needs of a Subject: deliver values to its subscribers, then complete them. */
interface Channel<T> {
  readonly observable: Observable<T>;
  next(value: T): void;
  complete(): void;
}

/**
 * A Subject without the weight of rxjs's Subject classes: subscribers in subscription order, each
 * delivery to those subscribed when it starts, nothing but completion after `complete()`. With
 * `replay`, a new subscriber gets the last value first (a BehaviorSubject starting at `value`).
 */
function channel<T>(replay = false, value?: T): Channel<T> {
  const subscribers = new Set<Subscriber<T>>();
  let done = false;
  return {
    observable: new Observable<T>((subscriber) => {
      if (done) return subscriber.complete();
      subscribers.add(subscriber);
      if (replay) subscriber.next(value as T);
      return () => subscribers.delete(subscriber);
    }),
    next(next) {
      value = next;
      for (const subscriber of [...subscribers]) subscriber.next(next);
    },
    complete() {
      done = true;
      for (const subscriber of [...subscribers]) subscriber.complete();
      subscribers.clear();
    },
  };
}

/** `source` through `project`, skipping repeats for each subscriber (map + distinctUntilChanged). */
function pick<S, T>(source: Observable<S>, project: (value: S) => T): Observable<T> {
  return new Observable<T>((subscriber) => {
    let seen = false;
    let last: T | undefined;
    return source.subscribe({
      next(value) {
        const next = project(value);
        if (seen && next === last) return;
        seen = true;
        last = next;
        subscriber.next(next);
      },
      complete: () => subscriber.complete(),
    });
  });
}

/** Where a consult transfer goes: the consult we started, else whom the contact center says. */
function consultTarget(task: Task): { to: string; destinationType: DestinationType } | undefined {
  const destination = task.consult?.destination;
  if (destination) return { to: destination.id, destinationType: destination.type };
  const agent = task.data.destAgentId;
  if (!agent) return undefined;
  const type = task.data.destinationType;
  return { to: agent, destinationType: type && DESTINATION_TYPES.has(type) ? (type as DestinationType) : 'agent' };
}

/** Build a store on a backend. Nothing happens until `start()`. */
export function createStore(backend: ContactCenter, options: StoreOptions = {}): CcStore {
  const clock = options.clock ?? { now: () => Date.now() };
  const timers: Timers = options.scheduler ?? TIMEOUTS;
  const timeoutMs = options.pendingTimeoutMs ?? 15_000;
  const now = (): number => clock.now();

  const outbox = new Outbox();
  const post = (deliver: () => void): void => outbox.post(deliver);
  const list = new TaskList();
  let agentView = initialAgentView(now());
  let directory = EMPTY_DIRECTORY;
  let connection: ConnectionState = { status: 'disconnected' };

  const listState = channel<TaskListState>(true, { tasks: list.all, selected: undefined });
  const agentChannel = channel(true, agentView);
  const directoryChannel = channel(true, directory);
  const connectionChannel = channel(true, connection);
  const errorChannel = channel<CcError>();
  const changeChannel = channel<Task>();

  /** Commands awaiting their confirming event: by task id, the agent-state change under `undefined`. */
  const flights = new Map<string | undefined, Flight>();
  const subscriptions = new Subscription();
  let starting: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;
  let loaded = false;
  let stopped = false;
  /** Increments per reconnection, so a slow snapshot never overwrites a newer one. */
  let generation = 0;

  // ---- errors ----

  // After stop() errors$ has completed: what is posted then reaches nobody.
  const emitError = (error: CcError): void => post(() => errorChannel.next(error));

  /** Report a refused or failed command on errors$ and reject with it. */
  const refuse = (error: CcError): Promise<never> => {
    emitError(error);
    return Promise.reject(error);
  };

  /** "<Command> refused: <reason>". */
  const refusal = (code: ErrorCode, command: TaskCommand | AgentCommand, reason: string, taskId?: string): CcError =>
    worded(code, command, 'refused', reason, now(), taskId);

  /** Refused without a word on errors$: the store has been stopped. */
  const stoppedRefusal = (command: TaskCommand | AgentCommand, taskId?: string): Promise<never> =>
    Promise.reject(refusal('INVALID_STATE', command, 'the store has been stopped', taskId));

  /** A connection failure: always CONNECTION, whatever the backend's code. */
  const connectionError = (cause: unknown): CcError => ({ ...fromRejection(cause, 'connect', now()), code: 'CONNECTION' });

  /** The rejection handler of an agent command's backend call. */
  const failed =
    (command: AgentCommand) =>
    (cause: unknown): never => {
      const error = fromRejection(cause, command, now());
      emitError(error);
      throw error;
    };

  // ---- state changes ----

  /** Apply task changes, recompute the selection, emit, and settle timers of confirmed commands. */
  const commit = (puts: readonly Task[], removals: readonly Task[] = []): void => {
    const changed = list.apply(puts, removals, isFinal);
    const state: TaskListState = { tasks: list.all, selected: list.selected };
    post(() => listState.next(state));
    for (const task of changed) {
      post(() => changeChannel.next(task));
      settle(task.id);
    }
  };

  const setAgent = (view: AgentView): void => {
    agentView = view;
    post(() => agentChannel.next(view));
    settle(undefined);
  };

  /** Whether the flight's pending mark is still on its task (or on the agent). */
  const stillPending = ({ mark, taskId }: Flight): boolean =>
    (taskId === undefined ? agentView : list.get(taskId))?.pending === mark;

  /** Forget a flight and its timer. */
  const land = (flight: Flight): void => {
    flight.timer?.unsubscribe();
    if (flights.get(flight.taskId) === flight) flights.delete(flight.taskId);
  };

  /** A pending mark is gone (confirmed, failed, task left): its timer is no longer needed. */
  const settle = (key: string | undefined): void => {
    const flight = flights.get(key);
    if (flight && !stillPending(flight)) land(flight);
  };

  const dropFlights = (): void => {
    for (const flight of flights.values()) flight.timer?.unsubscribe();
    flights.clear();
  };

  /** Mark a task failed, restoring what the failed command had recorded. */
  const failTask = (task: Task, error: CcError): Task => {
    const flight = flights.get(task.id);
    const marked = markFailed(task, error);
    return flight?.consultBefore && stillPending(flight) ? { ...marked, consult: flight.consultBefore } : marked;
  };

  /** A command failed (rejected or timed out): clear its pending mark if it still stands, and report. */
  const fail = (flight: Flight, error: CcError): void => {
    const { taskId } = flight;
    if (flights.get(taskId) === flight && stillPending(flight)) {
      if (taskId === undefined) setAgent({ ...agentView, pending: undefined, error });
      else commit([failTask(list.get(taskId) as Task, error)]);
    }
    land(flight);
    emitError(error);
  };

  /**
   * Call the backend for a command now pending, with its timeout. The promise settles once: with
   * the call's outcome, or with TIMEOUT when the confirming event does not arrive in time.
   */
  const send = (flight: Flight, call: () => Promise<void>): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const { command, taskId } = flight;
      let timedOut = false;
      if (flights.get(taskId) === flight) {
        flight.timer = timers.schedule(() => {
          if (stopped || flights.get(taskId) !== flight) return;
          const error = timeoutError(command, timeoutMs, now(), taskId);
          fail(flight, error);
          timedOut = true;
          reject(error);
        }, timeoutMs);
      }
      // A call that throws instead of rejecting fails the same way.
      new Promise<void>((settle) => settle(call())).then(resolve, (cause: unknown) => {
        if (timedOut) return;
        const error = fromRejection(cause, command, now(), taskId);
        if (!stopped) fail(flight, error);
        reject(error);
      });
    });

  // ---- lifecycle and events ----

  const connect = async (): Promise<void> => {
    const watch = backend.connection$.subscribe(onConnection);
    // Listen before connecting: what the contact center sends while the session loads is held
    // and applied after it (the reducer ignores what the session already reflects).
    const early: BackendEvent[] = [];
    const events = backend.events$.subscribe((event) => (loaded ? onEvent(event) : early.push(event)));
    subscriptions.add(watch);
    subscriptions.add(events);
    let session: AgentSession;
    try {
      session = await backend.connect();
    } catch (cause) {
      // An rxjs subscription leaves its parent as it unsubscribes.
      for (const subscription of [watch, events]) subscription.unsubscribe();
      const error = connectionError(cause);
      emitError(error);
      throw error;
    }
    if (stopped) return;
    load(session);
    loaded = true;
    for (const event of early.splice(0)) onEvent(event);
  };

  /** Load the session (on connection) or a snapshot (after a reconnection): the backend's word is the truth. */
  const load = ({ profile, status, tasks }: AgentSession): void => {
    dropFlights();
    const puts: Task[] = [];
    for (const message of tasks) {
      const task = reduce(undefined, message, { agentId: profile.agentId });
      if (!task || isFinal(task)) continue;
      const ours = list.get(task.id);
      // The host's markdone block is ours, not the contact center's: it survives.
      const carried = ours?.markdoneBlocked ? blockMarkdone(task, ours.markdoneBlocked) : task;
      puts.push(ours ? { ...carried, rev: Math.max(carried.rev, ours.rev + 1) } : task);
    }
    const { pending: _pending, ...rest } = agentView;
    setAgent({ ...rest, profile, status });
    commit(
      puts,
      list.all.filter((task) => !puts.some((put) => put.id === task.id)),
    );
  };

  const onConnection = (state: ConnectionState): void => {
    const previous = connection;
    if (previous.status === state.status && previous.reason === state.reason) return;
    connection = state;
    post(() => connectionChannel.next(state));
    if (previous.status !== 'reconnecting' || state.status !== 'connected' || !loaded) return;
    const mine = ++generation;
    backend.snapshot().then(
      (session) => {
        if (!stopped && mine === generation) load(session);
      },
      (cause: unknown) => emitError(connectionError(cause)),
    );
  };

  const onEvent = (event: BackendEvent): void => {
    if (stopped || !event || typeof event.type !== 'string') return;
    if ((AGENT_STATE_EVENTS as readonly string[]).includes(event.type)) onAgentEvent(event as AgentStateEvent);
    else if (isTaskEventName(event.type)) onTaskMessage(event as TaskMessage);
  };

  const onTaskMessage = (message: TaskMessage): void => {
    const { type, interactionId: id } = message;
    const before = list.get(id);
    let next = reduce(before, message, { agentId: agentView.profile?.agentId ?? '' });
    // The command a `…Failed` event reports on, if it is one.
    const command = blamed(type, before?.pending?.command);
    const error = command && fromFailedEvent(type, command, message.reason, now(), id);
    if (error && next && command !== 'outdial') next = failTask(next, error);
    if (next && next !== before) commit([next]);
    if (error) emitError(error);
  };

  const onAgentEvent = (event: AgentStateEvent): void => {
    let view = reduceAgent(agentView, event, now());
    if (view === agentView) return; // another agent's event, or one the model does not apply
    let error: CcError | undefined;
    if (event.type === 'AgentStateChangeFailed') {
      error = fromFailedEvent(event.type, 'setAgentState', event.reason, now());
      view = { ...view, error };
    }
    setAgent(view);
    if (error) emitError(error);
  };

  // ---- task commands ----

  /** Why a command cannot be issued on the task now, or its plan. */
  /**
   * The common path of every task command: refusals without a backend call, then the pending
   * mark, the call, its timeout, and failure handling.
   */
  const run = (command: TaskCommand, taskId: string, plan: (task: Task) => Plan | CcError, check?: Check): Promise<void> => {
    if (stopped) return stoppedRefusal(command, taskId);
    const task = list.get(taskId);
    /** Why the command cannot be issued on the task now, or its plan. */
    const prepare = (): Plan | CcError => {
      if (!task) return refusal('NOT_FOUND', command, `no live task ${JSON.stringify(String(taskId))}`, taskId);
      const problem = check?.(task);
      if (typeof problem === 'string') return refusal('INVALID_PARAMETERS', command, problem, taskId);
      if (problem) return problem;
      if (task.pending) {
        return refusal('INVALID_STATE', command, `${LABELS[task.pending.command]} is still pending`, taskId);
      }
      if (!canIssue(task, command, agentView)) {
        return ccError('INVALID_STATE', command, `${LABELS[command]} is not possible while the task is ${task.state}`, now(), taskId);
      }
      return plan(task);
    };
    const planned = prepare();
    if (isCcError(planned)) return refuse(planned);
    const marked = markPending(task as Task, command, now());
    const flight: Flight = { command, mark: marked.pending, taskId, consultBefore: planned.consult && task?.consult };
    flights.set(taskId, flight);
    commit([planned.consult ? { ...marked, consult: planned.consult } : marked]);
    return send(flight, planned.call);
  };


  /**
   * A consult or transfer: the destination checked, a dial number normalised by the profile's dial
   * plan. A consult holds the customer and is recorded on the task as initiated.
   */
  const toDestination =
    (command: 'consult' | 'transfer') =>
    (taskId: string, destination: Destination): Promise<void> => {
      let target: Destination;
      const consult = command === 'consult';
      return run(
        command,
        taskId,
        () => ({
          consult: consult ? { destination: target, status: 'CONSULT_INITIATED' } : undefined,
          call: () =>
            backend[command](taskId, defined({ to: target.id, destinationType: target.type, holdParticipants: consult || undefined })),
        }),
        () => {
          const problem = destinationProblem(destination);
          if (problem) return problem;
          target = { ...destination };
          if (destination.type !== 'dialNumber') return undefined;
          const profile = agentView.profile;
          if (!profile) return refusal('INVALID_STATE', command, 'not connected', taskId);
          const checked = validateDialNumber(destination.id, profile);
          if (!checked.ok) return checked.reason;
          target.id = checked.number;
          return undefined;
        },
      );
    };

  const wrapUpCode = (id: string) => agentView.profile?.wrapUpCodes.find((candidate) => candidate.id === id);

  /** Apply a host-imposed change to a live task (not a backend call). */
  const change = (taskId: string, update: (task: Task) => Task): void => {
    const task = list.get(taskId);
    if (!stopped && task) commit([update(task)]);
  };

  return {
    tasks$: pick(listState.observable, (state) => state.tasks),
    selectedTask$: pick(listState.observable, (state) => state.selected),
    // Every agent view, connection state and directory posted differs from the one before.
    agent$: agentChannel.observable,
    directory$: directoryChannel.observable,
    errors$: errorChannel.observable,
    connection$: connectionChannel.observable,
    taskChanges$: changeChannel.observable,

    get tasks() {
      return list.all;
    },
    get selectedTask() {
      return list.selected;
    },
    get agent() {
      return agentView;
    },
    get directory() {
      return directory;
    },
    get connection() {
      return connection;
    },
    now,

    start() {
      if (stopped) return stoppedRefusal('connect');
      starting ??= connect().catch((error: unknown) => {
        starting = undefined;
        throw error;
      });
      return starting;
    },

    stop() {
      if (stopping) return stopping;
      stopped = true;
      subscriptions.unsubscribe();
      dropFlights();
      for (const stream of [listState, agentChannel, directoryChannel, connectionChannel, errorChannel, changeChannel]) {
        stream.complete();
      }
      stopping = starting
        ? backend.disconnect().catch((cause: unknown) => {
            throw fromRejection(cause, 'connect', now(), undefined, 'CONNECTION');
          })
        : Promise.resolve();
      return stopping;
    },

    select(taskId) {
      // Nothing changes but the selection; commit posts it.
      if (!stopped && list.select(taskId)) commit([]);
    },

    ...(Object.fromEntries(
      PLAIN.map((command) => [command, (taskId: string) => run(command, taskId, () => ({ call: () => backend[command](taskId) }))]),
    ) as Record<PlainCommand, (taskId: string) => Promise<void>>),
    resumeRecording: (taskId) =>
      run('resumeRecording', taskId, () => ({ call: () => backend.resumeRecording(taskId, { autoResumed: false }) })),

    consult: toDestination('consult'),

    endConsult: (taskId) =>
      run('endConsult', taskId, (task) => {
        const destination = task.consult?.destination;
        const queueId = destination?.type === 'queue' ? destination.id : undefined;
        return { call: () => backend.endConsult(taskId, defined({ isConsult: true, taskId, queueId })) };
      }),

    consultTransfer: (taskId) =>
      run('consultTransfer', taskId, (task) => {
        const target = consultTarget(task);
        return target
          ? { call: () => backend.consultTransfer(taskId, target) }
          : refusal('INVALID_STATE', 'consultTransfer', 'nobody is being consulted', taskId);
      }),


    switchLeg: (taskId) =>
      run('switchLeg', taskId, (task) => {
        const leg = task.data.consultMediaResourceId;
        // On the consult leg: hold it (back to the customer). On the main leg: resume the consult leg.
        return leg
          ? { call: () => backend[task.activeLeg === 'consult' ? 'hold' : 'resume'](taskId, leg) }
          : refusal('INVALID_STATE', 'switchLeg', 'there is no consult leg', taskId);
      }),

    transfer: toDestination('transfer'),


    wrapup: (taskId, input) =>
      run(
        'wrapup',
        taskId,
        () => {
          const notes = input.notes?.trim();
          const wrapUpReason = notes ? notes : (wrapUpCode(input.auxCodeId)?.name ?? input.auxCodeId);
          return { call: () => backend.wrapup(taskId, { auxCodeId: input.auxCodeId, wrapUpReason }) };
        },
        (task) => {
          if (typeof input?.auxCodeId !== 'string' || input.auxCodeId.trim() === '') {
            return 'a wrap-up code is required';
          }
          if (input.notes !== undefined && typeof input.notes !== 'string') return 'notes must be text';
          if (!wrapUpCode(input.auxCodeId)) return `unknown wrap-up code ${JSON.stringify(input.auxCodeId)}`;
          return task.markdoneBlocked === undefined
            ? undefined
            : ccError('MARKDONE_BLOCKED', 'wrapup', task.markdoneBlocked, now(), taskId);
        },
      ),

    setUserData: (taskId, values) =>
      run(
        'setUserData',
        taskId,
        () => ({ call: () => backend.setUserData(taskId, { ...values }) }),
        () => userDataProblem(values),
      ),

    deleteUserData: (taskId, key) =>
      run(
        'deleteUserData',
        taskId,
        () => ({ call: () => backend.deleteUserData(taskId, key) }),
        () => keyProblem(key),
      ),

    blockMarkdone: (taskId, warning) => change(taskId, (task) => blockMarkdone(task, String(warning))),
    unblockMarkdone: (taskId) => change(taskId, unblockMarkdone),

    // ---- agent commands ----

    setAgentState(state, idleCodeId) {
      if (stopped) return stoppedRefusal('setAgentState');
      const refused = (code: ErrorCode, reason: string): Promise<never> => refuse(refusal(code, 'setAgentState', reason));
      const profile = agentView.profile;
      if (!profile) return refused('INVALID_STATE', 'not connected');
      if (state !== 'Available' && state !== 'Idle') return refused('INVALID_PARAMETERS', `unknown state ${JSON.stringify(state)}`);
      const code = state === 'Idle' ? idleCodeId : undefined;
      if (code !== undefined && !profile.idleCodes.some((candidate) => candidate.id === code)) {
        return refused('INVALID_PARAMETERS', `unknown idle code ${JSON.stringify(code)}`);
      }
      if (agentView.pending) return refused('INVALID_STATE', 'a state change is still pending');

      const pending = defined({ state, idleCodeId: code, since: now() });
      const flight: Flight = { command: 'setAgentState', mark: pending };
      flights.set(undefined, flight);
      setAgent({ ...agentView, pending, error: undefined });
      return send(flight, () => backend.setAgentState(state, code));
    },

    capabilities: capabilitiesOf(backend),

    outdial(number, aniId, userData) {
      if (stopped) return stoppedRefusal('outdial');
      const refused = (code: ErrorCode, reason: string): Promise<never> => refuse(refusal(code, 'outdial', reason));
      const profile = agentView.profile;
      if (!profile) return refused('INVALID_STATE', 'not connected');
      if (!profile.outdial.enabled) return refused('FORBIDDEN', 'outdial is not enabled for this agent');
      if (typeof number !== 'string') return refused('INVALID_PARAMETERS', 'a number is required');
      const checked = validateDialNumber(number, profile);
      if (!checked.ok) return refused('INVALID_PARAMETERS', checked.reason);
      const ani = aniId === undefined ? undefined : profile.outdial.anis.find((candidate) => candidate.id === aniId);
      if (aniId !== undefined && !ani) return refused('INVALID_PARAMETERS', `unknown caller id ${JSON.stringify(aniId)}`);
      if (list.all.some((task) => task.media === 'telephony')) return refused('INVALID_STATE', 'a call is already in progress');
      const dataProblem = userData === undefined ? undefined : userDataProblem(userData);
      if (dataProblem) return refused('INVALID_PARAMETERS', dataProblem);
      return backend.outdial(defined({ destination: checked.number, origin: ani?.number, userData })).catch(failed('outdial'));
    },

    refreshDirectory() {
      if (stopped) return stoppedRefusal('directory');
      return backend.directory().then((value) => {
        if (stopped || value === directory) return;
        directory = value;
        post(() => directoryChannel.next(value));
      }, failed('directory'));
    },
  };
}
