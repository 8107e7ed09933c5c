import { expect } from '@open-wc/testing';
import { BehaviorSubject } from 'rxjs';
import type { AgentView, CcError, Task } from '../../src/model/index.js';
import { StoreState } from '../../src/store/state.js';
import { errorsOf, NOW, storeState, taskFrom } from './modules.js';

describe('StoreState', () => {
  it('post: a change made during delivery is delivered after the current one, so every subscriber ends on the latest value', () => {
    const state = new StoreState(() => NOW);
    const subject = new BehaviorSubject(0);
    const seenByA: number[] = [];
    const seenByB: number[] = [];
    subject.subscribe((value) => {
      seenByA.push(value);
      if (value === 1) state.post(() => subject.next(2));
    });
    subject.subscribe((value) => seenByB.push(value));
    state.post(() => subject.next(1));
    expect(seenByA).to.deep.equal([0, 1, 2]);
    expect(seenByB).to.deep.equal([0, 1, 2]);
  });

  it('post: delivers in the order posted, at once when nothing else is being delivered', () => {
    const state = new StoreState(() => NOW);
    const order: string[] = [];
    state.post(() => {
      order.push('a');
      state.post(() => order.push('c'));
      order.push('b');
    });
    order.push('after');
    state.post(() => order.push('d'));
    expect(order).to.deep.equal(['a', 'b', 'c', 'after', 'd']);
  });

  it('starts with no tasks, no selection and an Idle agent, replaying them', () => {
    const state = new StoreState(() => NOW);
    const seen: unknown[] = [];
    state.tasks$.subscribe((tasks) => seen.push(tasks));
    state.selectedTask$.subscribe((task) => seen.push(task));
    state.agent$.subscribe((view) => seen.push(view.status));
    expect(seen).to.deep.equal([[], undefined, { state: 'Idle', since: NOW }]);
    expect(state.now()).to.equal(NOW);
  });

  it('commit publishes the list, the selection and each changed task, and tells touched$ at once', () => {
    const state = storeState();
    const lists: (readonly Task[])[] = [];
    const selections: (Task | undefined)[] = [];
    const changes: Task[] = [];
    const touched: (string | undefined)[] = [];
    state.tasks$.subscribe((tasks) => lists.push(tasks));
    state.selectedTask$.subscribe((task) => selections.push(task));
    state.taskChanges$.subscribe((task) => changes.push(task));
    state.touched$.subscribe((key) => touched.push(key));
    const a = taskFrom('a');
    const b = taskFrom('b');
    state.commit([a, b]);
    expect(lists).to.deep.equal([[], [a, b]]);
    expect(selections).to.deep.equal([undefined, a]);
    expect(changes).to.deep.equal([a, b]);
    expect(touched).to.deep.equal(['a', 'b']);
  });

  it('publishes tasks$ and selectedTask$ only when each changes', () => {
    const state = storeState();
    const a = taskFrom('a');
    const b = taskFrom('b');
    state.commit([a, b]);
    const lists: (readonly Task[])[] = [];
    const selections: (Task | undefined)[] = [];
    state.tasks$.subscribe((tasks) => lists.push(tasks));
    state.selectedTask$.subscribe((task) => selections.push(task));
    state.list.select('b');
    state.commit([]);
    expect(lists, 'the list did not change').to.have.length(1);
    expect(selections).to.deep.equal([a, b]);
    state.commit([a]);
    expect(lists, 'the same task object is no change').to.have.length(1);
  });

  it('a removed task leaves the list and is published in its last form', () => {
    const state = storeState();
    const a = taskFrom('a');
    state.commit([a]);
    const changes: Task[] = [];
    state.taskChanges$.subscribe((task) => changes.push(task));
    state.commit([], [a]);
    expect(state.list.all).to.deep.equal([]);
    expect(changes).to.deep.equal([a]);
  });

  it('delivers a change made by a subscriber after the one being delivered, to everyone in order', () => {
    const state = storeState();
    const first: number[] = [];
    const second: number[] = [];
    state.tasks$.subscribe((tasks) => {
      first.push(tasks.length);
      if (tasks.length === 1) state.commit([taskFrom('b')]);
    });
    state.tasks$.subscribe((tasks) => second.push(tasks.length));
    state.commit([taskFrom('a')]);
    expect(first).to.deep.equal([0, 1, 2]);
    expect(second).to.deep.equal([0, 1, 2]);
  });

  it('setAgent changes the view at once, publishes it and tells touched$ with undefined', () => {
    const state = new StoreState(() => NOW);
    const views: AgentView[] = [];
    const touched: (string | undefined)[] = [];
    state.agent$.subscribe((view) => views.push(view));
    state.touched$.subscribe((key) => touched.push(key));
    const next: AgentView = { status: { state: 'Available', since: 5 } };
    state.setAgent(next);
    expect(state.agent).to.equal(next);
    expect(views).to.deep.equal([{ status: { state: 'Idle', since: NOW } }, next]);
    expect(touched).to.deep.equal([undefined]);
  });

  it('refuse reports the error and rejects with it; stoppedRefusal only rejects', async () => {
    const state = storeState();
    const errors = errorsOf(state);
    const error = state.refusal('NOT_FOUND', 'hold', 'no such task', 't9');
    expect(error).to.include({ code: 'NOT_FOUND', command: 'hold', taskId: 't9', at: NOW, message: 'Hold refused: no such task' });
    const refused = await state.refuse(error).catch((reason: CcError) => reason);
    expect(refused).to.equal(error);
    const stopped = await state.stoppedRefusal('end', 't9').catch((reason: CcError) => reason);
    expect(stopped).to.include({ code: 'INVALID_STATE', message: 'End refused: the store has been stopped' });
    expect(errors).to.deep.equal([error]);
  });

  it('rejected() turns a backend rejection into a reported CcError', async () => {
    const state = storeState();
    const errors = errorsOf(state);
    const error = await Promise.reject(new Error('gone')).catch(state.rejected('directory')).catch((reason: CcError) => reason);
    expect(error).to.include({ code: 'BACKEND_ERROR', command: 'directory', message: 'Load directory failed: gone' });
    expect(errors).to.deep.equal([error]);
  });

  it('stop completes every stream; later changes reach nobody', () => {
    const state = storeState();
    const completed: string[] = [];
    const seen: unknown[] = [];
    const streams = { tasks$: state.tasks$, agent$: state.agent$, errors$: state.errors$, taskChanges$: state.taskChanges$ };
    for (const [name, stream] of Object.entries(streams)) {
      (stream as typeof state.errors$).subscribe({ next: (value) => seen.push(value), complete: () => completed.push(name) });
    }
    seen.length = 0;
    state.stop();
    expect(state.stopped).to.equal(true);
    expect(completed).to.deep.equal(['tasks$', 'agent$', 'errors$', 'taskChanges$']);
    state.commit([taskFrom('a')]);
    state.report(state.refusal('NOT_FOUND', 'hold', 'x'));
    expect(seen).to.deep.equal([]);
  });
});
