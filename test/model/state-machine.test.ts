import { expect } from '@open-wc/testing';
import { markPending } from '../../src/model/commands.js';
import type { Task, TaskCommand, TaskMessage, TaskState } from '../../src/model/domain.js';
import type { TaskEventName } from '../../src/model/events.js';
import { isFinal, reduce, step } from '../../src/model/state-machine.js';
import {
  AGENT,
  CONSULT_LEG,
  contact,
  INTERACTION,
  OTHER_AGENT,
  OTHER_AGENT_NAME,
  T0,
  THIRD_AGENT,
  type ContactOptions,
} from '../fixtures/contacts.js';
import { ctx, messageFor, taskIn, type Scenario } from './tasks.js';

const LATER = T0 + 100_000;

/** Apply one message that must be applied. */
function apply(task: Task | undefined, msg: TaskMessage): Task {
  const result = step(task, msg, ctx);
  expect(result.ignored, result.ignored).to.equal(undefined);
  expect(result.task).to.not.equal(undefined);
  return result.task as Task;
}

/** Apply a message that must be ignored (same object back, a reason). */
function ignored(task: Task | undefined, msg: TaskMessage): string {
  const result = step(task, msg, ctx);
  expect(result.task).to.equal(task);
  expect(result.ignored).to.be.a('string').and.not.equal('');
  return result.ignored as string;
}

const msg = (scenario: Scenario, type: TaskEventName, extra: ContactOptions = {}) => messageFor(scenario, type, 'telephony', extra);

describe('state machine: creating tasks', () => {
  it('AgentOfferContact creates an OFFERED task with the RONA deadline and the payload', () => {
    const task = apply(undefined, contact('AgentOfferContact', { eventTime: T0 }));
    expect(task).to.include({ id: INTERACTION, state: 'OFFERED', media: 'telephony', rev: 1, muted: false, activeLeg: 'main' });
    expect(task.recording).to.equal('RECORDING');
    expect(task.times).to.deep.equal({ offeredAt: T0, ronaDeadline: T0 + 30_000 });
    expect(task.data.isIncomingTask).to.equal(true);
    expect(task.data.ronaTimeout).to.equal(30);
    expect(task.data.isCustomerInCall).to.equal(true);
    expect(task.data.interaction.callAssociatedDetails?.caseId).to.equal('CS-551203');
    expect(task.wrapUpRequired).to.equal(false);
    expect(task.previousState).to.equal(undefined);
  });

  it('takes the RONA timeout from callProcessingDetails when the message has none', () => {
    const task = apply(undefined, contact('AgentOfferContact', { ronaTimeout: null, cpdRonaTimeout: '45' }));
    expect(task.times.ronaDeadline).to.equal(T0 + 45_000);
    expect(task.data.ronaTimeout).to.equal(45);
  });

  it('has no RONA deadline without a usable timeout', () => {
    const task = apply(undefined, contact('AgentOfferContact', { ronaTimeout: null, cpdRonaTimeout: 'soon' }));
    expect(task.times).to.deep.equal({ offeredAt: T0 });
    expect(task.data.ronaTimeout).to.equal(undefined);
  });

  it('reads the media and its recording state (digital never records)', () => {
    for (const media of ['chat', 'email', 'social'] as const) {
      const task = apply(undefined, contact('AgentOfferContact', { media }));
      expect(task.media).to.equal(media);
      expect(task.recording).to.equal('STOPPED');
    }
    expect(apply(undefined, contact('AgentOfferContact', { recording: 'PAUSED' })).recording).to.equal('PAUSED');
    expect(apply(undefined, contact('AgentOfferContact', { recording: 'STOPPED' })).recording).to.equal('STOPPED');
  });

  it('AgentOfferConsult creates OFFERED_CONSULT for the consulted agent', () => {
    const task = apply(undefined, contact('AgentOfferConsult', { state: 'consult' }));
    expect(task.state).to.equal('OFFERED_CONSULT');
    expect(task.data.isSecondaryAgent).to.equal(true);
    expect(task.data.consultStatus).to.equal('BEING_CONSULTED');
    expect(task.consult).to.deep.equal({ destination: { type: 'agent', id: OTHER_AGENT, name: OTHER_AGENT_NAME }, status: 'BEING_CONSULTED' });
    expect(task.times.ronaDeadline).to.equal(T0 + 30_000);
  });

  it('AgentContactAssigned for an unknown task (outdial, auto-answer) creates a CONNECTED task', () => {
    const task = apply(undefined, contact('AgentContactAssigned', { state: 'connected', eventTime: T0 }));
    expect(task.state).to.equal('CONNECTED');
    expect(task.times).to.deep.equal({ connectedAt: T0 });
    expect(task.data.isIncomingTask).to.equal(false);
  });

  it('ignores every other event for an unknown task', () => {
    for (const type of ['AgentContactHeld', 'ContactEnded', 'AgentWrappedUp', 'AgentContactHoldFailed', 'AgentOutboundFailed']) {
      expect(ignored(undefined, contact(type, { state: 'connected' }))).to.contain('unknown task');
    }
  });

  it('ignores unsupported media, unknown event types and malformed messages', () => {
    const video = contact('AgentOfferContact');
    (video.interaction as { mediaType: string }).mediaType = 'video';
    expect(ignored(undefined, video)).to.contain('unsupported media');
    expect(ignored(undefined, contact('AgentSomethingNew'))).to.contain('unknown event type');
    const noInteraction = { ...contact('AgentOfferContact'), interaction: undefined } as unknown as TaskMessage;
    expect(ignored(undefined, noInteraction)).to.contain('malformed');
    const noId = { ...contact('AgentOfferContact'), interactionId: '' };
    expect(ignored(undefined, noId)).to.contain('malformed');
    expect(ignored(undefined, null as unknown as TaskMessage)).to.contain('malformed');
  });

  it('ignores a message about another interaction', () => {
    const task = taskIn('CONNECTED');
    expect(ignored(task, msg('CONNECTED', 'AgentContactHeld', { interactionId: 'someone-else' }))).to.contain('does not belong');
  });

  it('reduce() is step().task', () => {
    const offer = contact('AgentOfferContact');
    expect(reduce(undefined, offer, ctx)).to.deep.equal(step(undefined, offer, ctx).task);
    const task = taskIn('CONNECTED');
    expect(reduce(task, msg('CONNECTED', 'AgentWrappedUp'), ctx)).to.equal(task);
  });

  it('isFinal is true exactly for COMPLETED and TERMINATED', () => {
    expect(isFinal(taskIn('COMPLETED'))).to.equal(true);
    expect(isFinal(taskIn('TERMINATED'))).to.equal(true);
    for (const s of ['OFFERED', 'CONNECTED', 'HELD', 'CONSULTING', 'CONFERENCING', 'WRAPPING_UP'] as const) expect(isFinal(taskIn(s))).to.equal(false);
  });
});

describe('state machine: rehydration (AgentContact)', () => {
  const cases: { options: ContactOptions; state: TaskState; check?: (t: Task) => void }[] = [
    { options: { state: 'new' }, state: 'OFFERED', check: (t) => expect(t.times.ronaDeadline).to.equal(T0 + 30_000) },
    { options: { state: 'consult' }, state: 'OFFERED_CONSULT', check: (t) => expect(t.data.isSecondaryAgent).to.equal(true) },
    { options: { state: 'connected' }, state: 'CONNECTED', check: (t) => expect(t.times.connectedAt).to.equal(T0 - 60_000) },
    { options: { state: 'connected', mainHeld: true }, state: 'HELD' },
    { options: { state: 'hold' }, state: 'HELD', check: (t) => expect(t.times.heldAt).to.equal(T0 - 5_000) },
    {
      options: { state: 'consulting' },
      state: 'CONSULTING',
      check: (t) => {
        expect(t.consult?.status).to.equal('CONSULT_ACCEPTED');
        expect(t.consult?.destination).to.deep.equal({ type: 'agent', id: OTHER_AGENT, name: OTHER_AGENT_NAME });
        expect(t.activeLeg).to.equal('consult');
        expect(t.data.isSecondaryAgent).to.equal(false);
      },
    },
    {
      options: { state: 'consulting', consultTo: { joined: false } },
      state: 'CONSULTING',
      check: (t) => expect(t.consult?.status).to.equal('CONSULT_INITIATED'),
    },
    {
      options: { state: 'consulting', mainHeld: false, consultHeld: true },
      state: 'CONSULTING',
      check: (t) => expect(t.activeLeg).to.equal('main'),
    },
    {
      options: { state: 'consulting', role: 'secondary' },
      state: 'CONSULTING',
      check: (t) => {
        expect(t.data.isSecondaryAgent).to.equal(true);
        expect(t.data.consultStatus).to.equal('BEING_CONSULTED_ACCEPTED');
      },
    },
    {
      options: { state: 'conference' },
      state: 'CONFERENCING',
      check: (t) => {
        expect(t.data.conferenceParticipantsCount).to.equal(2);
        expect(t.data.isSecondaryAgent).to.equal(false);
      },
    },
    { options: { state: 'conference', role: 'secondary' }, state: 'CONFERENCING', check: (t) => expect(t.data.isSecondaryAgent).to.equal(true) },
    {
      options: { state: 'wrapUp', agentsPendingWrapUp: [AGENT] },
      state: 'WRAPPING_UP',
      check: (t) => expect(t.times).to.include({ wrapupStartedAt: T0, endedAt: T0 }),
    },
  ];
  for (const { options, state, check } of cases) {
    it(`interaction.state '${options.state}'${options.role === 'secondary' ? ' (consulted)' : ''}${options.mainHeld ? ' main held' : ''} → ${state}`, () => {
      const task = apply(undefined, contact('AgentContact', options));
      expect(task.state).to.equal(state);
      check?.(task);
    });
  }

  it('ignores an interaction state it does not know', () => {
    const m = contact('AgentContact');
    (m.interaction as { state: string }).state = 'parked';
    expect(ignored(undefined, m)).to.contain('parked');
  });

  it('rebuilds a known task: rev+1, pending and error cleared, times, consult destination and markdone block kept', () => {
    const consulting = taskIn('CONSULTING');
    const queue = { type: 'queue' as const, id: 'q-sales', name: 'Sales' };
    const known: Task = { ...markPending(consulting, 'endConsult', LATER), consult: { destination: queue, status: 'CONSULT_INITIATED' }, markdoneBlocked: 'Fill in the case' };
    const task = apply(known, contact('AgentContact', { state: 'consulting', eventTime: LATER + 5 }));
    expect(task.rev).to.equal(known.rev + 1);
    expect(task.pending).to.equal(undefined);
    expect(task.consult).to.deep.equal({ destination: queue, status: 'CONSULT_ACCEPTED' });
    expect(task.markdoneBlocked).to.equal('Fill in the case');
    expect(task.times.connectedAt).to.equal(known.times.connectedAt);
    expect(task.previousState).to.equal(known.previousState);
  });

  it('moves a known task to the snapshot state (e.g. the call ended while disconnected)', () => {
    const task = apply(taskIn('HELD'), contact('AgentContact', { state: 'wrapUp', agentsPendingWrapUp: [AGENT], eventTime: LATER }));
    expect(task.state).to.equal('WRAPPING_UP');
    expect(task.previousState).to.equal('HELD');
    expect(task.times.heldAt).to.equal(undefined);
    expect(task.times.wrapupStartedAt).to.equal(LATER);
  });
});

describe('state machine: OFFERED', () => {
  it('AgentContactAssigned → CONNECTED (connectedAt, RONA deadline gone, pending accept settled)', () => {
    const offered = markPending(taskIn('OFFERED'), 'accept', T0 + 1);
    const task = apply(offered, contact('AgentContactAssigned', { state: 'connected', eventTime: LATER }));
    expect(task).to.include({ state: 'CONNECTED', previousState: 'OFFERED', rev: offered.rev + 1 });
    expect(task.pending).to.equal(undefined);
    expect(task.times).to.deep.equal({ offeredAt: T0, connectedAt: LATER });
    expect(task.data.isIncomingTask).to.equal(false);
  });

  it('AgentOfferContactRona → TERMINATED (RONA)', () => {
    const task = apply(taskIn('OFFERED'), msg('OFFERED', 'AgentOfferContactRona'));
    expect(task).to.include({ state: 'TERMINATED', endReason: 'RONA' });
    expect(task.times.endedAt).to.equal(LATER);
  });

  it('AgentOfferContactRona after a decline → TERMINATED (DECLINED), by pending command or by reason', () => {
    const pending = markPending(taskIn('OFFERED'), 'decline', T0 + 1);
    expect(apply(pending, msg('OFFERED', 'AgentOfferContactRona')).endReason).to.equal('DECLINED');
    expect(apply(taskIn('OFFERED'), msg('OFFERED', 'AgentOfferContactRona', { reason: 'Declined' })).endReason).to.equal('DECLINED');
  });

  it('ContactEnded before accept → TERMINATED (CUSTOMER_HANGUP)', () => {
    const task = apply(taskIn('OFFERED'), msg('OFFERED', 'ContactEnded', { customerLeft: true }));
    expect(task).to.include({ state: 'TERMINATED', endReason: 'CUSTOMER_HANGUP', wrapUpRequired: false });
    expect(task.data.isCustomerInCall).to.equal(false);
  });

  it('AgentContactAssignFailed keeps the offer with the error', () => {
    const pending = markPending(taskIn('OFFERED'), 'accept', T0 + 1);
    const task = apply(pending, msg('OFFERED', 'AgentContactAssignFailed', { reason: 'Media not available' }));
    expect(task.state).to.equal('OFFERED');
    expect(task.pending).to.equal(undefined);
    expect(task.error).to.deep.equal({ code: 'BACKEND_ERROR', command: 'accept', taskId: INTERACTION, message: 'Media not available', at: LATER });
    expect(task.times.ronaDeadline).to.equal(T0 + 30_000);
  });

  it('AgentOutboundFailed on an outdial offer → TERMINATED with the outdial error', () => {
    const task = apply(taskIn('OFFERED'), msg('OFFERED', 'AgentOutboundFailed'));
    expect(task.state).to.equal('TERMINATED');
    expect(task.error).to.include({ code: 'BACKEND_ERROR', command: 'outdial', message: 'The contact center could not place the outbound call.' });
  });
});

describe('state machine: OFFERED_CONSULT', () => {
  for (const type of ['AgentConsulting', 'AgentContactAssigned'] as const) {
    it(`${type} → CONSULTING as the consulted agent`, () => {
      const task = apply(taskIn('OFFERED_CONSULT'), msg('CONSULTING_SECONDARY', type));
      expect(task).to.include({ state: 'CONSULTING', activeLeg: 'consult' });
      expect(task.data).to.include({ isSecondaryAgent: true, consultStatus: 'BEING_CONSULTED_ACCEPTED', isConsultInProgress: true });
      expect(task.consult?.destination.id).to.equal(OTHER_AGENT);
      expect(task.times.connectedAt).to.equal(LATER);
      expect(task.times.ronaDeadline).to.equal(undefined);
    });
  }
  const ends: [TaskEventName, string][] = [
    ['AgentOfferContactRona', 'RONA'],
    ['AgentConsultEnded', 'CONSULT_ENDED'],
    ['AgentCtqCancelled', 'CONSULT_ENDED'],
    ['ContactEnded', 'CUSTOMER_HANGUP'],
  ];
  for (const [type, reason] of ends) {
    it(`${type} → TERMINATED (${reason})`, () => {
      const task = apply(taskIn('OFFERED_CONSULT'), msg('OFFERED_CONSULT', type));
      expect(task).to.include({ state: 'TERMINATED', endReason: reason });
      expect(task.consult).to.equal(undefined);
    });
  }
});

describe('state machine: CONNECTED and HELD', () => {
  it('AgentContactHeld → HELD (heldAt), AgentContactUnheld → CONNECTED (heldAt cleared, connectedAt kept)', () => {
    const held = apply(taskIn('CONNECTED'), msg('HELD', 'AgentContactHeld', { eventTime: T0 + 40_000 }));
    expect(held).to.include({ state: 'HELD', previousState: 'CONNECTED' });
    expect(held.times.heldAt).to.equal(T0 + 40_000);
    expect(held.data.isOnHold).to.equal(true);
    const resumed = apply(held, msg('CONNECTED', 'AgentContactUnheld', { eventTime: T0 + 50_000 }));
    expect(resumed).to.include({ state: 'CONNECTED', previousState: 'HELD' });
    expect(resumed.times.heldAt).to.equal(undefined);
    expect(resumed.times.connectedAt).to.equal(T0 + 5_000);
    expect(resumed.data.isOnHold).to.equal(false);
  });

  it('AgentConsultCreated → CONSULTING (initiated, consult leg active, destination from the message)', () => {
    const task = apply(taskIn('CONNECTED'), msg('CONSULTING', 'AgentConsultCreated', { consultTo: { joined: false } }));
    expect(task).to.include({ state: 'CONSULTING', activeLeg: 'consult', previousState: 'CONNECTED' });
    expect(task.consult).to.deep.equal({ destination: { type: 'agent', id: OTHER_AGENT, name: OTHER_AGENT_NAME }, status: 'CONSULT_INITIATED', startedAt: LATER });
    expect(task.data.consultStatus).to.equal('CONSULT_INITIATED');
  });

  it('keeps the destination the store recorded when it issued the consult', () => {
    const queue = { type: 'queue' as const, id: 'q-sales', name: 'Sales' };
    const issued: Task = { ...markPending(taskIn('CONNECTED'), 'consult', T0 + 10), consult: { destination: queue, status: 'CONSULT_INITIATED' } };
    const task = apply(issued, msg('CONSULTING', 'AgentConsultCreated', { consultTo: { id: '', joined: false } }));
    expect(task.consult?.destination).to.deep.equal(queue);
    expect(task.pending).to.equal(undefined);
  });

  it('maps the destination type of a dial-number consult', () => {
    const task = apply(taskIn('CONNECTED'), msg('CONSULTING', 'AgentConsultCreated', { consultTo: { id: '+14155550199', name: '+14155550199', destinationType: 'dialNumber' } }));
    expect(task.consult?.destination).to.deep.equal({ type: 'dialNumber', id: '+14155550199', name: '+14155550199' });
  });

  it('AgentConsultCreated from HELD → CONSULTING, remembering HELD', () => {
    const task = apply(taskIn('HELD'), msg('CONSULTING', 'AgentConsultCreated'));
    expect(task).to.include({ state: 'CONSULTING', previousState: 'HELD' });
    expect(task.times.heldAt).to.equal(undefined);
  });

  for (const from of ['CONNECTED', 'HELD'] as const) {
    for (const type of ['AgentBlindTransferred', 'AgentVteamTransferred'] as const) {
      it(`${from}: ${type} → COMPLETED (TRANSFERRED), or WRAPPING_UP when wrap-up is owed`, () => {
        const done = apply(taskIn(from), msg(from, type));
        expect(done).to.include({ state: 'COMPLETED', endReason: 'TRANSFERRED' });
        expect(done.times.endedAt).to.equal(LATER);
        const wrapping = apply(taskIn(from), msg(from, type, { agentsPendingWrapUp: [AGENT] }));
        expect(wrapping).to.include({ state: 'WRAPPING_UP', endReason: 'TRANSFERRED', wrapUpRequired: true });
        expect(wrapping.times).to.include({ wrapupStartedAt: LATER, endedAt: LATER });
      });
    }
  }

  it('ContactEnded → CUSTOMER_HANGUP, or ENDED when the agent asked to end', () => {
    expect(apply(taskIn('CONNECTED'), msg('CONNECTED', 'ContactEnded')).endReason).to.equal('CUSTOMER_HANGUP');
    const ending = markPending(taskIn('HELD'), 'end', T0 + 70_000);
    const task = apply(ending, msg('HELD', 'ContactEnded'));
    expect(task).to.include({ state: 'COMPLETED', endReason: 'ENDED' });
    expect(task.pending).to.equal(undefined);
  });

  it('the wrap-up rule: agentsPendingWrapUp has the agent, or its participant entry isWrapUp', () => {
    expect(apply(taskIn('CONNECTED'), msg('CONNECTED', 'ContactEnded', { agentsPendingWrapUp: [AGENT] })).state).to.equal('WRAPPING_UP');
    expect(apply(taskIn('CONNECTED'), msg('CONNECTED', 'ContactEnded', { wrapUp: true })).state).to.equal('WRAPPING_UP');
    expect(apply(taskIn('CONNECTED'), msg('CONNECTED', 'ContactEnded', { agentsPendingWrapUp: [OTHER_AGENT] })).state).to.equal('COMPLETED');
  });

  it('AgentWrapup → WRAPPING_UP', () => {
    const task = apply(taskIn('CONNECTED'), msg('CONNECTED', 'AgentWrapup'));
    expect(task).to.include({ state: 'WRAPPING_UP', wrapUpRequired: true, endReason: 'CUSTOMER_HANGUP' });
    expect(task.data.isCustomerInCall).to.equal(false);
  });

  it('ignores holding a held call and resuming a connected one', () => {
    expect(ignored(taskIn('HELD'), msg('HELD', 'AgentContactHeld'))).to.contain('already on hold');
    expect(ignored(taskIn('CONNECTED'), msg('CONNECTED', 'AgentContactUnheld'))).to.contain('not on hold');
  });
});

describe('state machine: CONSULTING (primary)', () => {
  it('AgentConsulting → CONSULT_ACCEPTED, destination kept', () => {
    const task = apply(taskIn('CONSULTING'), msg('CONSULTING', 'AgentConsulting'));
    expect(task.state).to.equal('CONSULTING');
    expect(task.consult).to.include({ status: 'CONSULT_ACCEPTED', startedAt: T0 + 20_000 });
    expect(task.data.consultStatus).to.equal('CONSULT_ACCEPTED');
  });

  for (const type of ['AgentConsultEnded', 'AgentCtqCancelled'] as const) {
    it(`${type} → CONNECTED, or HELD when the customer's leg stays held`, () => {
      const connected = apply(taskIn('CONSULTING_ACCEPTED'), msg('CONNECTED', type));
      expect(connected).to.include({ state: 'CONNECTED', activeLeg: 'main' });
      expect(connected.consult).to.equal(undefined);
      expect(connected.data.consultStatus).to.equal('CONNECTED');
      const held = apply(taskIn('CONSULTING_ACCEPTED'), msg('HELD', type));
      expect(held.state).to.equal('HELD');
      expect(held.times.heldAt).to.equal(LATER);
    });
  }

  it('AgentConsultConferenced → CONFERENCING (2 agents)', () => {
    const task = apply(taskIn('CONSULTING_ACCEPTED'), msg('CONFERENCING', 'AgentConsultConferenced'));
    expect(task).to.include({ state: 'CONFERENCING', activeLeg: 'main' });
    expect(task.data).to.include({ consultStatus: 'CONFERENCE', isConferenceInProgress: true, conferenceParticipantsCount: 2, isSecondaryAgent: false });
  });

  it('AgentConsultTransferred → TRANSFERRED end, consult completed', () => {
    const task = apply(taskIn('CONSULTING_ACCEPTED'), msg('CONNECTED', 'AgentConsultTransferred', { agentsPendingWrapUp: [AGENT] }));
    expect(task).to.include({ state: 'WRAPPING_UP', endReason: 'TRANSFERRED' });
    expect(task.consult?.status).to.equal('CONSULT_COMPLETED');
    expect(task.data.consultStatus).to.equal('CONSULT_COMPLETED');
  });

  it('switches legs: consult leg held → main active; consult leg resumed → consult active', () => {
    const consulting = markPending(taskIn('CONSULTING_ACCEPTED'), 'switchLeg', T0 + 30_000);
    const onMain = apply(consulting, msg('CONSULTING', 'AgentContactHeld', { mediaResourceId: CONSULT_LEG, mainHeld: false, consultHeld: true }));
    expect(onMain).to.include({ state: 'CONSULTING', activeLeg: 'main' });
    expect(onMain.pending).to.equal(undefined);
    const onConsult = apply(onMain, msg('CONSULTING', 'AgentContactUnheld', { mediaResourceId: CONSULT_LEG }));
    expect(onConsult.activeLeg).to.equal('consult');
  });

  it('switches legs from the main leg too (main held ⇔ consult leg active)', () => {
    const consulting = taskIn('CONSULTING_ACCEPTED');
    const onMain = apply(consulting, msg('CONSULTING', 'AgentContactUnheld', { mediaResourceId: INTERACTION, mainHeld: false }));
    expect(onMain.activeLeg).to.equal('main');
    expect(apply(onMain, msg('CONSULTING', 'AgentContactHeld', { mediaResourceId: INTERACTION })).activeLeg).to.equal('consult');
  });

  it('ContactEnded: the customer hung up during the consult', () => {
    const task = apply(taskIn('CONSULTING_ACCEPTED'), msg('CONSULTING', 'ContactEnded', { customerLeft: true }));
    expect(task).to.include({ state: 'COMPLETED', endReason: 'CUSTOMER_HANGUP', activeLeg: 'main' });
    expect(task.consult).to.equal(undefined);
  });

  it('AgentConsultFailed → back to the state before the consult, with the error', () => {
    const fromConnected = apply(taskIn('CONSULTING'), msg('CONNECTED', 'AgentConsultFailed', { reason: 'Bea Chen declined the consult' }));
    expect(fromConnected).to.include({ state: 'CONNECTED', activeLeg: 'main' });
    expect(fromConnected.consult).to.equal(undefined);
    expect(fromConnected.error).to.include({ command: 'consult', message: 'Bea Chen declined the consult' });
    const consulting = apply(taskIn('HELD'), msg('CONSULTING', 'AgentConsultCreated'));
    expect(apply(consulting, msg('HELD', 'AgentConsultFailed')).state).to.equal('HELD');
  });

  it('AgentConsultFailed before the consult started keeps the state and drops the recorded consult', () => {
    const queue = { type: 'queue' as const, id: 'q-sales' };
    const issued: Task = { ...markPending(taskIn('CONNECTED'), 'consult', T0 + 10), consult: { destination: queue, status: 'CONSULT_INITIATED' } };
    const task = apply(issued, msg('CONNECTED', 'AgentConsultFailed'));
    expect(task.state).to.equal('CONNECTED');
    expect(task.consult).to.equal(undefined);
    expect(task.error?.message).to.equal('The contact center could not start the consult.');
  });
});

describe('state machine: CONSULTING (consulted agent)', () => {
  it('AgentConsultEnded → COMPLETED (CONSULT_ENDED), never a wrap-up', () => {
    const task = apply(taskIn('CONSULTING_SECONDARY'), msg('CONSULTING_SECONDARY', 'AgentConsultEnded', { agentsPendingWrapUp: [AGENT] }));
    expect(task).to.include({ state: 'COMPLETED', endReason: 'CONSULT_ENDED', wrapUpRequired: false });
  });

  it('AgentConsultTransferred → CONNECTED as the new owner', () => {
    const task = apply(taskIn('CONSULTING_SECONDARY'), msg('CONNECTED', 'AgentConsultTransferred'));
    expect(task).to.include({ state: 'CONNECTED', activeLeg: 'main' });
    expect(task.data.isSecondaryAgent).to.equal(false);
    expect(task.consult).to.equal(undefined);
  });

  it('AgentConsultConferenced → CONFERENCING, still secondary', () => {
    const task = apply(taskIn('CONSULTING_SECONDARY'), msg('CONFERENCING_SECONDARY', 'AgentConsultConferenced'));
    expect(task.state).to.equal('CONFERENCING');
    expect(task.data.isSecondaryAgent).to.equal(true);
  });

  it('has no legs to switch', () => {
    expect(ignored(taskIn('CONSULTING_SECONDARY'), msg('CONSULTING_SECONDARY', 'AgentContactHeld'))).to.contain('consulted agent');
  });
});

describe('state machine: CONFERENCING', () => {
  const three = { conference: [OTHER_AGENT, THIRD_AGENT] };

  it('ParticipantJoinedConference updates the count', () => {
    const task = apply(taskIn('CONFERENCING'), msg('CONFERENCING', 'ParticipantJoinedConference', { ...three, participantId: THIRD_AGENT }));
    expect(task.state).to.equal('CONFERENCING');
    expect(task.data.conferenceParticipantsCount).to.equal(3);
  });

  it('ParticipantLeftConference for this agent → CONFERENCE_EXITED (wrap-up when owed)', () => {
    const task = apply(taskIn('CONFERENCING'), msg('CONFERENCING', 'ParticipantLeftConference', { participantId: AGENT, left: [AGENT], wrapUp: true }));
    expect(task).to.include({ state: 'WRAPPING_UP', endReason: 'CONFERENCE_EXITED' });
    expect(task.consult).to.equal(undefined);
  });

  it('ParticipantLeftConference for another agent: stays with 2+ agents, else CONNECTED', () => {
    const big = apply(taskIn('CONFERENCING'), msg('CONFERENCING', 'ParticipantJoinedConference', three));
    const stays = apply(big, msg('CONFERENCING', 'ParticipantLeftConference', { ...three, participantId: THIRD_AGENT, left: [THIRD_AGENT] }));
    expect(stays.state).to.equal('CONFERENCING');
    expect(stays.data.conferenceParticipantsCount).to.equal(2);
    // The payload may not mark the leaver yet: the participantId is enough.
    const alone = apply(taskIn('CONFERENCING'), msg('CONFERENCING', 'ParticipantLeftConference', { participantId: OTHER_AGENT }));
    expect(alone.state).to.equal('CONNECTED');
    expect(alone.data.isConferenceInProgress).to.equal(false);
  });

  it('AgentConsultConferenceEnded → CONNECTED', () => {
    const task = apply(taskIn('CONFERENCING_SECONDARY'), msg('CONNECTED', 'AgentConsultConferenceEnded'));
    expect(task.state).to.equal('CONNECTED');
    expect(task.data.isSecondaryAgent).to.equal(false);
  });

  for (const type of ['AgentConsultTransferred', 'AgentBlindTransferred'] as const) {
    it(`${type} → TRANSFERRED end for the owner`, () => {
      expect(apply(taskIn('CONFERENCING'), msg('CONFERENCING', type))).to.include({ state: 'COMPLETED', endReason: 'TRANSFERRED' });
    });
  }

  it('a conference handed to the consulted agent keeps it, now as the owner', () => {
    const big = apply(taskIn('CONFERENCING_SECONDARY'), msg('CONFERENCING_SECONDARY', 'ParticipantJoinedConference', three));
    const owner = apply(big, msg('CONFERENCING_SECONDARY', 'AgentConsultTransferred', { ...three, owner: AGENT }));
    expect(owner.state).to.equal('CONFERENCING');
    expect(owner.data.isSecondaryAgent).to.equal(false);
    const alone = apply(taskIn('CONFERENCING_SECONDARY'), msg('CONNECTED', 'AgentConsultTransferred', { owner: AGENT }));
    expect(alone.state).to.equal('CONNECTED');
  });

  it('ContactEnded → end', () => {
    expect(apply(taskIn('CONFERENCING'), msg('CONFERENCING', 'ContactEnded', { agentsPendingWrapUp: [AGENT, OTHER_AGENT] }))).to.include({
      state: 'WRAPPING_UP',
      endReason: 'CUSTOMER_HANGUP',
    });
  });
});

describe('state machine: WRAPPING_UP', () => {
  it('AgentWrappedUp → COMPLETED (WRAPPED_UP), end time kept', () => {
    const wrapping = taskIn('WRAPPING_UP');
    const task = apply(wrapping, msg('WRAPPING_UP', 'AgentWrappedUp'));
    expect(task).to.include({ state: 'COMPLETED', endReason: 'WRAPPED_UP', wrapUpRequired: false });
    expect(task.times).to.include({ endedAt: T0 + 60_000, wrapupStartedAt: T0 + 60_000 });
  });

  it('AgentWrapupFailed stays with the error', () => {
    const pending = markPending(taskIn('WRAPPING_UP'), 'wrapup', T0 + 70_000);
    const task = apply(pending, msg('WRAPPING_UP', 'AgentWrapupFailed', { reason: 'Unknown wrap-up code' }));
    expect(task).to.include({ state: 'WRAPPING_UP' });
    expect(task.error).to.include({ command: 'wrapup', message: 'Unknown wrap-up code' });
    expect(task.pending).to.equal(undefined);
  });
});

describe('state machine: anywhere live', () => {
  it('recording events set PAUSED / RECORDING on voice', () => {
    const paused = apply(taskIn('CONNECTED'), msg('CONNECTED', 'ContactRecordingPaused', { recording: 'PAUSED' }));
    expect(paused.recording).to.equal('PAUSED');
    expect(apply(paused, msg('CONNECTED', 'ContactRecordingResumed')).recording).to.equal('RECORDING');
  });

  it('recording events are ignored for digital media', () => {
    const chat = taskIn('CONNECTED', 'chat');
    expect(ignored(chat, messageFor('CONNECTED', 'ContactRecordingPaused', 'chat'))).to.contain('voice');
  });

  it('ContactUpdated updates data and mute, never the state', () => {
    const held = taskIn('HELD');
    const muted = apply(held, msg('HELD', 'ContactUpdated', { isWebCallMute: true, callAssociatedDetails: { accountNumber: 'AC-10420077' } }));
    expect(muted).to.include({ state: 'HELD', muted: true });
    expect(muted.data.interaction.callAssociatedDetails).to.deep.equal({ accountNumber: 'AC-10420077' });
    expect(apply(muted, msg('HELD', 'ContactUpdated', { isWebCallMute: false })).muted).to.equal(false);
    expect(apply(muted, msg('HELD', 'ContactUpdated')).muted, 'absent isWebCallMute keeps mute').to.equal(true);
  });

  it('keeps fields a later event omits, and never trusts derived flags from the wire', () => {
    const task = taskIn('CONNECTED');
    const sparse = { ...msg('CONNECTED', 'ContactUpdated'), queueName: undefined, isOnHold: true, wrapUpRequired: true } as TaskMessage;
    const next = apply(task, sparse);
    expect(next.data.queueName).to.equal('Billing');
    expect(next.data.isOnHold).to.equal(false);
    expect(next.data.wrapUpRequired).to.equal(false);
  });
});

describe('state machine: pending and failures', () => {
  /** Each command with a `…Failed` twin: where it is issued and the twin. */
  const twins: [TaskCommand, Scenario, TaskEventName][] = [
    ['accept', 'OFFERED', 'AgentContactAssignFailed'],
    ['hold', 'CONNECTED', 'AgentContactHoldFailed'],
    ['resume', 'HELD', 'AgentContactUnHoldFailed'],
    ['consult', 'CONNECTED', 'AgentConsultFailed'],
    ['endConsult', 'CONSULTING_ACCEPTED', 'AgentConsultEndFailed'],
    ['consultConference', 'CONSULTING_ACCEPTED', 'AgentConsultConferenceFailed'],
    ['consultTransfer', 'CONSULTING_ACCEPTED', 'AgentConsultTransferFailed'],
    ['exitConference', 'CONFERENCING', 'ParticipantLeftConferenceFailed'],
    ['transfer', 'CONNECTED', 'AgentBlindTransferFailedEvent'],
    ['transfer', 'HELD', 'AgentVteamTransferFailed'],
    ['pauseRecording', 'CONNECTED', 'ContactRecordingPauseFailed'],
    ['resumeRecording', 'CONNECTED', 'ContactRecordingResumeFailed'],
    ['end', 'CONNECTED', 'AgentContactEndFailed'],
    ['wrapup', 'WRAPPING_UP', 'AgentWrapupFailed'],
    ['setUserData', 'CONNECTED', 'ContactUpdateFailed'],
    ['deleteUserData', 'HELD', 'ContactUpdateFailed'],
    ['toggleMute', 'CONNECTED', 'ContactUpdateFailed'],
  ];
  for (const [command, scenario, failed] of twins) {
    it(`${command} pending, then ${failed} → same state, error for ${command}, pending cleared`, () => {
      const before = taskIn(scenario);
      const pending = markPending(before, command, T0 + 99_000);
      const task = apply(pending, msg(scenario, failed));
      expect(task.state).to.equal(before.state);
      expect(task.pending).to.equal(undefined);
      expect(task.error).to.include({ code: 'BACKEND_ERROR', command, taskId: INTERACTION });
      expect(task.error?.message).to.match(/^The contact center could not .+\.$/);
      expect(task.rev).to.equal(pending.rev + 1);
    });
  }

  it('the next applied transition clears the error', () => {
    const failed = apply(markPending(taskIn('CONNECTED'), 'hold', T0), msg('CONNECTED', 'AgentContactHoldFailed'));
    expect(failed.error).to.not.equal(undefined);
    const held = apply(failed, msg('HELD', 'AgentContactHeld'));
    expect(held.error).to.equal(undefined);
  });

  it('an unrelated event keeps the pending command; its confirmation clears it', () => {
    const pending = markPending(taskIn('CONNECTED'), 'hold', T0 + 99_000);
    const updated = apply(pending, msg('CONNECTED', 'ContactUpdated'));
    expect(updated.pending).to.deep.equal({ command: 'hold', since: T0 + 99_000 });
    const recording = apply(updated, msg('CONNECTED', 'ContactRecordingPaused'));
    expect(recording.pending?.command).to.equal('hold');
    expect(apply(recording, msg('HELD', 'AgentContactHeld')).pending).to.equal(undefined);
  });

  it('confirming events clear their pending command without a state change', () => {
    const cases: [TaskCommand, Scenario, TaskEventName][] = [
      ['toggleMute', 'CONNECTED', 'ContactUpdated'],
      ['setUserData', 'HELD', 'ContactUpdated'],
      ['pauseRecording', 'CONNECTED', 'ContactRecordingPaused'],
      ['resumeRecording', 'HELD', 'ContactRecordingResumed'],
      ['switchLeg', 'CONSULTING_ACCEPTED', 'AgentContactHeld'],
    ];
    for (const [command, scenario, type] of cases) {
      const task = apply(markPending(taskIn(scenario), command, T0), msg(scenario, type, { mediaResourceId: CONSULT_LEG }));
      expect(task.state, command).to.equal(taskIn(scenario).state);
      expect(task.pending, command).to.equal(undefined);
    }
  });

  it('another agent leaving does not settle our pending exit', () => {
    const big = apply(taskIn('CONFERENCING'), msg('CONFERENCING', 'ParticipantJoinedConference', { conference: [OTHER_AGENT, THIRD_AGENT] }));
    const exiting = markPending(big, 'exitConference', T0);
    const task = apply(exiting, msg('CONFERENCING', 'ParticipantLeftConference', { conference: [OTHER_AGENT, THIRD_AGENT], participantId: THIRD_AGENT, left: [THIRD_AGENT] }));
    expect(task.pending?.command).to.equal('exitConference');
  });

  it('rev is monotonic through a whole call', () => {
    const msgs = [
      contact('AgentOfferContact'),
      contact('AgentContactAssigned', { state: 'connected' }),
      contact('AgentContactHeld', { state: 'hold' }),
      contact('AgentContactUnheld', { state: 'connected' }),
      contact('AgentConsultCreated', { state: 'consulting', consultTo: { joined: false } }),
      contact('AgentConsulting', { state: 'consulting' }),
      contact('AgentConsultConferenced', { state: 'conference' }),
      contact('ParticipantLeftConference', { state: 'conference', participantId: AGENT, agentsPendingWrapUp: [AGENT] }),
      contact('AgentWrappedUp', { state: 'wrapUp' }),
    ];
    let task: Task | undefined;
    const revs: number[] = [];
    for (const m of msgs) {
      task = apply(task, m);
      revs.push(task.rev);
    }
    expect(revs).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(task?.state).to.equal('COMPLETED');
  });
});
