/**
 * The postMessage wire protocol (PROTOCOL.md): the envelopes a client and the service exchange,
 * in the format of Genesys WWE's Service Client API (protocolVersion 2), the payload shapes the
 * service answers with, error codes, and small type guards. Shared by the service (inside the
 * widget bundle) and the host client (in host pages). Types and guards only; no behaviour.
 * @module
 */

/** The protocol version every message carries. */
export const PROTOCOL_VERSION = 2;

/** What the service says it is. Must contain `WWE`: existing clients drop anything else. */
export const SERVICE_USER_AGENT = 'cc-elements (WWE-compatible service)';

/** What our host client says it is. */
export const CLIENT_USER_AGENT = 'cc-host (WWE Client compatible)';

/** A JSON value: what may travel in `parameters` and `data`. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** The namespaces and methods a client may call, as `"<namespace>.<method>"`. */
export const METHODS = {
  interaction: [
    'getInteractions',
    'getByInteractionId',
    'accept',
    'reject',
    'consult',
    'completeTransfer',
    'completeConference',
    'singleStepTransfer',
    'singleStepConference',
    'setUserData',
    'deleteUserData',
    'markdone',
    'blockMarkdone',
    'unblockMarkdone',
    'selectCaseByCaseId',
  ],
  agent: ['get', 'getState', 'getStateList', 'setState'],
  media: ['getMediaList', 'getMediaByName', 'setState'],
  voice: [
    'answer',
    'hold',
    'resume',
    'hangUp',
    'startCallRecording',
    'stopCallRecording',
    'pauseCallRecording',
    'resumeCallRecording',
    'dial',
    'dialEx',
  ],
  sipEndpoint: ['muteMicrophone', 'unmuteMicrophone', 'isMicrophoneMute', 'muteSpeaker', 'unmuteSpeaker', 'isSpeakerMute'],
  system: [
    'getAllowedServices',
    'popupToast',
    'updateToast',
    'closeToast',
    'amIVisible',
    'isFrameLeading',
    'isFrameFollowing',
    'isFrameNegotiating',
    'isFrameLeadingOrNegotiating',
    'isLastActiveFrame',
    'triggerActivity',
    'openDialog',
    'closeDialog',
    'updateViewInApplicationMenuBar',
    'closeViewInApplicationMenuBar',
  ],
  configuration: ['getOption'],
  messenger: ['broadcastMessage'],
  auth: ['getJwtToken'],
  email: ['create'],
  outbound: [
    'getCampaigns',
    'getPreviewRecord',
    'callPreviewRecord',
    'rejectPreviewRecord',
    'cancelPreviewRecord',
    'startDirectPushPreview',
    'stopDirectPushPreview',
    'rescheduleRecord',
    'cancelReschedule',
    'getChainedRecords',
    'getRecordFields',
    'updateRecordFields',
    'getListOfCallResults',
    'setCallResult',
    'getCallResult',
    'setDoNotCall',
    'removeDoNotCall',
  ],
} as const;

export type Namespace = keyof typeof METHODS;
/** A full method name such as `interaction.accept`. */
export type MethodName = { [N in Namespace]: `${N}.${(typeof METHODS)[N][number]}` }[Namespace];

/** Every method name, in a stable order. */
export const ALL_METHODS: readonly MethodName[] = (Object.keys(METHODS) as Namespace[]).flatMap((ns) =>
  METHODS[ns].map((m) => `${ns}.${m}` as MethodName),
);

const methodSet: ReadonlySet<string> = new Set(ALL_METHODS);
/** True for a known `"<namespace>.<method>"`. */
export const isMethodName = (name: string): name is MethodName => methodSet.has(name);

/** The event streams a client may subscribe to (besides `messenger.<channel>`). */
export const EVENT_NAMESPACES = ['interaction', 'agent', 'markdone', 'media', 'system'] as const;
/** A messenger channel's event name: `messenger.<channel>`. */
export type MessengerEvent = `messenger.${string}`;
export type EventNamespace = (typeof EVENT_NAMESPACES)[number] | MessengerEvent;
const eventNsSet: ReadonlySet<string> = new Set(EVENT_NAMESPACES);
/** A channel name: letters, digits and `_.:/-`, at most 64 characters. */
export const MESSENGER_CHANNEL = /^[\w.:/-]{1,64}$/;
export const isEventNamespace = (name: string): name is EventNamespace =>
  eventNsSet.has(name) || (name.startsWith('messenger.') && MESSENGER_CHANNEL.test(name.slice(10)));

/** Stable failure codes (`errorCode`). A response is a failure exactly when `errorMessage` is present. */
export type BridgeErrorCode =
  | 'NOT_FOUND'
  | 'INVALID_PARAMETERS'
  | 'FORBIDDEN'
  | 'INVALID_STATE'
  | 'RATE_LIMITED'
  | 'UNKNOWN_REQUEST'
  | 'BACKEND_ERROR'
  | 'MARKDONE_BLOCKED'
  /** This desk (its backend, or an embedded desk at all) cannot do that: answered at once. */
  | 'NOT_SUPPORTED'
  /** Used by the host client for an unanswered request; the service never sends it. */
  | 'TIMEOUT';

/** Fields every message may carry. */
interface Envelope {
  userAgent?: string;
  protocolVersion?: number;
  frameId?: string;
}

/** Client → service: a method call. */
export interface Request extends Envelope {
  request: string;
  parameters?: JsonValue[];
  referenceId: string;
}

/** Client → service: subscribe to one or more event namespaces. */
export interface SubscribeRequest extends Envelope {
  event: 'subscribe';
  data: string | string[];
  referenceId: string;
}

/** Client → service: end a subscription. */
export interface UnsubscribeRequest extends Envelope {
  event: 'unsubscribe';
  data: string;
  referenceId: string;
}

/** Anything a client sends. */
export type ClientMessage = Request | SubscribeRequest | UnsubscribeRequest;

/** Service → client: the answer to a request, subscribe or unsubscribe. */
export interface Response {
  referenceId: string;
  data?: JsonValue;
  /** Present on a subscribe answer. */
  subscriptionId?: string;
  userAgent: string;
  protocolVersion: typeof PROTOCOL_VERSION;
  /** Present exactly on failure. */
  errorMessage?: string;
  errorCode?: BridgeErrorCode;
}

/** A failed response. */
export interface FailureResponse extends Response {
  errorMessage: string;
  errorCode: BridgeErrorCode;
}

/** Service → client: an event on a subscribed namespace. */
export interface EventMessage<D extends JsonValue = JsonValue> {
  event: EventNamespace;
  data: D;
  userAgent: string;
  protocolVersion: typeof PROTOCOL_VERSION;
}

// ---------------------------------------------------------------------------------------------
// Payloads

/** Interaction states the projection produces (seed 004). */
export type InteractionState =
  | 'UNKNOWN'
  | 'IDLE'
  | 'RINGING'
  | 'DIALING'
  | 'TALKING'
  | 'HELD'
  | 'INVITED'
  | 'ACCEPTED'
  | 'COMPLETED'
  | 'TRANSFER_COMPLETED'
  | 'REVOKED'
  | 'INVITED_CONFERENCE'
  | 'LEFT_CONFERENCE'
  | 'USER_DATA_UPDATED'
  /** Ours: a conversation message was added (see `BridgeInteraction.message`). */
  | 'MESSAGE_ADDED';

/** What media the interaction is on, in the vendor's words. */
export type InteractionMedia = 'voice' | 'chat' | 'email' | 'social';

/** The seed's `Party`. */
export interface Party {
  name: string;
}

/** The seed's `Contact`. */
export interface Contact {
  displayName: string;
  firstName: string;
  lastName: string;
}

/** The seed's `Interaction` (the bridge's projection of a task). */
export interface BridgeInteraction {
  interactionId: string;
  parentInteractionId?: string;
  caseId: string;
  userData: Record<string, string>;
  state: InteractionState;
  previousState?: InteractionState;
  parties: Party[];
  isConsultation: boolean;
  isMainCaseInteraction: boolean;
  callUuid?: string;
  direction?: 'IN' | 'OUT' | 'UNKNOWN';
  callType?: 'INBOUND' | 'OUTBOUND' | 'CONSULT' | 'INTERNAL' | 'UNKNOWN';
  ani?: string;
  dnis?: string;
  recordingState?: 'RECORDING' | 'PAUSED' | 'STOPPED';
  isCaseSelected: boolean;
  isCaseExpanded: boolean;
  ronaCallState?: 'NO_ANSWER' | 'REDIRECTED';
  interactionUUID: string;
  contact: Contact;
  media: InteractionMedia;
  /** On a MESSAGE_ADDED event: the new message. */
  message?: BridgeMessage;
}

/** A chat, social or email message on a MESSAGE_ADDED event (plain text). */
export interface BridgeMessage {
  id: string;
  from: 'customer' | 'agent' | 'system';
  author: string;
  text: string;
  /** ms since epoch. */
  at: number;
  subject?: string;
}

/** A case event on the `interaction` stream (seed 004 `selectCaseByCaseId`). */
export interface CaseEvent {
  eventType: 'CASE_SELECTED' | 'CASE_EXPANDED' | 'CASE_COLLAPSED';
  selectedCaseId: string | null;
}

/** The `markdone` event: markdone was refused because a host blocked it. */
export interface MarkdoneEvent {
  interactionId: string;
  warningMessage: string;
}

/** `agent.get` / `agent` events. */
export interface BridgeAgent {
  agentId: string;
  name: string;
  teamName: string;
  state: BridgeAgentState;
}

/** `agent.getState`. */
export interface BridgeAgentState {
  /** 'Available' | 'Idle' | 'RONA' | 'Engaged'. */
  state: string;
  /** The idle code when not available. */
  reasonCodeId?: string;
  reasonCodeName?: string;
  /** Since when (ms since epoch). */
  since: number;
}

/** One entry of `agent.getStateList`: a state the agent may set (Available, or Idle with a code). */
export interface BridgeStateOption {
  state: 'Available' | 'Idle';
  reasonCodeId?: string;
  name: string;
}

/** One of the agent's channels (`media.getMediaList`, `media` events). */
export interface BridgeMedia {
  /** The vendor's media name: voice, chat, email, social. */
  name: InteractionMedia;
  /** Ready for offers on this channel (the agent's state when the backend has no per-channel readiness). */
  available: boolean;
  /** `Ready` or `NotReady`, as the vendor's media state names it. */
  state: 'Ready' | 'NotReady';
  reasonCodeId?: string;
  reasonCodeName?: string;
  /** How many interactions of this media the agent may hold at once, and holds now. */
  capacity: number;
  activeInteractions: number;
  /** False when readiness is the agent's overall state (the backend knows no per-channel state). */
  perChannel: boolean;
}

/** `system.popupToast` / `updateToast` parameters. */
export interface ToastParams {
  title?: string;
  subject?: string;
  message?: string;
  iconUrl?: string;
  /** `{ key: value }` or `[{ key, value }]`. */
  keyValues?: Record<string, string> | { key: string; value: string }[];
  /** Labels, or `{ id, label }`. */
  buttons?: (string | { id?: string; label: string })[];
  /** Adds Show and Dismiss buttons. */
  buttonShowDismiss?: boolean;
  /** Seconds until the toast closes itself (0 or absent: it stays). */
  autoCloseTimeout?: number;
  /** Pixels, 200–640. */
  width?: number;
}

/** A `system` event: a toast's button was pressed or it closed; a dialog closed. */
export interface SystemEvent {
  eventType: 'TOAST_BUTTON_CLICKED' | 'TOAST_CLOSED' | 'DIALOG_CLOSED';
  toastId?: string;
  dialogId?: string;
  buttonId?: string;
}

// ---------------------------------------------------------------------------------------------
// Guards (shape only; the service validates fully in validate.ts)

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Looks like a method call (has a string `request`). */
export const isRequest = (m: unknown): m is Request =>
  isObj(m) && typeof m.request === 'string' && typeof m.referenceId === 'string';

/** Looks like a subscribe. */
export const isSubscribeRequest = (m: unknown): m is SubscribeRequest =>
  isObj(m) && m.event === 'subscribe' && typeof m.referenceId === 'string';

/** Looks like an unsubscribe. */
export const isUnsubscribeRequest = (m: unknown): m is UnsubscribeRequest =>
  isObj(m) && m.event === 'unsubscribe' && typeof m.referenceId === 'string';

/**
 * Looks like a service response: a string `referenceId`, a `userAgent`, and neither `request`
 * nor `event` (a client's own request echoed back is not a response).
 */
export const isResponse = (m: unknown): m is Response =>
  isObj(m) &&
  typeof m.referenceId === 'string' &&
  typeof m.userAgent === 'string' &&
  !('request' in m) &&
  !('event' in m);

/** A failed response. */
export const isFailure = (m: Response): m is FailureResponse => typeof m.errorMessage === 'string';

/** Looks like an event from the service (not a subscribe/unsubscribe). */
export const isEventMessage = (m: unknown): m is EventMessage =>
  isObj(m) &&
  typeof m.event === 'string' &&
  m.event !== 'subscribe' &&
  m.event !== 'unsubscribe' &&
  'data' in m &&
  typeof m.userAgent === 'string' &&
  m.userAgent.includes('WWE');

/** True for an `interaction` event payload that is a case event. */
export const isCaseEvent = (d: unknown): d is CaseEvent =>
  isObj(d) && typeof d.eventType === 'string' && d.eventType.startsWith('CASE_');
