/**
 * Task events: each `AgentContact`-shaped message from the contact center goes through the
 * model's reducer into the task list. A `…Failed` event also fails the command it reports on
 * (its pending mark cleared, `error` set, reported on errors$).
 * @module
 */
import { reduce, type TaskMessage } from '../model/index.js';
import { blamed } from '../model/failure.js';
import type { CommandFlights } from './commands.js';
import { fromFailedEvent } from './errors.js';
import type { StoreState } from './state.js';

export class TaskEvents {
  readonly #state: StoreState;
  readonly #flights: CommandFlights;

  constructor(state: StoreState, flights: CommandFlights) {
    this.#state = state;
    this.#flights = flights;
  }

  /** Apply one task event from the contact center. */
  apply(message: TaskMessage): void {
    const state = this.#state;
    const { type, interactionId: id } = message;
    const before = state.list.get(id);
    let next = reduce(before, message, { agentId: state.agent.profile?.agentId ?? '' });
    // The command a `…Failed` event reports on, if it is one (an outdial has no task to mark).
    const command = blamed(type, before?.pending?.command);
    const error = command && fromFailedEvent(type, command, message.reason, state.now(), id);
    if (error && next && command !== 'outdial') next = this.#flights.failTask(next, error);
    if (next && next !== before) state.commit([next]);
    if (error) state.report(error);
  }
}
