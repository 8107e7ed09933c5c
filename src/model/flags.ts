/**
 * The derived flags of seed 000, recomputed from a task's state and payload. The wire's own
 * values for these flags are never trusted: the reducer strips them and calls `deriveFlags`.
 * @module
 */
import type { Task } from './domain.js';
import { agentsInCall, customerInCall, ronaTimeoutOf, wrapUpOwed } from './payload.js';
import type { ConsultStatus, TaskData } from './seed-types.js';

/** The keys `deriveFlags` owns (stripped from incoming payloads before they are merged). */
export const DERIVED_KEYS = [
  'conferenceParticipantsCount',
  'consultStatus',
  'isConferenceInProgress',
  'isConsultInProgress',
  'isCustomerInCall',
  'isIncomingTask',
  'isOnHold',
  'isSecondaryAgent',
  'ronaTimeout',
  'wrapUpRequired',
] as const satisfies readonly (keyof TaskData)[];

const ENDED = new Set<Task['state']>(['WRAPPING_UP', 'COMPLETED', 'TERMINATED']);

/**
 * Whether the agent owes a wrap-up: always in WRAPPING_UP, never once the task is final,
 * otherwise the payload's rule (`agentsPendingWrapUp` or the agent's `isWrapUp`).
 */
export function wrapUpRequiredFor(task: Pick<Task, 'state' | 'data'>, agentId: string): boolean {
  if (task.state === 'WRAPPING_UP') return true;
  if (task.state === 'COMPLETED' || task.state === 'TERMINATED') return false;
  return wrapUpOwed(task.data, agentId);
}

/** Whether this agent is the consulted (secondary) party: being offered a consult, or as the reducer recorded. */
export const isSecondary = (task: Pick<Task, 'state' | 'data'>): boolean =>
  task.state === 'OFFERED_CONSULT' || task.data.isSecondaryAgent === true;

function consultStatusOf(task: Task): ConsultStatus | undefined {
  switch (task.state) {
    case 'OFFERED_CONSULT':
      return 'BEING_CONSULTED';
    case 'CONSULTING':
      return task.consult?.status ?? (isSecondary(task) ? 'BEING_CONSULTED_ACCEPTED' : 'CONSULT_INITIATED');
    case 'CONFERENCING':
      return 'CONFERENCE';
    case 'CONNECTED':
    case 'HELD':
      return 'CONNECTED';
    default:
      return task.consult?.status === 'CONSULT_COMPLETED' ? 'CONSULT_COMPLETED' : undefined;
  }
}

/**
 * The task's payload with the seed-000 derived flags recomputed: isOnHold (HELD),
 * isConsultInProgress (CONSULTING), isConferenceInProgress (CONFERENCING with 2+ agents),
 * isCustomerInCall (a customer in the main leg who has not left; never after the end),
 * isIncomingTask (OFFERED / OFFERED_CONSULT), isSecondaryAgent, consultStatus, wrapUpRequired,
 * conferenceParticipantsCount (agents in the main leg) and ronaTimeout (seconds).
 */
export function deriveFlags(task: Task, agentId: string): TaskData {
  const data = task.data;
  const agents = agentsInCall(data).length;
  const flags: Partial<TaskData> = {
    conferenceParticipantsCount: agents,
    consultStatus: consultStatusOf(task),
    isConferenceInProgress: task.state === 'CONFERENCING' && agents >= 2,
    isConsultInProgress: task.state === 'CONSULTING',
    isCustomerInCall: !ENDED.has(task.state) && customerInCall(data),
    isIncomingTask: task.state === 'OFFERED' || task.state === 'OFFERED_CONSULT',
    isOnHold: task.state === 'HELD',
    isSecondaryAgent: isSecondary(task),
    ronaTimeout: ronaTimeoutOf(data),
    wrapUpRequired: wrapUpRequiredFor(task, agentId),
  };
  const out: TaskData = { ...data };
  for (const key of DERIVED_KEYS) {
    const value = flags[key];
    if (value === undefined) delete out[key];
    else (out as unknown as Record<string, unknown>)[key] = value;
  }
  return out;
}
