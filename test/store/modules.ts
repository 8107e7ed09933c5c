/**
 * Set-up for the tests of single store modules (state, commands, session …): a StoreState on a
 * fixed clock, tasks made by the model's reducer, and recorders for its streams.
 * @module
 */
import { VirtualTimeScheduler } from 'rxjs';
import { reduce, type CcError, type Task } from '../../src/model/index.js';
import { CommandFlights } from '../../src/store/commands.js';
import { StoreState } from '../../src/store/state.js';
import { AGENT_ID, contact, profile, type MessageOptions } from '../fixtures/fake-backend.js';

export const NOW = 1_000_000;

/** A StoreState whose clock stands at NOW; with `connected`, the agent's profile is loaded. */
export function storeState({ connected = true } = {}): StoreState {
  const state = new StoreState(() => NOW);
  if (connected) state.setAgent({ ...state.agent, profile: profile() });
  return state;
}

/** A task as the reducer makes it from one `type` message (a connected voice call unless told). */
export function taskFrom(id: string, type = 'AgentContact', options: MessageOptions = {}): Task {
  const task = reduce(undefined, contact(type, id, { interactionState: 'connected', ...options }), { agentId: AGENT_ID });
  if (!task) throw new Error(`the reducer made no task of ${type}`);
  return task;
}

/** Command flights on `state` with a virtual-time scheduler. */
export function flightsOn(state: StoreState, timeoutMs = 5_000): { flights: CommandFlights; scheduler: VirtualTimeScheduler } {
  const scheduler = new VirtualTimeScheduler();
  return { flights: new CommandFlights(state, scheduler, timeoutMs), scheduler };
}

/** Everything errors$ emits, as it emits. */
export function errorsOf(state: StoreState): CcError[] {
  const errors: CcError[] = [];
  state.errors$.subscribe((error) => errors.push(error));
  return errors;
}
