/**
 * Building the store's `CcError`s: refusals, rejected backend calls, `…Failed` events and
 * timeouts, each with a stable code and a readable English message.
 * @module
 */
import type { AgentCommand, CcError, ErrorCode, TaskCommand } from '../model/domain.js';

const ERROR_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'BACKEND_ERROR',
  'INVALID_STATE',
  'NOT_FOUND',
  'INVALID_PARAMETERS',
  'TIMEOUT',
  'CONNECTION',
  'FORBIDDEN',
  'MARKDONE_BLOCKED',
]);

/** True for the codes of `ErrorCode`. */
export const isErrorCode = (code: unknown): code is ErrorCode =>
  typeof code === 'string' && ERROR_CODES.has(code);

const LABELS: Record<TaskCommand | AgentCommand, string> = {
  accept: 'Accept',
  decline: 'Decline',
  hold: 'Hold',
  resume: 'Resume',
  toggleMute: 'Mute',
  pauseRecording: 'Pause recording',
  resumeRecording: 'Resume recording',
  consult: 'Consult',
  endConsult: 'End consult',
  consultTransfer: 'Consult transfer',
  consultConference: 'Conference',
  exitConference: 'Exit conference',
  switchLeg: 'Switch call',
  transfer: 'Transfer',
  end: 'End',
  wrapup: 'Wrap-up',
  setUserData: 'Set user data',
  deleteUserData: 'Delete user data',
  setAgentState: 'Change state',
  outdial: 'Outdial',
  connect: 'Connect',
  directory: 'Load directory',
};

/** A short English name for a command, for messages ("Hold failed: …"). */
export const commandLabel = (command: TaskCommand | AgentCommand): string => LABELS[command];

/** A CcError; `taskId` only when there is one. */
export function ccError(
  code: ErrorCode,
  command: TaskCommand | AgentCommand,
  message: string,
  at: number,
  taskId?: string,
): CcError {
  return taskId === undefined ? { code, command, message, at } : { code, command, taskId, message, at };
}

/** The readable reason carried by anything a promise may reject with. */
function reasonOf(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  if (typeof cause === 'string') return cause;
  if (cause && typeof cause === 'object' && typeof (cause as { message?: unknown }).message === 'string') {
    return (cause as { message: string }).message;
  }
  return 'unknown error';
}

/**
 * The CcError for a rejected backend call: the backend's message prefixed with the command,
 * the code from `BackendError.code` (or any error's `code`) when it is an `ErrorCode`.
 */
export function fromRejection(
  cause: unknown,
  command: TaskCommand | AgentCommand,
  at: number,
  taskId?: string,
  fallback: ErrorCode = 'BACKEND_ERROR',
): CcError {
  const code = cause && typeof cause === 'object' ? (cause as { code?: unknown }).code : undefined;
  const reason = reasonOf(cause).trim() || 'no reason given';
  return ccError(isErrorCode(code) ? code : fallback, command, `${commandLabel(command)} failed: ${reason}`, at, taskId);
}

/** The CcError for a `…Failed` event from the contact center. */
export function fromFailedEvent(
  eventName: string,
  command: TaskCommand | AgentCommand,
  reason: string | undefined,
  at: number,
  taskId?: string,
): CcError {
  const why = reason?.trim() ? reason.trim() : `the contact center answered ${eventName}`;
  return ccError('BACKEND_ERROR', command, `${commandLabel(command)} failed: ${why}`, at, taskId);
}

/** The CcError for a command whose confirming event did not arrive in time. */
export function timeoutError(command: TaskCommand | AgentCommand, ms: number, at: number, taskId?: string): CcError {
  const seconds = Math.round(ms / 100) / 10;
  return ccError(
    'TIMEOUT',
    command,
    `${commandLabel(command)} failed: no confirmation from the contact center within ${seconds} s`,
    at,
    taskId,
  );
}
