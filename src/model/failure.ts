/**
 * The CcError a contact center's `…Failed` event reports, for tasks (the reducer) and for the
 * agent state alike: BACKEND_ERROR with the event's reason, or a plain English sentence.
 * @module
 */
import type { AgentCommand, CcError, TaskCommand } from './domain.js';
import { defined } from './payload.js';

/** What the contact center could not do, per command (only commands with a `…Failed` event). */
const COULD_NOT: Partial<Record<TaskCommand | AgentCommand, string>> = {
  accept: 'accept the task',
  decline: 'decline the task',
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

/** The CcError of a failed `command`: the event's `reason` when it has one (trimmed), else a sentence. */
export function failureError(command: TaskCommand | AgentCommand, reason: unknown, at: number, taskId?: string): CcError {
  const why = typeof reason === 'string' ? reason.trim() : '';
  return defined({
    code: 'BACKEND_ERROR',
    command,
    taskId,
    message: why || `The contact center could not ${COULD_NOT[command]}.`,
    at,
  });
}
