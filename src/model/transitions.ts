/**
 * The task state machine's table: what each event does to a live task in each state
 * (TASK-STATES.md plus the decisions of the model brief). A rule returns a `Change` — the task
 * fields that move — or a string saying why the event is ignored. The bookkeeping every change
 * shares (payload merge, derived flags, pending, error, times, rev) lives in state-machine.ts.
 * @module
 */
import type { ConsultInfo, EndReason, Task, TaskMessage, TaskState } from './domain.js';
import type { TaskEventName } from './events.js';
import { blamed, failureError } from './failure.js';
import { isSecondary } from './flags.js';
import { agentsInCall, consultLeg, defined, destinationOf, isMainHeld, ownerOf, participant, wrapUpOwed } from './payload.js';
import type { TaskData } from './seed-types.js';

/**
 * What an applied message changes: the task fields it sets (absent ones keep their value, a
 * `consult` set to undefined drops the consult, `error` is cleared unless set) and `secondary`,
 * whether this agent is the consulted party from now on. When `state` moves to WRAPPING_UP,
 * COMPLETED or TERMINATED from a live call, the contact ended now.
 */
export type Change = Partial<Pick<Task, 'state' | 'endReason' | 'consult' | 'activeLeg' | 'recording' | 'muted' | 'error'>> & {
  secondary?: boolean;
};

/** A transition's input: the task, the message, the payload merged over the task's data, the agent. */
export interface Input {
  task: Task;
  msg: TaskMessage;
  data: TaskData;
  agentId: string;
}

/** A change, or why the message is ignored. */
export type Outcome = Change | string;

type Rule = (x: Input) => Outcome;
type Rules = Partial<Record<TaskEventName, Rule>>;

/** `known` (the consult as recorded) with `status`, its destination completed from the payload. */
export const consultAs = (known: ConsultInfo | undefined, data: TaskData, status: ConsultInfo['status']): ConsultInfo => ({
  ...known,
  destination: destinationOf(data, known?.destination),
  status,
});

/** Back on the main leg, without a consult. */
const MAIN: Change = { consult: undefined, activeLeg: 'main' };

/** Back to one call with the customer, as its owner. */
const ONE_CALL: Change = { state: 'CONNECTED', consult: undefined, secondary: false };

/** The contact is over for this agent: wrap-up when it is owed, else completed; the consult goes. */
const end = (x: Input, endReason: EndReason, extra?: Change): Change => ({
  state: wrapUpOwed(x.data, x.agentId) ? 'WRAPPING_UP' : 'COMPLETED',
  endReason,
  consult: undefined,
  ...extra,
});

/** An offer that ends before it is answered (a consult offer drops its consult too). */
const unanswered = (x: Input, endReason: EndReason): Change => ({
  state: 'TERMINATED',
  endReason,
  ...(x.task.state === 'OFFERED_CONSULT' && { consult: undefined }),
});

/** An end the agent asked for is ENDED; otherwise the customer hung up. */
const hangup = (x: Input): EndReason => (x.task.pending?.command === 'end' ? 'ENDED' : 'CUSTOMER_HANGUP');

/** A declined offer comes back as RONA: tell them apart by the pending decline or the reason. */
const declined = (x: Input): boolean =>
  x.task.pending?.command === 'decline' || /declin/i.test(typeof x.msg.reason === 'string' ? x.msg.reason : '');

const rona: Rule = (x) => unanswered(x, declined(x) ? 'DECLINED' : 'RONA');
const consultEnded: Rule = (x) => unanswered(x, 'CONSULT_ENDED');
const hungUp: Rule = (x) => end(x, hangup(x));
const transferred: Rule = (x) => end(x, 'TRANSFERRED');
const wrapupNow: Rule = (x) => ({ ...MAIN, state: 'WRAPPING_UP', endReason: hangup(x) });

/** The consulted agent picks up the consult. */
const joinConsult: Rule = ({ task, data }) => ({
  state: 'CONSULTING',
  consult: { ...task.consult, destination: task.consult?.destination ?? { type: 'agent', id: ownerOf(data) ?? '' }, status: 'BEING_CONSULTED_ACCEPTED' },
  activeLeg: 'consult',
  secondary: true,
});

/** Held / unheld while consulting: which leg the agent talks on (main leg held ⇔ consult leg active). */
const switchLeg: Rule = ({ msg, data }) => {
  const consultId = msg.consultMediaResourceId || consultLeg(data)?.mediaResourceId;
  const onConsultLeg = consultId !== undefined && consultId !== '' && msg.mediaResourceId === consultId;
  return { activeLeg: onConsultLeg === (msg.type === 'AgentContactHeld') ? 'main' : 'consult' };
};

const conferenced: Rule = ({ task, data }) => ({ state: 'CONFERENCING', consult: consultAs(task.consult, data, 'CONFERENCE'), activeLeg: 'main' });

/** The owner handed the conference over: to us (we stay, now as the owner) or to someone else. */
const handedOver: Rule = (x) =>
  isSecondary(x.task) && ownerOf(x.data) === x.agentId ? (agentsInCall(x.data).length >= 2 ? { secondary: false } : ONE_CALL) : end(x, 'TRANSFERRED');

/** CONNECTED and HELD: one call with the customer. */
const IN_CALL: Rules = {
  AgentContactHeld: (x) => (x.task.state === 'HELD' ? 'the call is already on hold' : { state: 'HELD' }),
  AgentContactUnheld: (x) => (x.task.state === 'HELD' ? { state: 'CONNECTED' } : 'the call is not on hold'),
  AgentConsultCreated: ({ task, msg, data }) => ({
    state: 'CONSULTING',
    consult: defined({ ...consultAs(task.consult, data, 'CONSULT_INITIATED'), startedAt: msg.eventTime ?? task.consult?.startedAt }),
    activeLeg: 'consult',
  }),
  AgentBlindTransferred: transferred,
  AgentVteamTransferred: transferred,
  ContactEnded: hungUp,
  AgentWrapup: wrapupNow,
};

const BY_STATE: Partial<Record<TaskState, Rules>> = {
  OFFERED: {
    AgentContactAssigned: () => ({ state: 'CONNECTED' }),
    AgentOfferContactRona: rona,
    ContactEnded: (x) => unanswered(x, declined(x) ? 'DECLINED' : 'CUSTOMER_HANGUP'),
  },
  OFFERED_CONSULT: {
    AgentConsulting: joinConsult,
    AgentContactAssigned: joinConsult,
    AgentOfferContactRona: rona,
    AgentConsultEnded: consultEnded,
    AgentCtqCancelled: consultEnded,
    ContactEnded: (x) => unanswered(x, 'CUSTOMER_HANGUP'),
  },
  CONNECTED: IN_CALL,
  HELD: IN_CALL,
  // CONSULTING as the consulting (primary) agent.
  CONSULTING: {
    AgentConsulting: ({ task, data }) => ({ consult: consultAs(task.consult, data, 'CONSULT_ACCEPTED') }),
    AgentConsultEnded: backFromConsult,
    AgentCtqCancelled: backFromConsult,
    AgentConsultConferenced: conferenced,
    AgentConsultTransferred: (x) =>
      end(x, 'TRANSFERRED', { consult: x.task.consult && { ...x.task.consult, status: 'CONSULT_COMPLETED' }, activeLeg: 'main' }),
    AgentContactHeld: switchLeg,
    AgentContactUnheld: switchLeg,
    ContactEnded: (x) => end(x, hangup(x), MAIN),
    AgentWrapup: wrapupNow,
  },
  CONFERENCING: {
    ParticipantJoinedConference: () => ({}),
    ParticipantLeftConference: (x) => {
      const { msg, agentId } = x;
      const mine = msg.participantId ? msg.participantId === agentId : participant(x.data, agentId)?.hasLeft === true;
      if (mine) return end(x, 'CONFERENCE_EXITED');
      return agentsInCall(x.data).filter((id) => id !== msg.participantId).length >= 2 ? {} : ONE_CALL;
    },
    AgentConsultConferenceEnded: () => ONE_CALL,
    AgentConsultTransferred: handedOver,
    AgentBlindTransferred: handedOver,
    AgentVteamTransferred: handedOver,
    ContactEnded: hungUp,
    AgentWrapup: wrapupNow,
  },
  WRAPPING_UP: {
    AgentWrappedUp: () => ({ state: 'COMPLETED', endReason: 'WRAPPED_UP' }),
  },
};

/** CONSULTING as the consulted (secondary) agent. */
const CONSULTED: Rules = {
  AgentConsultEnded: consultDone,
  AgentCtqCancelled: consultDone,
  AgentConsultTransferred: () => ({ ...ONE_CALL, ...MAIN }),
  AgentConsultConferenced: conferenced,
  ContactEnded: (x) => end(x, 'CUSTOMER_HANGUP', MAIN),
  AgentWrapup: wrapupNow,
};

/** The consult is over for the consulted agent (never a wrap-up). */
function consultDone(): Change {
  return { ...MAIN, state: 'COMPLETED', endReason: 'CONSULT_ENDED' };
}

/** The consult ended: back to the customer, held or not as the payload says. */
function backFromConsult(x: Input): Change {
  return { ...MAIN, state: isMainHeld(x.data) ? 'HELD' : 'CONNECTED' };
}

/** Events that mean the same in every live state: data, mute, recording, failures. */
function anywhere(x: Input): Outcome | undefined {
  const { task, msg } = x;
  const { state } = task;
  const type = msg.type;
  if (type === 'ContactUpdated') return typeof msg.isWebCallMute === 'boolean' ? { muted: msg.isWebCallMute } : {};
  if (type === 'ContactRecordingPaused' || type === 'ContactRecordingResumed') {
    if (task.media !== 'telephony') return `${type} applies to voice tasks only (this task is ${task.media})`;
    return { recording: type === 'ContactRecordingPaused' ? 'PAUSED' : 'RECORDING' };
  }
  // A shared failure event (ContactUpdateFailed, a hold's while switching legs) blames the pending command.
  const failed = blamed(type, task.pending?.command);
  if (!failed) return undefined;
  const error = failureError(failed, msg.reason, msg.eventTime ?? task.pending?.since ?? 0, task.id);
  if (failed === 'outdial' && state === 'OFFERED') return { state: 'TERMINATED', error };
  // A consult that never started: drop what the store recorded about it.
  if (failed === 'consult' && (state === 'CONNECTED' || state === 'HELD')) return { consult: undefined, error };
  // A consult that failed after it started: back to the state before it (HELD or CONNECTED).
  if (failed === 'consult' && state === 'CONSULTING' && !isSecondary(task)) {
    const before = task.previousState;
    const back = before === 'CONNECTED' || before === 'HELD' ? before : isMainHeld(x.data) ? 'HELD' : 'CONNECTED';
    return { ...MAIN, state: back, error };
  }
  return { error };
}

/**
 * What `x.msg` does to the live (not final) task `x.task`; rehydration by `AgentContact` is
 * handled by the caller.
 */
export function transition(x: Input): Outcome {
  const { task, msg } = x;
  const secondary = task.state === 'CONSULTING' && isSecondary(task);
  const rules = secondary ? CONSULTED : BY_STATE[task.state];
  return (
    anywhere(x) ??
    rules?.[msg.type as TaskEventName]?.(x) ??
    `${msg.type} does not apply to a task in ${task.state}${secondary ? ' (consulted agent)' : ''}`
  );
}
