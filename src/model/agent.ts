/**
 * The agent's own state (Available, Idle with a code, RONA, Engaged) as the elements see it,
 * reduced from the backend's agent-state events. Pure: time comes in as an argument.
 * @module
 */
import type { AgentStateEvent, AgentStateName, AgentView } from './domain.js';
import { failureError } from './failure.js';

const STATES: ReadonlySet<string> = new Set<AgentStateName>(['Available', 'Idle', 'RONA', 'Engaged']);

/** The agent before the store has said anything (what elements show meanwhile): Idle, no profile. */
export const NO_AGENT: AgentView = { status: { state: 'Idle', since: 0 } };

/** Where every session starts: Idle since `now`, no profile yet. */
export function initialAgentView(now: number): AgentView {
  return { status: { state: 'Idle', since: now } };
}

/**
 * Apply an agent-state event. `AgentStateChange` sets the status (clearing a pending change and
 * the last error); `AgentStateChangeFailed` clears the pending change and records the error
 * (BACKEND_ERROR, command setAgentState). Events for another agent, or with an unknown state,
 * leave the view unchanged (the same object).
 */
export function reduceAgent(view: AgentView, ev: AgentStateEvent, now: number): AgentView {
  if (typeof ev !== 'object' || ev === null) return view;
  if (view.profile && ev.agentId && ev.agentId !== view.profile.agentId) return view;
  const { pending: _pending, error: _error, ...rest } = view;
  if (ev.type === 'AgentStateChange') {
    if (!STATES.has(ev.subStatus)) return view;
    const since = typeof ev.lastStateChangeTimestamp === 'number' && ev.lastStateChangeTimestamp > 0 ? ev.lastStateChangeTimestamp : now;
    const coded = (ev.subStatus === 'Idle' || ev.subStatus === 'RONA') && ev.auxCodeId;
    return { ...rest, status: { state: ev.subStatus, ...(coded ? { idleCodeId: ev.auxCodeId } : {}), since } };
  }
  if (ev.type === 'AgentStateChangeFailed') return { ...rest, error: failureError('setAgentState', ev.reason, now) };
  return view;
}
