/**
 * Where a task stands in its life: offered, over for this agent (re-exported by the state
 * machine), or past the contact's end. Shared by the reducer, the flags and the controls.
 * @module
 */
import type { Task, TaskState } from './domain.js';

/** COMPLETED or TERMINATED: the task leaves the list and ignores every further event. */
export const isFinal = (task: Pick<Task, 'state'>): boolean => task.state === 'COMPLETED' || task.state === 'TERMINATED';

/** The states of an offer not yet answered. */
export const OFFERS: ReadonlySet<TaskState> = new Set<TaskState>(['OFFERED', 'OFFERED_CONSULT']);

/** The states of a contact the agent is in: connected, on hold, consulting, in conference. */
export const LIVE: ReadonlySet<TaskState> = new Set<TaskState>(['CONNECTED', 'HELD', 'CONSULTING', 'CONFERENCING']);

/** The states once the contact has ended: wrapping up, or final. */
export const OVER: ReadonlySet<TaskState> = new Set<TaskState>(['WRAPPING_UP', 'COMPLETED', 'TERMINATED']);
