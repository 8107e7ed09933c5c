import { expect } from '@open-wc/testing';
import type { Task } from '../../src/model/domain.js';
import { deriveFlags } from '../../src/model/flags.js';
import type { ConsultStatus, TaskData } from '../../src/model/seed-types.js';
import { step } from '../../src/model/state-machine.js';
import { AGENT, contact, OTHER_AGENT, THIRD_AGENT, type ContactOptions } from '../fixtures/contacts.js';
import { ctx, SCENARIOS, taskIn, type Scenario } from './tasks.js';

/** A task as `scenario` but with its payload replaced by `options` (flags then re-derived). */
function withPayload(scenario: Scenario, options: ContactOptions): Task {
  const task = taskIn(scenario);
  return { ...task, data: { ...(contact('ContactUpdated', options) as TaskData), isSecondaryAgent: task.data.isSecondaryAgent } };
}

describe('deriveFlags', () => {
  const flag = <K extends keyof TaskData>(key: K, scenario: Scenario): TaskData[K] => deriveFlags(taskIn(scenario), AGENT)[key];

  it('isOnHold exactly in HELD (a consult holding the customer is not "on hold")', () => {
    for (const s of SCENARIOS) expect(flag('isOnHold', s), s).to.equal(s === 'HELD');
  });

  it('isConsultInProgress exactly in CONSULTING', () => {
    for (const s of SCENARIOS) expect(flag('isConsultInProgress', s), s).to.equal(s.startsWith('CONSULTING'));
  });

  it('isIncomingTask exactly for offers', () => {
    for (const s of SCENARIOS) expect(flag('isIncomingTask', s), s).to.equal(s === 'OFFERED' || s === 'OFFERED_CONSULT');
  });

  it('isSecondaryAgent for the consulted agent only', () => {
    const secondary = new Set<Scenario>(['OFFERED_CONSULT', 'CONSULTING_SECONDARY', 'CONFERENCING_SECONDARY']);
    for (const s of SCENARIOS) expect(flag('isSecondaryAgent', s), s).to.equal(secondary.has(s));
  });

  it('consultStatus from the state and the consult', () => {
    const expected: Record<Scenario, ConsultStatus | undefined> = {
      OFFERED: undefined,
      OFFERED_CONSULT: 'BEING_CONSULTED',
      CONNECTED: 'CONNECTED',
      HELD: 'CONNECTED',
      CONSULTING: 'CONSULT_INITIATED',
      CONSULTING_ACCEPTED: 'CONSULT_ACCEPTED',
      CONSULTING_SECONDARY: 'BEING_CONSULTED_ACCEPTED',
      CONFERENCING: 'CONFERENCE',
      CONFERENCING_SECONDARY: 'CONFERENCE',
      WRAPPING_UP: undefined,
      COMPLETED: undefined,
      TERMINATED: undefined,
    };
    for (const s of SCENARIOS) {
      const data = deriveFlags(taskIn(s), AGENT);
      expect(data.consultStatus, s).to.equal(expected[s]);
      if (expected[s] === undefined) expect(data, s).to.not.have.property('consultStatus');
    }
  });

  it('isConferenceInProgress needs CONFERENCING and 2+ agents in the call', () => {
    expect(flag('isConferenceInProgress', 'CONFERENCING')).to.equal(true);
    expect(flag('isConferenceInProgress', 'CONSULTING_ACCEPTED')).to.equal(false);
    const lonely = withPayload('CONFERENCING', { state: 'conference', left: [OTHER_AGENT] });
    expect(deriveFlags(lonely, AGENT).isConferenceInProgress).to.equal(false);
  });

  it('conferenceParticipantsCount: agents in the customer leg who joined and did not leave', () => {
    expect(flag('conferenceParticipantsCount', 'CONNECTED')).to.equal(1);
    expect(flag('conferenceParticipantsCount', 'CONSULTING_ACCEPTED'), 'the consulted agent is on the consult leg').to.equal(1);
    expect(flag('conferenceParticipantsCount', 'CONFERENCING')).to.equal(2);
    expect(flag('conferenceParticipantsCount', 'OFFERED')).to.equal(0);
    const three = withPayload('CONFERENCING', { state: 'conference', conference: [OTHER_AGENT, THIRD_AGENT] });
    expect(deriveFlags(three, AGENT).conferenceParticipantsCount).to.equal(3);
    const left = withPayload('CONFERENCING', { state: 'conference', conference: [OTHER_AGENT, THIRD_AGENT], left: [THIRD_AGENT] });
    expect(deriveFlags(left, AGENT).conferenceParticipantsCount).to.equal(2);
  });

  it('isCustomerInCall: a customer in the customer leg who has not left; never after the end', () => {
    expect(flag('isCustomerInCall', 'OFFERED')).to.equal(true);
    expect(flag('isCustomerInCall', 'CONSULTING')).to.equal(true);
    expect(deriveFlags(withPayload('CONNECTED', { state: 'connected', customerLeft: true }), AGENT).isCustomerInCall).to.equal(false);
    const wrapping = { ...taskIn('WRAPPING_UP') };
    wrapping.data = contact('ContactEnded', { state: 'wrapUp' }) as TaskData; // payload still lists the customer
    expect(deriveFlags(wrapping, AGENT).isCustomerInCall).to.equal(false);
  });

  it('wrapUpRequired: the payload rule while live, always in WRAPPING_UP, never once final', () => {
    expect(flag('wrapUpRequired', 'CONNECTED')).to.equal(false);
    expect(deriveFlags(withPayload('CONNECTED', { state: 'connected', agentsPendingWrapUp: [AGENT] }), AGENT).wrapUpRequired).to.equal(true);
    expect(deriveFlags(withPayload('CONNECTED', { state: 'connected', wrapUp: true }), AGENT).wrapUpRequired).to.equal(true);
    expect(deriveFlags(withPayload('CONNECTED', { state: 'connected', agentsPendingWrapUp: [AGENT] }), OTHER_AGENT).wrapUpRequired).to.equal(false);
    expect(flag('wrapUpRequired', 'WRAPPING_UP')).to.equal(true);
    expect(flag('wrapUpRequired', 'COMPLETED')).to.equal(false);
  });

  it('ronaTimeout from the message, else callProcessingDetails, else absent', () => {
    expect(deriveFlags(withPayload('OFFERED', { ronaTimeout: 12 }), AGENT).ronaTimeout).to.equal(12);
    expect(deriveFlags(withPayload('OFFERED', { ronaTimeout: null, cpdRonaTimeout: '20' }), AGENT).ronaTimeout).to.equal(20);
    const none = deriveFlags(withPayload('OFFERED', { ronaTimeout: null, cpdRonaTimeout: '' }), AGENT);
    expect(none).to.not.have.property('ronaTimeout');
  });

  it('recomputes over whatever the data claims, without mutating the task', () => {
    const task = taskIn('CONNECTED');
    const lying: Task = { ...task, data: { ...task.data, isOnHold: true, isIncomingTask: true, consultStatus: 'CONFERENCE', conferenceParticipantsCount: 9 } };
    const frozen = JSON.stringify(lying);
    const data = deriveFlags(lying, AGENT);
    expect(data).to.include({ isOnHold: false, isIncomingTask: false, consultStatus: 'CONNECTED', conferenceParticipantsCount: 1 });
    expect(JSON.stringify(lying)).to.equal(frozen);
    expect(data.interaction).to.equal(lying.data.interaction);
  });

  it('the reducer stores exactly these flags on every task', () => {
    for (const s of SCENARIOS) {
      const task = taskIn(s);
      expect(task.data, s).to.deep.equal(deriveFlags(task, AGENT));
    }
    const rehydrated = step(undefined, contact('AgentContact', { state: 'connected' }), ctx).task as Task;
    expect(rehydrated.data).to.deep.equal(deriveFlags(rehydrated, AGENT));
  });
});
