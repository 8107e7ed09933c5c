/**
 * The postMessage bridge service (PROTOCOL.md): runs in the window that holds the widgets,
 * answers WWE Service Client API requests from allowed origins with store commands, and sends
 * `interaction`, `agent` and `markdone` events to subscribers. It holds no task state of its own
 * beyond what it last sent (to tell a user-data change from a state change).
 *
 * Security: exact-origin allow-list with per-origin method filters; nothing from another origin
 * is answered or acted on; replies go only to `event.source` with `targetOrigin = event.origin`;
 * every message is validated (types, size, depth, forbidden keys) before use; user-data key
 * allow-lists; a per-origin token bucket with quarantine. The handler never throws.
 * @module
 */
import type { Subscription } from 'rxjs';
import type { AgentView, Task } from '../model/domain.js';
import type { CcStore } from '../store/types.js';
import { agentOf } from './namespaces/agent.js';
import { BridgeFailure, toFailure, type MethodContext } from './namespaces/context.js';
import { HANDLERS } from './namespaces/index.js';
import { MAX_SUBSCRIPTIONS_PER_ORIGIN, Subscribers, type Target } from './namespaces/subscribers.js';
import { ALWAYS_ALLOWED } from './namespaces/system.js';
import { Watches } from './namespaces/watch.js';
import { findRule, isMethodAllowed, parseOrigins, type OriginRule } from './origins.js';
import { messageAdded } from './messages.js';
import { toInteraction } from './projection.js';
import {
  PROTOCOL_VERSION,
  SERVICE_USER_AGENT,
  type BridgeErrorCode,
  type BridgeInteraction,
  type EventMessage,
  type EventNamespace,
  type JsonValue,
  type MessengerEvent,
  type MethodName,
  type Response,
} from './protocol.js';
import { Overlays } from './namespaces/overlays.js';
import { unsupported } from './namespaces/support.js';
import { mountBridgeUi } from './ui/bridge-ui.js';
import { DEFAULT_RATE_LIMIT, RateLimiter } from './rate-limit.js';
import { classify, envelopeOf } from './validate.js';

export { parseOrigins } from './origins.js';
export type { OriginRule } from './origins.js';

/** How the provider element configures the service. */
export interface BridgeServiceOptions {
  /** Allow-list: 'https://a.example https://b.example (interaction.get*, agent.*)' or an array of entries. */
  origins: string | readonly string[];
  /** The window whose 'message' events are served; default globalThis.window. */
  window?: Window;
  /** User-data key allow-lists (undefined = every key allowed). */
  userData?: { readAllowed?: readonly string[]; writeAllowed?: readonly string[] };
  rateLimit?: { perSecond: number; burst: number; quarantineMs: number };
  now?: () => number;
  /**
   * Where toasts and dialogs appear (`system.popupToast`, `system.openDialog`): the desk's
   * `<cc-provider>`. Without it those methods answer NOT_SUPPORTED.
   */
  ui?: HTMLElement;
  /** Origins whose pages `system.openDialog` may show (exact origins; none = no dialogs). */
  dialogOrigins?: readonly string[];
  /**
   * The options `configuration.getOption` may answer (nothing else is ever exposed): an object
   * of strings, or its JSON text (the provider's `bridge-options` attribute).
   */
  options?: string | Readonly<Record<string, string>>;
}

/** A running service. */
export interface BridgeService {
  /** Stops listening, ends every subscription, and answers nothing more. */
  stop(): void;
}

/** Methods whose permission lets an origin subscribe to a namespace (reading what the events carry). */
const SUBSCRIBE_NEEDS: Record<Exclude<EventNamespace, MessengerEvent>, readonly MethodName[]> = {
  interaction: ['interaction.getInteractions', 'interaction.getByInteractionId'],
  markdone: ['interaction.getInteractions', 'interaction.getByInteractionId'],
  agent: ['agent.get', 'agent.getState'],
  media: ['media.getMediaList', 'media.getMediaByName'],
  system: ['system.popupToast', 'system.openDialog'],
};
const subscribeNeeds = (ns: EventNamespace): readonly MethodName[] =>
  ns.startsWith('messenger.') ? ['messenger.broadcastMessage'] : SUBSCRIBE_NEEDS[ns as Exclude<EventNamespace, MessengerEvent>];

/**
 * What a task change looks like to a client, for comparisons. The selection flags are left out:
 * a selection change is reported by CASE_SELECTED, not by re-sending every interaction.
 */
function visible(x: BridgeInteraction, withUserData: boolean): string {
  return JSON.stringify({ ...x, isCaseSelected: null, isCaseExpanded: null, userData: withUserData ? x.userData : null });
}

const json = (v: unknown): string => JSON.stringify(v);

/**
 * Starts the service on `options.window`. Throws (a clear Error) when `options.origins` is
 * malformed; never throws afterwards.
 */
export function startBridgeService(store: CcStore, options: BridgeServiceOptions): BridgeService {
  const rules = parseOrigins(options.origins);
  const dialogOrigins = parseOrigins(options.dialogOrigins ?? []).map((r) => r.origin);
  const deploymentOptions = optionsOf(options.options);
  const win = options.window ?? globalThis.window;
  const now = options.now ?? (() => Date.now());
  const limiter = new RateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT, now);
  const readAllowed = options.userData?.readAllowed ? [...options.userData.readAllowed] : undefined;
  const writeAllowed = options.userData?.writeAllowed ? [...options.userData.writeAllowed] : undefined;
  const subscribers = new Subscribers();
  const watches = new Watches(store);
  const storeSubs: Subscription[] = [];
  let stopped = false;

  // ---- posting ------------------------------------------------------------------------------

  const post = (target: Target, message: Response | EventMessage): void => {
    if (stopped) return;
    try {
      // A Window takes { targetOrigin }; a MessagePort or ServiceWorker ignores it.
      (target.source as Window).postMessage(message, { targetOrigin: target.origin });
    } catch {
      // The window went away or the payload could not be cloned: nothing to do.
    }
  };

  const reply = (target: Target, referenceId: string, data: JsonValue | undefined): void =>
    post(target, { referenceId, data: data ?? null, userAgent: SERVICE_USER_AGENT, protocolVersion: PROTOCOL_VERSION });

  const fail = (target: Target, referenceId: string, code: BridgeErrorCode, message: string): void =>
    post(target, {
      referenceId,
      data: null,
      userAgent: SERVICE_USER_AGENT,
      protocolVersion: PROTOCOL_VERSION,
      errorMessage: message || 'refused',
      errorCode: code,
    });

  const emit = (ns: EventNamespace, data: JsonValue, to?: Target): void => {
    const message: EventMessage = { event: ns, data, userAgent: SERVICE_USER_AGENT, protocolVersion: PROTOCOL_VERSION };
    for (const t of to ? [to] : subscribers.targets(ns)) post(t, message);
  };

  /** To the subscribers of `ns`, leaving out `except`'s window, or to `only`'s window if it subscribed. */
  const emitSome = (ns: EventNamespace, data: JsonValue, except?: Target, only?: Target): number => {
    const to = subscribers
      .targets(ns)
      .filter((t) => !(except && t.source === except.source) && (!only || (t.source === only.source && t.origin === only.origin)));
    for (const t of to) emit(ns, data, t);
    return to.length;
  };

  const overlays = new Overlays((data, owner) => emitSome('system', data as unknown as JsonValue, undefined, owner));
  const ui = options.ui ? mountBridgeUi(options.ui, overlays) : undefined;
  overlays.attach(ui);

  // ---- projections and events -----------------------------------------------------------------

  const project = (task: Task): BridgeInteraction =>
    toInteraction(task, { selectedId: store.selectedTask?.id, readAllowed });

  /** What each live interaction looked like when last sent. */
  const lastSent = new Map<string, BridgeInteraction>();
  for (const t of store.tasks) lastSent.set(t.id, project(t));

  const onTaskChange = (task: Task): void => {
    const proj = project(task);
    const prev = lastSent.get(task.id);
    const gone = task.state === 'COMPLETED' || task.state === 'TERMINATED';
    if (gone) lastSent.delete(task.id);
    else lastSent.set(task.id, proj);
    if (prev && visible(prev, true) === visible(proj, true)) return; // nothing a client can see changed
    if (prev && !gone && visible(prev, false) === visible(proj, false)) {
      emit('interaction', { ...proj, state: 'USER_DATA_UPDATED', previousState: proj.state } as unknown as JsonValue);
      return;
    }
    emit('interaction', proj as unknown as JsonValue);
  };

  let selectedId = store.selectedTask?.id;
  const selectionChanged = (force: boolean): void => {
    const id = store.selectedTask?.id;
    if (id === selectedId && !force) return;
    selectedId = id;
    if (id !== undefined) emit('interaction', { eventType: 'CASE_SELECTED', selectedCaseId: id });
  };

  let lastAgent = json(agentOf(store.agent));
  const onAgent = (view: AgentView): void => {
    const a = agentOf(view);
    const s = json(a);
    if (s === lastAgent) return;
    lastAgent = s;
    emit('agent', a as unknown as JsonValue);
  };

  const markdoneRefused = (interactionId: string, warningMessage: string): void =>
    emit('markdone', { interactionId, warningMessage });

  storeSubs.push(
    store.taskChanges$.subscribe((t) => guard(() => onTaskChange(t))),
    ...(store.conversations ? [store.conversations.added$.subscribe((m) => guard(() => {
      const task = store.tasks.find((t) => t.id === m.interactionId);
      if (task) emit('interaction', messageAdded(project(task), m) as unknown as JsonValue);
    }))] : []),
    store.selectedTask$.subscribe(() => guard(() => selectionChanged(false))),
    store.agent$.subscribe((v) => guard(() => onAgent(v))),
    store.errors$.subscribe((e) =>
      guard(() => {
        if (e.code !== 'MARKDONE_BLOCKED' || !e.taskId) return;
        const task = store.tasks.find((t) => t.id === e.taskId);
        markdoneRefused(e.taskId, task?.markdoneBlocked ?? e.message);
      }),
    ),
  );

  // ---- requests -------------------------------------------------------------------------------

  const contextFor = (rule: OriginRule, caller: Target): MethodContext => ({
    store,
    rule,
    caller,
    window: win,
    ui,
    overlays,
    dialogOrigins,
    options: deploymentOptions,
    emit: emitSome,
    writeAllowed,
    project,
    markdoneRefused,
    selectionChanged,
    watch: (id) => watches.watch(id),
  });

  const runRequest = (target: Target, rule: OriginRule, referenceId: string, method: MethodName, params: (JsonValue | undefined)[]): void => {
    if (method !== ALWAYS_ALLOWED && !isMethodAllowed(rule, method)) {
      fail(target, referenceId, 'FORBIDDEN', `${target.origin} may not call ${method}`);
      return;
    }
    const handler = HANDLERS.get(method);
    if (!handler) {
      fail(target, referenceId, 'UNKNOWN_REQUEST', `unknown request "${method}"`);
      return;
    }
    const ctx = contextFor(rule, target);
    const notHere = unsupported(method, ctx);
    if (notHere !== undefined) {
      fail(target, referenceId, 'NOT_SUPPORTED', `${method} is not supported: ${notHere}`);
      return;
    }
    let result: ReturnType<typeof handler>;
    try {
      result = handler(params, ctx);
    } catch (e) {
      const f = toFailure(e);
      fail(target, referenceId, f.code, f.message);
      return;
    }
    Promise.resolve(result).then(
      (data) => reply(target, referenceId, (data ?? null) as JsonValue),
      (e: unknown) => {
        const f = toFailure(e);
        fail(target, referenceId, f.code, f.message);
      },
    );
  };

  const subscribe = (target: Target, rule: OriginRule, referenceId: string, namespaces: EventNamespace[]): void => {
    const refused = namespaces.filter((ns) => !subscribeNeeds(ns).some((m) => isMethodAllowed(rule, m)));
    if (refused.length > 0) {
      fail(target, referenceId, 'FORBIDDEN', `${target.origin} may not subscribe to ${refused.join(', ')}`);
      return;
    }
    if (subscribers.countFor(target.origin) >= MAX_SUBSCRIPTIONS_PER_ORIGIN) {
      fail(target, referenceId, 'FORBIDDEN', `too many subscriptions from ${target.origin}`);
      return;
    }
    const subscriptionId = subscribers.add(target, namespaces);
    post(target, { referenceId, subscriptionId, userAgent: SERVICE_USER_AGENT, protocolVersion: PROTOCOL_VERSION });
    // Nothing that happened before the subscribe is lost: send the current state first.
    if (namespaces.includes('interaction')) {
      for (const t of store.tasks) emit('interaction', project(t) as unknown as JsonValue, target);
    }
    if (namespaces.includes('agent')) emit('agent', agentOf(store.agent) as unknown as JsonValue, target);
  };

  const handle = (event: MessageEvent): void => {
    if (stopped) return;
    const origin = event.origin;
    if (typeof origin !== 'string') return;
    const rule = findRule(rules, origin);
    if (!rule) return; // not on the allow-list: no answer, no change
    const source = event.source;
    if (!source || typeof (source as { postMessage?: unknown }).postMessage !== 'function') return;
    const target: Target = { source, origin };
    const env = envelopeOf(event.data);
    if (!env) return; // not ours
    if (!limiter.take(origin)) {
      if (env.referenceId !== null) fail(target, env.referenceId, 'RATE_LIMITED', `too many requests from ${origin}; try again later`);
      return;
    }
    const c = classify(event.data);
    switch (c.kind) {
      case 'ignore':
        return;
      case 'invalid':
        fail(target, c.referenceId, c.code, c.message);
        return;
      case 'request':
        runRequest(target, rule, c.referenceId, c.method, c.parameters);
        return;
      case 'subscribe':
        subscribe(target, rule, c.referenceId, c.namespaces);
        return;
      case 'unsubscribe':
        if (subscribers.remove(c.subscriptionId, target)) reply(target, c.referenceId, null);
        else fail(target, c.referenceId, 'NOT_FOUND', `no subscription "${c.subscriptionId.slice(0, 80)}"`);
        return;
    }
  };

  const onMessage = (event: Event): void => guard(() => handle(event as MessageEvent));
  win.addEventListener('message', onMessage);

  return {
    stop() {
      if (stopped) return;
      stopped = true;
      win.removeEventListener('message', onMessage);
      for (const s of storeSubs) s.unsubscribe();
      watches.closeAll();
      overlays.clear();
      subscribers.clear();
      lastSent.clear();
    },
  };
}

/** The deployment's options: an object of strings (or its JSON text), or a clear Error. */
function optionsOf(spec: string | Readonly<Record<string, string>> | undefined): Readonly<Record<string, string>> {
  let value: unknown = spec ?? {};
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw new Error('bridge options must be a JSON object of strings, such as {"voice.prefix":"0"}');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('bridge options must be an object of strings');
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw new Error(`bridge option "${k.slice(0, 60)}" must be a string`);
    out[k] = v;
  }
  return Object.freeze(out);
}

/** Runs `f`, swallowing anything it throws: the service must never throw into the page. */
function guard(f: () => void): void {
  try {
    f();
  } catch (e) {
    if (!(e instanceof BridgeFailure)) {
      // A bug, not hostile input: keep it visible to developers without breaking the page.
      console.error('cc-elements bridge:', e);
    }
  }
}
