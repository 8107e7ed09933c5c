import { expect } from '@open-wc/testing';
import { BackendError } from '../../src/backends/contact-center.js';
import type { Task, TaskCommand, TaskMessage, TaskState } from '../../src/model/index.js';
import type { CcStore } from '../../src/store/types.js';
import { AGENT_ID, contact, type FakeMethod } from '../fixtures/fake-backend.js';
import { push, rejection, started, taskOf } from './helpers.js';
import { conferencing, connected, consulting, held, ID, LEG, offered, paused, recording, wrappingUp } from './scenarios.js';

interface Row {
  command: TaskCommand;
  /** Events that bring t1 into the state the command needs. */
  setup: () => TaskMessage[];
  state: TaskState;
  run: (store: CcStore) => Promise<void>;
  /** The backend method and the arguments it must receive. */
  call: [FakeMethod, unknown[]];
  /** The event that confirms the command. */
  confirm: TaskMessage;
  /** The task after the confirmation, or undefined when it has left the list. */
  after: ((task: Task) => void) | undefined;
  /** The command's `…Failed` event, when it has one. */
  failedEvent?: string;
}

const ROWS: Row[] = [
  {
    command: 'accept',
    setup: offered,
    state: 'OFFERED',
    run: (s) => s.accept(ID),
    call: ['accept', [ID]],
    confirm: contact('AgentContactAssigned', ID),
    after: (t) => expect(t.state).to.equal('CONNECTED'),
    failedEvent: 'AgentContactAssignFailed',
  },
  {
    command: 'decline',
    setup: offered,
    state: 'OFFERED',
    run: (s) => s.decline(ID),
    call: ['decline', [ID]],
    confirm: contact('AgentOfferContactRona', ID, { interactionState: 'new' }),
    after: undefined,
  },
  {
    command: 'hold',
    setup: connected,
    state: 'CONNECTED',
    run: (s) => s.hold(ID),
    call: ['hold', [ID]],
    confirm: contact('AgentContactHeld', ID, { held: true }),
    after: (t) => expect(t.state).to.equal('HELD'),
    failedEvent: 'AgentContactHoldFailed',
  },
  {
    command: 'resume',
    setup: held,
    state: 'HELD',
    run: (s) => s.resume(ID),
    call: ['resume', [ID]],
    confirm: contact('AgentContactUnheld', ID),
    after: (t) => expect(t.state).to.equal('CONNECTED'),
    failedEvent: 'AgentContactUnHoldFailed',
  },
  {
    command: 'toggleMute',
    setup: connected,
    state: 'CONNECTED',
    run: (s) => s.toggleMute(ID),
    call: ['toggleMute', [ID]],
    confirm: contact('ContactUpdated', ID, { isWebCallMute: true }),
    after: (t) => expect(t.muted).to.equal(true),
    failedEvent: 'ContactUpdateFailed',
  },
  {
    command: 'pauseRecording',
    setup: recording,
    state: 'CONNECTED',
    run: (s) => s.pauseRecording(ID),
    call: ['pauseRecording', [ID]],
    confirm: contact('ContactRecordingPaused', ID, { recording: true }),
    after: (t) => expect(t.recording).to.equal('PAUSED'),
    failedEvent: 'ContactRecordingPauseFailed',
  },
  {
    command: 'resumeRecording',
    setup: paused,
    state: 'CONNECTED',
    run: (s) => s.resumeRecording(ID),
    call: ['resumeRecording', [ID, { autoResumed: false }]],
    confirm: contact('ContactRecordingResumed', ID, { recording: true }),
    after: (t) => expect(t.recording).to.equal('RECORDING'),
    failedEvent: 'ContactRecordingResumeFailed',
  },
  {
    command: 'consult',
    setup: connected,
    state: 'CONNECTED',
    run: (s) => s.consult(ID, { type: 'agent', id: 'agent-2', name: 'Bo' }),
    call: ['consult', [ID, { to: 'agent-2', destinationType: 'agent', holdParticipants: true }]],
    confirm: contact('AgentConsultCreated', ID, { consultLeg: LEG, destAgentId: 'agent-2', held: true }),
    after: (t) => {
      expect(t.state).to.equal('CONSULTING');
      expect(t.consult?.destination).to.deep.equal({ type: 'agent', id: 'agent-2', name: 'Bo' });
    },
    failedEvent: 'AgentConsultFailed',
  },
  {
    command: 'endConsult',
    setup: consulting,
    state: 'CONSULTING',
    run: (s) => s.endConsult(ID),
    call: ['endConsult', [ID, { isConsult: true, taskId: ID }]],
    confirm: contact('AgentConsultEnded', ID),
    after: (t) => expect(t.state).to.equal('CONNECTED'),
    failedEvent: 'AgentConsultEndFailed',
  },
  {
    command: 'consultTransfer',
    setup: consulting,
    state: 'CONSULTING',
    run: (s) => s.consultTransfer(ID),
    call: ['consultTransfer', [ID, { to: 'agent-2', destinationType: 'agent' }]],
    confirm: contact('AgentConsultTransferred', ID),
    after: undefined,
    failedEvent: 'AgentConsultTransferFailed',
  },
  {
    command: 'consultConference',
    setup: consulting,
    state: 'CONSULTING',
    run: (s) => s.consultConference(ID),
    call: ['consultConference', [ID]],
    confirm: contact('AgentConsultConferenced', ID, { consultLeg: LEG, conference: true }),
    after: (t) => expect(t.state).to.equal('CONFERENCING'),
    failedEvent: 'AgentConsultConferenceFailed',
  },
  {
    command: 'exitConference',
    setup: conferencing,
    state: 'CONFERENCING',
    run: (s) => s.exitConference(ID),
    call: ['exitConference', [ID]],
    confirm: contact('ParticipantLeftConference', ID, { participantId: AGENT_ID, conference: true, agentsPendingWrapUp: [AGENT_ID] }),
    after: (t) => expect(t.state).to.equal('WRAPPING_UP'),
    failedEvent: 'ParticipantLeftConferenceFailed',
  },
  {
    command: 'switchLeg',
    setup: consulting,
    state: 'CONSULTING',
    run: (s) => s.switchLeg(ID),
    // On the consult leg: hold it to go back to the customer.
    call: ['hold', [ID, LEG]],
    confirm: contact('AgentContactHeld', ID, { consultLeg: LEG, mediaResourceId: LEG }),
    after: (t) => expect(t.activeLeg).to.equal('main'),
    failedEvent: 'AgentContactHoldFailed',
  },
  {
    command: 'transfer',
    setup: connected,
    state: 'CONNECTED',
    run: (s) => s.transfer(ID, { type: 'queue', id: 'queue-1', name: 'Sales' }),
    call: ['transfer', [ID, { to: 'queue-1', destinationType: 'queue' }]],
    confirm: contact('AgentVteamTransferred', ID),
    after: undefined,
    failedEvent: 'AgentBlindTransferFailedEvent',
  },
  {
    command: 'end',
    setup: connected,
    state: 'CONNECTED',
    run: (s) => s.end(ID),
    call: ['end', [ID]],
    confirm: contact('ContactEnded', ID, { agentsPendingWrapUp: [AGENT_ID] }),
    after: (t) => expect(t.state).to.equal('WRAPPING_UP'),
    failedEvent: 'AgentContactEndFailed',
  },
  {
    command: 'wrapup',
    setup: wrappingUp,
    state: 'WRAPPING_UP',
    run: (s) => s.wrapup(ID, { auxCodeId: 'wu-resolved' }),
    call: ['wrapup', [ID, { auxCodeId: 'wu-resolved', wrapUpReason: 'Resolved' }]],
    confirm: contact('AgentWrappedUp', ID),
    after: undefined,
    failedEvent: 'AgentWrapupFailed',
  },
  {
    command: 'setUserData',
    setup: connected,
    state: 'CONNECTED',
    run: (s) => s.setUserData(ID, { note: 'VIP' }),
    call: ['setUserData', [ID, { note: 'VIP' }]],
    confirm: contact('ContactUpdated', ID, { callAssociatedDetails: { account: '42', note: 'VIP' } }),
    after: (t) => expect(t.data.interaction.callAssociatedDetails).to.deep.equal({ account: '42', note: 'VIP' }),
    failedEvent: 'ContactUpdateFailed',
  },
  {
    command: 'deleteUserData',
    setup: connected,
    state: 'CONNECTED',
    run: (s) => s.deleteUserData(ID, 'account'),
    call: ['deleteUserData', [ID, 'account']],
    confirm: contact('ContactUpdated', ID, { callAssociatedDetails: {} }),
    after: (t) => expect(t.data.interaction.callAssociatedDetails).to.deep.equal({}),
    failedEvent: 'ContactUpdateFailed',
  },
];

describe('store task commands', () => {
  it('covers every task command', () => {
    const all: TaskCommand[] = [
      'accept', 'decline', 'hold', 'resume', 'toggleMute', 'pauseRecording', 'resumeRecording', 'consult',
      'endConsult', 'consultTransfer', 'consultConference', 'exitConference', 'switchLeg', 'transfer', 'end',
      'wrapup', 'setUserData', 'deleteUserData',
    ];
    expect(ROWS.map((row) => row.command)).to.have.members(all);
  });

  for (const row of ROWS) {
    describe(row.command, () => {
      it('marks the task pending, calls the backend with the right payload, and is cleared by the confirming event', async () => {
        const h = await started();
        push(h, ...row.setup());
        expect(taskOf(h, ID).state).to.equal(row.state);
        const promise = row.run(h.store);
        expect(taskOf(h, ID).pending?.command).to.equal(row.command);
        expect(taskOf(h, ID).pending?.since).to.equal(h.clock.time);
        await promise;
        const calls = h.backend.calls.filter((call) => call.method !== 'connect');
        expect(calls).to.deep.equal([{ method: row.call[0], args: row.call[1] }]);
        expect(taskOf(h, ID).pending, 'still pending until confirmed').to.deep.equal({ command: row.command, since: h.clock.time });

        h.changes.length = 0;
        push(h, row.confirm);
        if (row.after) {
          const task = taskOf(h, ID);
          expect(task.pending).to.equal(undefined);
          expect(task.error).to.equal(undefined);
          row.after(task);
        } else {
          expect(h.store.tasks.map((task) => task.id)).not.to.include(ID);
          expect(h.changes.map((task) => task.id)).to.deep.equal([ID]);
        }
        expect(h.errors).to.deep.equal([]);
        expect(h.scheduler.actions.length, 'the timeout is cancelled').to.equal(0);
      });

      it('restores the previous state, sets task.error, emits and rejects when the backend rejects', async () => {
        const h = await started();
        push(h, ...row.setup());
        const before = taskOf(h, ID);
        h.backend.fail(row.call[0], new BackendError('agent is not allowed', 'FORBIDDEN'));
        const error = await rejection(row.run(h.store));
        expect(error).to.deep.equal({
          code: 'FORBIDDEN',
          command: row.command,
          taskId: ID,
          message: error.message,
          at: h.clock.time,
        });
        expect(error.message).to.contain('agent is not allowed');
        const after = taskOf(h, ID);
        expect(after.state).to.equal(before.state);
        expect(after.pending).to.equal(undefined);
        expect(after.consult).to.deep.equal(before.consult);
        expect(after.error).to.deep.equal(error);
        expect(h.errors).to.deep.equal([error]);
        expect(h.scheduler.actions.length).to.equal(0);
      });

      if (row.failedEvent) {
        const failedEvent = row.failedEvent;
        it(`fails on ${failedEvent}: previous state, task.error, errors$ (BACKEND_ERROR)`, async () => {
          const h = await started();
          push(h, ...row.setup());
          const before = taskOf(h, ID);
          await row.run(h.store);
          push(h, contact(failedEvent, ID, { reason: 'media server busy', consultLeg: before.data.consultMediaResourceId || undefined }));
          const after = taskOf(h, ID);
          expect(after.state).to.equal(before.state);
          expect(after.pending).to.equal(undefined);
          expect(after.consult).to.deep.equal(before.consult);
          expect(h.errors).to.have.length(1);
          expect(h.errors[0]).to.include({ code: 'BACKEND_ERROR', command: row.command, taskId: ID });
          expect(h.errors[0]?.message).to.contain('media server busy');
          expect(after.error).to.deep.equal(h.errors[0]);
          expect(h.scheduler.actions.length).to.equal(0);
        });
      }
    });
  }
});
