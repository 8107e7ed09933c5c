/**
 * The `voice` namespace: call controls on a voice interaction (the given id, or the selected
 * interaction when the id is omitted) and dialing out.
 * @module
 */
import type { Task } from '../../model/domain.js';
import type { CcStore } from '../../store/types.js';
import type { JsonValue } from '../protocol.js';
import { checkArity, optString, reqString } from '../validate.js';
import { confirmed } from './confirm.js';
import { BridgeFailure, findTask, type MethodContext, type MethodHandler } from './context.js';

/** Digits with an optional leading +, and the usual separators. */
const PHONE = /^\+?[0-9*#][0-9*#().\- ]{0,40}$/;

/** The voice task a `voice.*` call is about. */
function voiceTask(method: string, p: readonly (JsonValue | undefined)[], ctx: MethodContext): Task {
  checkArity(method, p, 1);
  const id = optString(p, 0, 'interactionId');
  const task = id !== undefined ? findTask(ctx.store, id) : ctx.store.selectedTask;
  if (!task) throw new BridgeFailure('NOT_FOUND', `${method}: no interaction is selected`);
  if (task.media !== 'telephony') throw new BridgeFailure('INVALID_PARAMETERS', `${method}: "${task.id}" is not a voice interaction`);
  return task;
}

/** The `voice.*` call controls, each the store command of the same effect on the voice task. */
const CALL_CONTROLS = {
  answer: 'accept',
  hold: 'hold',
  resume: 'resume',
  hangUp: 'end',
  pauseCallRecording: 'pauseRecording',
  resumeCallRecording: 'resumeRecording',
} as const satisfies Record<string, keyof CcStore>;

const callControl =
  (method: keyof typeof CALL_CONTROLS): MethodHandler =>
  async (p, ctx) => {
    const id = voiceTask(`voice.${method}`, p, ctx).id;
    await confirmed(ctx, id, () => ctx.store[CALL_CONTROLS[method]](id));
  };

/** The `voice.*` handlers. */
export const voiceMethods: Record<string, MethodHandler> = {
  ...Object.fromEntries(Object.keys(CALL_CONTROLS).map((m) => [m, callControl(m as keyof typeof CALL_CONTROLS)])),
  async dial(p, ctx) {
    checkArity('voice.dial', p, 2);
    const number = reqString(p, 0, 'phoneNumber', 64);
    if (!PHONE.test(number)) throw new BridgeFailure('INVALID_PARAMETERS', 'phoneNumber is not a phone number');
    const aniId = optString(p, 1, 'aniId');
    await ctx.store.outdial(number, aniId);
  },
};
