/**
 * The `sipEndpoint` namespace: the agent's own endpoint, mapped onto mute of the active call.
 * The desk does not control the agent's speaker (the softphone or headset does): the speaker
 * methods answer NOT_SUPPORTED (see ./support.ts).
 * @module
 */
import type { Task } from '../../model/domain.js';
import { checkArity } from '../validate.js';
import { confirmed, requireAllowed } from './confirm.js';
import { BridgeFailure, LIVE_STATES, type MethodContext, type MethodHandler } from './context.js';

/** The call the agent is on (the selected one when there are several), if any. */
export function activeCall(ctx: MethodContext): Task | undefined {
  const live = ctx.store.tasks.filter((t) => t.media === 'telephony' && LIVE_STATES.has(t.state));
  return live.find((t) => t.id === ctx.store.selectedTask?.id) ?? live[0];
}

const setMute =
  (method: string, mute: boolean): MethodHandler =>
  async (p, ctx) => {
    checkArity(method, p, 0);
    const call = activeCall(ctx);
    if (!call) throw new BridgeFailure('INVALID_STATE', `${method}: the agent is not on a call`);
    if (call.muted === mute) return;
    requireAllowed(ctx, call, 'toggleMute', method);
    await confirmed(ctx, call.id, () => ctx.store.toggleMute(call.id));
  };

/** The `sipEndpoint.*` handlers (the speaker ones are answered by the support table). */
export const sipEndpointMethods: Record<string, MethodHandler> = {
  muteMicrophone: setMute('sipEndpoint.muteMicrophone', true),
  unmuteMicrophone: setMute('sipEndpoint.unmuteMicrophone', false),
  isMicrophoneMute(p, ctx) {
    checkArity('sipEndpoint.isMicrophoneMute', p, 0);
    return activeCall(ctx)?.muted ?? false;
  },
};
