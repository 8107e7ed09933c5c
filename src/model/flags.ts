/**
 * The derived flags of seed 000, recomputed from a task's state and payload. The wire's own
 * values for these flags are never trusted: the reducer strips them and calls `deriveFlags`.
 * @module
 */
import type { Task } from './domain.js';
import { isFinal, OFFERS, OVER } from './final.js';
import { agentsInCall, customerInCall, hasOwn, ronaTimeoutOf, wrapUpOwed } from './payload.js';
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

/**
 * Whether the agent owes a wrap-up: always in WRAPPING_UP, never once the task is final,
 * otherwise the payload's rule (`agentsPendingWrapUp` or the agent's `isWrapUp`).
 */
export const wrapUpRequiredFor = (task: Pick<Task, 'state' | 'data'>, agentId: string): boolean =>
  task.state === 'WRAPPING_UP' || (!isFinal(task) && wrapUpOwed(task.data, agentId));

/** Whether this agent is the consulted (secondary) party: being offered a consult, or as the reducer recorded. */
export const isSecondary = (task: Pick<Task, 'state' | 'data'>): boolean =>
  task.state === 'OFFERED_CONSULT' || task.data.isSecondaryAgent === true;

type Facts = Pick<Task, 'state' | 'data' | 'consult'>;

function consultStatusOf(task: Facts): ConsultStatus | undefined {
  const { state, consult } = task;
  if (state === 'OFFERED_CONSULT') return 'BEING_CONSULTED';
  if (state === 'CONSULTING') return consult?.status ?? (isSecondary(task) ? 'BEING_CONSULTED_ACCEPTED' : 'CONSULT_INITIATED');
  if (state === 'CONFERENCING') return 'CONFERENCE';
  if (state === 'CONNECTED' || state === 'HELD') return 'CONNECTED';
  return consult?.status === 'CONSULT_COMPLETED' ? 'CONSULT_COMPLETED' : undefined;
}

/**
 * The task's payload with the seed-000 derived flags recomputed: isOnHold (HELD),
 * isConsultInProgress (CONSULTING), isConferenceInProgress (CONFERENCING with 2+ agents),
 * isCustomerInCall (a customer in the main leg who has not left; never after the end),
 * isIncomingTask (OFFERED / OFFERED_CONSULT), isSecondaryAgent, consultStatus, wrapUpRequired,
 * conferenceParticipantsCount (agents in the main leg) and ronaTimeout (seconds). A flag without a
 * value (consultStatus outside a consult, ronaTimeout unknown) is absent, not undefined.
 */
export function deriveFlags(task: Facts, agentId: string): TaskData {
  const { state, data } = task;
  const agents = agentsInCall(data).length;
  const consultStatus = consultStatusOf(task);
  const ronaTimeout = ronaTimeoutOf(data);
  const out: TaskData = {
    ...data,
    conferenceParticipantsCount: agents,
    isConferenceInProgress: state === 'CONFERENCING' && agents >= 2,
    isConsultInProgress: state === 'CONSULTING',
    isCustomerInCall: !OVER.has(state) && customerInCall(data),
    isIncomingTask: OFFERS.has(state),
    isOnHold: state === 'HELD',
    isSecondaryAgent: isSecondary(task),
    wrapUpRequired: wrapUpRequiredFor(task, agentId),
  };
  // The two flags that may have no value are set only when they have one. A consult status that
  // no longer applies leaves (rarely: deleting a key makes a slow object, so not on every event).
  if (consultStatus !== undefined) out.consultStatus = consultStatus;
  else if (hasOwn(out, 'consultStatus')) delete out.consultStatus;
  if (ronaTimeout !== undefined) out.ronaTimeout = ronaTimeout;
  else if (hasOwn(out, 'ronaTimeout')) delete out.ronaTimeout;
  return out;
}
