import { expect } from '@open-wc/testing';
import { BackendError } from '../../src/backends/contact-center.js';
import type { AgentView } from '../../src/model/index.js';
import { agentState, contact, profile } from '../fixtures/fake-backend.js';
import { harness, push, rejection, started, taskOf } from './helpers.js';
import { connected, ID, wrappingUp } from './scenarios.js';

describe('store agent state', () => {
  it('marks the change pending, calls the backend, and is confirmed by AgentStateChange', async () => {
    const h = await started();
    const views: AgentView[] = [];
    h.store.agent$.subscribe((view) => views.push(view));
    await h.store.setAgentState('Available');
    expect(h.backend.callsOf('setAgentState')).to.deep.equal([['Available', undefined]]);
    expect(h.store.agent.pending).to.deep.equal({ state: 'Available', since: h.clock.time });
    h.backend.emit(agentState('Available', { at: 7_000 }));
    expect(h.store.agent.pending).to.equal(undefined);
    expect(h.store.agent.status).to.deep.equal({ state: 'Available', since: 7_000 });
    expect(h.scheduler.actions.length).to.equal(0);
    expect(views.map((v) => [v.status.state, v.pending?.state])).to.deep.equal([
      ['Idle', undefined],
      ['Idle', 'Available'],
      ['Available', undefined],
    ]);
  });

  it('sends the idle code with Idle, and refuses unknown codes and a second change while one is pending', async () => {
    const h = await started();
    h.backend.hang('setAgentState');
    const first = h.store.setAgentState('Idle', 'idle-meeting');
    expect(h.store.agent.pending).to.deep.equal({ state: 'Idle', idleCodeId: 'idle-meeting', since: h.clock.time });
    const busy = await rejection(h.store.setAgentState('Available'));
    expect(busy.code).to.equal('INVALID_STATE');
    h.backend.settle('setAgentState').resolve();
    await first;
    expect(h.backend.callsOf('setAgentState')).to.deep.equal([['Idle', 'idle-meeting']]);
    h.backend.emit(agentState('Idle', { auxCodeId: 'idle-meeting' }));
    const unknown = await rejection(h.store.setAgentState('Idle', 'idle-nap'));
    expect(unknown.code).to.equal('INVALID_PARAMETERS');
    const odd = await rejection(h.store.setAgentState('Engaged' as never));
    expect(odd.code).to.equal('INVALID_PARAMETERS');
    expect(h.backend.callsOf('setAgentState')).to.have.length(1);
  });

  it('restores the state and reports a rejected change', async () => {
    const h = await started();
    h.backend.fail('setAgentState', new BackendError('not now', 'FORBIDDEN'));
    const error = await rejection(h.store.setAgentState('Available'));
    expect(error).to.include({ code: 'FORBIDDEN', command: 'setAgentState' });
    expect(h.store.agent.pending).to.equal(undefined);
    expect(h.store.agent.status.state).to.equal('Idle');
    expect(h.store.agent.error).to.deep.equal(error);
    expect(h.errors).to.deep.equal([error]);
  });

  it('reports AgentStateChangeFailed', async () => {
    const h = await started();
    await h.store.setAgentState('Available');
    h.backend.emit(agentState('Available', { failed: true, reason: 'agent has a task' }));
    expect(h.store.agent.pending).to.equal(undefined);
    expect(h.store.agent.status.state).to.equal('Idle');
    expect(h.errors).to.have.length(1);
    expect(h.errors[0]).to.include({ code: 'BACKEND_ERROR', command: 'setAgentState', message: 'Change state failed: agent has a task' });
    expect(h.store.agent.error).to.deep.equal(h.errors[0]);
  });

  it("ignores another agent's events", async () => {
    const h = await started();
    const before = h.store.agent;
    h.backend.emit(agentState('Available', { agentId: 'agent-9' }));
    h.backend.emit(agentState('Available', { agentId: 'agent-9', failed: true }));
    expect(h.store.agent).to.equal(before);
    expect(h.errors).to.deep.equal([]);
  });

  it('is refused before the session is loaded', async () => {
    const h = harness();
    expect((await rejection(h.store.setAgentState('Available'))).code).to.equal('INVALID_STATE');
    expect(h.backend.calls).to.deep.equal([]);
  });
});

describe('store outdial', () => {
  it('validates and normalises the number and presents the chosen ANI', async () => {
    const h = await started();
    await h.store.outdial(' +1 (555) 0123 ', 'ani-1');
    await h.store.outdial('5550199');
    expect(h.backend.callsOf('outdial')).to.deep.equal([
      [{ destination: '+15550123', origin: '+15550100' }],
      [{ destination: '5550199' }],
    ]);
  });

  it('refuses bad numbers and unknown ANIs with INVALID_PARAMETERS and the reason', async () => {
    const h = await started();
    for (const number of ['', 'call me', '0123', 5 as unknown as string]) {
      const error = await rejection(h.store.outdial(number));
      expect(error.code, String(number)).to.equal('INVALID_PARAMETERS');
    }
    expect((await rejection(h.store.outdial('abc'))).message).to.contain('INVALID_CHARACTERS');
    expect((await rejection(h.store.outdial('+15550123', 'ani-x'))).code).to.equal('INVALID_PARAMETERS');
    expect(h.backend.callsOf('outdial')).to.deep.equal([]);
    expect(h.errors).to.have.length(6);
  });

  it('is refused while a voice task is live, but not for a chat', async () => {
    const h = await started();
    push(h, ...connected({ media: 'chat' }));
    await h.store.outdial('+15550123');
    push(h, contact('AgentOfferContact', 'v1', { interactionState: 'new' }));
    const error = await rejection(h.store.outdial('+15550123'));
    expect(error).to.include({ code: 'INVALID_STATE', command: 'outdial' });
    expect(h.backend.callsOf('outdial')).to.have.length(1);
  });

  it('is refused when outdial is disabled', async () => {
    const h = harness();
    h.backend.session.profile = profile({ outdial: { enabled: false, anis: [] } });
    await h.store.start();
    expect((await rejection(h.store.outdial('+15550123'))).code).to.equal('FORBIDDEN');
  });

  it('reports a rejected outdial', async () => {
    const h = await started();
    h.backend.fail('outdial', new BackendError('no trunk'));
    const error = await rejection(h.store.outdial('+15550123'));
    expect(error).to.include({ code: 'BACKEND_ERROR', command: 'outdial' });
    expect(error.message).to.contain('no trunk');
    expect(h.errors).to.deep.equal([error]);
  });
});

describe('store directory', () => {
  it('loads the directory into directory$', async () => {
    const h = await started();
    const seen: number[] = [];
    h.store.directory$.subscribe((d) => seen.push(d.agents.length));
    await h.store.refreshDirectory();
    expect(h.store.directory).to.deep.equal(h.backend.directoryValue);
    expect(seen).to.deep.equal([0, 1]);
  });

  it('reports a failed load and keeps the old directory', async () => {
    const h = await started();
    await h.store.refreshDirectory();
    const before = h.store.directory;
    h.backend.fail('directory', new BackendError('down', 'CONNECTION'));
    const error = await rejection(h.store.refreshDirectory());
    expect(error).to.include({ code: 'CONNECTION', command: 'directory' });
    expect(h.store.directory).to.equal(before);
    expect(h.errors).to.deep.equal([error]);
  });
});

describe('store markdone block', () => {
  it('blocks and unblocks through the model, with no backend call, as task changes', async () => {
    const h = await started();
    push(h, ...wrappingUp());
    const calls = h.backend.calls.length;
    h.changes.length = 0;
    h.store.blockMarkdone(ID, 'Save the case first');
    expect(taskOf(h, ID).markdoneBlocked).to.equal('Save the case first');
    h.store.blockMarkdone(ID, 'Save the case first');
    h.store.unblockMarkdone(ID);
    h.store.unblockMarkdone(ID);
    expect(taskOf(h, ID).markdoneBlocked).to.equal(undefined);
    h.store.blockMarkdone('nope', 'x');
    expect(h.changes.map((t) => t.markdoneBlocked ?? '-')).to.deep.equal(['Save the case first', '-']);
    expect(h.backend.calls.length).to.equal(calls);
  });
});
