import { expect } from '@open-wc/testing';
import type { Task } from '../../src/model/index.js';
import { AGENT_ID, contact } from '../fixtures/fake-backend.js';
import { push, started, taskOf } from './helpers.js';

const offer = (id: string, media: 'telephony' | 'chat' | 'email' = 'chat') => contact('AgentOfferContact', id, { interactionState: 'new', media });
const assign = (id: string, media: 'telephony' | 'chat' | 'email' = 'chat') => contact('AgentContactAssigned', id, { media });

describe('store events', () => {
  it('keeps tasks in arrival order, emitting a new array only on change', async () => {
    const h = await started();
    const lists: (readonly Task[])[] = [];
    h.store.tasks$.subscribe((tasks) => lists.push(tasks));
    push(h, offer('a'), offer('b'), offer('c'), assign('b'));
    expect(h.store.tasks.map((t) => t.id)).to.deep.equal(['a', 'b', 'c']);
    expect(lists.map((l) => l.length)).to.deep.equal([0, 1, 2, 3, 3]);
    push(h, contact('AgentContactHeld', 'zzz'));
    push(h, contact('AgentContactHeld', 'a')); // not applicable to an offer: ignored
    expect(lists).to.have.length(5);
    expect(Object.isFrozen(h.store.tasks)).to.equal(true);
  });

  it('emits every change on taskChanges$, and a final task once as it leaves the list', async () => {
    const h = await started();
    push(h, offer('a'), assign('a'), contact('ContactEnded', 'a', { media: 'chat' }));
    expect(h.changes.map((t) => [t.id, t.state])).to.deep.equal([
      ['a', 'OFFERED'],
      ['a', 'CONNECTED'],
      ['a', 'COMPLETED'],
    ]);
    expect(h.store.tasks).to.deep.equal([]);
    push(h, contact('ContactEnded', 'a', { media: 'chat' }), contact('AgentWrappedUp', 'a', { media: 'chat' }));
    expect(h.changes).to.have.length(3);
  });

  it('a task owing wrap-up stays until wrapped up', async () => {
    const h = await started();
    push(h, offer('a'), assign('a'), contact('ContactEnded', 'a', { media: 'chat', agentsPendingWrapUp: [AGENT_ID] }));
    expect(taskOf(h, 'a').state).to.equal('WRAPPING_UP');
    push(h, contact('AgentWrappedUp', 'a', { media: 'chat' }));
    expect(h.store.tasks).to.deep.equal([]);
    expect(h.changes.at(-1)?.state).to.equal('COMPLETED');
  });

  it('a RONA terminates the offer', async () => {
    const h = await started();
    push(h, offer('a'), contact('AgentOfferContactRona', 'a', { media: 'chat', interactionState: 'new' }));
    expect(h.store.tasks).to.deep.equal([]);
    expect(h.changes.at(-1)).to.include({ state: 'TERMINATED', endReason: 'RONA' });
  });

  it('a …Failed event without a pending command still reports the failure', async () => {
    const h = await started();
    push(h, offer('a', 'telephony'), assign('a', 'telephony'), contact('AgentContactHoldFailed', 'a', { reason: 'no media' }));
    expect(h.errors).to.have.length(1);
    expect(h.errors[0]).to.include({ code: 'BACKEND_ERROR', command: 'hold', taskId: 'a', message: 'Hold failed: no media' });
    expect(taskOf(h, 'a').error).to.deep.equal(h.errors[0]);
  });

  it('AgentOutboundFailed reports an outdial failure', async () => {
    const h = await started();
    push(h, contact('AgentOutboundFailed', 'x', { reason: 'busy line' }));
    expect(h.errors.map((e) => [e.code, e.command, e.message])).to.deep.equal([['BACKEND_ERROR', 'outdial', 'Outdial failed: busy line']]);
  });

  it('ignores unknown and malformed events', async () => {
    const h = await started();
    h.backend.emit({ type: 'SomethingElse' } as never);
    h.backend.emit({ type: 'AgentOfferContact' } as never);
    h.backend.emit(null as never);
    expect(h.store.tasks).to.deep.equal([]);
    expect(h.errors).to.deep.equal([]);
  });
});

describe('store selection', () => {
  it('selects the first task, keeps the selection, and moves it when the selected task leaves', async () => {
    const h = await started();
    const selected: (string | undefined)[] = [];
    h.store.selectedTask$.subscribe((task) => selected.push(task?.id));
    push(h, offer('a'));
    expect(h.store.selectedTask?.id).to.equal('a');
    push(h, offer('b'), assign('b'), offer('c'), assign('c'));
    expect(h.store.selectedTask?.id, 'stays on a').to.equal('a');
    push(h, contact('AgentOfferContactRona', 'a', { media: 'chat', interactionState: 'new' }));
    expect(h.store.selectedTask?.id).to.equal('b');
    h.store.select('c');
    expect(h.store.selectedTask?.id).to.equal('c');
    push(h, contact('ContactEnded', 'c', { media: 'chat' }), contact('ContactEnded', 'b', { media: 'chat' }));
    expect(h.store.selectedTask).to.equal(undefined);
    expect(selected.filter((id, i) => i === 0 || id !== selected[i - 1])).to.deep.equal([undefined, 'a', 'b', 'c', 'b', undefined]);
  });

  it('prefers a non-offered live task when it must choose', async () => {
    const h = await started();
    push(h, offer('a'), offer('b'), assign('b'), offer('c'));
    h.store.select('c');
    push(h, contact('AgentOfferContactRona', 'c', { media: 'chat', interactionState: 'new' }));
    expect(h.store.selectedTask?.id).to.equal('b');
  });

  it('select() ignores unknown ids and emits only on a change', async () => {
    const h = await started();
    push(h, offer('a'), offer('b'));
    const selected: (Task | undefined)[] = [];
    h.store.selectedTask$.subscribe((task) => selected.push(task));
    h.store.select('nope');
    h.store.select('a');
    expect(selected.map((t) => t?.id)).to.deep.equal(['a']);
    h.store.select('b');
    expect(selected.map((t) => t?.id)).to.deep.equal(['a', 'b']);
  });

  it('selectedTask$ follows changes to the selected task', async () => {
    const h = await started();
    push(h, offer('a'));
    const states: string[] = [];
    h.store.selectedTask$.subscribe((task) => states.push(task?.state ?? '-'));
    push(h, offer('b'), assign('a'));
    expect(states).to.deep.equal(['OFFERED', 'CONNECTED']);
  });

  it('a subscriber that commands from inside its callback does not leave others on a stale value', async () => {
    const h = await started();
    let auto = true;
    h.store.tasks$.subscribe((tasks) => {
      const offered = tasks.find((t) => t.state === 'OFFERED' && !t.pending);
      if (auto && offered) {
        auto = false;
        void h.store.accept(offered.id);
      }
    });
    const last: (readonly Task[])[] = [];
    h.store.tasks$.subscribe((tasks) => last.push(tasks));
    push(h, offer('a'));
    expect(last.at(-1)).to.equal(h.store.tasks);
    expect(last.at(-1)?.[0]?.pending?.command).to.equal('accept');
  });
});
