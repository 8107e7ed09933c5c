import { expect } from '@open-wc/testing';
import { initialAgentView, reduceAgent } from '../../src/model/agent.js';
import type { AgentStateEvent, AgentView } from '../../src/model/domain.js';
import { AGENT, agentView, OTHER_AGENT, T0 } from '../fixtures/contacts.js';

const change = (fields: Partial<AgentStateEvent> = {}): AgentStateEvent => ({
  type: 'AgentStateChange',
  agentId: AGENT,
  subStatus: 'Available',
  lastStateChangeTimestamp: T0,
  ...fields,
});

/** An agent waiting for a state change, with an old error. */
const waiting = (): AgentView => ({
  ...agentView(),
  pending: { state: 'Idle', idleCodeId: 'idle-lunch', since: T0 - 10 },
  error: { code: 'TIMEOUT', command: 'setAgentState', message: 'Too slow', at: T0 - 20 },
});

describe('agent view', () => {
  it('starts Idle with no profile', () => {
    expect(initialAgentView(T0)).to.deep.equal({ status: { state: 'Idle', since: T0 } });
  });

  it('AgentStateChange sets the status and clears pending and error, keeping the profile', () => {
    const before = waiting();
    const view = reduceAgent(before, change({ subStatus: 'Idle', auxCodeId: 'idle-lunch' }), T0 + 5);
    expect(view).to.deep.equal({ profile: before.profile, status: { state: 'Idle', idleCodeId: 'idle-lunch', since: T0 } });
  });

  it('keeps the idle code for Idle and RONA only', () => {
    expect(reduceAgent(agentView(), change({ subStatus: 'RONA', auxCodeId: 'sys-rona' }), T0).status).to.deep.equal({ state: 'RONA', idleCodeId: 'sys-rona', since: T0 });
    expect(reduceAgent(agentView(), change({ subStatus: 'Available', auxCodeId: '0' }), T0).status).to.deep.equal({ state: 'Available', since: T0 });
    expect(reduceAgent(agentView(), change({ subStatus: 'Engaged' }), T0).status.state).to.equal('Engaged');
  });

  it('uses the clock when the event has no timestamp', () => {
    expect(reduceAgent(agentView(), change({ lastStateChangeTimestamp: 0 }), T0 + 42).status.since).to.equal(T0 + 42);
  });

  it('AgentStateChangeFailed clears pending and records the error, status unchanged', () => {
    const before = waiting();
    const view = reduceAgent(before, change({ type: 'AgentStateChangeFailed', reason: 'Unknown idle code' }), T0 + 7);
    expect(view.status).to.equal(before.status);
    expect(view).to.not.have.property('pending');
    expect(view.error).to.deep.equal({ code: 'BACKEND_ERROR', command: 'setAgentState', message: 'Unknown idle code', at: T0 + 7 });
    const plain = reduceAgent(before, change({ type: 'AgentStateChangeFailed' }), T0);
    expect(plain.error?.message).to.equal('The contact center could not change the agent state.');
  });

  it('ignores events for another agent, unknown states and unknown types (same object)', () => {
    const view = waiting();
    expect(reduceAgent(view, change({ agentId: OTHER_AGENT }), T0)).to.equal(view);
    expect(reduceAgent(view, change({ subStatus: 'Sleeping' as never }), T0)).to.equal(view);
    expect(reduceAgent(view, change({ type: 'AgentLoggedOut' as never }), T0)).to.equal(view);
  });

  it('accepts any agent before the profile is known', () => {
    expect(reduceAgent(initialAgentView(0), change({ agentId: OTHER_AGENT }), T0).status.state).to.equal('Available');
  });
});
