/**
 * The times the task elements display, computed from the store's clock (`store.now()`) and the
 * task's `times`; nothing here keeps a clock of its own.
 * @module
 */
import type { Task } from '../../model/index.js';

const OFFERS: ReadonlySet<Task['state']> = new Set(['OFFERED', 'OFFERED_CONSULT']);
const HANDLING: ReadonlySet<Task['state']> = new Set(['CONNECTED', 'HELD', 'CONSULTING', 'CONFERENCING', 'WRAPPING_UP']);

/** True for an offer (OFFERED or OFFERED_CONSULT). */
export const isOffer = (task: Task): boolean => OFFERS.has(task.state);

/** Milliseconds from `from` to `to` (never negative) while `counts`, or undefined. */
const span = (counts: boolean, from: number | undefined, to: number | undefined): number | undefined =>
  counts && from !== undefined && to !== undefined ? Math.max(0, to - from) : undefined;

/** Milliseconds left before an offer redirects on no answer (never negative), or undefined. */
export const ronaRemaining = (task: Task, now: number): number | undefined => span(isOffer(task), now, task.times.ronaDeadline);

/** Milliseconds since the task was connected, while the agent handles it. */
export const handleTime = (task: Task, now: number): number | undefined =>
  span(HANDLING.has(task.state), task.times.connectedAt, now);

/** Milliseconds on hold, while held. */
export const holdTime = (task: Task, now: number): number | undefined => span(task.state === 'HELD', task.times.heldAt, now);

/** True when something about the task counts every second (a countdown or a timer). */
export const isCounting = (task: Task): boolean => ronaRemaining(task, 0) !== undefined || handleTime(task, 0) !== undefined;
