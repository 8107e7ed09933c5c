/**
 * The `voice` namespace: call controls on a voice interaction (the given id, or the selected
 * interaction when the id is omitted) and dialing out.
 * @module
 */
import type { Task } from '../../model/domain.js';
import type { CcStore } from '../../store/types.js';
import type { JsonValue } from '../protocol.js';
import { checkArity, optObject, optString, reqString, userDataOf } from '../validate.js';
import { confirmed } from './confirm.js';
import { BridgeFailure, findTask, requireLive, requireWritable, type MethodContext, type MethodHandler } from './context.js';

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

/** Recording start / stop: optional store capabilities (NOT_SUPPORTED without them, see ./support.ts). */
const recording =
  (method: 'startCallRecording' | 'stopCallRecording', command: 'startRecording' | 'stopRecording'): MethodHandler =>
  async (p, ctx) => {
    const task = voiceTask(`voice.${method}`, p, ctx);
    requireLive(task, `voice.${method}`);
    await confirmed(ctx, task.id, () => ctx.store.capabilities[command]!(task.id));
  };

/** Dials; answered once the contact center took the dial (the new call then arrives as an `interaction` event). */
async function dialOut(ctx: MethodContext, number: string, aniId: string | undefined, userData: Record<string, string>): Promise<void> {
  await ctx.store.outdial(number, aniId, Object.keys(userData).length > 0 ? userData : undefined);
}

/** `(destination, userData | aniId, extensions)`: a phone number, then user data (the vendor's form) or our caller id. */
function dialArgs(method: string, p: readonly (JsonValue | undefined)[], ctx: MethodContext): [string, string | undefined, Record<string, string>] {
  const number = reqString(p, 0, 'destination', 64);
  if (!PHONE.test(number)) throw new BridgeFailure('INVALID_PARAMETERS', `${method}: destination is not a phone number`);
  const second = p[1];
  if (typeof second === 'string') return [number, optString(p, 1, 'aniId'), {}];
  const obj = optObject(p, 1, 'userData');
  const userData = obj ? userDataOf(obj, 'userData') : {};
  requireWritable(Object.keys(userData), ctx.writeAllowed);
  return [number, undefined, userData];
}

/** The `voice.*` handlers. */
export const voiceMethods: Record<string, MethodHandler> = {
  ...Object.fromEntries(Object.keys(CALL_CONTROLS).map((m) => [m, callControl(m as keyof typeof CALL_CONTROLS)])),
  startCallRecording: recording('startCallRecording', 'startRecording'),
  stopCallRecording: recording('stopCallRecording', 'stopRecording'),
  dial(p, ctx) {
    checkArity('voice.dial', p, 2);
    return dialOut(ctx, ...dialArgs('voice.dial', p, ctx));
  },
  dialEx(p, ctx) {
    checkArity('voice.dialEx', p, 3);
    const args = dialArgs('voice.dialEx', p, ctx);
    // Extensions are checked and ignored: none of our backends takes dial extensions.
    optObject(p, 2, 'extensions');
    return dialOut(ctx, ...args);
  },
};
