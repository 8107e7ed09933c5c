/**
 * Which task controls are visible, enabled and busy, derived from the task's state and media
 * and the agent's profile. Elements render exactly this; the store refuses what it forbids.
 * @module
 */
import type { AgentView, Task, TaskCommand } from './domain.js';
import { isFinal, OFFERS } from './final.js';
import { isSecondary } from './flags.js';
import { agentsInCall, pauseResumeAllowed } from './payload.js';

/** A command with a button of its own (user-data edits have none). */
export type ControlName = Exclude<TaskCommand, 'setUserData' | 'deleteUserData'>;

/** One control: shown, clickable, and whether its command is the one pending. */
export interface ControlState {
  visible: boolean;
  enabled: boolean;
  /** This control's command was sent and awaits its confirming event. */
  busy: boolean;
}

export type Controls = Readonly<Record<ControlName, ControlState>>;

/** Every control, in the order a toolbar shows them. */
export const CONTROL_NAMES: readonly ControlName[] = [
  'accept',
  'decline',
  'hold',
  'resume',
  'toggleMute',
  'pauseRecording',
  'resumeRecording',
  'consult',
  'endConsult',
  'consultTransfer',
  'consultConference',
  'switchLeg',
  'exitConference',
  'transfer',
  'end',
  'wrapup',
];

/** Visible controls of a task, each with whether it is enabled (before any pending command). */
type Available = Partial<Record<ControlName, boolean>>;

/** Pause or resume, as the recording stands (voice only, when the payload allows it). */
function recordingControls(task: Task): Available {
  if (!pauseResumeAllowed(task.data)) return {};
  if (task.recording === 'RECORDING') return { pauseRecording: true };
  if (task.recording === 'PAUSED') return { resumeRecording: true };
  return {};
}

/** Accept and decline of an offer, as the agent's device allows them. */
function offerControls(task: Task, agent: AgentView): Available {
  const can = agent.profile?.capabilities;
  const voice = task.media === 'telephony';
  return {
    ...(voice && can?.acceptCalls === false ? {} : { accept: true }),
    ...(can?.decline && !can.decline.includes(task.media) ? {} : { decline: true }),
  };
}

function available(task: Task, agent: AgentView): Available {
  const { state } = task;
  const voice = task.media === 'telephony';
  if (OFFERS.has(state)) return offerControls(task, agent);
  const canMute = agent.profile?.capabilities?.mute !== false;
  if (state === 'CONNECTED' || state === 'HELD') {
    // Ending a held call is allowed (as in Webex): the customer is released from hold.
    const call: Available = state === 'HELD' ? { resume: true } : { hold: true, ...(canMute ? { toggleMute: true } : {}) };
    return voice ? { ...call, ...recordingControls(task), consult: true, transfer: true, end: true } : { transfer: true, end: true };
  }
  const mute: Available = voice && canMute ? { toggleMute: true } : {};
  if (state === 'CONSULTING') {
    if (isSecondary(task)) return { endConsult: true, ...mute };
    const accepted = (task.consult?.status ?? task.data.consultStatus) === 'CONSULT_ACCEPTED';
    const agents = task.data.conferenceParticipantsCount ?? agentsInCall(task.data).length;
    const max = agent.profile?.maxConferenceParticipants ?? Number.POSITIVE_INFINITY;
    return {
      endConsult: true,
      consultTransfer: accepted,
      consultConference: accepted && agents < max,
      ...(voice ? { switchLeg: accepted } : {}),
      ...mute,
    };
  }
  if (state === 'CONFERENCING') return { exitConference: true, transfer: true, ...(isSecondary(task) ? {} : { end: true }), ...mute };
  return state === 'WRAPPING_UP' ? { wrapup: task.markdoneBlocked === undefined } : {};
}

const HIDDEN: ControlState = Object.freeze({ visible: false, enabled: false, busy: false });

/**
 * The controls for `task` (all hidden for no task or a final one). While a command is pending
 * every control is disabled and the pending one is `busy`.
 */
export function controlsFor(task: Task | undefined, agent: AgentView): Controls {
  const shown = task && !isFinal(task) ? available(task, agent) : {};
  const pending = task?.pending?.command;
  const out = {} as Record<ControlName, ControlState>;
  for (const name of CONTROL_NAMES) {
    const enabled = shown[name];
    const busy = pending === name;
    out[name] =
      enabled === undefined && !busy ? HIDDEN : { visible: enabled !== undefined, enabled: enabled === true && pending === undefined, busy };
  }
  return out;
}
