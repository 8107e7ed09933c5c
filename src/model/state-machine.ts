/**
 * The task state machine: `step(task, message)` applies one backend event to a task (or creates
 * it), or says why the event is ignored. Pure: no clock but the events' `eventTime`, no mutation
 * (every change is a new Task with `rev + 1`; an ignored event returns the same object).
 * @module
 */
import type { ConsultInfo, Task, TaskCommand, TaskMessage, TaskState } from './domain.js';
import { isTaskEventName, type TaskEventName } from './events.js';
import { isFinal, LIVE, OFFERS, OVER } from './final.js';
import { DERIVED_KEYS, deriveFlags } from './flags.js';
import {
  consultLeg,
  defined,
  destinationOf,
  hasOwn,
  interactionStateOf,
  isMainHeld,
  isObject,
  isTrue,
  mainLeg,
  mediaOf,
  ownerOf,
  participant,
  recordingOf,
  ronaTimeoutOf,
} from './payload.js';
import type { Interaction, TaskData } from './seed-types.js';
import { consultAs, transition, type Change } from './transitions.js';

export { isFinal };

/** Who the reducer works for: the logged-in agent. */
export interface ReduceContext {
  agentId: string;
}

/** The task after a message, and when the message was not applied, why. */
export interface StepResult {
  task: Task | undefined;
  /** Why the message was not applied (the task is returned unchanged: the same object). */
  ignored?: string;
}

/** What a task's state says about its role, consult and active leg. */
type Shape = Change & Pick<Task, 'activeLeg'> & { secondary: boolean };

type Times = { -readonly [K in keyof Task['times']]: Task['times'][K] };

const ignore = (task: Task | undefined, reason: string): StepResult => ({ task, ignored: reason });

/** Why a message cannot be read at all, if it cannot. */
function malformed(msg: unknown): string | undefined {
  const why = !isObject(msg)
    ? 'not an object'
    : typeof msg.type !== 'string'
      ? 'no event type'
      : typeof msg.interactionId !== 'string' || msg.interactionId === ''
        ? 'no interactionId'
        : isObject(msg.interaction)
          ? undefined
          : 'no interaction';
  return why && `malformed message: ${why}`;
}

/**
 * Events that confirm a pending command without moving the task. Any state change, an error or
 * the command's `…Failed` twin settles it too, so commands whose confirming events always move
 * the task (decline, consult, endConsult, consultConference, end, wrapup) need no entry; neither
 * does exitConference (another agent leaving does not confirm our exit; our own exit ends the task).
 */
const CONFIRMS: Readonly<Partial<Record<TaskCommand, readonly string[]>>> = {
  accept: ['AgentConsulting'],
  hold: ['AgentContactHeld'],
  resume: ['AgentContactUnheld'],
  toggleMute: ['ContactUpdated'],
  pauseRecording: ['ContactRecordingPaused'],
  resumeRecording: ['ContactRecordingResumed'],
  consultTransfer: ['AgentConsultTransferred'],
  switchLeg: ['AgentContactHeld', 'AgentContactUnheld'],
  transfer: ['AgentBlindTransferred', 'AgentVteamTransferred'],
  setUserData: ['ContactUpdated'],
  deleteUserData: ['ContactUpdated'],
};

/** What `interaction.state` of a snapshot means (a `connected` call whose main leg is held is HELD). */
const SNAPSHOT: Readonly<Record<string, TaskState>> = {
  new: 'OFFERED',
  consult: 'OFFERED_CONSULT',
  connected: 'CONNECTED',
  hold: 'HELD',
  consulting: 'CONSULTING',
  conference: 'CONFERENCING',
  conferencing: 'CONFERENCING',
  wrapup: 'WRAPPING_UP',
};

/** The events that create a task the store does not know yet (besides a snapshot). */
const CREATES: Partial<Record<TaskEventName, TaskState>> = {
  AgentOfferContact: 'OFFERED',
  AgentOfferConsult: 'OFFERED_CONSULT',
  AgentContactAssigned: 'CONNECTED',
};

/** The derived flags the wire's payload must not set (its `ronaTimeout` is the offer's own). */
const STRIPPED: ReadonlySet<string> = new Set(DERIVED_KEYS.filter((key) => key !== 'ronaTimeout'));

/**
 * The message's payload over the task's data: top-level fields the message omits are kept, and
 * `interaction` is merged one level deep. Derived flags from the wire are dropped.
 */
export function mergeData(old: TaskData | undefined, msg: TaskMessage): TaskData {
  const incoming = defined(msg, STRIPPED);
  const interaction = defined(msg.interaction) as Interaction;
  // A new task's data is the message's own (one copy, not merged over nothing).
  if (!old) return { ...incoming, interaction } as TaskData;
  return { ...old, ...incoming, interaction: { ...old.interaction, ...interaction } } as TaskData;
}

/** Timestamps after moving from `from` to `to` at `at`. */
function nextTimes(old: Task['times'], from: TaskState, to: TaskState, at: number | undefined): Task['times'] {
  const t: Times = { ...old };
  if (to !== from) {
    if (OFFERS.has(from)) delete t.ronaDeadline;
    if (from === 'HELD') delete t.heldAt;
    if (to === 'HELD') t.heldAt = at;
    if (LIVE.has(to)) t.connectedAt ??= at;
    if (to === 'WRAPPING_UP') t.wrapupStartedAt = at;
    // The contact ends now (finishing a wrap-up does not end it again).
    if (OVER.has(to) && from !== 'WRAPPING_UP') t.endedAt ??= at;
  }
  return defined(t);
}

/** Finish a task: derived flags, the wrap-up flag, no undefined fields. */
function finish(task: Omit<Task, 'wrapUpRequired'>, agentId: string): Task {
  const data = deriveFlags(task, agentId);
  return Object.assign(defined(task), { data, wrapUpRequired: data.wrapUpRequired === true });
}

/** Apply a change to a live task. */
function apply(task: Task, msg: TaskMessage, data: TaskData, change: Change, agentId: string): Task {
  const { secondary = task.data.isSecondaryAgent === true, ...fields } = change;
  const to = fields.state ?? task.state;
  const moved = to !== task.state;
  const pending = task.pending;
  const settles = moved || fields.error !== undefined || CONFIRMS[pending?.command as TaskCommand]?.includes(msg.type);
  return finish(
    {
      ...task,
      pending: settles ? undefined : pending,
      error: undefined,
      ...fields,
      previousState: moved ? task.state : task.previousState,
      data: { ...data, isSecondaryAgent: secondary },
      times: nextTimes(task.times, task.state, to, msg.eventTime),
      rev: task.rev + 1,
    },
    agentId,
  );
}

/** Whether the consulted party has joined the consult leg (for a snapshot taken mid-consult). */
function consultJoined(data: TaskData, agentId: string): boolean {
  if (isTrue(data.interaction.callProcessingDetails?.consultDestinationAgentJoined)) return true;
  const ids = consultLeg(data)?.participants;
  return Array.isArray(ids) && ids.some((id) => id !== agentId && participant(data, id)?.hasJoined === true);
}

/** The agent who consults us (the secondary's view of the consult), unless already known. */
function consulter(data: TaskData, known?: ConsultInfo): ConsultInfo['destination'] {
  if (known) return known.destination;
  const id = data.consultingAgentId || ownerOf(data) || '';
  const name = id ? participant(data, id)?.name : undefined;
  return name ? { type: 'agent', id, name } : { type: 'agent', id };
}

/** Secondary role, consult and active leg for a task in `state` described by `data`. */
function shapeOf(state: TaskState, data: TaskData, agentId: string, old?: Task): Shape {
  const owner = ownerOf(data);
  const known = old?.consult;
  const secondary = owner ? owner !== agentId : old?.data.isSecondaryAgent === true;
  const consulted = (status: ConsultInfo['status']): Shape => ({
    secondary: true,
    consult: { destination: consulter(data, known), status },
    activeLeg: 'consult',
  });
  if (state === 'OFFERED_CONSULT') return consulted('BEING_CONSULTED');
  if (state === 'CONSULTING') {
    if (secondary) return consulted('BEING_CONSULTED_ACCEPTED');
    const accepted = known?.status === 'CONSULT_ACCEPTED' || consultJoined(data, agentId);
    return {
      secondary,
      consult: consultAs(known, data, accepted ? 'CONSULT_ACCEPTED' : 'CONSULT_INITIATED'),
      activeLeg: isMainHeld(data) ? 'consult' : 'main',
    };
  }
  if (state === 'CONFERENCING') {
    return { secondary, consult: { ...known, destination: known?.destination ?? destinationOf(data), status: 'CONFERENCE' }, activeLeg: 'main' };
  }
  return { secondary: false, activeLeg: 'main' };
}

/**
 * Times for a task first seen in `state` at `at`. A snapshot (`AgentContact`) arrives long after
 * the facts, so it prefers the payload's own timestamps (the agent's join, the leg's hold).
 */
function initialTimes(state: TaskState, data: TaskData, agentId: string, at: number | undefined, snapshot: boolean): Times {
  if (OFFERS.has(state)) {
    const rona = ronaTimeoutOf(data);
    return defined({ offeredAt: at, ronaDeadline: at !== undefined && rona !== undefined ? at + rona * 1000 : undefined });
  }
  const joined = snapshot ? participant(data, agentId)?.joinTimestamp : undefined;
  const hold = snapshot ? mainLeg(data)?.holdTimestamp : undefined;
  const wrapping = state === 'WRAPPING_UP' ? at : undefined;
  return defined({
    connectedAt: typeof joined === 'number' ? joined : at,
    heldAt: state === 'HELD' ? (typeof hold === 'number' ? hold : at) : undefined,
    wrapupStartedAt: wrapping,
    endedAt: wrapping,
  });
}

/**
 * Build a task in `state` from a message (creation), or rebuild `old` from a snapshot
 * (rehydration: its times, mute and markdone block are kept; pending, error and end reason go).
 */
function build(msg: TaskMessage, state: TaskState, agentId: string, old?: Task): StepResult {
  const media = old?.media ?? mediaOf(msg);
  if (!media) return ignore(old, `unsupported media type "${String(msg.interaction.mediaType)}"`);
  const data = mergeData(old?.data, msg);
  const { secondary, ...shape } = shapeOf(state, data, agentId, old);
  const times = { ...initialTimes(state, data, agentId, msg.eventTime, msg.type === 'AgentContact'), ...old?.times };
  if (state !== 'HELD') delete times.heldAt;
  if (!OFFERS.has(state)) delete times.ronaDeadline;
  const task = {
    id: msg.interactionId,
    state,
    previousState: old && (old.state !== state ? old.state : old.previousState),
    media,
    data: { ...data, isSecondaryAgent: secondary },
    muted: typeof msg.isWebCallMute === 'boolean' ? msg.isWebCallMute : (old?.muted ?? false),
    recording: recordingOf(data, media),
    ...shape,
    markdoneBlocked: old?.markdoneBlocked,
    times,
    rev: (old?.rev ?? 0) + 1,
  };
  return { task: finish(task, agentId) };
}

/**
 * Apply one backend message to the task it is about (`undefined` when the store has none).
 * Returns the new task, or the same task with `ignored` saying why nothing changed: an unknown or
 * malformed message, a message for another interaction, a final task, or an event that makes no
 * sense in the task's state. A task is never corrupted by a message. Only offers, assignments and
 * snapshots (`AgentContact`, which also rebuilds a known task) create tasks.
 */
export function step(task: Task | undefined, msg: TaskMessage, { agentId }: ReduceContext): StepResult {
  const bad = malformed(msg);
  if (bad) return ignore(task, bad);
  const { type, interactionId } = msg;
  if (!isTaskEventName(type)) return ignore(task, `unknown event type "${type}"`);
  if (task && task.id !== interactionId) return ignore(task, `message for ${interactionId} does not belong to task ${task.id}`);
  if (task && isFinal(task)) return ignore(task, `the task is ${task.state}: ${type} ignored`);
  if (type === 'AgentContact') {
    const snapshot = interactionStateOf(msg);
    const state = hasOwn(SNAPSHOT, snapshot) ? SNAPSHOT[snapshot] : undefined;
    if (!state) return ignore(task, `cannot rehydrate from interaction state "${String(msg.interaction.state)}"`);
    return build(msg, state === 'CONNECTED' && isMainHeld(msg) ? 'HELD' : state, agentId, task);
  }
  if (!task) {
    const state = CREATES[type];
    return state ? build(msg, state, agentId) : ignore(undefined, `${type} for an unknown task ${interactionId}`);
  }
  const data = mergeData(task.data, msg);
  const outcome = transition({ task, msg, data, agentId });
  return typeof outcome === 'string' ? ignore(task, outcome) : { task: apply(task, msg, data, outcome, agentId) };
}

/** `step(...).task`: the new task, or the same one when the message was ignored. */
export function reduce(task: Task | undefined, msg: TaskMessage, ctx: ReduceContext): Task | undefined {
  return step(task, msg, ctx).task;
}
