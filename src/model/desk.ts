/**
 * What the desk shows about tasks and the agent, beyond which controls are allowed: the fixed
 * control bar (every control in its place, a disabled one with the reason), the state tone an
 * agent reads at a glance, what the agent state shows while handling tasks, why a contact ended,
 * and the parts of a failure an agent needs. Pure: time comes in as an argument.
 * @module
 */
import type { AgentView, CcError, ErrorCode, Task, TaskState } from './domain.js';
import { controlsFor, type ControlName, type Controls } from './controls.js';
import { LIVE, OFFERS, OVER } from './final.js';
import { isSecondary } from './flags.js';
import { pauseResumeAllowed } from './payload.js';

/** Why a control in the bar is disabled; each has a sentence the agent (and assistive tech) reads. */
export type DisabledReason =
  | 'pending'
  | 'offer'
  | 'ended'
  | 'held'
  | 'consulting'
  | 'conference'
  | 'consultWaiting'
  | 'conferenceFull'
  | 'secondary'
  | 'notRecorded'
  | 'phoneMute'
  | 'notNow';

/** One place in the control bar: the control it shows now and how. */
export interface BarControl {
  /** Stable key of the place (its first control), for focus and for `part="control-<slot>"`. */
  readonly slot: ControlName;
  /** The control shown in the place right now (Hold and Resume share one, so do the recording pair). */
  readonly name: ControlName;
  readonly enabled: boolean;
  readonly busy: boolean;
  /** For toggles: pressed (on hold, muted, recording paused); undefined for plain buttons. */
  readonly pressed?: boolean;
  /** Why it is disabled (undefined while enabled or busy). */
  readonly reason?: DisabledReason;
}

/** The main row and, while consulting or in conference, the consult row. */
export interface ControlBar {
  readonly main: readonly BarControl[];
  readonly consult: readonly BarControl[];
}

type Place = readonly [ControlName, ...ControlName[]];
/** Voice keeps six places whatever the state; digital tasks two. */
const VOICE: readonly Place[] = [['hold', 'resume'], ['toggleMute'], ['pauseRecording', 'resumeRecording'], ['consult'], ['transfer'], ['end']];
const DIGITAL: readonly Place[] = [['transfer'], ['end']];
const CONSULT_ROW: readonly Place[] = [['switchLeg'], ['endConsult'], ['consultTransfer'], ['consultConference'], ['exitConference']];
const IN_CONSULT: ReadonlySet<TaskState> = new Set<TaskState>(['CONSULTING', 'CONFERENCING']);

/**
 * Why `name` is not available on `task` (the most useful reason first). Mute on a login whose calls
 * are on the phone (Webex Extension, Dial-number) says so in every state but the ended ones: no
 * waiting or resuming would let the desk mute.
 */
export function disabledReason(task: Task, name: ControlName, agent?: AgentView): DisabledReason {
  const { state } = task;
  const ended = OVER.has(state);
  if (name === 'toggleMute' && agent?.profile?.capabilities?.mute === false && !ended) return 'phoneMute';
  if (task.pending) return 'pending';
  if (OFFERS.has(state)) return 'offer';
  if (ended) return 'ended';
  if (state === 'HELD') return 'held';
  const accepted = (task.consult?.status ?? task.data.consultStatus) === 'CONSULT_ACCEPTED';
  if (state === 'CONSULTING') {
    if (isSecondary(task) && name !== 'toggleMute') return 'secondary';
    if (!CONSULT_ROW.some((p) => p[0] === name) || name === 'exitConference') return 'consulting';
    return accepted ? 'conferenceFull' : 'consultWaiting';
  }
  if (state === 'CONFERENCING') return name === 'end' ? 'secondary' : 'conference';
  if ((name === 'pauseRecording' || name === 'resumeRecording') && (!pauseResumeAllowed(task.data) || task.recording === 'STOPPED')) {
    return 'notRecorded';
  }
  return 'notNow';
}

function place(task: Task, names: Place, controls: Controls, agent: AgentView): BarControl {
  const slot = names[0];
  const name = names.find((n) => controls[n].visible || controls[n].busy) ?? slot;
  const { enabled, busy } = controls[name];
  const pressed =
    slot === 'hold' ? task.state === 'HELD' : slot === 'toggleMute' ? task.muted : slot === 'pauseRecording' ? task.recording === 'PAUSED' : undefined;
  return {
    slot,
    name,
    enabled,
    busy,
    ...(pressed === undefined ? {} : { pressed }),
    ...(enabled || busy ? {} : { reason: disabledReason(task, name, agent) }),
  };
}

/**
 * The control bar of a task: voice calls always get Hold, Mute, Recording, Consult, Transfer and
 * End in these places, digital tasks Transfer and End; a control that does not apply is disabled
 * with its reason, never removed. While consulting or in conference, a second row holds the
 * consult controls (switch, end consult, complete transfer, merge, leave conference).
 */
export function controlBar(task: Task, agent: AgentView): ControlBar {
  const controls = controlsFor(task, agent);
  const voice = task.media === 'telephony';
  const row = (places: readonly Place[]): BarControl[] => places.map((p) => place(task, p, controls, agent));
  const consultRow = IN_CONSULT.has(task.state) ? CONSULT_ROW.filter(([n]) => voice || n !== 'switchLeg') : [];
  return { main: row(voice ? VOICE : DIGITAL), consult: row(consultRow) };
}

/** The colour family a task's state is shown in. */
export type TaskTone = 'offer' | 'active' | 'held' | 'consulting' | 'wrapup';

export function taskTone(task: Pick<Task, 'state'>): TaskTone {
  const { state } = task;
  if (OFFERS.has(state)) return 'offer';
  if (state === 'HELD') return 'held';
  if (IN_CONSULT.has(state)) return 'consulting';
  if (OVER.has(state)) return 'wrapup';
  return 'active';
}

/** What the agent state shows: the agent's own state, or Engaged / Wrap-up while tasks say so. */
export interface AgentDisplay {
  readonly kind: 'Available' | 'Idle' | 'RONA' | 'Engaged' | 'WrapUp';
  /** Since when (ms): the start of handling, of wrap-up, or of the agent's state. */
  readonly since: number;
}

/**
 * Engaged while any task is being handled (since the earliest connection), else Wrap-up while one
 * is wrapping up (since the earliest wrap-up start), else the agent's own state and its time.
 */
export function agentDisplay(agent: AgentView, tasks: readonly Task[]): AgentDisplay {
  const earliest = (states: ReadonlySet<TaskState>, at: (t: Task) => number | undefined): number | undefined => {
    const times = tasks.filter((t) => states.has(t.state)).map((t) => at(t) ?? agent.status.since);
    return times.length ? Math.min(...times) : undefined;
  };
  const engaged = earliest(LIVE, (t) => t.times.connectedAt);
  if (engaged !== undefined) return { kind: 'Engaged', since: engaged };
  const wrapping = earliest(new Set<TaskState>(['WRAPPING_UP']), (t) => t.times.wrapupStartedAt);
  if (wrapping !== undefined) return { kind: 'WrapUp', since: wrapping };
  return { kind: agent.status.state, since: agent.status.since };
}

/** The colour family of the agent state. */
export type AgentTone = 'available' | 'notReady' | 'engaged' | 'wrapup';

export function agentTone(display: AgentDisplay): AgentTone {
  if (display.kind === 'Available') return 'available';
  if (display.kind === 'Engaged') return 'engaged';
  return display.kind === 'WrapUp' ? 'wrapup' : 'notReady';
}

/** What happened to a contact that left the agent's hands, for the agent to read. */
export type Ending = 'customerHungUp' | 'customerLeft' | 'youEnded' | 'transferred' | 'conferenceLeft';

export function ending(task: Pick<Task, 'endReason' | 'media' | 'state'>): Ending | undefined {
  switch (task.endReason) {
    case 'CUSTOMER_HANGUP':
      return task.media === 'telephony' ? 'customerHungUp' : 'customerLeft';
    case 'ENDED':
      return 'youEnded';
    case 'TRANSFERRED':
      return 'transferred';
    case 'CONFERENCE_EXITED':
      return 'conferenceLeft';
    default:
      return undefined;
  }
}

/** The parts of a failure an agent reads: what failed, what the contact center said, what to do. */
export interface ErrorParts {
  readonly command: CcError['command'];
  readonly code: ErrorCode;
  /** The contact center's own words, when it gave any (never the desk's own wording). */
  readonly reason?: string;
}

/**
 * The desk's own wording around a reason: "<Command> failed: " and its generated defaults. After
 * "<Command> refused: " comes the desk's own check, in its own (English) words: never quoted.
 */
const PREFIX = /^[A-Z][\w -]{0,30} (failed|refused): /;
const OWN = /^(?:The contact center could not |no confirmation from the contact center |the contact center answered |no reason given$|unknown error$)/;
/** Codes whose message carries a reason worth showing (the others are said by the code alone). */
const WITH_REASON: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['BACKEND_ERROR', 'INVALID_PARAMETERS', 'FORBIDDEN', 'MARKDONE_BLOCKED']);

/** A failure's own words, without the desk's "<Command> failed: " lead. */
const reasonOf = (error: CcError): string => error.message.replace(PREFIX, '').trim();

export function errorParts(error: CcError): ErrorParts {
  const reason = reasonOf(error);
  const refused = PREFIX.exec(error.message)?.[1] === 'refused';
  const shown = WITH_REASON.has(error.code) && reason !== '' && !OWN.test(reason) && !refused;
  return { command: error.command, code: error.code, ...(shown ? { reason } : {}) };
}
