/**
 * The agent's state: `AgentStateChange` / `AgentStateChangeFailed` events through the model's
 * `reduceAgent`, and the agent's own change of state (Available, or Idle with an idle code) as a
 * command flight confirmed by that event.
 * @module
 */
import type { ContactCenter } from '../backends/contact-center.js';
import { reduceAgent, type AgentStateEvent } from '../model/index.js';
import type { AgentStateName, CcError, ErrorCode } from '../model/domain.js';
import { defined } from '../model/payload.js';
import type { CommandFlights, Flight } from './commands.js';
import { fromFailedEvent } from './errors.js';
import type { StoreState } from './state.js';

export class AgentState {
  readonly #state: StoreState;
  readonly #flights: CommandFlights;
  readonly #backend: ContactCenter;

  constructor(state: StoreState, flights: CommandFlights, backend: ContactCenter) {
    this.#state = state;
    this.#flights = flights;
    this.#backend = backend;
  }

  /** Apply an agent-state event from the contact center (another agent's is ignored by the model). */
  apply(event: AgentStateEvent): void {
    const state = this.#state;
    let view = reduceAgent(state.agent, event, state.now());
    if (view === state.agent) return;
    let error: CcError | undefined;
    if (event.type === 'AgentStateChangeFailed') {
      error = fromFailedEvent(event.type, 'setAgentState', event.reason, state.now());
      view = { ...view, error };
    }
    state.setAgent(view);
    if (error) state.report(error);
  }

  /** Ask the contact center to change the agent's state; pending until `AgentStateChange` confirms it. */
  set(next: Extract<AgentStateName, 'Available' | 'Idle'>, idleCodeId?: string): Promise<void> {
    const state = this.#state;
    if (state.stopped) return state.stoppedRefusal('setAgentState');
    const refused = (code: ErrorCode, reason: string): Promise<never> => state.refuse(state.refusal(code, 'setAgentState', reason));
    const { profile, pending: busy } = state.agent;
    if (!profile) return refused('INVALID_STATE', 'not connected');
    if (next !== 'Available' && next !== 'Idle') return refused('INVALID_PARAMETERS', `unknown state ${JSON.stringify(next)}`);
    const code = next === 'Idle' ? idleCodeId : undefined;
    if (code !== undefined && !profile.idleCodes.some((candidate) => candidate.id === code)) {
      return refused('INVALID_PARAMETERS', `unknown idle code ${JSON.stringify(code)}`);
    }
    if (busy) return refused('INVALID_STATE', 'a state change is still pending');

    const pending = defined({ state: next, idleCodeId: code, since: state.now() });
    const flight: Flight = { command: 'setAgentState', mark: pending };
    return this.#flights.launch(
      flight,
      () => state.setAgent({ ...state.agent, pending, error: undefined }),
      () => this.#backend.setAgentState(next, code),
    );
  }
}
