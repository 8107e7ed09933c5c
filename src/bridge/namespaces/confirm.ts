/**
 * Commands answered when the contact center has answered: the store resolves a task command
 * when the backend took it, and keeps the task pending until the confirming event (or its
 * `…Failed` twin, or the store's timeout). The bridge answers the host after that, so a host
 * hears of a failure that arrives as an event, and so a second command on the same task is not
 * refused for the first one still pending.
 * @module
 */
import type { Task, TaskCommand } from '../../model/domain.js';
import { canIssue } from '../../model/commands.js';
import { BridgeFailure, type MethodContext } from './context.js';

/**
 * Issues a task command and resolves with the task once it is no longer pending (its last form
 * when it left the list; undefined when it was never seen). Rejects with the store's refusal,
 * or with the failure the task carries after the confirmation.
 */
export async function confirmed(ctx: MethodContext, taskId: string, issue: () => Promise<void>): Promise<Task | undefined> {
  const w = ctx.watch(taskId);
  try {
    await issue();
  } catch (e) {
    w.close();
    throw e;
  }
  return w.until<Task | undefined>((t) => {
    if (!t) return { done: undefined };
    if (t.state === 'COMPLETED' || t.state === 'TERMINATED') return { done: t };
    if (t.pending) return undefined;
    if (t.error) return { fail: t.error };
    return { done: t };
  });
}

/** Refuses (INVALID_STATE) a command the task's state does not allow now, as the store would. */
export function requireAllowed(ctx: MethodContext, task: Task, command: TaskCommand, what: string): void {
  if (task.pending) {
    throw new BridgeFailure('INVALID_STATE', `${what}: another operation is still pending on "${task.id}"`);
  }
  if (!canIssue(task, command, ctx.store.agent)) {
    throw new BridgeFailure('INVALID_STATE', `${what} is not possible on "${task.id}" while it is ${task.state} (${task.media})`);
  }
}
