import { expect } from '@open-wc/testing';
import { markPending } from '../../src/model/commands.js';
import { controlsFor } from '../../src/model/controls.js';
import {
  agentDisplay,
  agentTone,
  controlBar,
  ending,
  errorParts,
  taskTone,
  type BarControl,
} from '../../src/model/desk.js';
import type { AgentView, CcError, Task } from '../../src/model/domain.js';
import type { MediaChannel } from '../../src/model/seed-types.js';
import { capabilitiesFor } from '../../src/backends/webex/profile.js';
import { agentView, T0 } from '../fixtures/contacts.js';
import { SCENARIOS, taskIn, type Scenario } from './tasks.js';

/** `name` enabled, `name:reason` disabled, a trailing `*` when pressed. */
const cell = (c: BarControl): string => `${c.name}${c.enabled ? '' : `:${c.busy ? 'busy' : c.reason}`}${c.pressed ? '*' : ''}`;
const row = (controls: readonly BarControl[]): string => controls.map(cell).join(' ');

const LIVE = SCENARIOS.filter((s) => s !== 'COMPLETED' && s !== 'TERMINATED');

const VOICE: Record<(typeof LIVE)[number], [string, string]> = {
  OFFERED: ['hold:offer toggleMute:offer pauseRecording:offer consult:offer transfer:offer end:offer', ''],
  OFFERED_CONSULT: ['hold:offer toggleMute:offer pauseRecording:offer consult:offer transfer:offer end:offer', ''],
  CONNECTED: ['hold toggleMute pauseRecording consult transfer end', ''],
  HELD: ['resume* toggleMute:held pauseRecording consult transfer end', ''],
  CONSULTING: [
    'hold:consulting toggleMute pauseRecording:consulting consult:consulting transfer:consulting end:consulting',
    'switchLeg:consultWaiting endConsult consultTransfer:consultWaiting consultConference:consultWaiting exitConference:consulting',
  ],
  CONSULTING_ACCEPTED: [
    'hold:consulting toggleMute pauseRecording:consulting consult:consulting transfer:consulting end:consulting',
    'switchLeg endConsult consultTransfer consultConference exitConference:consulting',
  ],
  CONSULTING_SECONDARY: [
    'hold:secondary toggleMute pauseRecording:secondary consult:secondary transfer:secondary end:secondary',
    'switchLeg:secondary endConsult consultTransfer:secondary consultConference:secondary exitConference:secondary',
  ],
  CONFERENCING: [
    'hold:conference toggleMute pauseRecording:conference consult:conference transfer end',
    'switchLeg:conference endConsult:conference consultTransfer:conference consultConference:conference exitConference',
  ],
  CONFERENCING_SECONDARY: [
    'hold:conference toggleMute pauseRecording:conference consult:conference transfer end:secondary',
    'switchLeg:conference endConsult:conference consultTransfer:conference consultConference:conference exitConference',
  ],
  WRAPPING_UP: ['hold:ended toggleMute:ended pauseRecording:ended consult:ended transfer:ended end:ended', ''],
};

describe('controlBar: voice, every live state', () => {
  const agent = agentView();
  for (const scenario of LIVE) {
    it(scenario, () => {
      const bar = controlBar(taskIn(scenario), agent);
      expect([row(bar.main), row(bar.consult)]).to.deep.equal(VOICE[scenario]);
    });
  }
});

describe('controlBar: fixed places', () => {
  const agent = agentView();
  const MEDIA: readonly MediaChannel[] = ['telephony', 'chat', 'email', 'social'];
  for (const media of MEDIA) {
    it(`${media}: the main row has the same places in every state, each disabled one with a reason`, () => {
      const slots = new Set<string>();
      for (const scenario of LIVE) {
        const task = taskIn(scenario, media);
        const { main, consult } = controlBar(task, agent);
        slots.add(main.map((c) => c.slot).join(' '));
        const controls = controlsFor(task, agent);
        for (const c of [...main, ...consult]) {
          expect(c.enabled, `${scenario} ${c.name}`).to.equal(controls[c.name].enabled);
          expect(c.reason === undefined, `${scenario} ${c.name} reason`).to.equal(c.enabled || c.busy);
        }
      }
      expect([...slots]).to.deep.equal([media === 'telephony' ? 'hold toggleMute pauseRecording consult transfer end' : 'transfer end']);
    });
  }

  it('digital tasks never get the switch-call control', () => {
    const bar = controlBar(taskIn('CONSULTING_ACCEPTED', 'chat'), agent);
    expect(row(bar.consult)).to.equal('endConsult consultTransfer consultConference exitConference:consulting');
  });

  it('a pending command: its control busy, every other disabled as pending', () => {
    const task = markPending(taskIn('CONNECTED'), 'hold', T0);
    expect(row(controlBar(task, agent).main)).to.equal(
      'hold:busy toggleMute:pending pauseRecording:pending consult:pending transfer:pending end:pending',
    );
  });

  it('a muted call and a paused recording are pressed', () => {
    const task: Task = { ...taskIn('CONNECTED'), muted: true, recording: 'PAUSED' };
    expect(row(controlBar(task, agent).main)).to.equal('hold toggleMute* resumeRecording* consult transfer end');
  });

  it('a call that is not recorded says so', () => {
    const task: Task = { ...taskIn('CONNECTED'), recording: 'STOPPED' };
    expect(row(controlBar(task, agent).main)).to.equal('hold toggleMute pauseRecording:notRecorded consult transfer end');
  });

  it('Mute on a login whose calls are on the phone (Extension, Dial-number) says to mute on the phone', () => {
    for (const login of ['EXTENSION', 'AGENT_DN'] as const) {
      const phone = agentView({ capabilities: capabilitiesFor(login) });
      expect(row(controlBar(taskIn('CONNECTED'), phone).main), login).to.equal(
        'hold toggleMute:phoneMute pauseRecording consult transfer end',
      );
      const mute = (scenario: Scenario, task = taskIn(scenario)): string =>
        cell(controlBar(task, phone).main.find((c) => c.slot === 'toggleMute')!);
      // Resuming, waiting or accepting would not let the desk mute: the phone is the reason throughout.
      for (const scenario of LIVE.filter((s) => s !== 'WRAPPING_UP')) expect(mute(scenario), `${login} ${scenario}`).to.equal('toggleMute:phoneMute');
      expect(mute('CONNECTED', markPending(taskIn('CONNECTED'), 'hold', T0)), `${login} pending`).to.equal('toggleMute:phoneMute');
      expect(mute('WRAPPING_UP'), `${login} wrap-up`).to.equal('toggleMute:ended');
    }
    // A browser (WebRTC) login mutes in the desk.
    const browser = agentView({ capabilities: capabilitiesFor('BROWSER') });
    expect(row(controlBar(taskIn('CONNECTED'), browser).main)).to.equal('hold toggleMute pauseRecording consult transfer end');
    expect(row(controlBar(taskIn('HELD'), browser).main)).to.equal(VOICE.HELD[0]);
  });

  it('a full conference says so', () => {
    const task = taskIn('CONSULTING_ACCEPTED');
    const full = agentView({ maxConferenceParticipants: 1 });
    expect(controlBar(task, full).consult.find((c) => c.slot === 'consultConference')?.reason).to.equal('conferenceFull');
  });
});

describe('taskTone', () => {
  const TONES: Record<Scenario, string> = {
    OFFERED: 'offer',
    OFFERED_CONSULT: 'offer',
    CONNECTED: 'active',
    HELD: 'held',
    CONSULTING: 'consulting',
    CONSULTING_ACCEPTED: 'consulting',
    CONSULTING_SECONDARY: 'consulting',
    CONFERENCING: 'consulting',
    CONFERENCING_SECONDARY: 'consulting',
    WRAPPING_UP: 'wrapup',
    COMPLETED: 'wrapup',
    TERMINATED: 'wrapup',
  };
  for (const scenario of SCENARIOS) {
    it(`${scenario} → ${TONES[scenario]}`, () => expect(taskTone(taskIn(scenario))).to.equal(TONES[scenario]));
  }
});

describe('agentDisplay', () => {
  const idle: AgentView = { status: { state: 'Idle', idleCodeId: 'lunch', since: T0 - 5000 } };
  const available: AgentView = { status: { state: 'Available', since: T0 - 9000 } };
  const at = (task: Task, times: Partial<Task['times']>): Task => ({ ...task, times: { ...task.times, ...times } });

  it("without tasks: the agent's own state and since when", () => {
    expect(agentDisplay(idle, [])).to.deep.equal({ kind: 'Idle', since: T0 - 5000 });
    expect(agentDisplay(available, [taskIn('OFFERED')])).to.deep.equal({ kind: 'Available', since: T0 - 9000 });
  });

  it('Engaged since the earliest handled task connected, whatever the agent state', () => {
    const a = at(taskIn('CONNECTED'), { connectedAt: T0 + 3000 });
    const b = at(taskIn('HELD'), { connectedAt: T0 + 1000 });
    const w = at(taskIn('WRAPPING_UP'), { wrapupStartedAt: T0 });
    expect(agentDisplay(available, [a, w, b])).to.deep.equal({ kind: 'Engaged', since: T0 + 1000 });
    expect(agentDisplay(idle, [at(taskIn('CONSULTING'), { connectedAt: T0 })]).kind).to.equal('Engaged');
  });

  it('Wrap-up since the earliest wrap-up started, when nothing is handled', () => {
    const w1 = at(taskIn('WRAPPING_UP'), { wrapupStartedAt: T0 + 2000 });
    const w2 = at(taskIn('WRAPPING_UP'), { wrapupStartedAt: T0 + 1000 });
    expect(agentDisplay(available, [w1, w2, taskIn('OFFERED')])).to.deep.equal({ kind: 'WrapUp', since: T0 + 1000 });
  });

  it('a task without times counts from the agent state', () => {
    const task = at(taskIn('CONNECTED'), { connectedAt: undefined });
    expect(agentDisplay(idle, [task])).to.deep.equal({ kind: 'Engaged', since: T0 - 5000 });
  });

  it('tones', () => {
    expect(['Available', 'Idle', 'RONA', 'Engaged', 'WrapUp'].map((kind) => agentTone({ kind: kind as never, since: 0 }))).to.deep.equal([
      'available',
      'notReady',
      'notReady',
      'engaged',
      'wrapup',
    ]);
  });
});

describe('ending', () => {
  const base = taskIn('WRAPPING_UP');
  it('names who ended the contact', () => {
    expect(ending({ ...base, endReason: 'CUSTOMER_HANGUP' })).to.equal('customerHungUp');
    expect(ending({ ...base, media: 'chat', endReason: 'CUSTOMER_HANGUP' })).to.equal('customerLeft');
    expect(ending({ ...base, endReason: 'ENDED' })).to.equal('youEnded');
    expect(ending({ ...base, endReason: 'TRANSFERRED' })).to.equal('transferred');
    expect(ending({ ...base, endReason: 'CONFERENCE_EXITED' })).to.equal('conferenceLeft');
    expect(ending({ ...base, endReason: 'WRAPPED_UP' })).to.equal(undefined);
    expect(ending({ ...base, endReason: undefined })).to.equal(undefined);
  });
});

describe('errorParts', () => {
  const error = (code: CcError['code'], message: string): CcError => ({ code, command: 'accept', message, at: T0 });
  it("keeps the contact center's reason without the desk's own prefix", () => {
    expect(errorParts(error('BACKEND_ERROR', 'Accept failed: Agent is not logged in'))).to.deep.equal({
      command: 'accept',
      code: 'BACKEND_ERROR',
      reason: 'Agent is not logged in',
    });
    expect(errorParts(error('BACKEND_ERROR', 'Pause recording failed: nope')).reason).to.equal('nope');
    expect(errorParts(error('BACKEND_ERROR', 'Line busy')).reason).to.equal('Line busy');
  });
  it("drops the desk's generated wording and reasons the code already says", () => {
    expect(errorParts(error('BACKEND_ERROR', 'The contact center could not accept the task.')).reason).to.equal(undefined);
    expect(errorParts(error('BACKEND_ERROR', 'Accept failed: the contact center answered AgentContactAssignFailed')).reason).to.equal(undefined);
    expect(errorParts(error('BACKEND_ERROR', 'Accept failed: no reason given')).reason).to.equal(undefined);
    expect(errorParts(error('TIMEOUT', 'Accept failed: no confirmation from the contact center within 5 s')).reason).to.equal(undefined);
    expect(errorParts(error('INVALID_STATE', 'Accept refused: the task is CONNECTED')).reason).to.equal(undefined);
    expect(errorParts(error('MARKDONE_BLOCKED', 'Save the ticket first')).reason).to.equal('Save the ticket first');
  });
  it("never quotes the desk's own refusal (\"<Command> refused: …\") as the contact center's words", () => {
    expect(errorParts({ code: 'INVALID_PARAMETERS', command: 'outdial', message: 'Outdial refused: a number is required', at: T0 }).reason).to.equal(undefined);
    expect(errorParts({ code: 'INVALID_PARAMETERS', command: 'sendMessage', message: 'Send refused: the message is empty', at: T0 }).reason).to.equal(undefined);
    expect(errorParts({ code: 'FORBIDDEN', command: 'accept', message: 'Accept failed: not in your queue', at: T0 }).reason).to.equal('not in your queue');
  });
});
