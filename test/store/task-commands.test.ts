import { expect } from '@open-wc/testing';
import type { ContactCenter } from '../../src/backends/contact-center.js';
import type { Task } from '../../src/model/index.js';
import { consultTarget, taskCommands } from '../../src/store/task-commands.js';
import { FakeBackend } from '../fixtures/fake-backend.js';
import { rejection } from './helpers.js';
import { errorsOf, flightsOn, NOW, storeState, taskFrom } from './modules.js';

describe('taskCommands', () => {
  const setUp = () => {
    const state = storeState();
    const backend = new FakeBackend();
    const { flights, scheduler } = flightsOn(state);
    state.commit([taskFrom('t1')]);
    return { state, backend, flights, scheduler, errors: errorsOf(state), commands: taskCommands(state, flights, backend as ContactCenter) };
  };
  const task = (state: ReturnType<typeof setUp>['state'], id = 't1'): Task => state.list.get(id) as Task;

  it('a plain command marks the task pending and calls the backend with the task id', async () => {
    const { state, backend, flights, commands } = setUp();
    await commands.hold('t1');
    expect(task(state).pending).to.deep.equal({ command: 'hold', since: NOW });
    expect(flights.get('t1')?.command).to.equal('hold');
    expect(backend.callsOf('hold')).to.deep.equal([['t1']]);
  });

  it('refuses an unknown task, a second command while one is pending, and a command the state does not allow', async () => {
    const { backend, commands, errors } = setUp();
    expect(await rejection(commands.hold('t9'))).to.include({ code: 'NOT_FOUND', message: 'Hold refused: no live task "t9"' });
    backend.hang('hold');
    void commands.hold('t1');
    expect((await rejection(commands.end('t1'))).message).to.equal('End refused: Hold is still pending');
    backend.settle('hold').resolve();
    const { commands: fresh } = setUp();
    expect((await rejection(fresh.accept('t1'))).message).to.equal('Accept is not possible while the task is CONNECTED');
    expect(errors).to.have.length(2);
  });

  it('consult checks the destination, normalises a dial number and records the consult', async () => {
    const { state, backend, commands } = setUp();
    expect((await rejection(commands.consult('t1', { type: 'pigeon', id: 'x' } as never))).code).to.equal('INVALID_PARAMETERS');
    await commands.consult('t1', { type: 'dialNumber', id: '(555) 0199' });
    expect(backend.callsOf('consult')).to.deep.equal([['t1', { to: '5550199', destinationType: 'dialNumber', holdParticipants: true }]]);
    expect(task(state).consult).to.deep.equal({ destination: { type: 'dialNumber', id: '5550199' }, status: 'CONSULT_INITIATED' });
  });

  it('transfer sends the destination without holding anyone', async () => {
    const { backend, commands } = setUp();
    await commands.transfer('t1', { type: 'queue', id: 'queue-1' });
    expect(backend.callsOf('transfer')).to.deep.equal([['t1', { to: 'queue-1', destinationType: 'queue' }]]);
  });

  it('wrapup needs a known code and sends the notes (else the code name) as the reason; a markdone block refuses it', async () => {
    const { state, backend, commands } = setUp();
    state.commit([taskFrom('w1', 'AgentContact', { interactionState: 'wrapUp', agentsPendingWrapUp: ['agent-1'] })]);
    expect((await rejection(commands.wrapup('w1', { auxCodeId: '' }))).message).to.equal('Wrap-up refused: a wrap-up code is required');
    expect((await rejection(commands.wrapup('w1', { auxCodeId: 'wu-x' }))).code).to.equal('INVALID_PARAMETERS');
    commands.blockMarkdone('w1', 'Save the case first');
    expect(await rejection(commands.wrapup('w1', { auxCodeId: 'wu-resolved' }))).to.include({ code: 'MARKDONE_BLOCKED', message: 'Save the case first' });
    commands.unblockMarkdone('w1');
    await commands.wrapup('w1', { auxCodeId: 'wu-resolved' });
    expect(backend.callsOf('wrapup')).to.deep.equal([['w1', { auxCodeId: 'wu-resolved', wrapUpReason: 'Resolved' }]]);
  });

  it('user data is checked before the call', async () => {
    const { backend, commands } = setUp();
    expect((await rejection(commands.setUserData('t1', {}))).message).to.equal('Set user data refused: no user data given');
    expect((await rejection(commands.deleteUserData('t1', '__proto__'))).code).to.equal('INVALID_PARAMETERS');
    await commands.setUserData('t1', { crm: 'c-1' });
    expect(backend.callsOf('setUserData')).to.deep.equal([['t1', { crm: 'c-1' }]]);
  });

  it('select changes the selection only for a live task', () => {
    const { state, commands } = setUp();
    state.commit([taskFrom('t2')]);
    commands.select('t2');
    expect(state.list.selected?.id).to.equal('t2');
    commands.select('nope');
    expect(state.list.selected?.id).to.equal('t2');
  });

  it('every command is refused after stop, without a word on errors$', async () => {
    const { state, backend, commands, errors } = setUp();
    state.stop();
    expect((await rejection(commands.end('t1'))).message).to.equal('End refused: the store has been stopped');
    commands.blockMarkdone('t1', 'x');
    expect(task(state).markdoneBlocked).to.equal(undefined);
    expect(backend.calls).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });
});

describe('consultTarget', () => {
  it('is the consult the store started, else the agent the contact center names, else nobody', () => {
    const base = taskFrom('t1');
    expect(consultTarget({ ...base, consult: { destination: { type: 'queue', id: 'q1' }, status: 'CONSULT_INITIATED' } })).to.deep.equal({
      to: 'q1',
      destinationType: 'queue',
    });
    expect(consultTarget({ ...base, data: { ...base.data, destAgentId: 'agent-2' } })).to.deep.equal({ to: 'agent-2', destinationType: 'agent' });
    expect(consultTarget({ ...base, data: { ...base.data, destAgentId: '' } })).to.equal(undefined);
  });
});
