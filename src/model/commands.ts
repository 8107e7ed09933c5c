/**
 * Commands on a task, seen from the model: whether one may be issued now, and the pure updates
 * the store applies around a backend call (pending, failed, error cleared, markdone blocked).
 * @module
 */
import { controlsFor, type ControlName } from './controls.js';
import type { AgentView, CcError, Task, TaskCommand } from './domain.js';
import type { TaskEventName } from './events.js';
import { isFinal, OFFERS } from './final.js';
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
    return !isFinal(task) && !OFFERS.has(task.state);
  }
  const control = controlsFor(task, agent)[command as ControlName];
  return control.visible && control.enabled;
}

/** The task one revision on: `patch` applied, `drop` keys removed (optional keys are absent, never undefined). */
function revise(task: Task, patch: Partial<Task>, ...drop: (keyof Task)[]): Task {
  const out: Partial<Task> = { ...task, ...patch, rev: task.rev + 1 };
  for (const key of drop) delete out[key];
  return out as Task;
}

/** The task with `command` awaiting confirmation since `now`; a new command also clears the last error. */
export const markPending = (task: Task, command: TaskCommand, now: number): Task =>
  revise(task, { pending: { command, since: now } }, 'error');

/**
 * The task after a command failed: same state, no pending command, `error` set. A failed consult
 * that never started (the task is not CONSULTING) also drops the consult the store recorded.
 */
export const markFailed = (task: Task, error: CcError): Task =>
  revise(task, { error }, 'pending', ...(error.command === 'consult' && task.state !== 'CONSULTING' ? (['consult'] as const) : []));

/** The task without its error (the same object when there is none). */
export const clearError = (task: Task): Task => (task.error === undefined ? task : revise(task, {}, 'error'));

/** The task with markdone (wrap-up, the bridge's markdone) blocked by the host, showing `warning`. */
export const blockMarkdone = (task: Task, warning: string): Task =>
  task.markdoneBlocked === warning ? task : revise(task, { markdoneBlocked: warning });

/** The task with markdone allowed again (the same object when it was not blocked). */
export const unblockMarkdone = (task: Task): Task => (task.markdoneBlocked === undefined ? task : revise(task, {}, 'markdoneBlocked'));
