import { expect } from '@open-wc/testing';
import {
  blockMarkdone,
  canIssue,
  clearError,
  failureFor,
  markFailed,
  markPending,
  unblockMarkdone,
} from '../../src/model/commands.js';
import { CONTROL_NAMES, controlsFor } from '../../src/model/controls.js';
import type { CcError, TaskCommand } from '../../src/model/domain.js';
import { TASK_EVENTS } from '../../src/model/events.js';
import { agentView, INTERACTION, T0 } from '../fixtures/contacts.js';
import { SCENARIOS, taskIn } from './tasks.js';

const ALL_COMMANDS: readonly TaskCommand[] = [...CONTROL_NAMES, 'setUserData', 'deleteUserData'];

const error = (command: TaskCommand): CcError => ({ code: 'BACKEND_ERROR', command, taskId: INTERACTION, message: 'No.', at: T0 });

describe('failureFor', () => {
  const expected: Record<string, TaskCommand> = {
    AgentContactAssignFailed: 'accept',
    AgentContactHoldFailed: 'hold',
    AgentContactUnHoldFailed: 'resume',
    AgentConsultFailed: 'consult',
    AgentConsultEndFailed: 'endConsult',
    AgentConsultConferenceFailed: 'consultConference',
    ParticipantLeftConferenceFailed: 'exitConference',
    AgentConsultTransferFailed: 'consultTransfer',
    AgentBlindTransferFailedEvent: 'transfer',
    AgentVteamTransferFailed: 'transfer',
    ContactRecordingPauseFailed: 'pauseRecording',
    ContactRecordingResumeFailed: 'resumeRecording',
    AgentContactEndFailed: 'end',
    AgentWrapupFailed: 'wrapup',
    ContactUpdateFailed: 'setUserData',
  };

  it('maps every …Failed task event to the command it fails (outdial is not a task command)', () => {
    const failed = TASK_EVENTS.filter((e) => /Failed(Event)?$/.test(e));
    expect(failed.filter((e) => e !== 'AgentOutboundFailed').sort()).to.deep.equal(Object.keys(expected).sort());
    for (const event of failed) expect(failureFor(event), event).to.equal(expected[event]);
    expect(failureFor('AgentOutboundFailed')).to.equal(undefined);
  });

  it('answers undefined for other events and odd names', () => {
    for (const name of ['AgentContactHeld', 'ContactEnded', '', 'toString', '__proto__', 'constructor']) expect(failureFor(name), name).to.equal(undefined);
  });
});

describe('canIssue', () => {
  const agent = agentView();
  for (const scenario of SCENARIOS) {
    it(`${scenario}: exactly the visible and enabled controls; user data on live, accepted tasks`, () => {
      const task = taskIn(scenario);
      const controls = controlsFor(task, agent);
      for (const command of CONTROL_NAMES) {
        expect(canIssue(task, command, agent), command).to.equal(controls[command].visible && controls[command].enabled);
      }
      const live = !['OFFERED', 'OFFERED_CONSULT', 'COMPLETED', 'TERMINATED'].includes(scenario);
      expect(canIssue(task, 'setUserData', agent)).to.equal(live);
      expect(canIssue(task, 'deleteUserData', agent)).to.equal(live);
    });
  }

  it('refuses every control command while one is pending', () => {
    const pending = markPending(taskIn('CONNECTED'), 'hold', T0);
    for (const command of CONTROL_NAMES) expect(canIssue(pending, command, agent), command).to.equal(false);
  });

  it('refuses wrap-up while markdone is blocked', () => {
    const task = taskIn('WRAPPING_UP');
    expect(canIssue(task, 'wrapup', agent)).to.equal(true);
    expect(canIssue(blockMarkdone(task, 'Case number missing'), 'wrapup', agent)).to.equal(false);
  });
});

describe('pending, failed, error and markdone updates', () => {
  it('markPending records the command and time, clears the last error, rev+1, state kept', () => {
    const failed = markFailed(taskIn('CONNECTED'), error('hold'));
    const task = markPending(failed, 'hold', T0 + 5);
    expect(task.pending).to.deep.equal({ command: 'hold', since: T0 + 5 });
    expect(task).to.not.have.property('error');
    expect(task.rev).to.equal(failed.rev + 1);
    expect(task.state).to.equal('CONNECTED');
  });

  for (const command of ALL_COMMANDS) {
    it(`markFailed after ${command}: same state, no pending, the error, rev+1`, () => {
      const before = taskIn('CONNECTED');
      const pending = markPending(before, command, T0);
      const task = markFailed(pending, error(command));
      expect(task.state).to.equal(before.state);
      expect(task).to.not.have.property('pending');
      expect(task.error).to.deep.equal(error(command));
      expect(task.rev).to.equal(pending.rev + 1);
    });
  }

  it('markFailed for a consult that never started drops the consult the store recorded', () => {
    const issued = { ...markPending(taskIn('CONNECTED'), 'consult', T0), consult: { destination: { type: 'agent' as const, id: 'b' }, status: 'CONSULT_INITIATED' as const } };
    expect(markFailed(issued, error('consult'))).to.not.have.property('consult');
    const consulting = markPending(taskIn('CONSULTING_ACCEPTED'), 'consultConference', T0);
    expect(markFailed(consulting, error('consult')).consult?.status, 'a running consult stays').to.equal('CONSULT_ACCEPTED');
  });

  it('clearError removes the error (rev+1), and is a no-op without one', () => {
    const clean = taskIn('HELD');
    expect(clearError(clean)).to.equal(clean);
    const failed = markFailed(clean, error('resume'));
    const cleared = clearError(failed);
    expect(cleared).to.not.have.property('error');
    expect(cleared.rev).to.equal(failed.rev + 1);
  });

  it('blockMarkdone / unblockMarkdone set and clear the warning (no-ops when unchanged)', () => {
    const task = taskIn('WRAPPING_UP');
    expect(unblockMarkdone(task)).to.equal(task);
    const blocked = blockMarkdone(task, 'Case number missing');
    expect(blocked.markdoneBlocked).to.equal('Case number missing');
    expect(blocked.rev).to.equal(task.rev + 1);
    expect(blockMarkdone(blocked, 'Case number missing')).to.equal(blocked);
    expect(blockMarkdone(blocked, 'Another warning').markdoneBlocked).to.equal('Another warning');
    const unblocked = unblockMarkdone(blocked);
    expect(unblocked).to.not.have.property('markdoneBlocked');
    expect(unblocked.rev).to.equal(blocked.rev + 1);
  });

  it('never mutates its input', () => {
    const task = taskIn('CONNECTED');
    const frozen = JSON.stringify(task);
    markFailed(markPending(task, 'hold', T0), error('hold'));
    blockMarkdone(task, 'x');
    clearError(task);
    expect(JSON.stringify(task)).to.equal(frozen);
  });
});
