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

/** Milliseconds left before an offer redirects on no answer (never negative), or undefined. */
export function ronaRemaining(task: Task, now: number): number | undefined {
  const deadline = task.times.ronaDeadline;
  return isOffer(task) && deadline !== undefined ? Math.max(0, deadline - now) : undefined;
}

/** Milliseconds since the task was connected, while the agent handles it. */
export function handleTime(task: Task, now: number): number | undefined {
  const since = task.times.connectedAt;
  return HANDLING.has(task.state) && since !== undefined ? Math.max(0, now - since) : undefined;
}

/** Milliseconds on hold, while held. */
export function holdTime(task: Task, now: number): number | undefined {
  const since = task.times.heldAt;
  return task.state === 'HELD' && since !== undefined ? Math.max(0, now - since) : undefined;
}

/** True when something about the task counts every second (a countdown or a timer). */
export const isCounting = (task: Task): boolean =>
  (isOffer(task) && task.times.ronaDeadline !== undefined) ||
  (HANDLING.has(task.state) && task.times.connectedAt !== undefined);
