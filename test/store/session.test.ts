import { expect } from '@open-wc/testing';
import type { ContactCenter } from '../../src/backends/contact-center.js';
import type { BackendEvent, ConnectionState } from '../../src/model/index.js';
import { Session } from '../../src/store/session.js';
import { StoreState } from '../../src/store/state.js';
import { AGENT_ID, contact, FakeBackend } from '../fixtures/fake-backend.js';
import { rejection, settle } from './helpers.js';
import { errorsOf, flightsOn, NOW } from './modules.js';

const snapshotOf = (id: string, state = 'connected') => contact('AgentContact', id, { interactionState: state });

describe('Session', () => {
  const setUp = () => {
    const state = new StoreState(() => NOW);
    const backend = new FakeBackend();
    const { flights, scheduler } = flightsOn(state);
    const session = new Session(state, flights, backend as ContactCenter);
    const events: BackendEvent[] = [];
    session.events$.subscribe((event) => events.push(event));
    return { state, backend, flights, scheduler, session, events, errors: errorsOf(state) };
  };

  it('start() connects and loads the profile, the agent state and the live tasks', async () => {
    const { state, backend, session } = setUp();
    backend.session.tasks = [snapshotOf('a'), snapshotOf('b', 'hold')];
    await session.start();
    expect(state.agent.profile?.agentId).to.equal(AGENT_ID);
    expect(state.agent.status.state).to.equal('Idle');
    expect(state.list.all.map((task) => [task.id, task.state])).to.deep.equal([
      ['a', 'CONNECTED'],
      ['b', 'HELD'],
    ]);
    expect(session.connection.status).to.equal('connected');
  });

  it('is idempotent, and may be retried after a failed connect (a CONNECTION error)', async () => {
    const { backend, session, errors } = setUp();
    backend.fail('connect');
    const error = await rejection(session.start());
    expect(error.code).to.equal('CONNECTION');
    expect(errors).to.deep.equal([error]);
    expect(backend.observed, 'stopped listening').to.equal(false);
    backend.hang('connect');
    const first = session.start();
    expect(session.start()).to.equal(first);
    backend.settle('connect').resolve();
    await first;
    expect(backend.callsOf('connect')).to.have.length(2);
  });

  it('hands events on only after the session loaded, holding earlier ones', async () => {
    const { backend, session, events } = setUp();
    backend.hang('connect');
    const starting = session.start();
    await settle();
    const early = contact('AgentOfferContact', 'x', { interactionState: 'new' });
    backend.emit(early);
    expect(events).to.deep.equal([]);
    backend.settle('connect').resolve();
    await starting;
    expect(events).to.deep.equal([early]);
    const late = contact('AgentContactAssigned', 'x');
    backend.emit(late);
    backend.emit({} as BackendEvent);
    expect(events, 'not an event: dropped').to.deep.equal([early, late]);
  });

  it('publishes each new connection state once, and loads the snapshot after a reconnection', async () => {
    const { state, backend, session } = setUp();
    const seen: ConnectionState[] = [];
    session.connection$.subscribe((next) => seen.push(next));
    backend.session.tasks = [snapshotOf('a')];
    await session.start();
    backend.snapshotSession = { ...backend.session, tasks: [snapshotOf('b')] };
    backend.connection.next({ status: 'reconnecting', reason: 'network' });
    backend.connection.next({ status: 'reconnecting', reason: 'network' });
    backend.connection.next({ status: 'connected' });
    await settle();
    expect(seen.map((next) => next.status)).to.deep.equal(['disconnected', 'connected', 'reconnecting', 'connected']);
    expect(state.list.all.map((task) => task.id), 'the snapshot is the truth').to.deep.equal(['b']);
  });

  it('a load drops every command flight in the air', async () => {
    const { state, backend, session, flights, scheduler } = setUp();
    await session.start();
    const pending = { state: 'Available' as const, since: NOW };
    void flights.launch({ command: 'setAgentState', mark: pending }, () => state.setAgent({ ...state.agent, pending }), () => new Promise(() => undefined));
    expect(state.agent.pending).to.equal(pending);
    expect(scheduler.actions).to.have.length(1);
    backend.connection.next({ status: 'reconnecting' });
    backend.connection.next({ status: 'connected' });
    await settle();
    expect(scheduler.actions).to.have.length(0);
    expect(state.agent.pending).to.equal(undefined);
  });

  it('stop() stops listening, completes its streams and disconnects a started session', async () => {
    const { state, backend, session } = setUp();
    await session.start();
    let completed = 0;
    session.connection$.subscribe({ complete: () => completed++ });
    session.events$.subscribe({ complete: () => completed++ });
    state.stop();
    await session.stop();
    expect(session.stop()).to.equal(session.stop());
    expect(completed).to.equal(2);
    expect(backend.observed).to.equal(false);
    expect(backend.callsOf('disconnect')).to.have.length(1);
    expect((await rejection(session.start())).code).to.equal('INVALID_STATE');
  });

  it('stop() without start() does not disconnect', async () => {
    const { backend, session } = setUp();
    await session.stop();
    expect(backend.callsOf('disconnect')).to.deep.equal([]);
  });
});
