import { expect } from '@open-wc/testing';
import { blockMarkdone, markPending } from '../../src/model/commands.js';
import { CONTROL_NAMES, controlsFor, type ControlName, type Controls } from '../../src/model/controls.js';
import type { AgentView, Task } from '../../src/model/domain.js';
import type { MediaChannel } from '../../src/model/seed-types.js';
import { step } from '../../src/model/state-machine.js';
import { agentView, contact } from '../fixtures/contacts.js';
import { ctx, SCENARIOS, taskIn, type Scenario } from './tasks.js';

/** '+' visible and enabled, '-' visible but disabled; anything not listed is hidden. */
type Row = Partial<Record<ControlName, '+' | '-'>>;

const VOICE: Record<Scenario, Row> = {
  OFFERED: { accept: '+', decline: '+' },
  OFFERED_CONSULT: { accept: '+', decline: '+' },
  CONNECTED: { hold: '+', toggleMute: '+', pauseRecording: '+', consult: '+', transfer: '+', end: '+' },
  HELD: { resume: '+', pauseRecording: '+', consult: '+', transfer: '+', end: '+' },
  CONSULTING: { endConsult: '+', consultTransfer: '-', consultConference: '-', switchLeg: '-', toggleMute: '+' },
  CONSULTING_ACCEPTED: { endConsult: '+', consultTransfer: '+', consultConference: '+', switchLeg: '+', toggleMute: '+' },
  CONSULTING_SECONDARY: { endConsult: '+', toggleMute: '+' },
  CONFERENCING: { exitConference: '+', transfer: '+', end: '+', toggleMute: '+' },
  CONFERENCING_SECONDARY: { exitConference: '+', transfer: '+', toggleMute: '+' },
  WRAPPING_UP: { wrapup: '+' },
  COMPLETED: {},
  TERMINATED: {},
};

const DIGITAL: Record<Scenario, Row> = {
  OFFERED: { accept: '+', decline: '+' },
  OFFERED_CONSULT: { accept: '+', decline: '+' },
  CONNECTED: { transfer: '+', end: '+' },
  HELD: { transfer: '+', end: '+' },
  CONSULTING: { endConsult: '+', consultTransfer: '-', consultConference: '-' },
  CONSULTING_ACCEPTED: { endConsult: '+', consultTransfer: '+', consultConference: '+' },
  CONSULTING_SECONDARY: { endConsult: '+' },
  CONFERENCING: { exitConference: '+', transfer: '+', end: '+' },
  CONFERENCING_SECONDARY: { exitConference: '+', transfer: '+' },
  WRAPPING_UP: { wrapup: '+' },
  COMPLETED: {},
  TERMINATED: {},
};

const MEDIA: readonly MediaChannel[] = ['telephony', 'chat', 'email', 'social'];

/** The table form of controls: only visible ones, '+' enabled, '-' disabled. */
function rowOf(controls: Controls): Row {
  const row: Row = {};
  for (const name of CONTROL_NAMES) if (controls[name].visible) row[name] = controls[name].enabled ? '+' : '-';
  return row;
}

const busyOf = (controls: Controls): ControlName[] => CONTROL_NAMES.filter((n) => controls[n].busy);

describe('controlsFor: state × media', () => {
  const agent = agentView();
  for (const media of MEDIA) {
    for (const scenario of SCENARIOS) {
      const expected = (media === 'telephony' ? VOICE : DIGITAL)[scenario];
      it(`${media} ${scenario}: ${Object.keys(expected).join(', ') || 'nothing'}`, () => {
        const controls = controlsFor(taskIn(scenario, media), agent);
        expect(rowOf(controls)).to.deep.equal(expected);
        expect(busyOf(controls)).to.deep.equal([]);
      });
    }
  }

  it('lists every control exactly once, each with a state', () => {
    expect(new Set(CONTROL_NAMES).size).to.equal(16);
    const controls = controlsFor(undefined, agent);
    expect(Object.keys(controls).sort()).to.deep.equal([...CONTROL_NAMES].sort());
  });

  it('shows nothing without a task', () => {
    expect(rowOf(controlsFor(undefined, agent))).to.deep.equal({});
  });
});

describe('controlsFor: while a command is pending', () => {
  const agent = agentView();
  for (const media of MEDIA) {
    for (const scenario of SCENARIOS) {
      const visible = Object.keys((media === 'telephony' ? VOICE : DIGITAL)[scenario]) as ControlName[];
      if (visible.length === 0) continue;
      const command = visible[0];
      it(`${media} ${scenario}: ${command} pending disables everything and marks it busy`, () => {
        const controls = controlsFor(markPending(taskIn(scenario, media), command, 0), agent);
        const row = rowOf(controls);
        expect(Object.keys(row).sort()).to.deep.equal([...visible].sort());
        expect(Object.values(row).every((v) => v === '-')).to.equal(true);
        expect(busyOf(controls)).to.deep.equal([command]);
      });
    }
  }

  it('marks busy a pending command whose control is not shown (no other control busy)', () => {
    const controls = controlsFor(markPending(taskIn('CONNECTED'), 'switchLeg', 0), agent);
    expect(busyOf(controls)).to.deep.equal(['switchLeg']);
    expect(controls.switchLeg.visible).to.equal(false);
  });

  it('a pending user-data change disables the controls without a busy one', () => {
    const controls = controlsFor(markPending(taskIn('CONNECTED'), 'setUserData', 0), agent);
    expect(busyOf(controls)).to.deep.equal([]);
    expect(controls.hold).to.deep.equal({ visible: true, enabled: false, busy: false });
  });
});

describe('controlsFor: recording, wrap-up block, conference size', () => {
  const agent = agentView();
  const connected = (options: Parameters<typeof contact>[1]): Task => {
    const task = step(undefined, contact('AgentContact', { state: 'connected', ...options }), ctx).task;
    if (!task) throw new Error('no task');
    return task;
  };

  it('paused recording offers resume, not pause', () => {
    const row = rowOf(controlsFor(connected({ recording: 'PAUSED' }), agent));
    expect(row).to.include({ resumeRecording: '+' });
    expect(row).to.not.have.property('pauseRecording');
  });

  it('no recording control when not recording or when pause/resume is not allowed', () => {
    for (const task of [connected({ recording: 'STOPPED' }), connected({ pauseResumeEnabled: false })]) {
      const row = rowOf(controlsFor(task, agent));
      expect(row).to.not.have.property('pauseRecording');
      expect(row).to.not.have.property('resumeRecording');
    }
  });

  it('wrap-up is shown but disabled while markdone is blocked', () => {
    const blocked = blockMarkdone(taskIn('WRAPPING_UP'), 'Please fill in the case number');
    expect(rowOf(controlsFor(blocked, agent))).to.deep.equal({ wrapup: '-' });
  });

  it('merge to conference only while agents in the call < maxConferenceParticipants', () => {
    const consulting = taskIn('CONSULTING_ACCEPTED');
    expect(consulting.data.conferenceParticipantsCount).to.equal(1);
    expect(controlsFor(consulting, agentView({ maxConferenceParticipants: 2 })).consultConference.enabled).to.equal(true);
    expect(controlsFor(consulting, agentView({ maxConferenceParticipants: 1 })).consultConference.enabled).to.equal(false);
    expect(controlsFor(consulting, agentView({ maxConferenceParticipants: 1 })).consultTransfer.enabled).to.equal(true);
    const noProfile: AgentView = { status: { state: 'Available', since: 0 } };
    expect(controlsFor(consulting, noProfile).consultConference.enabled, 'no profile, no limit').to.equal(true);
  });
});
