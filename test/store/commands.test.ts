import { expect } from '@open-wc/testing';
import { markPending, reduce, type CcError, type ConsultInfo, type Task } from '../../src/model/index.js';
import type { Flight } from '../../src/store/commands.js';
import type { StoreState } from '../../src/store/state.js';
import { AGENT_ID, contact } from '../fixtures/fake-backend.js';
import { rejection, settle } from './helpers.js';
import { errorsOf, flightsOn, NOW, storeState, taskFrom } from './modules.js';

/** Launch `command` on task `id` of `state` the way task commands do; answers the flight and the promise. */
function launchOn(
  state: StoreState,
  flights: ReturnType<typeof flightsOn>['flights'],
  id: string,
  call: () => Promise<void>,
  consult?: ConsultInfo,
): { flight: Flight; promise: Promise<void> } {
  const task = state.list.get(id) as Task;
  const marked = markPending(task, 'hold', NOW);
  const flight: Flight = { command: 'hold', mark: marked.pending, taskId: id, consultBefore: consult && task.consult };
  const promise = flights.launch(flight, () => state.commit([consult ? { ...marked, consult } : marked]), call);
  return { flight, promise };
}

/** A backend call the test settles itself. */
function held(): { call: () => Promise<void>; resolve: () => void; reject: (cause: unknown) => void } {
  let resolve!: () => void;
  let reject!: (cause: unknown) => void;
  const promise = new Promise<void>((ok, no) => {
    resolve = ok;
    reject = no;
  });
  return { call: () => promise, resolve, reject };
}

describe('CommandFlights', () => {
  let state: StoreState;
  let errors: CcError[];
  beforeEach(() => {
    state = storeState();
    errors = errorsOf(state);
    state.commit([taskFrom('t1')]);
  });

  it('puts the pending mark on, calls the backend and starts the timeout', async () => {
    const { flights, scheduler } = flightsOn(state, 5_000);
    const { flight, promise } = launchOn(state, flights, 't1', () => Promise.resolve());
    expect(state.list.get('t1')?.pending).to.equal(flight.mark);
    expect(flights.get('t1')).to.equal(flight);
    expect(scheduler.actions.map((action) => action.delay)).to.deep.equal([5_000]);
    await promise;
  });

  it('lands when a change clears the mark (confirmed): the timeout is cancelled', async () => {
    const { flights, scheduler } = flightsOn(state);
    const { promise } = launchOn(state, flights, 't1', () => Promise.resolve());
    await promise;
    const confirmed = reduce(state.list.get('t1'), contact('AgentContactHeld', 't1', { held: true }), { agentId: AGENT_ID }) as Task;
    expect(confirmed.pending).to.equal(undefined);
    state.commit([confirmed]);
    expect(flights.get('t1')).to.equal(undefined);
    expect(scheduler.actions).to.have.length(0);
    expect(errors).to.deep.equal([]);
  });

  it('a change that keeps the mark keeps the flight', async () => {
    const { flights, scheduler } = flightsOn(state);
    const { flight, promise } = launchOn(state, flights, 't1', () => Promise.resolve());
    await promise;
    const task = state.list.get('t1') as Task;
    state.commit([{ ...task, rev: task.rev + 1 }]);
    expect(flights.get('t1')).to.equal(flight);
    expect(scheduler.actions).to.have.length(1);
  });

  it('a rejected call clears the mark, sets the error, reports and rejects', async () => {
    const { flights, scheduler } = flightsOn(state);
    const { promise } = launchOn(state, flights, 't1', () => Promise.reject(new Error('no line')));
    const error = await rejection(promise);
    expect(error).to.include({ code: 'BACKEND_ERROR', command: 'hold', taskId: 't1', message: 'Hold failed: no line' });
    const task = state.list.get('t1') as Task;
    expect(task.pending).to.equal(undefined);
    expect(task.error).to.deep.equal(error);
    expect(errors).to.deep.equal([error]);
    expect(flights.get('t1')).to.equal(undefined);
    expect(scheduler.actions).to.have.length(0);
  });

  it('a call that throws fails the same way', async () => {
    const { flights } = flightsOn(state);
    const { promise } = launchOn(state, flights, 't1', () => {
      throw new Error('thrown');
    });
    expect((await rejection(promise)).message).to.equal('Hold failed: thrown');
  });

  it('restores the consult info a failed command replaced', async () => {
    const { flights } = flightsOn(state);
    const before: ConsultInfo = { destination: { type: 'agent', id: 'agent-2' }, status: 'CONSULT_INITIATED' };
    state.commit([{ ...(state.list.get('t1') as Task), consult: before }]);
    const consult: ConsultInfo = { destination: { type: 'agent', id: 'agent-3' }, status: 'CONSULT_INITIATED' };
    const { promise } = launchOn(state, flights, 't1', () => Promise.reject(new Error('busy')), consult);
    expect(state.list.get('t1')?.consult).to.deep.equal(consult);
    await rejection(promise);
    expect(state.list.get('t1')?.consult).to.equal(before);
  });

  it('times out: TIMEOUT on the task, on errors$ and as the rejection; a late answer is ignored', async () => {
    const { flights, scheduler } = flightsOn(state, 5_000);
    const call = held();
    const { promise } = launchOn(state, flights, 't1', call.call);
    scheduler.flush();
    const error = await rejection(promise);
    expect(error).to.include({ code: 'TIMEOUT', command: 'hold', taskId: 't1' });
    expect(state.list.get('t1')?.error).to.deep.equal(error);
    call.reject(new Error('late'));
    await settle();
    expect(errors).to.deep.equal([error]);
  });

  it('fails the agent-state change on the agent view', async () => {
    const { flights } = flightsOn(state);
    const pending = { state: 'Available' as const, since: NOW };
    const promise = flights.launch(
      { command: 'setAgentState', mark: pending },
      () => state.setAgent({ ...state.agent, pending }),
      () => Promise.reject(new Error('not now')),
    );
    const error = await rejection(promise);
    expect(state.agent.pending).to.equal(undefined);
    expect(state.agent.error).to.deep.equal(error);
  });

  it('failTask marks a task failed (for a …Failed event), restoring the consult of its flight', async () => {
    const { flights } = flightsOn(state);
    const before: ConsultInfo = { destination: { type: 'agent', id: 'agent-2' }, status: 'CONSULT_INITIATED' };
    state.commit([{ ...(state.list.get('t1') as Task), consult: before }]);
    const consult: ConsultInfo = { destination: { type: 'queue', id: 'q1' }, status: 'CONSULT_INITIATED' };
    void launchOn(state, flights, 't1', held().call, consult).promise.catch(() => undefined);
    const error = state.refusal('BACKEND_ERROR', 'hold', 'x', 't1');
    const failed = flights.failTask(state.list.get('t1') as Task, error);
    expect(failed.pending).to.equal(undefined);
    expect(failed.error).to.equal(error);
    expect(failed.consult).to.equal(before);
  });

  it('dropAll forgets every flight and cancels every timeout', async () => {
    const { flights, scheduler } = flightsOn(state);
    state.commit([taskFrom('t2')]);
    void launchOn(state, flights, 't1', held().call).promise.catch(() => undefined);
    void launchOn(state, flights, 't2', held().call).promise.catch(() => undefined);
    expect(scheduler.actions).to.have.length(2);
    flights.dropAll();
    expect(scheduler.actions).to.have.length(0);
    expect(flights.get('t1')).to.equal(undefined);
  });
});
