import { expect } from '@open-wc/testing';
import { contact } from '../fixtures/fake-backend.js';
import { push, rejection, settle, started, taskOf } from './helpers.js';
import { connected, ID } from './scenarios.js';

describe('store pending timeouts', () => {
  it('fails a command with TIMEOUT when its confirming event does not arrive in time', async () => {
    const h = await started([], { pendingTimeoutMs: 5_000 });
    push(h, ...connected());
    await h.store.hold(ID);
    h.scheduler.maxFrames = 4_999;
    h.scheduler.flush();
    expect(taskOf(h, ID).pending?.command, 'not yet').to.equal('hold');
    h.scheduler.maxFrames = Number.POSITIVE_INFINITY;
    h.scheduler.flush();
    const task = taskOf(h, ID);
    expect(task.state).to.equal('CONNECTED');
    expect(task.pending).to.equal(undefined);
    expect(task.error).to.include({ code: 'TIMEOUT', command: 'hold', taskId: ID });
    expect(h.errors).to.deep.equal([task.error]);
  });

  it('uses 15 s by default', async () => {
    const h = await started();
    push(h, ...connected());
    await h.store.hold(ID);
    expect(h.scheduler.actions.map((action) => action.delay)).to.deep.equal([15_000]);
  });

  it('rejects the promise with TIMEOUT when the backend call has not answered either, and ignores its late answer', async () => {
    const h = await started();
    push(h, ...connected());
    h.backend.hang('hold');
    const promise = h.store.hold(ID);
    h.scheduler.flush();
    const error = await rejection(promise);
    expect(error.code).to.equal('TIMEOUT');
    h.backend.settle('hold').reject(new Error('late'));
    await settle();
    expect(h.errors).to.deep.equal([error]);
    expect(taskOf(h, ID).error).to.deep.equal(error);
  });

  it('cancels the timer when the confirmation arrives', async () => {
    const h = await started();
    push(h, ...connected());
    await h.store.hold(ID);
    expect(h.scheduler.actions.length).to.equal(1);
    push(h, contact('AgentContactHeld', ID, { held: true }));
    expect(h.scheduler.actions.length).to.equal(0);
    h.scheduler.flush();
    expect(h.errors).to.deep.equal([]);
    expect(taskOf(h, ID).state).to.equal('HELD');
  });

  it('cancels the timer when the task leaves the list', async () => {
    const h = await started();
    push(h, ...connected());
    await h.store.hold(ID);
    push(h, contact('ContactEnded', ID));
    expect(h.store.tasks).to.deep.equal([]);
    expect(h.scheduler.actions.length).to.equal(0);
  });

  it('cancels every timer on stop()', async () => {
    const h = await started();
    push(h, ...connected());
    await h.store.hold(ID);
    h.backend.hang('setAgentState');
    void h.store.setAgentState('Available').catch(() => undefined);
    expect(h.scheduler.actions.length).to.equal(2);
    await h.store.stop();
    expect(h.scheduler.actions.length).to.equal(0);
  });

  it('times out a pending agent-state change too', async () => {
    const h = await started();
    await h.store.setAgentState('Available');
    h.scheduler.flush();
    expect(h.store.agent.pending).to.equal(undefined);
    expect(h.store.agent.status.state).to.equal('Idle');
    expect(h.store.agent.error).to.include({ code: 'TIMEOUT', command: 'setAgentState' });
    expect(h.errors.map((e) => e.code)).to.deep.equal(['TIMEOUT']);
  });
});
