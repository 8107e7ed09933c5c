import { expect } from '@open-wc/testing';
import type { CcError, ErrorCode, TaskCommand } from '../../src/model/index.js';
import type { CcStore } from '../../src/store/types.js';
import { contact } from '../fixtures/fake-backend.js';
import { push, rejection, started, taskOf, type Harness } from './helpers.js';
import { connected, ID, offered, wrappingUp } from './scenarios.js';

/** The command must be refused with `code`, without any backend call, and reported on errors$. */
async function expectRefused(h: Harness, run: (store: CcStore) => Promise<void>, code: ErrorCode, command: TaskCommand): Promise<CcError> {
  const callsBefore = h.backend.calls.length;
  const before = h.store.tasks;
  const error = await rejection(run(h.store));
  expect(error.code).to.equal(code);
  expect(error.command).to.equal(command);
  expect(error.at).to.equal(h.clock.time);
  expect(h.backend.calls.length, 'no backend call').to.equal(callsBefore);
  expect(h.store.tasks, 'no task change').to.equal(before);
  expect(h.errors.at(-1)).to.deep.equal(error);
  return error;
}

describe('store refusals', () => {
  it('NOT_FOUND for an unknown task id, for every task command', async () => {
    const h = await started();
    const runs: Array<[TaskCommand, (s: CcStore) => Promise<void>]> = [
      ['accept', (s) => s.accept('nope')],
      ['decline', (s) => s.decline('nope')],
      ['hold', (s) => s.hold('nope')],
      ['resume', (s) => s.resume('nope')],
      ['toggleMute', (s) => s.toggleMute('nope')],
      ['pauseRecording', (s) => s.pauseRecording('nope')],
      ['resumeRecording', (s) => s.resumeRecording('nope')],
      ['consult', (s) => s.consult('nope', { type: 'agent', id: 'agent-2' })],
      ['endConsult', (s) => s.endConsult('nope')],
      ['consultTransfer', (s) => s.consultTransfer('nope')],
      ['consultConference', (s) => s.consultConference('nope')],
      ['exitConference', (s) => s.exitConference('nope')],
      ['switchLeg', (s) => s.switchLeg('nope')],
      ['transfer', (s) => s.transfer('nope', { type: 'queue', id: 'queue-1' })],
      ['end', (s) => s.end('nope')],
      ['wrapup', (s) => s.wrapup('nope', { auxCodeId: 'wu-resolved' })],
      ['setUserData', (s) => s.setUserData('nope', { a: 'b' })],
      ['deleteUserData', (s) => s.deleteUserData('nope', 'a')],
    ];
    for (const [command, run] of runs) {
      const error = await expectRefused(h, run, 'NOT_FOUND', command);
      expect(error.taskId).to.equal('nope');
    }
  });

  it('INVALID_STATE when the state does not allow the command', async () => {
    const h = await started();
    push(h, ...offered());
    await expectRefused(h, (s) => s.hold(ID), 'INVALID_STATE', 'hold');
    await expectRefused(h, (s) => s.end(ID), 'INVALID_STATE', 'end');
    await expectRefused(h, (s) => s.wrapup(ID, { auxCodeId: 'wu-resolved' }), 'INVALID_STATE', 'wrapup');
    await expectRefused(h, (s) => s.setUserData(ID, { a: 'b' }), 'INVALID_STATE', 'setUserData');
    push(h, contact('AgentContactAssigned', ID));
    await expectRefused(h, (s) => s.accept(ID), 'INVALID_STATE', 'accept');
    await expectRefused(h, (s) => s.resume(ID), 'INVALID_STATE', 'resume');
    await expectRefused(h, (s) => s.endConsult(ID), 'INVALID_STATE', 'endConsult');
    await expectRefused(h, (s) => s.switchLeg(ID), 'INVALID_STATE', 'switchLeg');
    expect(taskOf(h, ID).error, 'a refusal does not mark the task').to.equal(undefined);
  });

  it('INVALID_STATE for voice-only commands on a chat', async () => {
    const h = await started();
    push(h, ...connected({ media: 'chat' }));
    await expectRefused(h, (s) => s.hold(ID), 'INVALID_STATE', 'hold');
    await expectRefused(h, (s) => s.toggleMute(ID), 'INVALID_STATE', 'toggleMute');
    await expectRefused(h, (s) => s.consult(ID, { type: 'agent', id: 'agent-2' }), 'INVALID_STATE', 'consult');
  });

  it('INVALID_STATE while another command is pending', async () => {
    const h = await started();
    push(h, ...connected());
    h.backend.hang('hold');
    const hold = h.store.hold(ID);
    const error = await expectRefused(h, (s) => s.end(ID), 'INVALID_STATE', 'end');
    expect(error.message).to.contain('Hold');
    await expectRefused(h, (s) => s.hold(ID), 'INVALID_STATE', 'hold');
    expect(taskOf(h, ID).pending?.command).to.equal('hold');
    h.backend.settle('hold').resolve();
    await hold;
  });

  it('MARKDONE_BLOCKED with the host warning while markdone is blocked, and wrap-up works once unblocked', async () => {
    const h = await started();
    push(h, ...wrappingUp());
    h.store.blockMarkdone(ID, 'Fill in the case form first');
    const error = await expectRefused(h, (s) => s.wrapup(ID, { auxCodeId: 'wu-resolved' }), 'MARKDONE_BLOCKED', 'wrapup');
    expect(error.message).to.equal('Fill in the case form first');
    h.store.unblockMarkdone(ID);
    await h.store.wrapup(ID, { auxCodeId: 'wu-callback', notes: '  call back Tuesday ' });
    expect(h.backend.callsOf('wrapup')).to.deep.equal([[ID, { auxCodeId: 'wu-callback', wrapUpReason: 'call back Tuesday' }]]);
  });

  it('INVALID_PARAMETERS for bad wrap-up input', async () => {
    const h = await started();
    push(h, ...wrappingUp());
    await expectRefused(h, (s) => s.wrapup(ID, { auxCodeId: '' }), 'INVALID_PARAMETERS', 'wrapup');
    await expectRefused(h, (s) => s.wrapup(ID, { auxCodeId: 'no-such-code' }), 'INVALID_PARAMETERS', 'wrapup');
    await expectRefused(h, (s) => s.wrapup(ID, { auxCodeId: 'wu-resolved', notes: 5 as unknown as string }), 'INVALID_PARAMETERS', 'wrapup');
  });

  it('INVALID_PARAMETERS for bad user data', async () => {
    const h = await started();
    push(h, ...connected());
    const bad: unknown[] = [{}, { '': 'x' }, { '  ': 'x' }, { a: 1 }, { a: null }, ['x'], null, 'text', JSON.parse('{"__proto__":"x"}')];
    for (const values of bad) {
      await expectRefused(h, (s) => s.setUserData(ID, values as Record<string, string>), 'INVALID_PARAMETERS', 'setUserData');
    }
    for (const key of ['', ' ', 3, undefined]) {
      await expectRefused(h, (s) => s.deleteUserData(ID, key as string), 'INVALID_PARAMETERS', 'deleteUserData');
    }
  });

  it('INVALID_PARAMETERS for bad destinations, and dial numbers go through the dial plan', async () => {
    const h = await started();
    push(h, ...connected());
    const bad: unknown[] = [undefined, {}, { type: 'agent' }, { type: 'agent', id: ' ' }, { type: 'galaxy', id: 'x' }, { type: 'dialNumber', id: 'call me' }];
    for (const destination of bad) {
      await expectRefused(h, (s) => s.consult(ID, destination as never), 'INVALID_PARAMETERS', 'consult');
      await expectRefused(h, (s) => s.transfer(ID, destination as never), 'INVALID_PARAMETERS', 'transfer');
    }
    await h.store.transfer(ID, { type: 'dialNumber', id: '+1 (555) 0123' });
    expect(h.backend.callsOf('transfer')).to.deep.equal([[ID, { to: '+15550123', destinationType: 'dialNumber' }]]);
  });

  it('refuses every command after stop() without a backend call or an emission', async () => {
    const h = await started();
    push(h, ...connected());
    await h.store.stop();
    const calls = h.backend.calls.length;
    const errors = h.errors.length;
    const error = await rejection(h.store.hold(ID));
    expect(error.code).to.equal('INVALID_STATE');
    expect((await rejection(h.store.setAgentState('Available'))).code).to.equal('INVALID_STATE');
    expect((await rejection(h.store.outdial('+15550123'))).code).to.equal('INVALID_STATE');
    expect((await rejection(h.store.refreshDirectory())).code).to.equal('INVALID_STATE');
    expect((await rejection(h.store.start())).code).to.equal('INVALID_STATE');
    expect(h.backend.calls.length).to.equal(calls);
    expect(h.errors.length).to.equal(errors);
  });
});
