/**
 * The host client (`dist/cc-host.js`): what a host page uses to drive the widgets in another
 * window (an iframe gadget, a parent page, an opener) over the WWE-compatible postMessage
 * protocol of PROTOCOL.md. Tiny on purpose: no lit, no rxjs.
 *
 * ```js
 * const cc = createHostClient({ target: iframe.contentWindow, targetOrigin: 'https://desk.example' });
 * const list = await cc.interaction.getInteractions();
 * cc.interaction.accept(id, () => console.log('accepted'), (e) => console.warn(e.code, e.message));
 * const sub = await cc.subscribe(['interaction'], (msg) => console.log(msg.event, msg.data));
 * ```
 * @module
 */
import { CLIENT_USER_AGENT } from './protocol.js';
import type {
  BridgeAgent,
  BridgeAgentState,
  BridgeErrorCode,
  BridgeInteraction,
  BridgeMedia,
  BridgeStateOption,
  EventMessage,
  EventNamespace,
  JsonObject,
  JsonValue,
  Response,
  ToastParams,
} from './protocol.js';

/** Why a call failed: a code from the service's reply, or the client's own TIMEOUT / CLOSED. */
export type HostClientErrorCode = BridgeErrorCode | 'CLOSED';

/** The error every failed call rejects with (and passes to a `failed` callback). */
export class HostClientError extends Error {
  constructor(
    /** `TIMEOUT` (no answer in time), `CLOSED` (destroyed), or the reply's `errorCode`. */
    readonly code: HostClientErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HostClientError';
  }
}

/** Options of {@link createHostClient}. */
export interface HostClientOptions {
  /** The window that runs the service: `iframe.contentWindow`, `window.parent`, `window.opener`. */
  target: Window;
  /** That window's exact origin (scheme://host[:port]). `'*'` is refused. */
  targetOrigin: string;
  /** Reject a call nobody answered after this long. Default 10000. */
  timeoutMs?: number;
  /** Sent as `userAgent` on every message. Default `'cc-host (WWE Client compatible)'`. */
  userAgent?: string;
}

/** Genesys-style success callback. */
export type Succeeded<T> = (data: T) => void;
/** Genesys-style failure callback. */
export type Failed = (error: HostClientError) => void;
/** The optional trailing `(succeeded, failed)` pair every method takes. */
type Cb<T> = [succeeded?: Succeeded<T>, failed?: Failed];

/** A consult/transfer target: a phone number, or `{ target | type, destination, media? }`. */
export type TargetQuery =
  | string
  | {
      target?: TargetType;
      type?: TargetType;
      destination: string;
      media?: string;
    };
export type TargetType = 'AGENT' | 'AGENT_GROUP' | 'SKILL' | 'INTERACTION_QUEUE' | 'ROUTING_POINT' | 'CUSTOM_CONTACT';

/** What a command answers (the service sends `null` or a small result). */
type Done = JsonValue | undefined;

/** The `interaction` namespace (seed 004). */
export interface InteractionApi {
  getInteractions(...cb: Cb<BridgeInteraction[]>): Promise<BridgeInteraction[]>;
  /** Resolves with `null` for an unknown id. */
  getByInteractionId(interactionId: string, ...cb: Cb<BridgeInteraction | null>): Promise<BridgeInteraction | null>;
  accept(interactionId: string, ...cb: Cb<Done>): Promise<Done>;
  reject(interactionId: string, ...cb: Cb<Done>): Promise<Done>;
  consult(
    interactionId: string,
    targetQuery: TargetQuery,
    userData?: JsonObject,
    extensions?: JsonObject,
    ...cb: Cb<Done>
  ): Promise<Done>;
  completeTransfer(consultInteractionId: string, ...cb: Cb<Done>): Promise<Done>;
  completeConference(consultInteractionId: string, ...cb: Cb<Done>): Promise<Done>;
  singleStepTransfer(
    interactionId: string,
    targetQuery: TargetQuery,
    userData?: JsonObject,
    extensions?: JsonObject,
    ...cb: Cb<Done>
  ): Promise<Done>;
  singleStepConference(
    interactionId: string,
    targetQuery: TargetQuery,
    userData?: JsonObject,
    extensions?: JsonObject,
    ...cb: Cb<Done>
  ): Promise<Done>;
  setUserData(interactionId: string, keyValues: Record<string, string>, ...cb: Cb<Done>): Promise<Done>;
  deleteUserData(interactionId: string, key: string, ...cb: Cb<Done>): Promise<Done>;
  markdone(interactionId: string, ...cb: Cb<Done>): Promise<Done>;
  blockMarkdone(interactionId: string, warningMessage: string, ...cb: Cb<Done>): Promise<Done>;
  unblockMarkdone(interactionId: string, ...cb: Cb<Done>): Promise<Done>;
  selectCaseByCaseId(caseId: string, ...cb: Cb<Done>): Promise<Done>;
}

/** The `agent` namespace. */
export interface AgentApi {
  get(...cb: Cb<BridgeAgent>): Promise<BridgeAgent>;
  getState(...cb: Cb<BridgeAgentState>): Promise<BridgeAgentState>;
  getStateList(...cb: Cb<BridgeStateOption[]>): Promise<BridgeStateOption[]>;
  /** `'Available'`, or `'Idle'` with an idle code id (see `getStateList`). */
  /**
   * An index into `getStateList`'s answer (the vendor's form), a state name from it, or
   * `'Available'` / `'Idle'` with an optional reason code id.
   */
  setState(state: number | string, reasonCodeId?: string, ...cb: Cb<Done>): Promise<Done>;
}

/** `media.*`: the agent's channels and their readiness. */
export interface MediaApi {
  getMediaList(...cb: Cb<BridgeMedia[]>): Promise<BridgeMedia[]>;
  /** null for a media the agent does not have. */
  getMediaByName(name: string, ...cb: Cb<BridgeMedia | null>): Promise<BridgeMedia | null>;
  /** `state`: an index into `agent.getStateList`, or a name (`'Ready'`, `'NotReady'`, an idle code's name). */
  setState(mediaName: string, state: number | string, ...cb: Cb<BridgeMedia | null>): Promise<BridgeMedia | null>;
}

/** `sipEndpoint.*`: the agent's microphone, as mute of the active call (speaker ones: NOT_SUPPORTED). */
export interface SipEndpointApi {
  muteMicrophone(...cb: Cb<Done>): Promise<Done>;
  unmuteMicrophone(...cb: Cb<Done>): Promise<Done>;
  isMicrophoneMute(...cb: Cb<boolean>): Promise<boolean>;
  muteSpeaker(...cb: Cb<Done>): Promise<Done>;
  unmuteSpeaker(...cb: Cb<Done>): Promise<Done>;
  isSpeakerMute(...cb: Cb<boolean>): Promise<boolean>;
}

/** `configuration.*`: the options the deployment exposes. */
export interface ConfigurationApi {
  getOption(patterns: string | string[], ...cb: Cb<Record<string, string>>): Promise<Record<string, string>>;
}

/** `messenger.*`: to the other clients subscribed to `messenger.<channel>`. */
export interface MessengerApi {
  broadcastMessage(channel: string, message: JsonValue, ...cb: Cb<Done>): Promise<Done>;
}

/** `auth.*`. */
export interface AuthApi {
  getJwtToken(...cb: Cb<string>): Promise<string>;
}

/** `email.*`. */
export interface EmailApi {
  create(params?: JsonObject, ...cb: Cb<Done>): Promise<Done>;
}

type Out = JsonValue | undefined;
/** `outbound.*` (campaign records), with the vendor's positional parameters. */
export interface OutboundApi {
  getCampaigns(...cb: Cb<Done>): Promise<Done>;
  getPreviewRecord(campaignName: string, ...cb: Cb<Done>): Promise<Done>;
  callPreviewRecord(interactionId: Out, recordHandle: Out, ...cb: Cb<Done>): Promise<Done>;
  rejectPreviewRecord(interactionId: Out, recordHandle: Out, ...cb: Cb<Done>): Promise<Done>;
  cancelPreviewRecord(interactionId: Out, recordHandle: Out, ...cb: Cb<Done>): Promise<Done>;
  startDirectPushPreview(campaignName: string, ...cb: Cb<Done>): Promise<Done>;
  stopDirectPushPreview(campaignName: string, ...cb: Cb<Done>): Promise<Done>;
  rescheduleRecord(interactionId: Out, recordHandle: Out, rescheduleDate: Out, callbackType: Out, ...cb: Cb<Done>): Promise<Done>;
  cancelReschedule(interactionId: Out, recordHandle: Out, ...cb: Cb<Done>): Promise<Done>;
  getChainedRecords(interactionId: Out, ...cb: Cb<Done>): Promise<Done>;
  getRecordFields(interactionId: Out, ...cb: Cb<Done>): Promise<Done>;
  updateRecordFields(interactionId: Out, recordData: Out, ...cb: Cb<Done>): Promise<Done>;
  getListOfCallResults(...cb: Cb<Done>): Promise<Done>;
  setCallResult(interactionId: Out, callResult: Out, ...cb: Cb<Done>): Promise<Done>;
  getCallResult(interactionId: Out, ...cb: Cb<Done>): Promise<Done>;
  setDoNotCall(interactionId: Out, ...cb: Cb<Done>): Promise<Done>;
  removeDoNotCall(interactionId: Out, ...cb: Cb<Done>): Promise<Done>;
}

/** The `voice` namespace. Without an interaction id, a call acts on the selected interaction. */
export interface VoiceApi {
  answer(interactionId?: string, ...cb: Cb<Done>): Promise<Done>;
  hold(interactionId?: string, ...cb: Cb<Done>): Promise<Done>;
  resume(interactionId?: string, ...cb: Cb<Done>): Promise<Done>;
  hangUp(interactionId?: string, ...cb: Cb<Done>): Promise<Done>;
  startCallRecording(interactionId?: string, ...cb: Cb<Done>): Promise<Done>;
  stopCallRecording(interactionId?: string, ...cb: Cb<Done>): Promise<Done>;
  pauseCallRecording(interactionId?: string, ...cb: Cb<Done>): Promise<Done>;
  resumeCallRecording(interactionId?: string, ...cb: Cb<Done>): Promise<Done>;
  /**
   * Dial out. `userData` (the vendor's form) is attached to the new call; a string instead is
   * the id of the caller id (outdial ANI) to present.
   */
  dial(destination: string, userData?: JsonObject | string, ...cb: Cb<Done>): Promise<Done>;
  /** `dial` with the vendor's `extensions` (accepted; our backends take none). */
  dialEx(destination: string, userData?: JsonObject, extensions?: JsonObject, ...cb: Cb<Done>): Promise<Done>;
}

/** The `system` namespace. */
export interface SystemApi {
  /** The methods this page's origin may call (those this desk answers NOT_SUPPORTED left out). */
  getAllowedServices(...cb: Cb<JsonValue>): Promise<JsonValue>;
  /** A toast inside the desk; answers its id. Its buttons come back as `system` events. */
  popupToast(params: ToastParams, ...cb: Cb<string>): Promise<string>;
  updateToast(toastId: string, params: ToastParams, ...cb: Cb<Done>): Promise<Done>;
  closeToast(toastId: string, ...cb: Cb<Done>): Promise<Done>;
  /** Only a frame inside the desk can ask. */
  amIVisible(...cb: Cb<boolean>): Promise<boolean>;
  isFrameLeading(...cb: Cb<boolean>): Promise<boolean>;
  isFrameFollowing(...cb: Cb<boolean>): Promise<boolean>;
  isFrameNegotiating(...cb: Cb<boolean>): Promise<boolean>;
  isFrameLeadingOrNegotiating(...cb: Cb<boolean>): Promise<boolean>;
  isLastActiveFrame(...cb: Cb<boolean>): Promise<boolean>;
  triggerActivity(...cb: Cb<Done>): Promise<Done>;
  /** A dialog inside the desk (its origin must be on the deployment's dialog allow-list); answers its id. */
  openDialog(url: string, options?: { title?: string; width?: number; height?: number }, ...cb: Cb<string>): Promise<string>;
  closeDialog(dialogId: string, ...cb: Cb<Done>): Promise<Done>;
  updateViewInApplicationMenuBar(params: JsonObject, ...cb: Cb<Done>): Promise<Done>;
  closeViewInApplicationMenuBar(name: string, ...cb: Cb<Done>): Promise<Done>;
}

/**
 * Receives every event of the namespaces it subscribed to, as the service sent it
 * (`{ event, data, userAgent, protocolVersion }`). The service sends each event once per window:
 * every handler in this window subscribed to that namespace sees it.
 */
export type EventHandler = (message: EventMessage) => void;

/** A connected client. */
export interface HostClient {
  readonly interaction: InteractionApi;
  readonly agent: AgentApi;
  readonly voice: VoiceApi;
  readonly system: SystemApi;
  readonly media: MediaApi;
  readonly sipEndpoint: SipEndpointApi;
  readonly configuration: ConfigurationApi;
  readonly messenger: MessengerApi;
  readonly auth: AuthApi;
  readonly email: EmailApi;
  readonly outbound: OutboundApi;
  /**
   * Subscribe to event namespaces; resolves with the service's `subscriptionId`. The service
   * first sends the current interactions, then live events.
   */
  subscribe(namespaces: EventNamespace | EventNamespace[], handler: EventHandler): Promise<string>;
  /** Stop a subscription (its handler stops at once). */
  unsubscribe(subscriptionId: string): Promise<void>;
  /** Remove the listener and reject everything pending with `CLOSED`. */
  destroy(): void;
}

/** Every method and how many positional parameters it takes before `(succeeded, failed)`. */
const API: Record<string, Record<string, number>> = {
  interaction: {
    getInteractions: 0,
    getByInteractionId: 1,
    accept: 1,
    reject: 1,
    consult: 4,
    completeTransfer: 1,
    completeConference: 1,
    singleStepTransfer: 4,
    singleStepConference: 4,
    setUserData: 2,
    deleteUserData: 2,
    markdone: 1,
    blockMarkdone: 2,
    unblockMarkdone: 1,
    selectCaseByCaseId: 1,
  },
  agent: { get: 0, getState: 0, getStateList: 0, setState: 2 },
  media: { getMediaList: 0, getMediaByName: 1, setState: 2 },
  voice: {
    answer: 1,
    hold: 1,
    resume: 1,
    hangUp: 1,
    startCallRecording: 1,
    stopCallRecording: 1,
    pauseCallRecording: 1,
    resumeCallRecording: 1,
    dial: 2,
    dialEx: 3,
  },
  sipEndpoint: { muteMicrophone: 0, unmuteMicrophone: 0, isMicrophoneMute: 0, muteSpeaker: 0, unmuteSpeaker: 0, isSpeakerMute: 0 },
  system: {
    getAllowedServices: 0,
    popupToast: 1,
    updateToast: 2,
    closeToast: 1,
    amIVisible: 0,
    isFrameLeading: 0,
    isFrameFollowing: 0,
    isFrameNegotiating: 0,
    isFrameLeadingOrNegotiating: 0,
    isLastActiveFrame: 0,
    triggerActivity: 0,
    openDialog: 2,
    closeDialog: 1,
    updateViewInApplicationMenuBar: 1,
    closeViewInApplicationMenuBar: 1,
  },
  configuration: { getOption: 1 },
  messenger: { broadcastMessage: 2 },
  auth: { getJwtToken: 0 },
  email: { create: 1 },
  outbound: {
    getCampaigns: 0,
    getPreviewRecord: 1,
    callPreviewRecord: 2,
    rejectPreviewRecord: 2,
    cancelPreviewRecord: 2,
    startDirectPushPreview: 1,
    stopDirectPushPreview: 1,
    rescheduleRecord: 4,
    cancelReschedule: 2,
    getChainedRecords: 1,
    getRecordFields: 1,
    updateRecordFields: 2,
    getListOfCallResults: 0,
    setCallResult: 2,
    getCallResult: 1,
    setDoNotCall: 1,
    removeDoNotCall: 1,
  },
};

const HANDSHAKE_RETRY_MS = 250;

interface Pending {
  resolve: (r: Response) => void;
  reject: (e: HostClientError) => void;
  timer: ReturnType<typeof setTimeout>;
  /** A subscription's handler, live from the moment the subscribe is sent. */
  sub?: Subscription;
}
interface Subscription {
  ns: string[];
  handler: EventHandler;
}
type Message = Record<string, unknown> & { referenceId: string };

const isExactOrigin = (o: unknown): boolean => {
  try {
    return typeof o === 'string' && new URL(o).origin === o;
  } catch {
    return false;
  }
};

/** Connect to the service in `options.target`. Throws on a missing target or a non-exact origin. */
export function createHostClient(options: HostClientOptions): HostClient {
  const { target, targetOrigin, timeoutMs = 10000, userAgent = CLIENT_USER_AGENT } = options;
  if (!target || typeof target.postMessage != 'function') throw new TypeError('cc-host: target must be a Window');
  if (!isExactOrigin(targetOrigin)) {
    throw new TypeError(`cc-host: targetOrigin must be an exact origin such as https://desk.example, not ${targetOrigin}`);
  }

  // Several clients may share a window: a random prefix keeps their referenceIds apart.
  const prefix = Math.random().toString(36).slice(2) + '-';
  const pending = new Map<string, Pending>();
  const subs = new Map<string, Subscription>();
  let seq = 0;
  let ready = false;
  let closed = false;
  let queue: Message[] = [];
  let handshake: { ref: string; stop(): void } | undefined;

  const envelope = (body: Record<string, unknown>): Message => ({
    ...body,
    referenceId: prefix + ++seq,
    userAgent,
    protocolVersion: 2,
  });

  const settle = (ref: string, error?: HostClientError, response?: Response): void => {
    const p = pending.get(ref);
    if (!p) return;
    pending.delete(ref);
    clearTimeout(p.timer);
    if (p.sub) {
      subs.delete(ref);
      if (!error && response?.subscriptionId) subs.set(response.subscriptionId, p.sub);
    }
    if (error) p.reject(error);
    else p.resolve(response!);
  };

  const post = (m: Message): void => {
    try {
      target.postMessage(m, targetOrigin);
    } catch (e) {
      // Not structured-cloneable (a function, a DOM node …).
      settle(m.referenceId, new HostClientError('INVALID_PARAMETERS', `cc-host: ${(e as Error).message}`));
    }
  };

  const startHandshake = (): void => {
    if (handshake) return;
    const hello = envelope({ request: 'system.getAllowedServices', parameters: [] });
    // Posts to a window that has not loaded the service yet are dropped by the browser
    // (wrong origin) or ignored: retry until the first answer, or until every queued
    // request has timed out (the next call starts a new handshake).
    const retry = setInterval(() => post(hello), HANDSHAKE_RETRY_MS);
    handshake = {
      ref: hello.referenceId,
      stop() {
        clearInterval(retry);
        handshake = undefined;
      },
    };
    post(hello);
  };

  const send = (body: Record<string, unknown>, sub?: Subscription): Promise<Response> => {
    if (closed) return Promise.reject(new HostClientError('CLOSED', 'cc-host: the client was destroyed'));
    const m = envelope(body);
    const ref = m.referenceId;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        queue = queue.filter((q) => q.referenceId != ref);
        if (!queue.length) handshake?.stop();
        // The service may have gone (the frame reloaded): handshake again before the next call.
        ready = false;
        settle(ref, new HostClientError('TIMEOUT', `cc-host: no answer to ${body.request ?? body.event} in ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(ref, { resolve, reject, timer, sub });
      if (sub) subs.set(ref, sub);
      if (ready) post(m);
      else {
        queue.push(m);
        startHandshake();
      }
    });
  };

  const onMessage = (e: MessageEvent): void => {
    if (e.source !== target || e.origin !== targetOrigin) return;
    const m = e.data as Record<string, unknown> | null;
    // As the vendor's client does: only a WWE service is listened to.
    if (typeof m != 'object' || !m || typeof m.userAgent != 'string' || !m.userAgent.includes('WWE')) return;
    const ref = m.referenceId;
    if (typeof ref == 'string' && !('request' in m) && !('event' in m)) {
      if (ref === handshake?.ref) {
        handshake.stop();
        ready = true;
        const q = queue;
        queue = [];
        q.forEach(post);
      } else {
        const r = m as unknown as Response;
        settle(
          ref,
          typeof r.errorMessage == 'string' ? new HostClientError(r.errorCode ?? 'BACKEND_ERROR', r.errorMessage) : undefined,
          r,
        );
      }
    } else if (typeof m.event == 'string' && ref === undefined) {
      for (const s of [...subs.values()]) {
        if (!s.ns.includes(m.event)) continue;
        try {
          s.handler(m as unknown as EventMessage);
        } catch (err) {
          reportError(err);
        }
      }
    }
  };
  addEventListener('message', onMessage);

  const call = (request: string, arity: number, args: unknown[]): Promise<unknown> => {
    const parameters = args.slice(0, arity);
    const [ok, fail] = args.slice(arity) as [Succeeded<unknown>?, Failed?];
    while (parameters.length && parameters[parameters.length - 1] === undefined) parameters.pop();
    const p = send({ request, parameters }).then((r) => r.data);
    if (ok || fail) p.then(ok, fail ?? (() => {}));
    return p;
  };

  const client = {
    subscribe(namespaces: EventNamespace | EventNamespace[], handler: EventHandler) {
      const ns = ([] as string[]).concat(namespaces);
      return send({ event: 'subscribe', data: namespaces }, { ns, handler }).then((r) => r.subscriptionId as string);
    },
    unsubscribe(subscriptionId: string) {
      subs.delete(subscriptionId);
      return send({ event: 'unsubscribe', data: subscriptionId }).then(() => {});
    },
    destroy() {
      if (closed) return;
      closed = true;
      removeEventListener('message', onMessage);
      handshake?.stop();
      queue = [];
      for (const ref of [...pending.keys()]) settle(ref, new HostClientError('CLOSED', 'cc-host: the client was destroyed'));
      subs.clear();
    },
  } as Record<string, unknown>;
  for (const ns in API) {
    const api: Record<string, (...a: unknown[]) => Promise<unknown>> = {};
    for (const method in API[ns]) api[method] = (...a) => call(`${ns}.${method}`, API[ns][method], a);
    client[ns] = api;
  }
  return client as unknown as HostClient;
}
