/**
 * Every task event arriving in every state (and consult role), for every media: either the
 * documented transition or ignored with a reason and the same object. Never a corrupt task.
 */
import { expect } from '@open-wc/testing';
import type { Task, TaskState } from '../../src/model/domain.js';
import { TASK_EVENTS, type TaskEventName } from '../../src/model/events.js';
import { failureFor } from '../../src/model/commands.js';
import type { MediaChannel } from '../../src/model/seed-types.js';
import { step } from '../../src/model/state-machine.js';
import { ctx, messageFor, SCENARIOS, taskIn, type Scenario } from './tasks.js';

const STATES: readonly TaskState[] = [
  'OFFERED',
  'OFFERED_CONSULT',
  'CONNECTED',
  'HELD',
  'CONSULTING',
  'CONFERENCING',
  'WRAPPING_UP',
  'COMPLETED',
  'TERMINATED',
];
const MEDIA: readonly MediaChannel[] = ['telephony', 'chat', 'email', 'social'];

/** Where each scenario's task is (its own state). */
const HOME: Record<Scenario, TaskState> = {
  OFFERED: 'OFFERED',
  OFFERED_CONSULT: 'OFFERED_CONSULT',
  CONNECTED: 'CONNECTED',
  HELD: 'HELD',
  CONSULTING: 'CONSULTING',
  CONSULTING_ACCEPTED: 'CONSULTING',
  CONSULTING_SECONDARY: 'CONSULTING',
  CONFERENCING: 'CONFERENCING',
  CONFERENCING_SECONDARY: 'CONFERENCING',
  WRAPPING_UP: 'WRAPPING_UP',
  COMPLETED: 'COMPLETED',
  TERMINATED: 'TERMINATED',
};

type Table = Partial<Record<TaskEventName, TaskState>>;

const inCall: Table = {
  AgentConsultCreated: 'CONSULTING',
  AgentBlindTransferred: 'COMPLETED',
  AgentVteamTransferred: 'COMPLETED',
  ContactEnded: 'COMPLETED',
  AgentWrapup: 'WRAPPING_UP',
};
const consultingPrimary: Table = {
  AgentConsulting: 'CONSULTING',
  // The payload still shows the customer's leg held (the consult's hold): back to HELD.
  AgentConsultEnded: 'HELD',
  AgentCtqCancelled: 'HELD',
  AgentConsultConferenced: 'CONFERENCING',
  AgentConsultTransferred: 'COMPLETED',
  AgentContactHeld: 'CONSULTING',
  AgentContactUnheld: 'CONSULTING',
  ContactEnded: 'COMPLETED',
  AgentWrapup: 'WRAPPING_UP',
  AgentConsultFailed: 'CONNECTED',
};
const conferencing: Table = {
  ParticipantJoinedConference: 'CONFERENCING',
  ParticipantLeftConference: 'CONFERENCING',
  AgentConsultConferenceEnded: 'CONNECTED',
  AgentConsultTransferred: 'COMPLETED',
  AgentBlindTransferred: 'COMPLETED',
  AgentVteamTransferred: 'COMPLETED',
  ContactEnded: 'COMPLETED',
  AgentWrapup: 'WRAPPING_UP',
};

/** The documented transitions (besides the generic ones below); anything not listed is ignored. */
const DOCUMENTED: Record<Scenario, Table> = {
  OFFERED: { AgentContactAssigned: 'CONNECTED', AgentOfferContactRona: 'TERMINATED', ContactEnded: 'TERMINATED', AgentOutboundFailed: 'TERMINATED' },
  OFFERED_CONSULT: {
    AgentConsulting: 'CONSULTING',
    AgentContactAssigned: 'CONSULTING',
    AgentOfferContactRona: 'TERMINATED',
    AgentConsultEnded: 'TERMINATED',
    AgentCtqCancelled: 'TERMINATED',
    ContactEnded: 'TERMINATED',
  },
  CONNECTED: { ...inCall, AgentContactHeld: 'HELD' },
  HELD: { ...inCall, AgentContactUnheld: 'CONNECTED' },
  CONSULTING: consultingPrimary,
  CONSULTING_ACCEPTED: consultingPrimary,
  CONSULTING_SECONDARY: {
    AgentConsultEnded: 'COMPLETED',
    AgentCtqCancelled: 'COMPLETED',
    AgentConsultTransferred: 'CONNECTED',
    AgentConsultConferenced: 'CONFERENCING',
    ContactEnded: 'COMPLETED',
    AgentWrapup: 'WRAPPING_UP',
  },
  CONFERENCING: conferencing,
  CONFERENCING_SECONDARY: conferencing,
  WRAPPING_UP: { AgentWrappedUp: 'COMPLETED' },
  COMPLETED: {},
  TERMINATED: {},
};

const isFailure = (event: string): boolean => failureFor(event) !== undefined || event === 'AgentOutboundFailed';

/** The state `event` leads to from `scenario`, or undefined when it must be ignored. */
function expected(scenario: Scenario, event: TaskEventName, media: MediaChannel): TaskState | undefined {
  const home = HOME[scenario];
  if (home === 'COMPLETED' || home === 'TERMINATED') return undefined;
  const documented = DOCUMENTED[scenario][event];
  // Digital legs are never held, so a digital consult ends back in CONNECTED.
  if (documented === 'HELD' && media !== 'telephony' && home === 'CONSULTING') return 'CONNECTED';
  if (documented) return documented;
  if (isFailure(event) || event === 'ContactUpdated' || event === 'AgentContact') return home;
  if (event === 'ContactRecordingPaused' || event === 'ContactRecordingResumed') return media === 'telephony' ? home : undefined;
  return undefined;
}

function assertSound(before: Task, after: Task): void {
  expect(STATES).to.include(after.state);
  expect(after.id).to.equal(before.id);
  expect(after.media).to.equal(before.media);
  expect(after.rev).to.equal(before.rev + 1);
  expect(after.data.interactionId).to.equal(before.id);
  expect(after.data.isOnHold).to.equal(after.state === 'HELD');
  expect(after.data.isConsultInProgress).to.equal(after.state === 'CONSULTING');
  expect(after.data.isIncomingTask).to.equal(after.state === 'OFFERED' || after.state === 'OFFERED_CONSULT');
  expect(after.wrapUpRequired).to.equal(after.data.wrapUpRequired);
  expect(['main', 'consult']).to.include(after.activeLeg);
  expect(['RECORDING', 'PAUSED', 'STOPPED']).to.include(after.recording);
  if (after.media !== 'telephony') expect(after.recording).to.equal('STOPPED');
  if (after.state !== 'CONSULTING' && after.state !== 'CONFERENCING' && after.state !== 'OFFERED_CONSULT') {
    expect(after.consult?.status ?? 'none').to.be.oneOf(['none', 'CONSULT_COMPLETED']);
  }
}

describe('state machine: every event in every state', () => {
  for (const media of MEDIA) {
    for (const scenario of SCENARIOS) {
      describe(`${media} ${scenario}`, () => {
        for (const event of TASK_EVENTS) {
          const target = expected(scenario, event, media);
          it(`${event} → ${target ?? 'ignored'}`, () => {
            const before = taskIn(scenario, media);
            const snapshot = JSON.stringify(before);
            const result = step(before, messageFor(scenario, event, media), ctx);
            expect(JSON.stringify(before), 'the input task is never mutated').to.equal(snapshot);
            if (target === undefined) {
              expect(result.task).to.equal(before);
              expect(result.ignored).to.be.a('string').and.not.equal('');
              return;
            }
            expect(result.ignored, result.ignored).to.equal(undefined);
            const after = result.task as Task;
            expect(after.state).to.equal(target);
            assertSound(before, after);
            if (isFailure(event)) {
              expect(after.error?.code).to.equal('BACKEND_ERROR');
              expect(after.error?.message).to.be.a('string').and.not.equal('');
            } else {
              expect(after.error).to.equal(undefined);
            }
          });
        }
      });
    }
  }
});
