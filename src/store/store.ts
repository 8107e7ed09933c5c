/**
 * The RxJS store: the only stateful thing. It feeds the backend's events through the model's
 * reducer, exposes tasks, selection, agent, directory, connection, errors and task changes as
 * observables, and turns commands into backend calls with pending, failure and timeout states.
 * @module
 */
import {
  asyncScheduler,
  BehaviorSubject,
  distinctUntilChanged,
  map,
  Subject,
  Subscription,
  timer,
  type Observable,
  type SchedulerLike,
} from 'rxjs';
import type { AgentSession, ContactCenter } from '../backends/contact-center.js';
import {
  blockMarkdone,
  canIssue,
  failureFor,
  initialAgentView,
  isCcError,
  isFinal,
  isTaskEventName,
  markFailed,
  markPending,
  reduceAgent,
  step,
  unblockMarkdone,
  validateDialNumber,
  AGENT_STATE_EVENTS,
  type AgentCommand,
  type AgentStateEvent,
  type AgentStateName,
  type AgentView,
  type AuxCode,
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
import { ccError, commandLabel, fromFailedEvent, fromRejection, timeoutError } from './errors.js';
import { Outbox } from './outbox.js';
import { TaskList } from './task-list.js';
import type { CcStore, WrapupInput } from './types.js';
import { destinationProblem, keyProblem, userDataProblem } from './validate.js';

/** How a store is built; everything optional. */
export interface StoreOptions {
  /** The store's clock (pending `since`, error `at`); defaults to `Date.now`. */
  clock?: { now(): number };
  /** How long a command may wait for its confirming event before it fails with TIMEOUT. */
  pendingTimeoutMs?: number;
  /** Where pending timeouts are scheduled; a virtual-time scheduler in tests. */
  scheduler?: SchedulerLike;
}

/** Build a store on a backend. Nothing happens until `start()`. */
export function createStore(backend: ContactCenter, options: StoreOptions = {}): CcStore {
  return new RxStore(backend, options);
}

const DEFAULT_PENDING_TIMEOUT_MS = 15_000;
const EMPTY_DIRECTORY: Directory = Object.freeze({ agents: [], queues: [], entryPoints: [] }) as Directory;
const AGENT_EVENT_NAMES: ReadonlySet<string> = new Set(AGENT_STATE_EVENTS);

/**
 * Failure events that several commands share: one ContactUpdateFailed serves every update of the
 * call-associated data (mute included), and switching legs is a hold or resume of the consult leg.
 * When the command pending on the task is one of these, the failure is that command's.
 */
const SHARED_FAILURES: Partial<Record<TaskCommand, readonly TaskCommand[]>> = {
  setUserData: ['toggleMute', 'deleteUserData'],
  hold: ['switchLeg'],
  resume: ['switchLeg'],
};

/** What a task command does once it is allowed: the backend call and any extra task change. */
interface Plan {
  call: () => Promise<void>;
  /** Fields recorded on the task with the pending mark (consult: whom we are calling). */
  patch?: Partial<Pick<Task, 'consult'>>;
}

/** A task command awaiting its confirming event. */
interface InFlight {
  readonly command: TaskCommand;
  readonly since: number;
  /** The consult info before the command, restored on failure when the command changed it. */
  readonly consultBefore?: ConsultInfo;
  timer?: Subscription;
  /** The returned promise has been settled (the call answered, or it timed out first). */
  settled: boolean;
  reject?: (error: CcError) => void;
}

interface AgentInFlight {
  readonly since: number;
  timer?: Subscription;
  settled: boolean;
  reject?: (error: CcError) => void;
}

interface TaskListState {
  readonly tasks: readonly Task[];
  readonly selected: Task | undefined;
}

class RxStore implements CcStore {
  readonly tasks$: Observable<readonly Task[]>;
  readonly selectedTask$: Observable<Task | undefined>;
  readonly agent$: Observable<AgentView>;
  readonly directory$: Observable<Directory>;
  readonly errors$: Observable<CcError>;
  readonly connection$: Observable<ConnectionState>;
  readonly taskChanges$: Observable<Task>;

  private readonly clock: { now(): number };
  private readonly scheduler: SchedulerLike;
  private readonly timeoutMs: number;
  private readonly outbox = new Outbox();
  private readonly list = new TaskList();
  private readonly listState$: BehaviorSubject<TaskListState>;
  private readonly agentSubject: BehaviorSubject<AgentView>;
  private readonly directorySubject = new BehaviorSubject<Directory>(EMPTY_DIRECTORY);
  private readonly connectionSubject = new BehaviorSubject<ConnectionState>({ status: 'disconnected' });
  private readonly errorSubject = new Subject<CcError>();
  private readonly changeSubject = new Subject<Task>();

  private agentView: AgentView;
  private directoryValue: Directory = EMPTY_DIRECTORY;
  private connectionValue: ConnectionState = { status: 'disconnected' };
  private readonly inFlight = new Map<string, InFlight>();
  private agentInFlight: AgentInFlight | undefined;
  private readonly subscriptions = new Subscription();
  private starting: Promise<void> | undefined;
  private loaded = false;
  private stopped = false;
  private stopping: Promise<void> | undefined;
  /** Increments per reconnection, so a slow snapshot never overwrites a newer one. */
  private reconcileGeneration = 0;

  constructor(
    private readonly backend: ContactCenter,
    options: StoreOptions,
  ) {
    this.clock = options.clock ?? { now: () => Date.now() };
    this.scheduler = options.scheduler ?? asyncScheduler;
    this.timeoutMs = options.pendingTimeoutMs ?? DEFAULT_PENDING_TIMEOUT_MS;
    this.agentView = initialAgentView(this.clock.now());
    this.agentSubject = new BehaviorSubject(this.agentView);
    this.listState$ = new BehaviorSubject<TaskListState>({ tasks: this.list.all, selected: undefined });

    this.tasks$ = this.listState$.pipe(
      map((state) => state.tasks),
      distinctUntilChanged(),
    );
    this.selectedTask$ = this.listState$.pipe(
      map((state) => state.selected),
      distinctUntilChanged(),
    );
    this.agent$ = this.agentSubject.pipe(distinctUntilChanged());
    this.directory$ = this.directorySubject.pipe(distinctUntilChanged());
    this.connection$ = this.connectionSubject.pipe(
      distinctUntilChanged((a, b) => a.status === b.status && a.reason === b.reason),
    );
    this.errors$ = this.errorSubject.asObservable();
    this.taskChanges$ = this.changeSubject.asObservable();
  }

  // ---- current values ----

  get tasks(): readonly Task[] {
    return this.list.all;
  }
  get selectedTask(): Task | undefined {
    return this.list.selected;
  }
  get agent(): AgentView {
    return this.agentView;
  }
  get directory(): Directory {
    return this.directoryValue;
  }
  get connection(): ConnectionState {
    return this.connectionValue;
  }
  now(): number {
    return this.clock.now();
  }

  // ---- lifecycle ----

  start(): Promise<void> {
    if (this.stopped) return Promise.reject(this.stoppedError('connect'));
    this.starting ??= this.connect().catch((error: unknown) => {
      this.starting = undefined;
      throw error;
    });
    return this.starting;
  }

  stop(): Promise<void> {
    if (this.stopping) return this.stopping;
    this.stopped = true;
    this.subscriptions.unsubscribe();
    for (const flight of this.inFlight.values()) flight.timer?.unsubscribe();
    this.inFlight.clear();
    this.agentInFlight?.timer?.unsubscribe();
    this.agentInFlight = undefined;
    for (const subject of [
      this.listState$,
      this.agentSubject,
      this.directorySubject,
      this.connectionSubject,
      this.errorSubject,
      this.changeSubject,
    ] as Array<Subject<unknown>>) {
      subject.complete();
    }
    const wasStarted = this.starting !== undefined;
    this.stopping = wasStarted
      ? this.backend.disconnect().catch((cause: unknown) => {
          throw fromRejection(cause, 'connect', this.now(), undefined, 'CONNECTION');
        })
      : Promise.resolve();
    return this.stopping;
  }

  private async connect(): Promise<void> {
    const connectionWatch = this.backend.connection$.subscribe((state) => this.onConnection(state));
    this.subscriptions.add(connectionWatch);
    let session: AgentSession;
    try {
      session = await this.backend.connect();
    } catch (cause) {
      connectionWatch.unsubscribe();
      this.subscriptions.remove(connectionWatch);
      const error = fromRejection(cause, 'connect', this.now());
      const connectionError = { ...error, code: 'CONNECTION' as const };
      if (!this.stopped) this.emitError(connectionError);
      throw connectionError;
    }
    if (this.stopped) return;
    this.loadSession(session);
    this.loaded = true;
    this.subscriptions.add(this.backend.events$.subscribe((event) => this.onEvent(event)));
  }

  private loadSession(session: AgentSession): void {
    const puts: Task[] = [];
    for (const message of session.tasks) {
      const task = this.taskFrom(message, session.profile.agentId);
      if (task) puts.push(task);
    }
    this.setAgent({ ...this.agentView, profile: session.profile, status: session.status });
    this.commit(puts);
  }

  /** A live task built from an `AgentContact` message as it stands, or undefined. */
  private taskFrom(message: TaskMessage, agentId: string): Task | undefined {
    const { task, ignored } = step(undefined, message, { agentId });
    return !ignored && task && !isFinal(task) ? task : undefined;
  }

  private onConnection(state: ConnectionState): void {
    const previous = this.connectionValue;
    if (previous.status === state.status && previous.reason === state.reason) return;
    this.connectionValue = state;
    this.outbox.post(() => this.connectionSubject.next(state));
    if (previous.status === 'reconnecting' && state.status === 'connected' && this.loaded) this.reconcile();
  }

  /** After a reconnection: the backend's snapshot is the truth. */
  private reconcile(): void {
    const generation = ++this.reconcileGeneration;
    this.backend.snapshot().then(
      (session) => {
        if (this.stopped || generation !== this.reconcileGeneration) return;
        this.applySnapshot(session);
      },
      (cause: unknown) => {
        if (this.stopped) return;
        this.emitError({ ...fromRejection(cause, 'connect', this.now()), code: 'CONNECTION' });
      },
    );
  }

  private applySnapshot(session: AgentSession): void {
    for (const flight of this.inFlight.values()) flight.timer?.unsubscribe();
    this.inFlight.clear();
    this.agentInFlight?.timer?.unsubscribe();
    this.agentInFlight = undefined;

    const fresh = new Map<string, Task>();
    for (const message of session.tasks) {
      const task = this.taskFrom(message, session.profile.agentId);
      if (task) fresh.set(task.id, task);
    }
    const removals = this.list.all.filter((task) => !fresh.has(task.id));
    const puts = [...fresh.values()].map((task) => {
      const ours = this.list.get(task.id);
      if (!ours) return task;
      // The host's markdone block is ours, not the contact center's: it survives.
      const carried = ours.markdoneBlocked ? blockMarkdone(task, ours.markdoneBlocked) : task;
      return { ...carried, rev: Math.max(carried.rev, ours.rev + 1) };
    });
    this.setAgent({ ...this.agentView, profile: session.profile, status: session.status, pending: undefined });
    this.commit(puts, removals);
  }

  // ---- events ----

  private onEvent(event: BackendEvent): void {
    if (this.stopped || !event || typeof event.type !== 'string') return;
    if (AGENT_EVENT_NAMES.has(event.type)) this.onAgentEvent(event as AgentStateEvent);
    else if (isTaskEventName(event.type)) this.onTaskMessage(event as TaskMessage);
  }

  private onTaskMessage(message: TaskMessage): void {
    const id = message.interactionId;
    const before = this.list.get(id);
    const { task, ignored } = step(before, message, { agentId: this.agentId });
    let next = ignored ? before : task;
    const command = this.failedCommand(message.type, before);
    const error = command ? fromFailedEvent(message.type, command, message.reason, this.now(), id) : undefined;
    if (error && next && command !== 'outdial') next = this.failTask(next, error);
    if (next && next !== before) this.commit([next]);
    if (error) this.emitError(error);
  }

  /** The command a `…Failed` event reports on, if it is one. */
  private failedCommand(eventName: string, before: Task | undefined): TaskCommand | AgentCommand | undefined {
    if (eventName === 'AgentOutboundFailed') return 'outdial';
    const command = failureFor(eventName);
    const pending = before?.pending?.command;
    return command && pending && SHARED_FAILURES[command]?.includes(pending) ? pending : command;
  }

  private onAgentEvent(event: AgentStateEvent): void {
    let view = reduceAgent(this.agentView, event, this.now());
    if (view === this.agentView) return; // another agent's event, or one the model does not apply
    let error: CcError | undefined;
    if (event.type === 'AgentStateChangeFailed') {
      error = fromFailedEvent(event.type, 'setAgentState', event.reason, this.now());
      view = { ...view, error };
    }
    this.setAgent(view);
    if (error) this.emitError(error);
  }

  private get agentId(): string {
    return this.agentView.profile?.agentId ?? '';
  }

  // ---- state changes ----

  /** Apply task changes, recompute the selection, emit, and settle timers of confirmed commands. */
  private commit(puts: readonly Task[], removals: readonly Task[] = []): void {
    const changed = this.list.apply(puts, removals, isFinal);
    const state: TaskListState = { tasks: this.list.all, selected: this.list.selected };
    this.outbox.post(() => this.listState$.next(state));
    for (const task of changed) {
      this.outbox.post(() => this.changeSubject.next(task));
      this.settleIfConfirmed(task.id);
    }
  }

  private setAgent(view: AgentView): void {
    this.agentView = view;
    this.outbox.post(() => this.agentSubject.next(view));
    const flight = this.agentInFlight;
    if (flight && view.pending?.since !== flight.since) {
      flight.timer?.unsubscribe();
      this.agentInFlight = undefined;
    }
  }

  private emitError(error: CcError): void {
    this.outbox.post(() => this.errorSubject.next(error));
  }

  /** A task's pending mark is gone (confirmed, failed, task left): its timer is no longer needed. */
  private settleIfConfirmed(taskId: string): void {
    const flight = this.inFlight.get(taskId);
    if (!flight) return;
    if (this.isStillPending(taskId, flight)) return;
    flight.timer?.unsubscribe();
    this.inFlight.delete(taskId);
  }

  private isStillPending(taskId: string, flight: InFlight): boolean {
    const pending = this.list.get(taskId)?.pending;
    return pending !== undefined && pending.command === flight.command && pending.since === flight.since;
  }

  /** Mark a task failed, restoring what the failed command had recorded. */
  private failTask(task: Task, error: CcError): Task {
    const flight = this.inFlight.get(task.id);
    const failed = markFailed(task, error);
    const before = flight?.consultBefore;
    if (flight && before && this.isStillPending(task.id, flight)) return { ...failed, consult: before };
    return failed;
  }

  // ---- refusals ----

  private refuse(code: ErrorCode, command: TaskCommand | AgentCommand, message: string, taskId?: string): Promise<never> {
    const error = ccError(code, command, message, this.now(), taskId);
    this.emitError(error);
    return Promise.reject(error);
  }

  private stoppedError(command: TaskCommand | AgentCommand, taskId?: string): CcError {
    return ccError('INVALID_STATE', command, `${commandLabel(command)} refused: the store has been stopped`, this.now(), taskId);
  }

  // ---- task commands ----

  /**
   * The common path of every task command: refusals without a backend call, then the pending
   * mark, the call, its timeout, and failure handling.
   */
  private run(
    command: TaskCommand,
    taskId: string,
    plan: (task: Task) => Plan | CcError,
    check?: (task: Task) => CcError | undefined,
  ): Promise<void> {
    if (this.stopped) return Promise.reject(this.stoppedError(command, taskId));
    const label = commandLabel(command);
    const task = this.list.get(taskId);
    if (!task) return this.refuse('NOT_FOUND', command, `${label} refused: no live task ${JSON.stringify(String(taskId))}`, taskId);
    const problem = check?.(task);
    if (problem) {
      this.emitError(problem);
      return Promise.reject(problem);
    }
    if (task.pending) {
      return this.refuse('INVALID_STATE', command, `${label} refused: ${commandLabel(task.pending.command)} is still pending`, taskId);
    }
    if (!canIssue(task, command, this.agentView)) {
      return this.refuse('INVALID_STATE', command, `${label} is not possible while the task is ${task.state}`, taskId);
    }
    const planned = plan(task);
    if (isCcError(planned)) {
      this.emitError(planned);
      return Promise.reject(planned);
    }

    const marked = markPending(task, command, this.now());
    const pendingTask: Task = planned.patch ? { ...marked, ...planned.patch } : marked;
    const since = pendingTask.pending?.since ?? this.now();
    const flight: InFlight = {
      command,
      since,
      settled: false,
      ...(planned.patch?.consult && task.consult ? { consultBefore: task.consult } : {}),
    };
    this.inFlight.set(taskId, flight);
    this.commit([pendingTask]);
    if (this.inFlight.get(taskId) === flight) {
      flight.timer = timer(this.timeoutMs, this.scheduler).subscribe(() => this.timeOut(taskId, flight));
    }

    return new Promise<void>((resolve, reject) => {
      flight.reject = reject;
      let call: Promise<void>;
      try {
        call = planned.call();
      } catch (cause) {
        call = Promise.reject(cause);
      }
      call.then(
        () => {
          if (flight.settled) return;
          flight.settled = true;
          resolve();
        },
        (cause: unknown) => {
          if (flight.settled) return;
          flight.settled = true;
          const error = fromRejection(cause, command, this.now(), taskId);
          if (!this.stopped) this.failInFlight(taskId, flight, error);
          reject(error);
        },
      );
    });
  }

  /** The confirming event did not arrive in time. */
  private timeOut(taskId: string, flight: InFlight): void {
    if (this.stopped || this.inFlight.get(taskId) !== flight) return;
    const error = timeoutError(flight.command, this.timeoutMs, this.now(), taskId);
    this.failInFlight(taskId, flight, error);
    if (!flight.settled) {
      flight.settled = true;
      flight.reject?.(error);
    }
  }

  private failInFlight(taskId: string, flight: InFlight, error: CcError): void {
    const task = this.list.get(taskId);
    if (task && this.inFlight.get(taskId) === flight && this.isStillPending(taskId, flight)) {
      this.commit([this.failTask(task, error)]);
    }
    flight.timer?.unsubscribe();
    if (this.inFlight.get(taskId) === flight) this.inFlight.delete(taskId);
    this.emitError(error);
  }

  accept(taskId: string): Promise<void> {
    return this.run('accept', taskId, () => ({ call: () => this.backend.accept(taskId) }));
  }

  decline(taskId: string): Promise<void> {
    return this.run('decline', taskId, () => ({ call: () => this.backend.decline(taskId) }));
  }

  hold(taskId: string): Promise<void> {
    return this.run('hold', taskId, () => ({ call: () => this.backend.hold(taskId) }));
  }

  resume(taskId: string): Promise<void> {
    return this.run('resume', taskId, () => ({ call: () => this.backend.resume(taskId) }));
  }

  toggleMute(taskId: string): Promise<void> {
    return this.run('toggleMute', taskId, () => ({ call: () => this.backend.toggleMute(taskId) }));
  }

  pauseRecording(taskId: string): Promise<void> {
    return this.run('pauseRecording', taskId, () => ({ call: () => this.backend.pauseRecording(taskId) }));
  }

  resumeRecording(taskId: string): Promise<void> {
    return this.run('resumeRecording', taskId, () => ({
      call: () => this.backend.resumeRecording(taskId, { autoResumed: false }),
    }));
  }

  consult(taskId: string, destination: Destination): Promise<void> {
    return this.run(
      'consult',
      taskId,
      () => {
        const target = this.resolveDestination('consult', taskId, destination);
        if (isCcError(target)) return target;
        const consult: ConsultInfo = { destination: target, status: 'CONSULT_INITIATED' };
        return {
          patch: { consult },
          call: () =>
            this.backend.consult(taskId, { to: target.id, destinationType: target.type, holdParticipants: true }),
        };
      },
      () => this.destinationCheck('consult', taskId, destination),
    );
  }

  endConsult(taskId: string): Promise<void> {
    return this.run('endConsult', taskId, (task) => {
      const destination = task.consult?.destination;
      const queueId = destination?.type === 'queue' ? destination.id : undefined;
      return {
        call: () =>
          this.backend.endConsult(taskId, { isConsult: true, taskId, ...(queueId !== undefined ? { queueId } : {}) }),
      };
    });
  }

  consultTransfer(taskId: string): Promise<void> {
    return this.run('consultTransfer', taskId, (task) => {
      const target = this.consultTarget(task);
      if (!target) {
        return ccError('INVALID_STATE', 'consultTransfer', 'Consult transfer refused: nobody is being consulted', this.now(), taskId);
      }
      return { call: () => this.backend.consultTransfer(taskId, target) };
    });
  }

  consultConference(taskId: string): Promise<void> {
    return this.run('consultConference', taskId, () => ({ call: () => this.backend.consultConference(taskId) }));
  }

  exitConference(taskId: string): Promise<void> {
    return this.run('exitConference', taskId, () => ({ call: () => this.backend.exitConference(taskId) }));
  }

  switchLeg(taskId: string): Promise<void> {
    return this.run('switchLeg', taskId, (task) => {
      const leg = task.data.consultMediaResourceId;
      if (!leg) {
        return ccError('INVALID_STATE', 'switchLeg', 'Switch call refused: there is no consult leg', this.now(), taskId);
      }
      // On the consult leg: hold it (back to the customer). On the main leg: resume the consult leg.
      return {
        call: () => (task.activeLeg === 'consult' ? this.backend.hold(taskId, leg) : this.backend.resume(taskId, leg)),
      };
    });
  }

  transfer(taskId: string, destination: Destination): Promise<void> {
    return this.run(
      'transfer',
      taskId,
      () => {
        const target = this.resolveDestination('transfer', taskId, destination);
        if (isCcError(target)) return target;
        return { call: () => this.backend.transfer(taskId, { to: target.id, destinationType: target.type }) };
      },
      () => this.destinationCheck('transfer', taskId, destination),
    );
  }

  end(taskId: string): Promise<void> {
    return this.run('end', taskId, () => ({ call: () => this.backend.end(taskId) }));
  }

  wrapup(taskId: string, input: WrapupInput): Promise<void> {
    return this.run(
      'wrapup',
      taskId,
      () => {
        const notes = input.notes?.trim();
        const code = this.wrapUpCode(input.auxCodeId);
        const wrapUpReason = notes ? notes : (code?.name ?? input.auxCodeId);
        return { call: () => this.backend.wrapup(taskId, { auxCodeId: input.auxCodeId, wrapUpReason }) };
      },
      (task) => {
        const invalid = (message: string): CcError =>
          ccError('INVALID_PARAMETERS', 'wrapup', `Wrap-up refused: ${message}`, this.now(), taskId);
        if (!input || typeof input !== 'object') return invalid('a wrap-up code is required');
        if (typeof input.auxCodeId !== 'string' || input.auxCodeId.trim() === '') return invalid('a wrap-up code is required');
        if (input.notes !== undefined && typeof input.notes !== 'string') return invalid('notes must be text');
        if (!this.wrapUpCode(input.auxCodeId)) return invalid(`unknown wrap-up code ${JSON.stringify(input.auxCodeId)}`);
        if (task.markdoneBlocked !== undefined) {
          return ccError('MARKDONE_BLOCKED', 'wrapup', task.markdoneBlocked, this.now(), taskId);
        }
        return undefined;
      },
    );
  }

  private wrapUpCode(id: string): AuxCode | undefined {
    return this.agentView.profile?.wrapUpCodes.find((candidate) => candidate.id === id);
  }

  setUserData(taskId: string, values: Record<string, string>): Promise<void> {
    return this.run(
      'setUserData',
      taskId,
      () => ({ call: () => this.backend.setUserData(taskId, { ...values }) }),
      () => this.parameterCheck('setUserData', taskId, userDataProblem(values)),
    );
  }

  deleteUserData(taskId: string, key: string): Promise<void> {
    return this.run(
      'deleteUserData',
      taskId,
      () => ({ call: () => this.backend.deleteUserData(taskId, key) }),
      () => this.parameterCheck('deleteUserData', taskId, keyProblem(key)),
    );
  }

  private parameterCheck(command: TaskCommand, taskId: string, problem: string | undefined): CcError | undefined {
    return problem === undefined
      ? undefined
      : ccError('INVALID_PARAMETERS', command, `${commandLabel(command)} refused: ${problem}`, this.now(), taskId);
  }

  private destinationCheck(command: TaskCommand, taskId: string, destination: unknown): CcError | undefined {
    const problem = destinationProblem(destination);
    if (problem) return this.parameterCheck(command, taskId, problem);
    const resolved = this.resolveDestination(command, taskId, destination as Destination);
    return isCcError(resolved) ? resolved : undefined;
  }

  /** A valid destination, with a dial number normalised by the profile's dial plan. */
  private resolveDestination(command: TaskCommand, taskId: string, destination: Destination): Destination | CcError {
    if (destination.type !== 'dialNumber') return { ...destination };
    const profile = this.agentView.profile;
    if (!profile) return ccError('INVALID_STATE', command, `${commandLabel(command)} refused: not connected`, this.now(), taskId);
    const checked = validateDialNumber(destination.id, profile);
    if (!checked.ok) return this.parameterCheck(command, taskId, checked.reason) as CcError;
    return { ...destination, id: checked.number };
  }

  /** Where a consult transfer goes: the consult we started, else whom the contact center says. */
  private consultTarget(task: Task): { to: string; destinationType: DestinationType } | undefined {
    const destination = task.consult?.destination;
    if (destination) return { to: destination.id, destinationType: destination.type };
    const agent = task.data.destAgentId;
    if (!agent) return undefined;
    const type = task.data.destinationType;
    const destinationType: DestinationType =
      type === 'queue' || type === 'dialNumber' || type === 'entryPoint' ? type : 'agent';
    return { to: agent, destinationType };
  }

  // ---- host-imposed markdone block ----

  blockMarkdone(taskId: string, warning: string): void {
    const task = this.list.get(taskId);
    if (this.stopped || !task) return;
    this.commit([blockMarkdone(task, String(warning))]);
  }

  unblockMarkdone(taskId: string): void {
    const task = this.list.get(taskId);
    if (this.stopped || !task || task.markdoneBlocked === undefined) return;
    this.commit([unblockMarkdone(task)]);
  }

  // ---- selection ----

  select(taskId: string): void {
    if (this.stopped || !this.list.select(taskId)) return;
    const state: TaskListState = { tasks: this.list.all, selected: this.list.selected };
    this.outbox.post(() => this.listState$.next(state));
  }

  // ---- agent commands ----

  setAgentState(state: Extract<AgentStateName, 'Available' | 'Idle'>, idleCodeId?: string): Promise<void> {
    if (this.stopped) return Promise.reject(this.stoppedError('setAgentState'));
    const profile = this.agentView.profile;
    if (!profile) return this.refuse('INVALID_STATE', 'setAgentState', 'Change state refused: not connected');
    if (state !== 'Available' && state !== 'Idle') {
      return this.refuse('INVALID_PARAMETERS', 'setAgentState', `Change state refused: unknown state ${JSON.stringify(state)}`);
    }
    const code = state === 'Idle' ? idleCodeId : undefined;
    if (code !== undefined && !profile.idleCodes.some((candidate) => candidate.id === code)) {
      return this.refuse('INVALID_PARAMETERS', 'setAgentState', `Change state refused: unknown idle code ${JSON.stringify(code)}`);
    }
    if (this.agentView.pending) {
      return this.refuse('INVALID_STATE', 'setAgentState', 'Change state refused: a state change is still pending');
    }

    const since = this.now();
    const pending = code === undefined ? { state, since } : { state, idleCodeId: code, since };
    this.setAgent({ ...this.agentView, pending, error: undefined });
    const flight: AgentInFlight = { since, settled: false };
    this.agentInFlight = flight;
    flight.timer = timer(this.timeoutMs, this.scheduler).subscribe(() => {
      if (this.stopped || this.agentInFlight !== flight) return;
      const error = timeoutError('setAgentState', this.timeoutMs, this.now());
      this.failAgent(flight, error);
      if (!flight.settled) {
        flight.settled = true;
        flight.reject?.(error);
      }
    });

    return new Promise<void>((resolve, reject) => {
      flight.reject = reject;
      this.backend.setAgentState(state, code).then(
        () => {
          if (flight.settled) return;
          flight.settled = true;
          resolve();
        },
        (cause: unknown) => {
          if (flight.settled) return;
          flight.settled = true;
          const error = fromRejection(cause, 'setAgentState', this.now());
          if (!this.stopped) this.failAgent(flight, error);
          reject(error);
        },
      );
    });
  }

  private failAgent(flight: AgentInFlight, error: CcError): void {
    if (this.agentInFlight === flight && this.agentView.pending?.since === flight.since) {
      this.setAgent({ ...this.agentView, pending: undefined, error });
    }
    flight.timer?.unsubscribe();
    if (this.agentInFlight === flight) this.agentInFlight = undefined;
    this.emitError(error);
  }

  outdial(number: string, aniId?: string): Promise<void> {
    if (this.stopped) return Promise.reject(this.stoppedError('outdial'));
    const profile = this.agentView.profile;
    if (!profile) return this.refuse('INVALID_STATE', 'outdial', 'Outdial refused: not connected');
    if (!profile.outdial.enabled) return this.refuse('FORBIDDEN', 'outdial', 'Outdial refused: outdial is not enabled for this agent');
    if (typeof number !== 'string') return this.refuse('INVALID_PARAMETERS', 'outdial', 'Outdial refused: a number is required');
    const checked = validateDialNumber(number, profile);
    if (!checked.ok) return this.refuse('INVALID_PARAMETERS', 'outdial', `Outdial refused: ${checked.reason}`);
    const ani = aniId === undefined ? undefined : profile.outdial.anis.find((candidate) => candidate.id === aniId);
    if (aniId !== undefined && !ani) {
      return this.refuse('INVALID_PARAMETERS', 'outdial', `Outdial refused: unknown caller id ${JSON.stringify(aniId)}`);
    }
    if (this.list.all.some((task) => task.media === 'telephony')) {
      return this.refuse('INVALID_STATE', 'outdial', 'Outdial refused: a call is already in progress');
    }
    const payload = ani ? { destination: checked.number, origin: ani.number } : { destination: checked.number };
    return this.backend.outdial(payload).catch((cause: unknown) => {
      const error = fromRejection(cause, 'outdial', this.now());
      if (!this.stopped) this.emitError(error);
      throw error;
    });
  }

  refreshDirectory(): Promise<void> {
    if (this.stopped) return Promise.reject(this.stoppedError('directory'));
    return this.backend.directory().then(
      (directory) => {
        if (this.stopped) return;
        this.directoryValue = directory;
        this.outbox.post(() => this.directorySubject.next(directory));
      },
      (cause: unknown) => {
        const error = fromRejection(cause, 'directory', this.now());
        if (!this.stopped) this.emitError(error);
        throw error;
      },
    );
  }
}
