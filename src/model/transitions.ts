/**
 * The task state machine's table: what each event does to a live task in each state
 * (TASK-STATES.md plus the decisions of the model brief). A transition returns a `Change` — the
 * new state and what else moves — or a string saying why the event is ignored. The bookkeeping
 * every change shares (payload merge, derived flags, pending, error, times, rev) lives in
 * state-machine.ts.
 * @module
 */
import { failureFor } from './commands.js';
import type { CcError, ConsultInfo, EndReason, Leg, RecordingState, Task, TaskCommand, TaskMessage, TaskState } from './domain.js';
import { isSecondary } from './flags.js';
import { agentsInCall, consultLeg, destinationOf, isMainHeld, ownerOf, participant, wrapUpOwed } from './payload.js';
import type { TaskData } from './seed-types.js';

/** What an applied message changes (undefined fields keep their value). */
export interface Change {
  state: TaskState;
  endReason?: EndReason;
  /** The contact ended now (sets `times.endedAt`). */
  ended?: boolean;
  /** The new consult, or `null` to drop it. */
  consult?: ConsultInfo | null;
  activeLeg?: Leg;
  recording?: RecordingState;
  muted?: boolean;
  /** Whether this agent is the consulted (secondary) party from now on. */
  secondary?: boolean;
  /** A failure to show (pending is cleared). */
  error?: CcError;
}

/** A transition's input: the task, the message, the payload merged over the task's data, the agent. */
export interface Input {
  task: Task;
  msg: TaskMessage;
  data: TaskData;
  agentId: string;
}

/** A change, or why the message is ignored. */
export type Outcome = Change | string;

const FALLBACK: Record<TaskCommand | 'outdial', string> = {
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
};

/** The CcError a `…Failed` event reports: BACKEND_ERROR, the event's reason or a plain English sentence. */
export function failureError(x: Pick<Input, 'task' | 'msg'>, command: TaskCommand | 'outdial'): CcError {
  const reason = typeof x.msg.reason === 'string' ? x.msg.reason.trim() : '';
  return {
    code: 'BACKEND_ERROR',
    command,
    taskId: x.task.id,
    message: reason || `The contact center could not ${FALLBACK[command]}.`,
    at: x.msg.eventTime ?? x.task.pending?.since ?? 0,
  };
}

const stay = (x: Input, extra: Omit<Change, 'state'> = {}): Change => ({ state: x.task.state, ...extra });

/** The contact is over for this agent: wrap-up when it is owed, else completed. */
function end(x: Input, endReason: EndReason, extra: Omit<Change, 'state'> = {}): Change {
  const state: TaskState = wrapUpOwed(x.data, x.agentId) ? 'WRAPPING_UP' : 'COMPLETED';
  return { state, endReason, ended: true, ...extra };
}

/** An end the agent asked for is ENDED; otherwise the customer hung up. */
const hangup = (x: Input): EndReason => (x.task.pending?.command === 'end' ? 'ENDED' : 'CUSTOMER_HANGUP');

/** A declined offer comes back as RONA: tell them apart by the pending decline or the reason. */
const declined = (x: Input): boolean =>
  x.task.pending?.command === 'decline' || /declin/i.test(typeof x.msg.reason === 'string' ? x.msg.reason : '');

const wrapupNow = (x: Input): Change => ({ state: 'WRAPPING_UP', endReason: hangup(x), ended: true, consult: null, activeLeg: 'main' });

const notHere = (x: Input): string =>
  `${x.msg.type} does not apply to a task in ${x.task.state}${x.task.state === 'CONSULTING' && isSecondary(x.task) ? ' (consulted agent)' : ''}`;

/** Events that mean the same in every live state: data, mute, recording, failures. */
function anywhere(x: Input): Outcome | undefined {
  const { task, msg } = x;
  switch (msg.type) {
    case 'ContactUpdated':
      return stay(x, typeof msg.isWebCallMute === 'boolean' ? { muted: msg.isWebCallMute } : {});
    case 'ContactRecordingPaused':
    case 'ContactRecordingResumed':
      if (task.media !== 'telephony') return `${msg.type} applies to voice tasks only (this task is ${task.media})`;
      return stay(x, { recording: msg.type === 'ContactRecordingPaused' ? 'PAUSED' : 'RECORDING' });
    case 'AgentOutboundFailed': {
      const error = failureError(x, 'outdial');
      return task.state === 'OFFERED' ? { state: 'TERMINATED', ended: true, error } : stay(x, { error });
    }
    case 'AgentConsultFailed':
      if (task.state === 'CONSULTING' && !isSecondary(task)) return consultFailed(x);
      // A consult that never started: drop what the store recorded about it.
      if (task.state === 'CONNECTED' || task.state === 'HELD') return stay(x, { error: failureError(x, 'consult'), consult: null });
      break;
    case 'ContactUpdateFailed': {
      const pending = task.pending?.command;
      const blamed = pending === 'toggleMute' || pending === 'deleteUserData' ? pending : 'setUserData';
      return stay(x, { error: failureError(x, blamed) });
    }
  }
  const command = failureFor(msg.type);
  return command ? stay(x, { error: failureError(x, command) }) : undefined;
}

/** A consult that failed after it started: back to the state before it (HELD or CONNECTED). */
function consultFailed(x: Input): Change {
  const before = x.task.previousState;
  const state: TaskState = before === 'CONNECTED' || before === 'HELD' ? before : isMainHeld(x.data) ? 'HELD' : 'CONNECTED';
  return { state, consult: null, activeLeg: 'main', error: failureError(x, 'consult') };
}

function offered(x: Input): Outcome {
  switch (x.msg.type) {
    case 'AgentContactAssigned':
      return { state: 'CONNECTED' };
    case 'AgentOfferContactRona':
      return { state: 'TERMINATED', endReason: declined(x) ? 'DECLINED' : 'RONA', ended: true };
    case 'ContactEnded':
      return { state: 'TERMINATED', endReason: declined(x) ? 'DECLINED' : 'CUSTOMER_HANGUP', ended: true };
    default:
      return notHere(x);
  }
}

function offeredConsult(x: Input): Outcome {
  switch (x.msg.type) {
    case 'AgentConsulting':
    case 'AgentContactAssigned': {
      const destination = x.task.consult?.destination ?? { type: 'agent' as const, id: ownerOf(x.data) ?? '' };
      const consult: ConsultInfo = { ...x.task.consult, destination, status: 'BEING_CONSULTED_ACCEPTED' };
      return { state: 'CONSULTING', consult, activeLeg: 'consult', secondary: true };
    }
    case 'AgentOfferContactRona':
      return { state: 'TERMINATED', endReason: declined(x) ? 'DECLINED' : 'RONA', ended: true, consult: null };
    case 'AgentConsultEnded':
    case 'AgentCtqCancelled':
      return { state: 'TERMINATED', endReason: 'CONSULT_ENDED', ended: true, consult: null };
    case 'ContactEnded':
      return { state: 'TERMINATED', endReason: 'CUSTOMER_HANGUP', ended: true, consult: null };
    default:
      return notHere(x);
  }
}

/** CONNECTED and HELD: one call with the customer. */
function inCall(x: Input): Outcome {
  const held = x.task.state === 'HELD';
  switch (x.msg.type) {
    case 'AgentContactHeld':
      return held ? 'the call is already on hold' : { state: 'HELD' };
    case 'AgentContactUnheld':
      return held ? { state: 'CONNECTED' } : 'the call is not on hold';
    case 'AgentConsultCreated': {
      const destination = destinationOf(x.data, x.task.consult?.destination);
      const consult: ConsultInfo = { destination, status: 'CONSULT_INITIATED' };
      const startedAt = x.msg.eventTime ?? x.task.consult?.startedAt;
      return { state: 'CONSULTING', consult: startedAt === undefined ? consult : { ...consult, startedAt }, activeLeg: 'consult' };
    }
    case 'AgentBlindTransferred':
    case 'AgentVteamTransferred':
      return end(x, 'TRANSFERRED', { consult: null });
    case 'ContactEnded':
      return end(x, hangup(x), { consult: null });
    case 'AgentWrapup':
      return wrapupNow(x);
    default:
      return notHere(x);
  }
}

/** Held / unheld while consulting: which leg the agent talks on (main leg held ⇔ consult leg active). */
function switchLeg(x: Input): Change {
  const consultId = x.msg.consultMediaResourceId || consultLeg(x.data)?.mediaResourceId;
  const onConsultLeg = consultId !== undefined && consultId !== '' && x.msg.mediaResourceId === consultId;
  const heldNow = x.msg.type === 'AgentContactHeld';
  const activeLeg: Leg = onConsultLeg === heldNow ? 'main' : 'consult';
  return stay(x, { activeLeg });
}

function consulting(x: Input): Outcome {
  const { task, msg } = x;
  if (isSecondary(task)) return consulted(x);
  switch (msg.type) {
    case 'AgentConsulting': {
      const destination = destinationOf(x.data, task.consult?.destination);
      return stay(x, { consult: { ...task.consult, destination, status: 'CONSULT_ACCEPTED' } });
    }
    case 'AgentConsultEnded':
    case 'AgentCtqCancelled':
      return { state: isMainHeld(x.data) ? 'HELD' : 'CONNECTED', consult: null, activeLeg: 'main' };
    case 'AgentConsultConferenced':
      return conferenced(x);
    case 'AgentConsultTransferred': {
      const done: ConsultInfo | null = task.consult ? { ...task.consult, status: 'CONSULT_COMPLETED' } : null;
      return end(x, 'TRANSFERRED', { consult: done, activeLeg: 'main' });
    }
    case 'AgentContactHeld':
    case 'AgentContactUnheld':
      return switchLeg(x);
    case 'ContactEnded':
      return end(x, hangup(x), { consult: null, activeLeg: 'main' });
    case 'AgentWrapup':
      return wrapupNow(x);
    default:
      return notHere(x);
  }
}

function conferenced(x: Input): Change {
  const destination = destinationOf(x.data, x.task.consult?.destination);
  return { state: 'CONFERENCING', consult: { ...x.task.consult, destination, status: 'CONFERENCE' }, activeLeg: 'main' };
}

/** CONSULTING as the consulted (secondary) agent. */
function consulted(x: Input): Outcome {
  switch (x.msg.type) {
    case 'AgentConsultEnded':
    case 'AgentCtqCancelled':
      return { state: 'COMPLETED', endReason: 'CONSULT_ENDED', ended: true, consult: null, activeLeg: 'main' };
    case 'AgentConsultTransferred':
      return { state: 'CONNECTED', consult: null, activeLeg: 'main', secondary: false };
    case 'AgentConsultConferenced':
      return conferenced(x);
    case 'ContactEnded':
      return end(x, 'CUSTOMER_HANGUP', { consult: null, activeLeg: 'main' });
    case 'AgentWrapup':
      return wrapupNow(x);
    default:
      return notHere(x);
  }
}

function conferencing(x: Input): Outcome {
  const { msg, agentId } = x;
  switch (msg.type) {
    case 'ParticipantJoinedConference':
      return stay(x);
    case 'ParticipantLeftConference': {
      const mine = msg.participantId ? msg.participantId === agentId : participant(x.data, agentId)?.hasLeft === true;
      if (mine) return end(x, 'CONFERENCE_EXITED', { consult: null });
      const left = agentsInCall(x.data).filter((id) => id !== msg.participantId);
      return left.length >= 2 ? stay(x) : { state: 'CONNECTED', consult: null, secondary: false };
    }
    case 'AgentConsultConferenceEnded':
      return { state: 'CONNECTED', consult: null, secondary: false };
    case 'AgentConsultTransferred':
    case 'AgentBlindTransferred':
    case 'AgentVteamTransferred':
      // The owner handed the conference to us: we stay, now as the owner.
      if (isSecondary(x.task) && ownerOf(x.data) === agentId) {
        return agentsInCall(x.data).length >= 2
          ? stay(x, { secondary: false })
          : { state: 'CONNECTED', consult: null, secondary: false };
      }
      return end(x, 'TRANSFERRED', { consult: null });
    case 'ContactEnded':
      return end(x, hangup(x), { consult: null });
    case 'AgentWrapup':
      return wrapupNow(x);
    default:
      return notHere(x);
  }
}

function wrappingUp(x: Input): Outcome {
  return x.msg.type === 'AgentWrappedUp' ? { state: 'COMPLETED', endReason: 'WRAPPED_UP' } : notHere(x);
}

const BY_STATE: Readonly<Record<TaskState, (x: Input) => Outcome>> = {
  OFFERED: offered,
  OFFERED_CONSULT: offeredConsult,
  CONNECTED: inCall,
  HELD: inCall,
  CONSULTING: consulting,
  CONFERENCING: conferencing,
  WRAPPING_UP: wrappingUp,
  COMPLETED: () => 'the task is COMPLETED',
  TERMINATED: () => 'the task is TERMINATED',
};

/** What `x.msg` does to the live task `x.task` (rehydration by `AgentContact` is handled by the caller). */
export function transition(x: Input): Outcome {
  return anywhere(x) ?? BY_STATE[x.task.state](x);
}
