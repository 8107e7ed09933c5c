/**
 * The task state machine: `step(task, message)` applies one backend event to a task (or creates
 * it), or says why the event is ignored. Pure: no clock but the events' `eventTime`, no mutation
 * (every change is a new Task with `rev + 1`; an ignored event returns the same object).
 * @module
 */
import type { ConsultInfo, Leg, Task, TaskCommand, TaskMessage, TaskState } from './domain.js';
import { isTaskEventName, type TaskEventName } from './events.js';
import { isFinal } from './final.js';
import { DERIVED_KEYS, deriveFlags } from './flags.js';
import {
  consultLeg,
  destinationOf,
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
import { transition, type Change } from './transitions.js';

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

const ignore = (task: Task | undefined, reason: string): StepResult => ({ task, ignored: reason });


/** Why a message cannot be read at all, if it cannot. */
function malformed(msg: unknown): string | undefined {
  if (!isObject(msg)) return 'malformed message: not an object';
  if (typeof msg.type !== 'string') return 'malformed message: no event type';
  if (typeof msg.interactionId !== 'string' || msg.interactionId === '') return 'malformed message: no interactionId';
  if (!isObject(msg.interaction)) return 'malformed message: no interaction';
  return undefined;
}

/** Events that confirm a pending command (a state change or its `…Failed` twin also settles it). */
const CONFIRMS: Readonly<Record<TaskCommand, readonly TaskEventName[]>> = {
  accept: ['AgentContactAssigned', 'AgentConsulting'],
  decline: ['AgentOfferContactRona'],
  hold: ['AgentContactHeld'],
  resume: ['AgentContactUnheld'],
  toggleMute: ['ContactUpdated'],
  pauseRecording: ['ContactRecordingPaused'],
  resumeRecording: ['ContactRecordingResumed'],
  consult: ['AgentConsultCreated'],
  endConsult: ['AgentConsultEnded', 'AgentCtqCancelled'],
  consultTransfer: ['AgentConsultTransferred'],
  consultConference: ['AgentConsultConferenced'],
  // Another agent leaving does not confirm our exit; our own exit ends the task (a state change).
  exitConference: [],
  switchLeg: ['AgentContactHeld', 'AgentContactUnheld'],
  transfer: ['AgentBlindTransferred', 'AgentVteamTransferred'],
  end: ['ContactEnded', 'AgentWrapup'],
  wrapup: ['AgentWrappedUp'],
  setUserData: ['ContactUpdated'],
  deleteUserData: ['ContactUpdated'],
};

/** Copy without undefined values (wire payloads and optional task fields stay deep-equal comparable). */
function defined<T extends object>(obj: T): T {
  const out = {} as T;
  for (const [key, value] of Object.entries(obj)) if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  return out;
}

/**
 * The message's payload over the task's data: top-level fields the message omits are kept, and
 * `interaction` is merged one level deep. Derived flags from the wire are dropped.
 */
export function mergeData(old: TaskData | undefined, msg: TaskMessage): TaskData {
  const incoming = defined(msg) as unknown as Record<string, unknown>;
  for (const key of DERIVED_KEYS) if (key !== 'ronaTimeout') delete incoming[key];
  const interaction = { ...old?.interaction, ...defined(msg.interaction) } as Interaction;
  return { ...old, ...incoming, interaction } as TaskData;
}

const OFFERS = new Set<TaskState>(['OFFERED', 'OFFERED_CONSULT']);
const TALKING = new Set<TaskState>(['CONNECTED', 'HELD', 'CONSULTING', 'CONFERENCING']);

/** Timestamps after moving from `from` to `change.state` at `at`. */
function nextTimes(old: Task['times'], from: TaskState, change: Change, at: number | undefined): Task['times'] {
  const t: { -readonly [K in keyof Task['times']]: Task['times'][K] } = { ...old };
  const to = change.state;
  if (to !== from) {
    if (OFFERS.has(from)) delete t.ronaDeadline;
    if (from === 'HELD') delete t.heldAt;
    if (to === 'HELD') t.heldAt = at;
    if (TALKING.has(to)) t.connectedAt ??= at;
    if (to === 'WRAPPING_UP') t.wrapupStartedAt = at;
  }
  if (change.ended) t.endedAt ??= at;
  return defined(t);
}

/** Finish a task: secondary fact into the data, derived flags, wrap-up flag, no undefined fields. */
function finish(task: Task, secondary: boolean, agentId: string): Task {
  const draft = defined({ ...task, data: { ...task.data, isSecondaryAgent: secondary } });
  const data = deriveFlags(draft, agentId);
  return { ...draft, data, wrapUpRequired: data.wrapUpRequired === true };
}

/** Apply a change to a live task. */
function apply(task: Task, msg: TaskMessage, data: TaskData, change: Change, agentId: string): Task {
  const moved = change.state !== task.state;
  const settles =
    moved ||
    change.error !== undefined ||
    (task.pending !== undefined && isTaskEventName(msg.type) && CONFIRMS[task.pending.command].includes(msg.type));
  const next: Task = {
    id: task.id,
    state: change.state,
    previousState: moved ? task.state : task.previousState,
    media: task.media,
    data,
    pending: settles ? undefined : task.pending,
    error: change.error,
    muted: change.muted ?? task.muted,
    recording: change.recording ?? task.recording,
    consult: change.consult === null ? undefined : (change.consult ?? task.consult),
    activeLeg: change.activeLeg ?? task.activeLeg,
    wrapUpRequired: task.wrapUpRequired,
    endReason: change.endReason ?? task.endReason,
    markdoneBlocked: task.markdoneBlocked,
    times: nextTimes(task.times, task.state, change, msg.eventTime),
    rev: task.rev + 1,
  };
  return finish(next, change.secondary ?? task.data.isSecondaryAgent === true, agentId);
}

/** Map `interaction.state` of a snapshot to a task state. */
function stateFromPayload(msg: TaskMessage): TaskState | undefined {
  switch (interactionStateOf(msg)) {
    case 'new':
      return 'OFFERED';
    case 'consult':
      return 'OFFERED_CONSULT';
    case 'connected':
      return isMainHeld(msg) ? 'HELD' : 'CONNECTED';
    case 'hold':
      return 'HELD';
    case 'consulting':
      return 'CONSULTING';
    case 'conference':
    case 'conferencing':
      return 'CONFERENCING';
    case 'wrapup':
      return 'WRAPPING_UP';
    default:
      return undefined;
  }
}

/** Whether the consulted party has joined the consult leg (for a snapshot taken mid-consult). */
function consultJoined(data: TaskData, agentId: string): boolean {
  if (isTrue(data.interaction.callProcessingDetails?.consultDestinationAgentJoined)) return true;
  const ids = consultLeg(data)?.participants;
  return Array.isArray(ids) && ids.some((id) => id !== agentId && participant(data, id)?.hasJoined === true);
}

/** The agent who consults us (the secondary's view of the consult). */
function consulter(data: TaskData, known?: ConsultInfo): ConsultInfo['destination'] {
  if (known) return known.destination;
  const id = data.consultingAgentId || ownerOf(data) || '';
  const name = id ? participant(data, id)?.name : undefined;
  return name ? { type: 'agent', id, name } : { type: 'agent', id };
}

interface Shape {
  secondary: boolean;
  consult?: ConsultInfo;
  activeLeg: Leg;
}

/** Secondary role, consult and active leg for a task in `state` described by `data`. */
function shapeOf(state: TaskState, data: TaskData, agentId: string, old?: Task): Shape {
  const owner = ownerOf(data);
  const known = old?.consult;
  switch (state) {
    case 'OFFERED_CONSULT':
      return { secondary: true, consult: { destination: consulter(data, known), status: 'BEING_CONSULTED' }, activeLeg: 'consult' };
    case 'CONSULTING': {
      const secondary = owner ? owner !== agentId : old?.data.isSecondaryAgent === true;
      if (secondary) {
        const consult: ConsultInfo = { destination: consulter(data, known), status: 'BEING_CONSULTED_ACCEPTED' };
        return { secondary, consult, activeLeg: 'consult' };
      }
      const accepted = known?.status === 'CONSULT_ACCEPTED' || consultJoined(data, agentId);
      const consult: ConsultInfo = {
        ...known,
        destination: destinationOf(data, known?.destination),
        status: accepted ? 'CONSULT_ACCEPTED' : 'CONSULT_INITIATED',
      };
      return { secondary, consult, activeLeg: isMainHeld(data) ? 'consult' : 'main' };
    }
    case 'CONFERENCING': {
      const secondary = owner ? owner !== agentId : old?.data.isSecondaryAgent === true;
      const destination = known?.destination ?? destinationOf(data);
      return { secondary, consult: { ...known, destination, status: 'CONFERENCE' }, activeLeg: 'main' };
    }
    default:
      return { secondary: false, activeLeg: 'main' };
  }
}

/**
 * Times for a task first seen in `state` at `at`. A snapshot (`AgentContact`) arrives long after
 * the facts, so it prefers the payload's own timestamps (the agent's join, the leg's hold).
 */
function initialTimes(state: TaskState, data: TaskData, agentId: string, at: number | undefined, snapshot: boolean): Task['times'] {
  if (OFFERS.has(state)) {
    const rona = ronaTimeoutOf(data);
    return defined({ offeredAt: at, ronaDeadline: at !== undefined && rona !== undefined ? at + rona * 1000 : undefined });
  }
  const joined = snapshot ? participant(data, agentId)?.joinTimestamp : undefined;
  const connectedAt = typeof joined === 'number' ? joined : at;
  const hold = snapshot ? mainLeg(data)?.holdTimestamp : undefined;
  return defined({
    connectedAt,
    heldAt: state === 'HELD' ? (typeof hold === 'number' ? hold : at) : undefined,
    wrapupStartedAt: state === 'WRAPPING_UP' ? at : undefined,
    endedAt: state === 'WRAPPING_UP' ? at : undefined,
  });
}

/** Build a task in `state` from a message (creation), or rebuild `old` from a snapshot (rehydration). */
function build(msg: TaskMessage, state: TaskState, agentId: string, old?: Task): StepResult {
  const media = old?.media ?? mediaOf(msg);
  if (!media) return ignore(old, `unsupported media type "${String(msg.interaction.mediaType)}"`);
  const data = mergeData(old?.data, msg);
  const shape = shapeOf(state, data, agentId, old);
  const fresh = initialTimes(state, data, agentId, msg.eventTime, msg.type === 'AgentContact');
  const times = old
    ? defined({
        ...fresh,
        ...old.times,
        heldAt: state === 'HELD' ? (old.times.heldAt ?? fresh.heldAt) : undefined,
        ronaDeadline: OFFERS.has(state) ? (old.times.ronaDeadline ?? fresh.ronaDeadline) : undefined,
      })
    : fresh;
  const task: Task = {
    id: msg.interactionId,
    state,
    previousState: old ? (old.state !== state ? old.state : old.previousState) : undefined,
    media,
    data,
    muted: typeof msg.isWebCallMute === 'boolean' ? msg.isWebCallMute : (old?.muted ?? false),
    recording: recordingOf(data, media),
    consult: shape.consult,
    activeLeg: shape.activeLeg,
    wrapUpRequired: false,
    markdoneBlocked: old?.markdoneBlocked,
    times,
    rev: (old?.rev ?? 0) + 1,
  };
  return { task: finish(task, shape.secondary, agentId) };
}

/** A snapshot (`AgentContact`) of a live task: state, consult and role come from the payload. */
function rehydrate(old: Task | undefined, msg: TaskMessage, agentId: string): StepResult {
  const state = stateFromPayload(msg);
  if (!state) return ignore(old, `cannot rehydrate from interaction state "${String(msg.interaction.state)}"`);
  return build(msg, state, agentId, old);
}

/** A message about an interaction we do not know yet: only offers, assignments and snapshots create tasks. */
function create(msg: TaskMessage, agentId: string): StepResult {
  switch (msg.type) {
    case 'AgentOfferContact':
      return build(msg, 'OFFERED', agentId);
    case 'AgentOfferConsult':
      return build(msg, 'OFFERED_CONSULT', agentId);
    case 'AgentContactAssigned':
      return build(msg, 'CONNECTED', agentId);
    case 'AgentContact':
      return rehydrate(undefined, msg, agentId);
    default:
      return ignore(undefined, `${msg.type} for an unknown task ${msg.interactionId}`);
  }
}

/**
 * Apply one backend message to the task it is about (`undefined` when the store has none).
 * Returns the new task, or the same task with `ignored` saying why nothing changed: an unknown or
 * malformed message, a message for another interaction, a final task, or an event that makes no
 * sense in the task's state. A task is never corrupted by a message.
 */
export function step(task: Task | undefined, msg: TaskMessage, ctx: ReduceContext): StepResult {
  const bad = malformed(msg);
  if (bad) return ignore(task, bad);
  if (!isTaskEventName(msg.type)) return ignore(task, `unknown event type "${msg.type}"`);
  if (!task) return create(msg, ctx.agentId);
  if (task.id !== msg.interactionId) return ignore(task, `message for ${msg.interactionId} does not belong to task ${task.id}`);
  if (isFinal(task)) return ignore(task, `the task is ${task.state}: ${msg.type} ignored`);
  if (msg.type === 'AgentContact') return rehydrate(task, msg, ctx.agentId);
  const data = mergeData(task.data, msg);
  const outcome = transition({ task, msg, data, agentId: ctx.agentId });
  if (typeof outcome === 'string') return ignore(task, outcome);
  return { task: apply(task, msg, data, outcome, ctx.agentId) };
}

/** `step(...).task`: the new task, or the same one when the message was ignored. */
export function reduce(task: Task | undefined, msg: TaskMessage, ctx: ReduceContext): Task | undefined {
  return step(task, msg, ctx).task;
}
