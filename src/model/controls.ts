/**
 * Which task controls are visible, enabled and busy, derived from the task's state and media
 * and the agent's profile. Elements render exactly this; the store refuses what it forbids.
 * @module
 */
import type { AgentView, Task, TaskCommand } from './domain.js';
import { isFinal } from './final.js';
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

function recordingControls(task: Task): Available {
  if (task.media !== 'telephony' || !pauseResumeAllowed(task.data)) return {};
  if (task.recording === 'RECORDING') return { pauseRecording: true };
  if (task.recording === 'PAUSED') return { resumeRecording: true };
  return {};
}

function consultingControls(task: Task, agent: AgentView): Available {
  const voice = task.media === 'telephony';
  if (isSecondary(task)) return voice ? { endConsult: true, toggleMute: true } : { endConsult: true };
  const accepted = (task.consult?.status ?? task.data.consultStatus) === 'CONSULT_ACCEPTED';
  const agents = task.data.conferenceParticipantsCount ?? agentsInCall(task.data).length;
  const max = agent.profile?.maxConferenceParticipants ?? Number.POSITIVE_INFINITY;
  const available: Available = {
    endConsult: true,
    consultTransfer: accepted,
    consultConference: accepted && agents < max,
  };
  return voice ? { ...available, switchLeg: accepted, toggleMute: true } : available;
}

function available(task: Task, agent: AgentView): Available {
  const voice = task.media === 'telephony';
  switch (task.state) {
    case 'OFFERED':
    case 'OFFERED_CONSULT':
      return { accept: true, decline: true };
    case 'CONNECTED':
      return voice
        ? { hold: true, toggleMute: true, ...recordingControls(task), consult: true, transfer: true, end: true }
        : { transfer: true, end: true };
    case 'HELD':
      // Ending a held call is allowed (as in Webex): the customer is released from hold.
      return voice
        ? { resume: true, ...recordingControls(task), consult: true, transfer: true, end: true }
        : { transfer: true, end: true };
    case 'CONSULTING':
      return consultingControls(task, agent);
    case 'CONFERENCING': {
      const owner: Available = isSecondary(task) ? {} : { end: true };
      return { exitConference: true, transfer: true, ...owner, ...(voice ? { toggleMute: true } : {}) };
    }
    case 'WRAPPING_UP':
      return { wrapup: task.markdoneBlocked === undefined };
    default:
      return {};
  }
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
