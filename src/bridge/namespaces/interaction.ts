/**
 * The `interaction` namespace of seed 004, mapped to store commands. Every handler checks all of
 * its parameters and the task's state before it changes anything.
 * @module
 */
import type { Destination, Task } from '../../model/domain.js';
import type { CcStore } from '../../store/types.js';
import { mediaOf } from '../projection.js';
import type { JsonValue } from '../protocol.js';
import { checkArity, optObject, reqString, userDataOf } from '../validate.js';
import { confirmed, requireAllowed } from './confirm.js';
import { BridgeFailure, findTask, LIVE_STATES, requireLive, requireWritable, type MethodContext, type MethodHandler } from './context.js';
import { parseTarget, resolveTarget } from './target.js';

type Params = readonly (JsonValue | undefined)[];

/** The interaction id parameter (first), checked. */
const idAt = (p: Params, i = 0, name = 'interactionId'): string => reqString(p, i, name);

/** The optional `userData` argument of consult / singleStep*: parsed and checked against the write allow-list. */
function userDataArg(p: Params, i: number, ctx: MethodContext): Record<string, string> {
  const obj = optObject(p, i, 'userData');
  const ud = obj ? userDataOf(obj, 'userData') : {};
  requireWritable(Object.keys(ud), ctx.writeAllowed);
  return ud;
}

const hasKeys = (o: object): boolean => Object.keys(o).length > 0;

/**
 * Checks targetQuery, userData and extensions of consult / singleStep*, and that the task allows
 * the command (and the user-data update) now; then resolves the destination.
 */
async function consultArgs(
  method: string,
  command: 'consult' | 'transfer',
  p: Params,
  ctx: MethodContext,
): Promise<{ task: Task; destination: Destination; userData: Record<string, string> }> {
  checkArity(method, p, 4);
  const id = idAt(p);
  const target = parseTarget(p[1]);
  const userData = userDataArg(p, 2, ctx);
  optObject(p, 3, 'extensions'); // accepted and ignored: nothing in our backends takes extensions
  const check = (): Task => {
    const task = findTask(ctx.store, id);
    requireLive(task, method);
    requireAllowed(ctx, task, command, method);
    if (hasKeys(userData)) requireAllowed(ctx, task, 'setUserData', `${method} with userData`);
    return task;
  };
  const task = check();
  if (target.media && target.media !== mediaOf(task.media)) {
    throw new BridgeFailure('INVALID_PARAMETERS', `${method} on another media (${target.media}) is not supported for a ${mediaOf(task.media)} interaction`);
  }
  if (target.kind === 'CUSTOM_CONTACT' && task.media !== 'telephony') {
    throw new BridgeFailure('INVALID_PARAMETERS', `${method} to a phone number needs a voice interaction`);
  }
  const destination = await resolveTarget(ctx.store, target);
  // The directory load is asynchronous: the task may have changed meanwhile.
  return { task: check(), destination, userData };
}

/** Attaches user data (when there is any) and waits for the contact center to confirm it. */
async function attach(ctx: MethodContext, id: string, userData: Record<string, string>): Promise<void> {
  if (hasKeys(userData)) await confirmed(ctx, id, () => ctx.store.setUserData(id, userData));
}

/** The profile's default wrap-up code (isDefault, else the first). */
function defaultWrapupCode(store: CcStore): string {
  const codes = store.agent.profile?.wrapUpCodes ?? [];
  const code = codes.find((c) => c.isDefault) ?? codes[0];
  if (!code) throw new BridgeFailure('INVALID_STATE', 'no wrap-up code is configured for this agent');
  return code.id;
}

function refuseIfBlocked(task: Task, ctx: MethodContext): void {
  if (task.markdoneBlocked !== undefined) {
    ctx.markdoneRefused(task.id, task.markdoneBlocked);
    throw new BridgeFailure('MARKDONE_BLOCKED', task.markdoneBlocked || 'markdone is blocked on this interaction');
  }
}

const requireConsulting = (task: Task, method: string): void => {
  if (task.state !== 'CONSULTING') {
    throw new BridgeFailure('INVALID_STATE', `${method}: no consultation in progress on "${task.id}" (${task.state})`);
  }
};

/** A simple task command: find the task, issue, answer once confirmed. */
async function simple(ctx: MethodContext, id: string, issue: (id: string) => Promise<void>): Promise<void> {
  const task = findTask(ctx.store, id);
  await confirmed(ctx, task.id, () => issue(task.id));
}

/** Wrap-up with the default code, refused while blocked. */
async function wrapUp(ctx: MethodContext, task: Task): Promise<void> {
  refuseIfBlocked(task, ctx);
  const auxCodeId = defaultWrapupCode(ctx.store);
  await confirmed(ctx, task.id, () => ctx.store.wrapup(task.id, { auxCodeId }));
}

/** The `interaction.*` handlers. */
export const interactionMethods: Record<string, MethodHandler> = {
  getInteractions(p, ctx) {
    checkArity('getInteractions', p, 0);
    return ctx.store.tasks.map((t) => ctx.project(t));
  },

  getByInteractionId(p, ctx) {
    checkArity('getByInteractionId', p, 1);
    const id = idAt(p);
    const task = ctx.store.tasks.find((t) => t.id === id);
    return task ? ctx.project(task) : null;
  },

  async accept(p, ctx) {
    checkArity('accept', p, 1);
    await simple(ctx, idAt(p), (id) => ctx.store.accept(id));
  },

  async reject(p, ctx) {
    checkArity('reject', p, 1);
    await simple(ctx, idAt(p), (id) => ctx.store.decline(id));
  },

  async consult(p, ctx) {
    const { task, destination, userData } = await consultArgs('consult', 'consult', p, ctx);
    // The data goes first, so that the consulted party sees it.
    await attach(ctx, task.id, userData);
    await confirmed(ctx, task.id, () => ctx.store.consult(task.id, destination));
  },

  async completeTransfer(p, ctx) {
    checkArity('completeTransfer', p, 1);
    // We model a consult as a leg of the same task: the consult interaction id is the task's id.
    const task = findTask(ctx.store, idAt(p, 0, 'consultInteractionId'));
    requireConsulting(task, 'completeTransfer');
    await confirmed(ctx, task.id, () => ctx.store.consultTransfer(task.id));
  },

  async completeConference(p, ctx) {
    checkArity('completeConference', p, 1);
    const task = findTask(ctx.store, idAt(p, 0, 'consultInteractionId'));
    requireConsulting(task, 'completeConference');
    await confirmed(ctx, task.id, () => ctx.store.consultConference(task.id));
  },

  async singleStepTransfer(p, ctx) {
    const { task, destination, userData } = await consultArgs('singleStepTransfer', 'transfer', p, ctx);
    // The data must travel with the interaction, so it is attached before the transfer.
    await attach(ctx, task.id, userData);
    await confirmed(ctx, task.id, () => ctx.store.transfer(task.id, destination));
  },

  async singleStepConference(p, ctx) {
    const { task, destination, userData } = await consultArgs('singleStepConference', 'consult', p, ctx);
    await attach(ctx, task.id, userData);
    const w = ctx.watch(task.id);
    try {
      await confirmed(ctx, task.id, () => ctx.store.consult(task.id, destination));
    } catch (e) {
      w.close();
      throw e;
    }
    const next = await w.until<'merge' | 'merged'>((t) => {
      if (!t || t.state === 'COMPLETED' || t.state === 'TERMINATED' || t.state === 'WRAPPING_UP') {
        return { fail: new BridgeFailure('INVALID_STATE', 'singleStepConference: the interaction ended before the consultation was accepted') };
      }
      if (t.state === 'CONFERENCING') return { done: 'merged' };
      if (t.pending) return undefined;
      if (t.state === 'CONSULTING' && isConsultAccepted(t)) return { done: 'merge' };
      if (t.state !== 'CONSULTING' && LIVE_STATES.has(t.state)) {
        return {
          fail: new BridgeFailure('INVALID_STATE', `singleStepConference: the consultation ended before it was accepted${t.error ? ` (${t.error.message})` : ''}`),
        };
      }
      return undefined;
    });
    if (next === 'merge') await confirmed(ctx, task.id, () => ctx.store.consultConference(task.id));
  },

  async setUserData(p, ctx) {
    checkArity('setUserData', p, 2);
    const id = idAt(p);
    const obj = optObject(p, 1, 'keyValues');
    if (!obj) throw new BridgeFailure('INVALID_PARAMETERS', 'keyValues must be an object');
    const values = userDataOf(obj, 'keyValues');
    requireWritable(Object.keys(values), ctx.writeAllowed);
    const task = findTask(ctx.store, id);
    requireUserDataState(task, ctx);
    await attach(ctx, task.id, values);
  },

  async deleteUserData(p, ctx) {
    checkArity('deleteUserData', p, 2);
    const id = idAt(p);
    const key = reqString(p, 1, 'key');
    requireWritable([key], ctx.writeAllowed);
    const task = findTask(ctx.store, id);
    requireUserDataState(task, ctx);
    await confirmed(ctx, task.id, () => ctx.store.deleteUserData(task.id, key));
  },

  async markdone(p, ctx) {
    checkArity('markdone', p, 1);
    const task = findTask(ctx.store, idAt(p));
    refuseIfBlocked(task, ctx);
    if (task.state === 'WRAPPING_UP') {
      await wrapUp(ctx, task);
      return;
    }
    if (!LIVE_STATES.has(task.state)) {
      throw new BridgeFailure('INVALID_STATE', `markdone: "${task.id}" is ${task.state}; accept or reject it first`);
    }
    requireAllowed(ctx, task, 'end', 'markdone');
    if (task.wrapUpRequired) defaultWrapupCode(ctx.store); // refuse now rather than after ending the call
    const ended = await confirmed(ctx, task.id, () => ctx.store.end(task.id));
    if (ended?.state === 'WRAPPING_UP') await wrapUp(ctx, findTask(ctx.store, task.id));
  },

  blockMarkdone(p, ctx) {
    checkArity('blockMarkdone', p, 2);
    const id = idAt(p);
    const warning = reqString(p, 1, 'warningMessage', 1000);
    const task = findTask(ctx.store, id);
    ctx.store.blockMarkdone(task.id, warning);
  },

  unblockMarkdone(p, ctx) {
    checkArity('unblockMarkdone', p, 1);
    const task = findTask(ctx.store, idAt(p));
    ctx.store.unblockMarkdone(task.id);
  },

  selectCaseByCaseId(p, ctx) {
    checkArity('selectCaseByCaseId', p, 1);
    const task = findTask(ctx.store, idAt(p, 0, 'caseId'));
    const before = ctx.store.selectedTask?.id;
    ctx.store.select(task.id);
    ctx.selectionChanged(before === task.id);
  },
};

/** User data may change on an accepted interaction that is not in wrap-up (for voice: not IDLE). */
function requireUserDataState(task: Task, ctx: MethodContext): void {
  if (!LIVE_STATES.has(task.state)) {
    throw new BridgeFailure('INVALID_STATE', `user data can only change on a live interaction; "${task.id}" is ${task.state}`);
  }
  requireAllowed(ctx, task, 'setUserData', 'user data');
}

/** The consulted party has answered. */
export function isConsultAccepted(t: Task): boolean {
  const s = t.consult?.status ?? t.data.consultStatus;
  return s === 'CONSULT_ACCEPTED' || s === 'CONNECTED';
}
