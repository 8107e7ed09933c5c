/**
 * Command flights: a command from the moment it is marked pending until it lands. It lands when
 * its confirming event clears the pending mark (confirm), when the backend call rejects or a
 * `…Failed` event arrives (failure: the mark cleared, `error` set, reported), or when no
 * confirmation comes within the timeout (TIMEOUT, a failure too).
 *
 * A flight is found by the id of its task; the agent-state change (no task) is kept under
 * `undefined`. A pending mark is recognised by identity: the very object the command put on its
 * task (or on the agent's view) survives every spread until the reducer settles it.
 * @module
 */
import type { SchedulerLike, Unsubscribable } from 'rxjs';
import { markFailed } from '../model/index.js';
import type { CcError, ConsultInfo, Task, TaskCommand } from '../model/domain.js';
import { fromRejection, timeoutError } from './errors.js';
import type { StoreState } from './state.js';

/** A command awaiting its confirming event: a task command, or the agent-state change (no task id). */
export interface Flight {
  readonly command: TaskCommand | 'setAgentState';
  /** The pending mark it set: the very object, on its task (or the agent) until it is settled. */
  readonly mark: object | undefined;
  readonly taskId?: string;
  /** The consult info before a consult, restored when it fails. */
  readonly consultBefore?: ConsultInfo;
}

export class CommandFlights {
  readonly #state: StoreState;
  readonly #scheduler: SchedulerLike;
  readonly #timeoutMs: number;
  /** Flights in the air by task id (the agent-state change under `undefined`), with their timeout. */
  readonly #flights = new Map<string | undefined, { flight: Flight; timer?: Unsubscribable }>();

  constructor(state: StoreState, scheduler: SchedulerLike, timeoutMs: number) {
    this.#state = state;
    this.#scheduler = scheduler;
    this.#timeoutMs = timeoutMs;
    // A task (or the agent) changed: if its flight's pending mark is gone, the timeout is not needed.
    state.touched$.subscribe((key) => {
      const entry = this.#flights.get(key);
      if (entry && !this.#stillPending(entry.flight)) this.#land(entry.flight);
    });
  }

  /** The flight of a task (or, with `undefined`, of the agent-state change), if one is in the air. */
  get(key: string | undefined): Flight | undefined {
    return this.#flights.get(key)?.flight;
  }

  /**
   * Take off: remember the flight, let `putMark` put its pending mark on its task (or the agent),
   * then call the backend with the timeout running. The promise settles once: with the call's
   * outcome, or with TIMEOUT when the confirming event does not arrive in time.
   */
  launch(flight: Flight, putMark: () => void, call: () => Promise<void>): Promise<void> {
    this.#flights.set(flight.taskId, { flight });
    putMark();
    return new Promise<void>((resolve, reject) => {
      const { command, taskId } = flight;
      const state = this.#state;
      let timedOut = false;
      const entry = this.#flights.get(taskId);
      // Unless the mark was already confirmed while it was put on.
      if (entry?.flight === flight) {
        entry.timer = this.#scheduler.schedule(() => {
          if (state.stopped || this.get(taskId) !== flight) return;
          const error = timeoutError(command, this.#timeoutMs, state.now(), taskId);
          this.fail(flight, error);
          timedOut = true;
          reject(error);
        }, this.#timeoutMs);
      }
      // A call that throws instead of rejecting fails the same way.
      new Promise<void>((settle) => settle(call())).then(resolve, (cause: unknown) => {
        if (timedOut) return;
        const error = fromRejection(cause, command, state.now(), taskId);
        if (!state.stopped) this.fail(flight, error);
        reject(error);
      });
    });
  }

  /** A command failed (rejected or timed out): clear its pending mark if it still stands, and report. */
  fail(flight: Flight, error: CcError): void {
    const state = this.#state;
    const { taskId } = flight;
    if (this.get(taskId) === flight && this.#stillPending(flight)) {
      if (taskId === undefined) state.setAgent({ ...state.agent, pending: undefined, error });
      else state.commit([this.failTask(state.list.get(taskId) as Task, error)]);
    }
    this.#land(flight);
    state.report(error);
  }

  /** Mark a task failed, restoring the consult info the failed command had replaced. */
  failTask(task: Task, error: CcError): Task {
    const flight = this.get(task.id);
    const marked = markFailed(task, error);
    return flight?.consultBefore && this.#stillPending(flight) ? { ...marked, consult: flight.consultBefore } : marked;
  }

  /** Forget every flight and cancel its timeout (a new session, or the store stopped). */
  dropAll(): void {
    for (const { timer } of this.#flights.values()) timer?.unsubscribe();
    this.#flights.clear();
  }

  /** Whether the flight's pending mark is still on its task (or on the agent). */
  #stillPending({ mark, taskId }: Flight): boolean {
    const state = this.#state;
    return (taskId === undefined ? state.agent : state.list.get(taskId))?.pending === mark;
  }

  /** Forget a flight and cancel its timeout. */
  #land(flight: Flight): void {
    const entry = this.#flights.get(flight.taskId);
    if (entry?.flight !== flight) return;
    entry.timer?.unsubscribe();
    this.#flights.delete(flight.taskId);
  }
}
