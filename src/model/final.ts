/**
 * Whether a task is over for this agent (re-exported by the state machine).
 * @module
 */
import type { Task } from './domain.js';

/** COMPLETED or TERMINATED: the task leaves the list and ignores every further event. */
export const isFinal = (task: Pick<Task, 'state'>): boolean => task.state === 'COMPLETED' || task.state === 'TERMINATED';
