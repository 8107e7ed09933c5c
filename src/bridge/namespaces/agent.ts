/**
 * The `agent` namespace: the agent, its state, the states it may choose, and setting one.
 * @module
 */
import type { AgentView } from '../../model/domain.js';
import type { BridgeAgent, BridgeAgentState, BridgeStateOption, JsonValue } from '../protocol.js';
import { checkArity, optString, reqString } from '../validate.js';
import { BridgeFailure, type MethodHandler } from './context.js';

/** The agent's state as the bridge reports it. */
export function agentStateOf(view: AgentView): BridgeAgentState {
  const out: BridgeAgentState = { state: view.status.state, since: view.status.since };
  const codeId = view.status.idleCodeId;
  if (codeId !== undefined) {
    out.reasonCodeId = codeId;
    const code = view.profile?.idleCodes.find((c) => c.id === codeId);
    if (code) out.reasonCodeName = code.name;
  }
  return out;
}

/** The agent as the bridge reports it (also the `agent` event payload). */
export function agentOf(view: AgentView): BridgeAgent {
  return {
    agentId: view.profile?.agentId ?? '',
    name: view.profile?.agentName ?? '',
    teamName: view.profile?.teamName ?? '',
    state: agentStateOf(view),
  };
}

/** Available, and Idle with each idle code the agent may choose (system codes excluded). */
export function stateListOf(view: AgentView): BridgeStateOption[] {
  const list: BridgeStateOption[] = [{ state: 'Available', name: 'Available' }];
  for (const c of view.profile?.idleCodes ?? []) {
    if (!c.isSystem) list.push({ state: 'Idle', reasonCodeId: c.id, name: c.name });
  }
  return list;
}

const STATE_NAMES: ReadonlyMap<string, 'Available' | 'Idle'> = new Map([
  ['available', 'Available'],
  ['ready', 'Available'],
  ['idle', 'Idle'],
  ['notready', 'Idle'],
  ['not_ready', 'Idle'],
]);

/** A chosen state: Available, or Idle with an optional idle code. */
export interface ChosenState {
  state: 'Available' | 'Idle';
  reasonCodeId?: string;
}

/**
 * The state a client chose, as the vendor's library sends it: an index into the list
 * `getStateList` answered (a number or a numeric string), a state's name from that list
 * (`"Available"`, `"Lunch"`), or `"Available"`/`"Ready"`/`"Idle"`/`"NotReady"` with an optional
 * reason code id as the second parameter. INVALID_PARAMETERS otherwise (an index out of range too).
 */
export function chooseState(list: readonly BridgeStateOption[], p: readonly (JsonValue | undefined)[], first: number, what: string): ChosenState {
  const v = p[first];
  const codeId = optString(p, first + 1, 'reasonCodeId');
  const fromList = (o: BridgeStateOption): ChosenState => {
    if (codeId !== undefined && codeId !== o.reasonCodeId) {
      throw new BridgeFailure('INVALID_PARAMETERS', `${what}: "${o.name}" takes no other reason code`);
    }
    return o.reasonCodeId === undefined ? { state: o.state } : { state: o.state, reasonCodeId: o.reasonCodeId };
  };
  const index = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,6}$/.test(v.trim()) ? Number(v.trim()) : undefined;
  if (index !== undefined) {
    const o = Number.isInteger(index) ? list[index] : undefined;
    if (!o) throw new BridgeFailure('INVALID_PARAMETERS', `${what}: state index ${index} is not between 0 and ${list.length - 1}`);
    return fromList(o);
  }
  const name = reqString(p, first, 'state', 64);
  const lower = name.toLowerCase();
  const named = list.find((o) => o.name.toLowerCase() === lower);
  if (named) return fromList(named);
  const generic = STATE_NAMES.get(lower);
  if (generic === 'Available' && list[0]) return fromList(list[0]);
  if (generic === 'Idle') {
    if (codeId !== undefined && !list.some((o) => o.reasonCodeId === codeId)) {
      throw new BridgeFailure('INVALID_PARAMETERS', `no idle code "${codeId}"`);
    }
    return codeId === undefined ? { state: 'Idle' } : { state: 'Idle', reasonCodeId: codeId };
  }
  throw new BridgeFailure('INVALID_PARAMETERS', `${what}: "${name.slice(0, 64)}" is neither an index into agent.getStateList nor a state name from it`);
}

/** The `agent.*` handlers. */
export const agentMethods: Record<string, MethodHandler> = {
  get(p, ctx) {
    checkArity('agent.get', p, 0);
    return { ...agentOf(ctx.store.agent) };
  },
  getState(p, ctx) {
    checkArity('agent.getState', p, 0);
    return { ...agentStateOf(ctx.store.agent) };
  },
  getStateList(p, ctx) {
    checkArity('agent.getStateList', p, 0);
    return stateListOf(ctx.store.agent).map((o) => ({ ...o }));
  },
  async setState(p, ctx) {
    checkArity('agent.setState', p, 2);
    const chosen = chooseState(stateListOf(ctx.store.agent), p, 0, 'agent.setState');
    await ctx.store.setAgentState(chosen.state, chosen.reasonCodeId);
  },
};
