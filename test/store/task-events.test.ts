import { expect } from '@open-wc/testing';
import { markPending, type Task } from '../../src/model/index.js';
import { TaskEvents } from '../../src/store/task-events.js';
import { contact } from '../fixtures/fake-backend.js';
import { errorsOf, flightsOn, NOW, storeState } from './modules.js';

describe('TaskEvents', () => {
  const setUp = () => {
    const state = storeState();
    const { flights } = flightsOn(state);
    const errors = errorsOf(state);
    const changes: Task[] = [];
    state.taskChanges$.subscribe((task) => changes.push(task));
    return { state, flights, errors, changes, events: new TaskEvents(state, flights) };
  };

  it('puts each event through the reducer into the task list', () => {
    const { state, events, changes } = setUp();
    events.apply(contact('AgentOfferContact', 't1', { interactionState: 'new' }));
    expect(state.list.get('t1')?.state).to.equal('OFFERED');
    events.apply(contact('AgentContactAssigned', 't1'));
    expect(state.list.get('t1')?.state).to.equal('CONNECTED');
    expect(changes.map((task) => task.state)).to.deep.equal(['OFFERED', 'CONNECTED']);
  });

  it('an event the reducer ignores changes nothing', () => {
    const { state, events, changes } = setUp();
    events.apply(contact('AgentContactHeld', 'unknown', { held: true }));
    expect(state.list.all).to.deep.equal([]);
    expect(changes).to.deep.equal([]);
  });

  it('a task that ends leaves the list', () => {
    const { state, events } = setUp();
    events.apply(contact('AgentContactAssigned', 't1'));
    events.apply(contact('ContactEnded', 't1'));
    expect(state.list.all).to.deep.equal([]);
  });

  it('a …Failed event fails the pending command: mark cleared, error set and reported', () => {
    const { state, events, errors } = setUp();
    events.apply(contact('AgentContactAssigned', 't1'));
    state.commit([markPending(state.list.get('t1') as Task, 'hold', NOW)]);
    events.apply(contact('AgentContactHoldFailed', 't1', { reason: 'media busy' }));
    const task = state.list.get('t1') as Task;
    expect(task.pending).to.equal(undefined);
    expect(task.error).to.include({ code: 'BACKEND_ERROR', command: 'hold', message: 'Hold failed: media busy' });
    expect(errors).to.deep.equal([task.error]);
  });
});
