/**
 * Commands on a task, seen from the model: whether one may be issued now, and the pure updates
 * the store applies around a backend call (pending, failed, error cleared, markdone blocked).
 * @module
 */
import { controlsFor, type ControlName } from './controls.js';
import type { AgentView, CcError, Task, TaskCommand } from './domain.js';
import type { TaskEventName } from './events.js';
import { isFinal } from './final.js';
import { hasOwn } from './payload.js';

/** Each `…Failed` event and the command it reports the failure of. */
const FAILURES: Readonly<Partial<Record<TaskEventName, TaskCommand>>> = {
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

/**
 * The command a `…Failed` event reports the failure of, or undefined for any other event.
 * `ContactUpdateFailed` maps to `setUserData` (the reducer blames the pending toggleMute or
 * deleteUserData instead when one of those is what was pending). `AgentOutboundFailed` is about
 * the agent's `outdial`, not a task command, so it maps to undefined.
 */
export function failureFor(event: string): TaskCommand | undefined {
  return hasOwn(FAILURES, event) ? FAILURES[event as TaskEventName] : undefined;
}

const DATA_COMMANDS: ReadonlySet<TaskCommand> = new Set(['setUserData', 'deleteUserData']);

/**
 * Whether `command` may be issued on `task` now: its control is visible and enabled (so never
 * while another command is pending). setUserData / deleteUserData have no control: they are
 * allowed on any live task that is not an offer.
 */
export function canIssue(task: Task, command: TaskCommand, agent: AgentView): boolean {
  if (DATA_COMMANDS.has(command)) {
    return !isFinal(task) && task.state !== 'OFFERED' && task.state !== 'OFFERED_CONSULT';
  }
  const control = controlsFor(task, agent)[command as ControlName];
  return control.visible && control.enabled;
}

/** Drop the optional keys whose value is undefined (keeps tasks comparable with deep equality). */
function without<T extends object>(obj: T, ...keys: (keyof T)[]): T {
  const out = { ...obj };
  for (const key of keys) delete out[key];
  return out;
}

/** The task with `command` awaiting confirmation since `now`; a new command also clears the last error. */
export function markPending(task: Task, command: TaskCommand, now: number): Task {
  return { ...without(task, 'error'), pending: { command, since: now }, rev: task.rev + 1 };
}

/**
 * The task after a command failed: same state, no pending command, `error` set. A failed consult
 * that never started (the task is not CONSULTING) also drops the consult the store recorded.
 */
export function markFailed(task: Task, error: CcError): Task {
  const dropConsult = error.command === 'consult' && task.state !== 'CONSULTING' && task.consult !== undefined;
  const base = dropConsult ? without(task, 'pending', 'consult') : without(task, 'pending');
  return { ...base, error, rev: task.rev + 1 };
}

/** The task without its error (the same object when there is none). */
export function clearError(task: Task): Task {
  return task.error === undefined ? task : { ...without(task, 'error'), rev: task.rev + 1 };
}

/** The task with markdone (wrap-up, the bridge's markdone) blocked by the host, showing `warning`. */
export function blockMarkdone(task: Task, warning: string): Task {
  return task.markdoneBlocked === warning ? task : { ...task, markdoneBlocked: warning, rev: task.rev + 1 };
}

/** The task with markdone allowed again (the same object when it was not blocked). */
export function unblockMarkdone(task: Task): Task {
  return task.markdoneBlocked === undefined ? task : { ...without(task, 'markdoneBlocked'), rev: task.rev + 1 };
}
