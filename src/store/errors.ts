/**
 * Building the store's `CcError`s: refusals, rejected backend calls, `…Failed` events and
 * timeouts, each with a stable code and a readable English message.
 * @module
 */
import type { AgentCommand, CcError, ErrorCode, TaskCommand } from '../model/domain.js';
import { ccError } from '../model/failure.js';

const ERROR_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'BACKEND_ERROR',
  'INVALID_STATE',
  'NOT_FOUND',
  'INVALID_PARAMETERS',
  'TIMEOUT',
  'CONNECTION',
  'FORBIDDEN',
  'MARKDONE_BLOCKED',
  'NOT_SUPPORTED',
]);

/** True for the codes of `ErrorCode`. */
export const isErrorCode = (code: unknown): code is ErrorCode =>
  typeof code === 'string' && ERROR_CODES.has(code);

/** A short English name for each command, for messages ("Hold failed: …"). */
export const LABELS: Readonly<Record<TaskCommand | AgentCommand, string>> = {
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

/** "<Command> failed: <reason>" or "<Command> refused: <reason>". */
export const worded = (
  code: ErrorCode,
  command: TaskCommand | AgentCommand,
  verb: 'failed' | 'refused',
  reason: string,
  at: number,
  taskId?: string,
): CcError => ccError(code, command, `${LABELS[command]} ${verb}: ${reason}`, at, taskId);

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
  const { code, reason } = rejection(cause, fallback);
  return worded(code, command, 'failed', reason, at, taskId);
}

/**
 * What a rejection says: its code (`BackendError.code`, or any error's `code`, when it is an
 * `ErrorCode`; else `fallback`) and its readable reason (a string rejection, or any error's or
 * error-like object's message; never "[object Object]").
 */
export function rejection(cause: unknown, fallback: ErrorCode = 'BACKEND_ERROR'): { code: ErrorCode; reason: string } {
  const { code, message } = cause && typeof cause === 'object' ? (cause as { code?: unknown; message?: unknown }) : {};
  const reason = typeof cause === 'string' ? cause : typeof message === 'string' ? message : 'unknown error';
  return { code: isErrorCode(code) ? code : fallback, reason: reason.trim() || 'no reason given' };
}

/** The CcError for a `…Failed` event from the contact center. */
export function fromFailedEvent(
  eventName: string,
  command: TaskCommand | AgentCommand,
  reason: string | undefined,
  at: number,
  taskId?: string,
): CcError {
  return worded('BACKEND_ERROR', command, 'failed', reason?.trim() || `the contact center answered ${eventName}`, at, taskId);
}

/** The CcError for a command whose confirming event did not arrive in time. */
export function timeoutError(command: TaskCommand | AgentCommand, ms: number, at: number, taskId?: string): CcError {
  const seconds = Math.round(ms / 100) / 10;
  return worded('TIMEOUT', command, 'failed', `no confirmation from the contact center within ${seconds} s`, at, taskId);
}
