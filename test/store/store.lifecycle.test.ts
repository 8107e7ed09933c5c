import { expect } from '@open-wc/testing';
import { BackendError } from '../../src/backends/contact-center.js';
import type { ConnectionState, Task } from '../../src/model/index.js';
import { AGENT_ID, contact, profile } from '../fixtures/fake-backend.js';
import { harness, push, rejection, settle, started, taskOf } from './helpers.js';
import { ID } from './scenarios.js';

const snapshotOf = (id: string, state: string, options: Parameters<typeof contact>[2] = {}) =>
  contact('AgentContact', id, { interactionState: state, ...options });

describe('store lifecycle', () => {
  it('starts empty and disconnected, replaying current values', () => {
    const h = harness();
    const seen: unknown[] = [];
    h.store.tasks$.subscribe((tasks) => seen.push(tasks));
    h.store.connection$.subscribe((state) => seen.push(state));
    h.store.directory$.subscribe((directory) => seen.push(directory));
    expect(seen).to.deep.equal([[], { status: 'disconnected' }, { agents: [], queues: [], entryPoints: [] }]);
    expect(h.store.selectedTask).to.equal(undefined);
    expect(h.store.agent.status.state).to.equal('Idle');
    expect(h.store.now()).to.equal(h.clock.time);
    expect(h.backend.observed, 'nothing subscribed before start()').to.equal(false);
  });

  it('keeps what the contact center sends while the session is still loading', async () => {
    const h = harness();
    h.backend.session.tasks = [snapshotOf('a', 'connected')];
    h.backend.hang('connect');
    const starting = h.store.start();
    await settle();
    expect(h.backend.observed, 'listening before connect() answers').to.equal(true);
    // An offer arrives on the websocket before the login answer; so does a change the session
    // already reflects (the reducer ignores it).
    push(h, contact('AgentOfferContact', 'b', { media: 'chat' }), contact('AgentContactAssigned', 'a'));
    expect(h.store.tasks, 'nothing applied before the session').to.deep.equal([]);
    h.backend.settle('connect').resolve();
    await starting;
    expect(h.store.tasks.map((t) => [t.id, t.state])).to.deep.equal([
      ['a', 'CONNECTED'],
      ['b', 'OFFERED'],
    ]);
  });

  it('stops listening when connect() fails', async () => {
    const h = harness();
    h.backend.fail('connect');
    await h.store.start().catch(() => undefined);
    expect(h.backend.observed).to.equal(false);
  });

  it('start() connects, loads profile, status and live tasks, and follows the connection', async () => {
    const h = harness();
    h.backend.session.tasks = [snapshotOf('a', 'connected'), snapshotOf('b', 'new', { media: 'chat' }), snapshotOf('c', 'hold')];
    const states: ConnectionState[] = [];
    h.store.connection$.subscribe((state) => states.push(state));
    await h.store.start();
    expect(h.store.agent.profile?.agentId).to.equal(AGENT_ID);
    expect(h.store.agent.status).to.deep.equal({ state: 'Idle', idleCodeId: 'idle-lunch', since: 0 });
    expect(h.store.tasks.map((t) => [t.id, t.state])).to.deep.equal([
      ['a', 'CONNECTED'],
      ['b', 'OFFERED'],
      ['c', 'HELD'],
    ]);
    expect(h.store.selectedTask?.id).to.equal('a');
    expect(h.store.connection.status).to.equal('connected');
    expect(states.map((s) => s.status)).to.deep.equal(['disconnected', 'connected']);
    expect(h.backend.events.observed).to.equal(true);
  });

  it('start() is idempotent', async () => {
    const h = harness();
    const first = h.store.start();
    const second = h.store.start();
    expect(second).to.equal(first);
    await first;
    await h.store.start();
    expect(h.backend.callsOf('connect')).to.have.length(1);
  });

  it('a failed connect emits a CONNECTION error, rejects, and may be retried', async () => {
    const h = harness();
    h.backend.fail('connect', new BackendError('bad token', 'FORBIDDEN'));
    const error = await rejection(h.store.start());
    expect(error).to.include({ code: 'CONNECTION', command: 'connect' });
    expect(error.message).to.contain('bad token');
    expect(h.errors).to.deep.equal([error]);
    expect(h.backend.observed, 'nothing left subscribed').to.equal(false);
    h.backend.session.tasks = [snapshotOf('a', 'connected')];
    h.backend['behaviour'].clear();
    await h.store.start();
    expect(h.store.tasks.map((t) => t.id)).to.deep.equal(['a']);
  });

  it('stop() releases every subscription, disconnects, completes, and emits nothing afterwards', async () => {
    const h = await started([snapshotOf('a', 'connected')]);
    const emissions: string[] = [];
    const completed: string[] = [];
    const s = h.store;
    const streams = { tasks: s.tasks$, selected: s.selectedTask$, agent: s.agent$, directory: s.directory$, errors: s.errors$, connection: s.connection$, changes: s.taskChanges$ };
    for (const [name, stream] of Object.entries(streams)) {
      (stream as import('rxjs').Observable<unknown>).subscribe({ next: () => emissions.push(name), complete: () => completed.push(name) });
    }
    emissions.length = 0;
    expect(h.backend.events.observed).to.equal(true);
    expect(h.backend.connection.observed).to.equal(true);

    await s.stop();
    expect(h.backend.events.observed).to.equal(false);
    expect(h.backend.connection.observed).to.equal(false);
    expect(h.backend.callsOf('disconnect')).to.have.length(1);
    expect(completed).to.have.members(Object.keys(streams));

    push(h, contact('AgentOfferContact', 'b', { interactionState: 'new' }));
    h.backend.connection.next({ status: 'reconnecting' });
    s.select('a');
    s.blockMarkdone('a', 'no');
    h.scheduler.flush();
    await settle();
    expect(emissions).to.deep.equal([]);
    expect(await s.stop().then(() => h.backend.callsOf('disconnect').length), 'stop() is idempotent').to.equal(1);
  });

  it('stop() during connect leaves nothing subscribed', async () => {
    const h = harness();
    h.backend.hang('connect');
    const start = h.store.start();
    const stop = h.store.stop();
    h.backend.settle('connect').resolve();
    await start;
    await stop;
    expect(h.backend.observed).to.equal(false);
    expect(h.store.tasks).to.deep.equal([]);
  });
});

describe('store reconnection', () => {
  it('after reconnecting → connected, the snapshot replaces our tasks and removes the missing ones', async () => {
    const h = await started([snapshotOf('a', 'connected'), snapshotOf('b', 'connected', { media: 'chat' }), snapshotOf('c', 'new')]);
    h.store.select('b');
    h.store.blockMarkdone('a', 'Case form incomplete');
    h.backend.hang('hold');
    void h.store.hold('a').catch(() => undefined);
    const revA = taskOf(h, 'a').rev;
    expect(taskOf(h, 'a').pending?.command).to.equal('hold');

    h.backend.snapshotSession = {
      ...h.backend.session,
      status: { state: 'Available', since: 9 },
      tasks: [snapshotOf('a', 'hold', { held: true }), snapshotOf('d', 'new', { media: 'email' }), snapshotOf('c', 'connected')],
    };
    h.backend.connection.next({ status: 'reconnecting', reason: 'network' });
    expect(h.store.connection).to.deep.equal({ status: 'reconnecting', reason: 'network' });
    h.changes.length = 0;
    h.backend.connection.next({ status: 'connected' });
    await settle();

    expect(h.backend.callsOf('snapshot')).to.have.length(1);
    expect(h.store.tasks.map((t) => [t.id, t.state])).to.deep.equal([
      ['a', 'HELD'],
      ['c', 'CONNECTED'],
      ['d', 'OFFERED'],
    ]);
    const a = taskOf(h, 'a');
    expect(a.pending, 'pending cleared').to.equal(undefined);
    expect(a.markdoneBlocked, 'the host block survives').to.equal('Case form incomplete');
    expect(a.rev).to.be.greaterThan(revA);
    expect(h.scheduler.actions.length, 'timers of replaced tasks cancelled').to.equal(0);
    const removed = h.changes.find((t) => t.id === 'b') as Task;
    expect(removed.state, 'b leaves in its last form').to.equal('CONNECTED');
    expect(h.changes.map((t) => t.id)).to.have.members(['a', 'b', 'c', 'd']);
    expect(h.store.selectedTask?.id, 'selection moves off the removed task to a non-offer').to.equal('a');
    expect(h.store.agent.status).to.deep.equal({ state: 'Available', since: 9 });
  });

  it('does not reconcile on the first connection or on other transitions', async () => {
    const h = await started();
    h.backend.connection.next({ status: 'disconnected' });
    h.backend.connection.next({ status: 'connected' });
    await settle();
    expect(h.backend.callsOf('snapshot')).to.have.length(0);
  });

  it('a failed snapshot emits a CONNECTION error and keeps our tasks', async () => {
    const h = await started([snapshotOf(ID, 'connected')]);
    h.backend.fail('snapshot', new Error('gateway timeout'));
    h.backend.connection.next({ status: 'reconnecting' });
    h.backend.connection.next({ status: 'connected' });
    await settle();
    expect(h.errors.map((e) => [e.code, e.command])).to.deep.equal([['CONNECTION', 'connect']]);
    expect(h.store.tasks.map((t) => t.id)).to.deep.equal([ID]);
  });

  it('a profile from the snapshot replaces the old one', async () => {
    const h = await started();
    h.backend.snapshotSession = { ...h.backend.session, profile: profile({ agentName: 'Ada Renamed' }) };
    h.backend.connection.next({ status: 'reconnecting' });
    h.backend.connection.next({ status: 'connected' });
    await settle();
    expect(h.store.agent.profile?.agentName).to.equal('Ada Renamed');
  });
});
