/**
 * What this desk cannot do, per method: the reason a request is answered at once with
 * NOT_SUPPORTED (never left to the client's 10 s timeout), given the backend's optional
 * capabilities and how the service was deployed. `system.getAllowedServices` leaves these out.
 * @module
 */
import { METHODS, type MethodName } from '../protocol.js';
import type { MethodContext } from './context.js';

/** Why a method cannot be served here, or undefined when it can. */
type Reason = (ctx: MethodContext) => string | undefined;

const always =
  (reason: string): Reason =>
  () =>
    reason;

const NO_UI = 'this desk has no place to show it (the bridge runs without a desk element)';
const toast: Reason = (ctx) => (ctx.ui ? undefined : `toasts are not available: ${NO_UI}`);
const dialog: Reason = (ctx) =>
  !ctx.ui
    ? `dialogs are not available: ${NO_UI}`
    : ctx.dialogOrigins.length === 0
      ? 'dialogs are not available: the deployment allows no dialog origins (bridge-dialog-origins)'
      : undefined;
const speaker = always("the desk does not control the agent's speaker (the softphone or headset does)");
const menuBar = always('an embedded desk has no application menu bar');
const outbound = always("this desk's contact center has no outbound campaigns");

const UNSUPPORTED: Partial<Record<MethodName, Reason>> = {
  'media.setState': (ctx) =>
    ctx.store.capabilities.setChannelState ? undefined : "this desk's contact center has no per-channel readiness",
  'voice.startCallRecording': (ctx) =>
    ctx.store.capabilities.startRecording ? undefined : "this desk's contact center cannot start a recording from the desk",
  'voice.stopCallRecording': (ctx) =>
    ctx.store.capabilities.stopRecording ? undefined : "this desk's contact center cannot stop a recording from the desk",
  'sipEndpoint.muteSpeaker': speaker,
  'sipEndpoint.unmuteSpeaker': speaker,
  'sipEndpoint.isSpeakerMute': speaker,
  'system.popupToast': toast,
  'system.updateToast': toast,
  'system.closeToast': toast,
  'system.openDialog': dialog,
  'system.closeDialog': dialog,
  'system.updateViewInApplicationMenuBar': menuBar,
  'system.closeViewInApplicationMenuBar': menuBar,
  'auth.getJwtToken': (ctx) => (ctx.store.capabilities.jwtToken ? undefined : "this desk's contact center issues no agent token"),
  'email.create': always("this desk's contact center cannot create an outbound email"),
  ...Object.fromEntries(METHODS.outbound.map((m) => [`outbound.${m}`, outbound])),
};

/** Why `method` is not supported here, or undefined when it is. */
export function unsupported(method: MethodName, ctx: MethodContext): string | undefined {
  return UNSUPPORTED[method]?.(ctx);
}
