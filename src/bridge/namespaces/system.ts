/**
 * The `system` namespace: what the calling origin may use, toasts and dialogs inside the desk,
 * and the vendor's frame questions answered for an embedded desk (one desk instance: it leads,
 * never follows or negotiates, and is the last active one).
 * @module
 */
import { allowedMethods } from '../origins.js';
import { MESSENGER_CHANNEL, type JsonValue } from '../protocol.js';
import { checkArity, reqString } from '../validate.js';
import { BridgeFailure, type MethodContext, type MethodHandler } from './context.js';
import { unsupported } from './support.js';

/** Always callable by an allowed origin (the host client's handshake). */
export const ALWAYS_ALLOWED = 'system.getAllowedServices';

const constant =
  (method: string, value: boolean | null): MethodHandler =>
  (p) => {
    checkArity(method, p, 0);
    return value;
  };

/** The iframe of this document (or of a desk dialog) that holds the caller's window, if any. */
function callerFrame(ctx: MethodContext): HTMLIFrameElement | undefined {
  const doc = ctx.window.document;
  return [...doc.querySelectorAll('iframe'), ...(ctx.ui?.frames() ?? [])].find((f) => f.contentWindow === ctx.caller.source);
}

/** The `system.*` handlers. */
export const systemMethods: Record<string, MethodHandler> = {
  getAllowedServices(p, ctx) {
    checkArity('system.getAllowedServices', p, 0);
    const list: string[] = allowedMethods(ctx.rule).filter((m) => unsupported(m, ctx) === undefined);
    if (!list.includes(ALWAYS_ALLOWED)) list.push(ALWAYS_ALLOWED);
    return list;
  },

  popupToast(p, ctx) {
    checkArity('system.popupToast', p, 1);
    return ctx.overlays.popupToast(ctx.caller, p[0]);
  },
  updateToast(p, ctx) {
    checkArity('system.updateToast', p, 2);
    ctx.overlays.updateToast(ctx.caller, reqString(p, 0, 'toastId'), p[1]);
  },
  closeToast(p, ctx) {
    checkArity('system.closeToast', p, 1);
    ctx.overlays.closeToast(ctx.caller, reqString(p, 0, 'toastId'));
  },

  amIVisible(p, ctx) {
    checkArity('system.amIVisible', p, 0);
    const frame = callerFrame(ctx);
    if (!frame) {
      throw new BridgeFailure('NOT_SUPPORTED', 'only a frame inside the desk can ask whether it is visible; the desk cannot see the window that asked');
    }
    const doc = ctx.window.document;
    const shown = typeof frame.checkVisibility === 'function' ? frame.checkVisibility({ visibilityProperty: true }) : frame.getClientRects().length > 0;
    return shown && doc.visibilityState === 'visible';
  },
  // One desk instance: there is no leadership among several desk tabs to negotiate.
  isFrameLeading: constant('system.isFrameLeading', true),
  isFrameFollowing: constant('system.isFrameFollowing', false),
  isFrameNegotiating: constant('system.isFrameNegotiating', false),
  isFrameLeadingOrNegotiating: constant('system.isFrameLeadingOrNegotiating', true),
  isLastActiveFrame: constant('system.isLastActiveFrame', true),
  // The desk has no inactivity timer to reset: the activity is acknowledged.
  triggerActivity: constant('system.triggerActivity', null),

  openDialog(p, ctx) {
    checkArity('system.openDialog', p, 2);
    return ctx.overlays.openDialog(ctx.caller, p[0], p[1], ctx.dialogOrigins);
  },
  closeDialog(p, ctx) {
    checkArity('system.closeDialog', p, 1);
    ctx.overlays.closeDialog(ctx.caller, reqString(p, 0, 'dialogId'));
  },
  updateViewInApplicationMenuBar: notServed,
  closeViewInApplicationMenuBar: notServed,
};

/** For methods the support table always refuses (the service answers NOT_SUPPORTED before calling it). */
export function notServed(): never {
  throw new BridgeFailure('NOT_SUPPORTED', 'not supported by this desk');
}

/** Glob (`*` any run of characters, `?` one) to a RegExp. */
function globRe(glob: string): RegExp {
  const src = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${src}$`);
}

/** The `configuration.*` handlers: only the options the deployment exposes. */
export const configurationMethods: Record<string, MethodHandler> = {
  getOption(p, ctx) {
    checkArity('configuration.getOption', p, 1);
    const raw = p[0];
    const patterns = typeof raw === 'string' ? [raw] : raw;
    if (!Array.isArray(patterns) || patterns.length > 50 || !patterns.every((x) => typeof x === 'string' && x.length > 0 && x.length <= 256)) {
      throw new BridgeFailure('INVALID_PARAMETERS', 'patterns must be a pattern or an array of at most 50 patterns such as "voice.*"');
    }
    const res = (patterns as string[]).map(globRe);
    const out: Record<string, JsonValue> = {};
    for (const [key, value] of Object.entries(ctx.options)) if (res.some((re) => re.test(key))) out[key] = value;
    return out;
  },
};

/** The `messenger.*` handlers. */
export const messengerMethods: Record<string, MethodHandler> = {
  broadcastMessage(p, ctx) {
    checkArity('messenger.broadcastMessage', p, 2);
    const channel = reqString(p, 0, 'channel', 64);
    if (!MESSENGER_CHANNEL.test(channel)) {
      throw new BridgeFailure('INVALID_PARAMETERS', 'channel may hold letters, digits and _.:/- only');
    }
    const message = p[1] ?? null;
    ctx.emit(`messenger.${channel}`, { channel, message, origin: ctx.caller.origin }, ctx.caller);
  },
};

/** `auth.*`: a token when the backend issues one. */
export const authMethods: Record<string, MethodHandler> = {
  async getJwtToken(p, ctx) {
    checkArity('auth.getJwtToken', p, 0);
    return ctx.store.capabilities.jwtToken!();
  },
};
