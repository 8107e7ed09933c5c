/**
 * The CcError a contact center's `…Failed` event reports, for tasks (the reducer) and for the
 * agent state alike: BACKEND_ERROR with the event's reason, or a plain English sentence.
 * @module
 */
import type { AgentCommand, CcError, ErrorCode, TaskCommand } from './domain.js';
import { failureFor } from './commands.js';
import { defined } from './payload.js';

/** A CcError; `taskId` only when there is one. For the model, the store and the bridge alike. */
export const ccError = (code: ErrorCode, command: TaskCommand | AgentCommand, message: string, at: number, taskId?: string): CcError =>
  defined({ code, command, taskId, message, at });

/** What the contact center could not do, per command a `…Failed` event can blame (decline has none). */
const COULD_NOT: Partial<Record<TaskCommand | AgentCommand, string>> = {
  accept: 'accept the task',
  hold: 'put the call on hold',
  resume: 'resume the call',
  toggleMute: 'mute or unmute the call',
  pauseRecording: 'pause the recording',
  resumeRecording: 'resume the recording',
  consult: 'start the consult',
  endConsult: 'end the consult',
  consultTransfer: 'transfer to the consulted party',
  consultConference: 'start the conference',
  exitConference: 'leave the conference',
  switchLeg: 'switch between the calls',
  transfer: 'transfer the task',
  end: 'end the task',
  wrapup: 'wrap up the task',
  setUserData: 'update the task data',
  deleteUserData: 'delete the task data',
  outdial: 'place the outbound call',
  setAgentState: 'change the agent state',
};

/**
 * Failure events that several commands share: one ContactUpdateFailed answers every update of the
 * call-associated data (mute included), and switching legs is a hold or resume of the consult leg.
 */
const SHARED: Partial<Record<TaskCommand, readonly TaskCommand[]>> = {
  setUserData: ['toggleMute', 'deleteUserData'],
  hold: ['switchLeg'],
  resume: ['switchLeg'],
};

/**
 * The command an event reports the failure of (`outdial` for AgentOutboundFailed), or undefined
 * when it reports none. When the command pending on the task shares the event, it is the one blamed.
 */
export function blamed(event: string, pending: TaskCommand | undefined): TaskCommand | 'outdial' | undefined {
  if (event === 'AgentOutboundFailed') return 'outdial';
  const failed = failureFor(event);
  return failed && SHARED[failed]?.includes(pending as TaskCommand) ? pending : failed;
}

/** The CcError of a failed `command`: the event's `reason` when it has one (trimmed), else a sentence. */
export function failureError(command: TaskCommand | AgentCommand, reason: unknown, at: number, taskId?: string): CcError {
  const why = typeof reason === 'string' ? reason.trim() : '';
  return ccError('BACKEND_ERROR', command, why || `The contact center could not ${COULD_NOT[command]}.`, at, taskId);
}
