/**
 * The `agent` namespace: the agent, its state, the states it may choose, and setting one.
 * @module
 */
import type { AgentView } from '../../model/domain.js';
import type { BridgeAgent, BridgeAgentState, BridgeStateOption } from '../protocol.js';
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
    const name = reqString(p, 0, 'state', 32);
    const state = STATE_NAMES.get(name.toLowerCase());
    if (!state) throw new BridgeFailure('INVALID_PARAMETERS', 'state must be "Available" or "Idle"');
    const codeId = optString(p, 1, 'reasonCodeId');
    if (state === 'Available') {
      if (codeId !== undefined) throw new BridgeFailure('INVALID_PARAMETERS', 'Available takes no reason code');
      await ctx.store.setAgentState('Available');
      return;
    }
    if (codeId !== undefined) {
      const code = ctx.store.agent.profile?.idleCodes.find((c) => c.id === codeId && !c.isSystem);
      if (!code) throw new BridgeFailure('INVALID_PARAMETERS', `no idle code "${codeId}"`);
    }
    await ctx.store.setAgentState('Idle', codeId);
  },
};
