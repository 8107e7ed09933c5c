/**
 * What the agent can pick in `<cc-agent-state>` and how a pick is written as a `<select>` value:
 * `available`, or `idle:<idle code id>`. Pure helpers, no DOM.
 * @module
 */
import type { AgentView, AuxCode } from '../../model/index.js';

/** A state the agent may choose: Available (never with a code), or Idle with a code. */
export interface StateChoice {
  state: 'Available' | 'Idle';
  idleCodeId?: string;
}

/** The `<select>` value of the placeholder shown when the current state is not a choice (RONA, Engaged). */
export const CURRENT = 'current';

const IDLE_PREFIX = 'idle:';

/** The idle codes an agent may choose (system codes such as RONA's are set by the contact center). */
export const selectableCodes = (view: AgentView | undefined): readonly AuxCode[] =>
  view?.profile?.idleCodes.filter((code) => !code.isSystem) ?? [];

/** The option value of an idle code. */
export const idleValue = (idleCodeId: string): string => IDLE_PREFIX + idleCodeId;

/** The choice an option value stands for, or undefined for the placeholder or anything unknown. */
export function parseChoice(value: string, view: AgentView | undefined): StateChoice | undefined {
  if (value === 'available') return { state: 'Available' };
  if (!value.startsWith(IDLE_PREFIX)) return undefined;
  const id = value.slice(IDLE_PREFIX.length);
  return selectableCodes(view).some((code) => code.id === id) ? { state: 'Idle', idleCodeId: id } : undefined;
}

/**
 * The option that shows the agent's state: the pending target while a change is in flight, else
 * the current state when it is a choice, else the placeholder.
 */
export function selectedValue(view: AgentView): string {
  const { state, idleCodeId } = view.pending ?? view.status;
  if (state === 'Available') return 'available';
  return state === 'Idle' && selectableCodes(view).some((code) => code.id === idleCodeId) ? idleValue(idleCodeId!) : CURRENT;
}

/** True when the choice is what the agent is in already (so picking it again does nothing). */
export const isCurrent = (choice: StateChoice, view: AgentView): boolean =>
  choice.state === view.status.state &&
  (choice.state === 'Available' || choice.idleCodeId === view.status.idleCodeId);
