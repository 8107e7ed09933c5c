import { expect } from '@open-wc/testing';
import type { ContactCenter } from '../../src/backends/contact-center.js';
import { AgentState } from '../../src/store/agent-state.js';
import { agentState, FakeBackend } from '../fixtures/fake-backend.js';
import { rejection } from './helpers.js';
import { errorsOf, flightsOn, NOW, storeState } from './modules.js';

describe('AgentState', () => {
  const setUp = ({ connected = true } = {}) => {
    const state = storeState({ connected });
    const backend = new FakeBackend();
    const { flights, scheduler } = flightsOn(state);
    return { state, backend, scheduler, errors: errorsOf(state), agent: new AgentState(state, flights, backend as ContactCenter) };
  };

  it('applies AgentStateChange to the agent view', () => {
    const { state, agent } = setUp();
    agent.apply(agentState('Available', { at: 7_000 }));
    expect(state.agent.status).to.deep.equal({ state: 'Available', since: 7_000 });
  });

  it("ignores another agent's event", () => {
    const { state, agent } = setUp();
    const before = state.agent;
    agent.apply(agentState('Available', { agentId: 'agent-9' }));
    expect(state.agent).to.equal(before);
  });

  it('AgentStateChangeFailed sets the error and reports it', () => {
    const { state, agent, errors } = setUp();
    agent.apply(agentState('Available', { failed: true, reason: 'has a task' }));
    expect(state.agent.error).to.include({ code: 'BACKEND_ERROR', command: 'setAgentState', message: 'Change state failed: has a task' });
    expect(errors).to.deep.equal([state.agent.error]);
  });

  it('set() marks the change pending and calls the backend; the event confirms it', async () => {
    const { state, agent, backend, scheduler } = setUp();
    await agent.set('Idle', 'idle-meeting');
    expect(state.agent.pending).to.deep.equal({ state: 'Idle', idleCodeId: 'idle-meeting', since: NOW });
    expect(backend.callsOf('setAgentState')).to.deep.equal([['Idle', 'idle-meeting']]);
    agent.apply(agentState('Idle', { auxCodeId: 'idle-meeting' }));
    expect(state.agent.pending).to.equal(undefined);
    expect(scheduler.actions).to.have.length(0);
  });

  it('set() refuses without calling the backend: not connected, unknown state or code, one pending', async () => {
    expect((await rejection(setUp({ connected: false }).agent.set('Available'))).message).to.equal('Change state refused: not connected');
    const { agent, backend, errors } = setUp();
    expect((await rejection(agent.set('Busy' as never))).code).to.equal('INVALID_PARAMETERS');
    expect((await rejection(agent.set('Idle', 'idle-nap'))).code).to.equal('INVALID_PARAMETERS');
    backend.hang('setAgentState');
    void agent.set('Available');
    expect((await rejection(agent.set('Idle'))).message).to.equal('Change state refused: a state change is still pending');
    expect(backend.callsOf('setAgentState')).to.have.length(1);
    expect(errors).to.have.length(3);
  });

  it('set() after stop is refused without a word on errors$', async () => {
    const { state, agent, errors } = setUp();
    state.stop();
    expect((await rejection(agent.set('Available'))).code).to.equal('INVALID_STATE');
    expect(errors).to.deep.equal([]);
  });
});
