/**
 * The `voice` namespace: call controls on a voice interaction (the given id, or the selected
 * interaction when the id is omitted) and dialing out.
 * @module
 */
import type { Task } from '../../model/domain.js';
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

/** The `voice.*` handlers. */
export const voiceMethods: Record<string, MethodHandler> = {
  async answer(p, ctx) {
    const id = voiceTask('voice.answer', p, ctx).id;
    await confirmed(ctx, id, () => ctx.store.accept(id));
  },
  async hold(p, ctx) {
    const id = voiceTask('voice.hold', p, ctx).id;
    await confirmed(ctx, id, () => ctx.store.hold(id));
  },
  async resume(p, ctx) {
    const id = voiceTask('voice.resume', p, ctx).id;
    await confirmed(ctx, id, () => ctx.store.resume(id));
  },
  async hangUp(p, ctx) {
    const id = voiceTask('voice.hangUp', p, ctx).id;
    await confirmed(ctx, id, () => ctx.store.end(id));
  },
  async pauseCallRecording(p, ctx) {
    const id = voiceTask('voice.pauseCallRecording', p, ctx).id;
    await confirmed(ctx, id, () => ctx.store.pauseRecording(id));
  },
  async resumeCallRecording(p, ctx) {
    const id = voiceTask('voice.resumeCallRecording', p, ctx).id;
    await confirmed(ctx, id, () => ctx.store.resumeRecording(id));
  },
  async dial(p, ctx) {
    checkArity('voice.dial', p, 2);
    const number = reqString(p, 0, 'phoneNumber', 64);
    if (!PHONE.test(number)) throw new BridgeFailure('INVALID_PARAMETERS', 'phoneNumber is not a phone number');
    const aniId = optString(p, 1, 'aniId');
    await ctx.store.outdial(number, aniId);
  },
};
