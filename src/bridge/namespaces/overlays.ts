/**
 * Toasts and dialogs a client shows inside the desk (`system.popupToast` / `updateToast` /
 * `closeToast`, `system.openDialog` / `closeDialog`): parameters checked into plain-text view
 * models, who owns what (only the origin that opened a toast or dialog may change or close it),
 * and the agent's actions sent back to the owner as `system` events.
 * @module
 */
import type { JsonValue, SystemEvent } from '../protocol.js';
import type { BridgeUi, BridgeUiEvents, CloseCause, DialogView, ToastButton, ToastView } from '../ui/port.js';
import { BridgeFailure } from './context.js';
import type { Target } from './subscribers.js';

type Obj = Record<string, JsonValue>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const bad = (message: string): never => {
  throw new BridgeFailure('INVALID_PARAMETERS', message);
};

/** An optional text field (strings, numbers and booleans become text), at most `max` characters. */
function text(o: Obj, key: string, max: number): string {
  const v = o[key];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') bad(`${key} must be text`);
  const s = String(v);
  if (s.length > max) bad(`${key} is longer than ${max} characters`);
  return s;
}

const scalar = (v: JsonValue | undefined): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** `{ key: value }` or `[{ key, value }]`, at most 20 pairs. */
function keyValuesOf(v: JsonValue | undefined): { key: string; value: string }[] {
  if (v === undefined || v === null) return [];
  const pairs: [JsonValue | undefined, JsonValue | undefined][] = Array.isArray(v)
    ? v.map((e) => (isObj(e) ? [e.key, e.value] : bad('keyValues entries must be { key, value }')))
    : isObj(v)
      ? Object.entries(v)
      : bad('keyValues must be an object or an array of { key, value }');
  if (pairs.length > 20) bad('keyValues holds more than 20 entries');
  return pairs.map(([key, value]) => {
    if (!scalar(key) || !scalar(value)) bad('keyValues keys and values must be text');
    const k = String(key);
    const val = String(value);
    if (k.length > 100 || val.length > 500) bad('a keyValues entry is too long');
    return { key: k, value: val };
  });
}

/** Labels or `{ id, label }`, at most 4; plus Show and Dismiss (their labels are the desk's own). */
function buttonsOf(v: JsonValue | undefined, showDismiss: boolean): ToastButton[] {
  if (v !== undefined && v !== null && !Array.isArray(v)) bad('buttons must be an array');
  const list = (v ?? []) as JsonValue[];
  if (list.length > 4) bad('at most 4 buttons');
  const out = list.map((b, i): ToastButton => {
    const { id, label } = isObj(b) ? b : { id: undefined, label: b };
    if (!scalar(label) || String(label).trim() === '' || String(label).length > 40) bad('a button label must be text of 1–40 characters');
    if (id !== undefined && id !== null && (!scalar(id) || String(id).length > 64)) bad('a button id must be text of at most 64 characters');
    return { id: id === undefined || id === null ? `button-${i}` : String(id), label: String(label) };
  });
  if (showDismiss) out.push({ id: 'show', label: '' }, { id: 'dismiss', label: '' });
  return out;
}

/** Checks `popupToast` parameters (merged over the previous ones on update) into a toast. */
export function toastOf(id: string, params: JsonValue | undefined, callerOrigin: string): ToastView {
  if (!isObj(params)) bad('the toast parameters must be an object { title, subject, message, … }');
  const p = params as Obj;
  const showDismiss = p.buttonShowDismiss;
  if (showDismiss !== undefined && showDismiss !== null && typeof showDismiss !== 'boolean') bad('buttonShowDismiss must be true or false');
  const auto = p.autoCloseTimeout ?? 0;
  if (typeof auto !== 'number' || auto < 0 || auto > 3600) bad('autoCloseTimeout must be a number of seconds from 0 to 3600');
  const width = p.width;
  if (width !== undefined && width !== null && (typeof width !== 'number' || width <= 0)) bad('width must be a number of pixels');
  const toast: ToastView = {
    id,
    title: text(p, 'title', 200),
    subject: text(p, 'subject', 200),
    message: text(p, 'message', 2000),
    keyValues: keyValuesOf(p.keyValues),
    buttons: buttonsOf(p.buttons, showDismiss === true),
    autoCloseSeconds: auto as number,
  };
  if (!toast.title && !toast.subject && !toast.message) bad('a toast needs a title, a subject or a message');
  if (typeof width === 'number') toast.width = Math.min(640, Math.max(200, Math.round(width)));
  // An icon only from the caller's own origin: a toast must not make the desk fetch from elsewhere.
  const icon = text(p, 'iconUrl', 2000);
  if (icon) {
    try {
      const u = new URL(icon);
      if (u.origin === callerOrigin && (u.protocol === 'https:' || u.protocol === 'http:')) toast.iconUrl = u.href;
    } catch {
      // Not a URL: no icon.
    }
  }
  return toast;
}

/** Checks an `openDialog` URL against the deployment's dialog origins. */
export function dialogOf(id: string, url: JsonValue | undefined, options: JsonValue | undefined, allowed: readonly string[]): DialogView {
  if (typeof url !== 'string' || url.length === 0 || url.length > 2000) bad('url must be a non-empty string');
  let u: URL;
  try {
    u = new URL(url as string);
  } catch {
    return bad('url must be an absolute http(s) URL');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') bad('url must be an absolute http(s) URL');
  if (!allowed.includes(u.origin)) throw new BridgeFailure('FORBIDDEN', `${u.origin} is not on the deployment's dialog allow-list`);
  if (options !== undefined && options !== null && !isObj(options)) bad('options must be an object');
  const o = (options ?? {}) as Obj;
  const size = (k: string): number | undefined => {
    const v = o[k];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || v <= 0) bad(`options.${k} must be a number of pixels`);
    return Math.min(1600, Math.max(200, Math.round(v as number)));
  };
  const d: DialogView = { id, url: u.href, title: text(o, 'title', 200) || u.host };
  const w = size('width');
  const h = size('height');
  if (w !== undefined) d.width = w;
  if (h !== undefined) d.height = h;
  return d;
}

let counter = 0;
const newId = (kind: string): string => `${kind}-${++counter}-${Math.random().toString(36).slice(2, 10)}`;

/** At most this many toasts and dialogs open per origin. */
const MAX_OPEN_PER_ORIGIN = 10;

interface Owned {
  owner: Target;
  params?: JsonValue;
}

/** The toasts and dialogs clients opened, and what the agent did with them. */
export class Overlays implements BridgeUiEvents {
  private ui?: BridgeUi;
  private readonly toasts = new Map<string, Owned>();
  private readonly dialogs = new Map<string, Owned>();

  constructor(private readonly send: (data: SystemEvent, to: Target) => void) {}

  attach(ui: BridgeUi | undefined): void {
    this.ui = ui;
  }

  popupToast(caller: Target, params: JsonValue | undefined): string {
    this.requireRoom(this.toasts, caller);
    const id = newId('toast');
    const view = toastOf(id, params, caller.origin);
    this.toasts.set(id, { owner: caller, params });
    this.ui?.showToast(view);
    return id;
  }

  updateToast(caller: Target, id: string, params: JsonValue | undefined): void {
    const t = this.owned(this.toasts, caller, id, 'toast');
    const merged = isObj(t.params) && isObj(params) ? { ...t.params, ...params } : params;
    const view = toastOf(id, merged, caller.origin);
    t.params = merged;
    this.ui?.showToast(view);
  }

  closeToast(caller: Target, id: string): void {
    this.owned(this.toasts, caller, id, 'toast');
    this.toasts.delete(id);
    this.ui?.closeToast(id);
  }

  openDialog(caller: Target, url: JsonValue | undefined, options: JsonValue | undefined, allowed: readonly string[]): string {
    const id = newId('dialog');
    const view = dialogOf(id, url, options, allowed);
    this.requireRoom(this.dialogs, caller);
    this.dialogs.set(id, { owner: caller });
    this.ui?.openDialog(view);
    return id;
  }

  closeDialog(caller: Target, id: string): void {
    this.owned(this.dialogs, caller, id, 'dialog');
    this.dialogs.delete(id);
    this.ui?.closeDialog(id);
  }

  // ---- the agent's actions (BridgeUiEvents) ----

  toastButton(toastId: string, buttonId: string): void {
    const t = this.toasts.get(toastId);
    if (t) this.send({ eventType: 'TOAST_BUTTON_CLICKED', toastId, buttonId }, t.owner);
  }

  toastClosed(toastId: string, _cause: CloseCause): void {
    const t = this.toasts.get(toastId);
    if (!t) return;
    this.toasts.delete(toastId);
    this.send({ eventType: 'TOAST_CLOSED', toastId }, t.owner);
  }

  dialogClosed(dialogId: string, _cause: CloseCause): void {
    const d = this.dialogs.get(dialogId);
    if (!d) return;
    this.dialogs.delete(dialogId);
    this.send({ eventType: 'DIALOG_CLOSED', dialogId }, d.owner);
  }

  clear(): void {
    this.toasts.clear();
    this.dialogs.clear();
    this.ui?.destroy();
    this.ui = undefined;
  }

  private requireRoom(map: Map<string, Owned>, caller: Target): void {
    let n = 0;
    for (const o of map.values()) if (o.owner.origin === caller.origin) n++;
    if (n >= MAX_OPEN_PER_ORIGIN) throw new BridgeFailure('INVALID_STATE', `${caller.origin} has ${n} open already; close one first`);
  }

  /** The entry if the caller's origin opened it; NOT_FOUND otherwise (another origin's ids are not revealed). */
  private owned(map: Map<string, Owned>, caller: Target, id: string, what: string): Owned {
    const o = map.get(id);
    if (!o || o.owner.origin !== caller.origin) throw new BridgeFailure('NOT_FOUND', `no ${what} "${id.slice(0, 80)}"`);
    return o;
  }
}
