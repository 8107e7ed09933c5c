/**
 * The state every store module reads and changes: the live tasks and the selection, the agent's
 * view, and the streams they are published on (`tasks$`, `selectedTask$`, `agent$`, `errors$`,
 * `taskChanges$`). Changes go through `commit` (tasks) and `setAgent` (agent); failures through
 * `report`.
 *
 * Emissions are delivered in order on RxJS's `queueScheduler`: a subscriber that issues a command
 * from inside its callback changes the store while an emission is still being delivered, and
 * delivering that nested change at once would let later subscribers see the new value first and
 * the old one last. The queue scheduler runs work at once, or, while other work is running, right
 * after it, in the order scheduled.
 * @module
 */
import { BehaviorSubject, distinctUntilChanged, map, queueScheduler, Subject, type Observable } from 'rxjs';
import { initialAgentView, isFinal } from '../model/index.js';
import type { AgentCommand, AgentView, CcError, ErrorCode, Task, TaskCommand } from '../model/domain.js';
import { fromRejection, worded } from './errors.js';
import { TaskList } from './task-list.js';

/** The task list as published: every live task and the selected one, always together. */
export interface TaskListState {
  readonly tasks: readonly Task[];
  readonly selected: Task | undefined;
}

export class StoreState {
  /** Milliseconds since epoch on the store's clock. */
  readonly now: () => number;
  /** The live tasks and the selection; change them only through `commit`. */
  readonly list = new TaskList();
  /** True once the store has been stopped: nothing changes any more. */
  stopped = false;

  readonly #taskList: BehaviorSubject<TaskListState>;
  readonly #agent: BehaviorSubject<AgentView>;
  readonly #errors = new Subject<CcError>();
  readonly #changes = new Subject<Task>();
  readonly #touched = new Subject<string | undefined>();
  #agentView: AgentView;

  /** The live tasks and the selection together; replays the current ones. */
  readonly taskList$: Observable<TaskListState>;
  /** Every live task in arrival order; replays the current list. */
  readonly tasks$: Observable<readonly Task[]>;
  /** The selected task; replays the current one. */
  readonly selectedTask$: Observable<Task | undefined>;
  /** The agent's view; replays the current one (every view published differs from the one before). */
  readonly agent$: Observable<AgentView>;
  /** Every failure, as it happens. */
  readonly errors$: Observable<CcError> = this.#errors.asObservable();
  /** Every task that changed, in its new form (its last form as it leaves the list). */
  readonly taskChanges$: Observable<Task> = this.#changes.asObservable();
  /**
   * Synchronously, as each change is made (not queued behind other emissions): the id of every task that
   * changed, `undefined` when the agent's view did. Command flights listen to it to learn that a
   * pending mark is gone.
   */
  readonly touched$: Observable<string | undefined> = this.#touched.asObservable();

  constructor(now: () => number) {
    this.now = now;
    this.#agentView = initialAgentView(now());
    this.#taskList = new BehaviorSubject<TaskListState>({ tasks: this.list.all, selected: undefined });
    this.#agent = new BehaviorSubject(this.#agentView);
    this.taskList$ = this.#taskList.asObservable();
    this.tasks$ = this.#taskList.pipe(
      map((state) => state.tasks),
      distinctUntilChanged(),
    );
    this.selectedTask$ = this.#taskList.pipe(
      map((state) => state.selected),
      distinctUntilChanged(),
    );
    this.agent$ = this.#agent.asObservable();
  }

  /** The agent's current view (already changed while its emission may still wait in the queue). */
  get agent(): AgentView {
    return this.#agentView;
  }

  /** Deliver an emission now, or after the one being delivered (in the order posted). */
  post(deliver: () => void): void {
    queueScheduler.schedule(deliver);
  }

  /**
   * Put or replace `puts` in the task list (a final task leaves it) and remove `removals`, then
   * publish the list, the selection and each task that changed.
   */
  commit(puts: readonly Task[], removals: readonly Task[] = []): void {
    const { list } = this;
    const changed = list.apply(puts, removals, isFinal);
    const state: TaskListState = { tasks: list.all, selected: list.selected };
    this.post(() => this.#taskList.next(state));
    for (const task of changed) {
      this.post(() => this.#changes.next(task));
      this.#touched.next(task.id);
    }
  }

  /** Replace the agent's view and publish it. */
  setAgent(view: AgentView): void {
    this.#agentView = view;
    this.post(() => this.#agent.next(view));
    this.#touched.next(undefined);
  }

  /** Publish a failure on errors$ (after stop() it reaches nobody). */
  report(error: CcError): void {
    this.post(() => this.#errors.next(error));
  }

  /** Report a refused or failed command and reject with it. */
  refuse(error: CcError): Promise<never> {
    this.report(error);
    return Promise.reject(error);
  }

  /** "<Command> refused: <reason>". */
  refusal(code: ErrorCode, command: TaskCommand | AgentCommand, reason: string, taskId?: string): CcError {
    return worded(code, command, 'refused', reason, this.now(), taskId);
  }

  /** Refused without a word on errors$: the store has been stopped. */
  stoppedRefusal(command: TaskCommand | AgentCommand, taskId?: string): Promise<never> {
    return Promise.reject(this.refusal('INVALID_STATE', command, 'the store has been stopped', taskId));
  }

  /** The rejection handler of an agent command's backend call: report the failure and rethrow it. */
  rejected(command: AgentCommand): (cause: unknown) => never {
    return (cause) => {
      const error = fromRejection(cause, command, this.now());
      this.report(error);
      throw error;
    };
  }

  /** Stop: complete every stream; what is posted afterwards reaches nobody. */
  stop(): void {
    this.stopped = true;
    for (const subject of [this.#taskList, this.#agent, this.#errors, this.#changes, this.#touched]) subject.complete();
  }
}
