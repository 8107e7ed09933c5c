/**
 * The domain the elements, the store and the bridge share: a task as the agent sees it, the
 * agent profile and status, directory entries, commands and errors. Pure types, no behaviour.
 * @module
 */
import type { AgentContact, ConsultStatus, MediaChannel, TaskData } from './seed-types.js';
import type { AgentStateEventName } from './events.js';

/** The states of TASK-STATES.md. */
export type TaskState =
  | 'OFFERED'
  | 'OFFERED_CONSULT'
  | 'CONNECTED'
  | 'HELD'
  | 'CONSULTING'
  | 'CONFERENCING'
  | 'WRAPPING_UP'
  | 'COMPLETED'
  | 'TERMINATED';

/** Every command an agent (or a host page through the bridge) can issue on a task. */
export type TaskCommand =
  | 'accept'
  | 'decline'
  | 'hold'
  | 'resume'
  | 'toggleMute'
  | 'pauseRecording'
  | 'resumeRecording'
  | 'consult'
  | 'endConsult'
  | 'consultTransfer'
  | 'consultConference'
  | 'exitConference'
  | 'switchLeg'
  | 'transfer'
  | 'end'
  | 'wrapup'
  | 'setUserData'
  | 'deleteUserData';

/** Commands that are not about one task. */
export type AgentCommand = 'setAgentState' | 'outdial' | 'connect' | 'directory';

export type DestinationType = 'agent' | 'queue' | 'dialNumber' | 'entryPoint';

/** Where a consult or transfer goes. */
export interface Destination {
  type: DestinationType;
  /** Agent id, queue id, entry point id, or the dial number. */
  id: string;
  /** What the agent sees (agent name, queue name, the number). */
  name?: string;
}

export type RecordingState = 'RECORDING' | 'PAUSED' | 'STOPPED';

/** Which leg of a consulting call the agent is talking on. */
export type Leg = 'main' | 'consult';

/** Why a task left the agent's hands. */
export type EndReason =
  | 'RONA'
  | 'DECLINED'
  | 'CUSTOMER_HANGUP'
  | 'ENDED'
  | 'TRANSFERRED'
  | 'CONFERENCE_EXITED'
  | 'CONSULT_ENDED'
  | 'WRAPPED_UP';

export type ErrorCode =
  | 'BACKEND_ERROR'
  | 'INVALID_STATE'
  | 'NOT_FOUND'
  | 'INVALID_PARAMETERS'
  | 'TIMEOUT'
  | 'CONNECTION'
  | 'FORBIDDEN'
  | 'MARKDONE_BLOCKED'
  /** The backend has no such operation (e.g. call-associated data writes on Webex CC 3.12.0). */
  | 'NOT_SUPPORTED';

/** A failure the agent must see: a rejected backend call, a `…Failed` event, a refused command. */
export interface CcError {
  code: ErrorCode;
  command: TaskCommand | AgentCommand | 'sendMessage';
  taskId?: string;
  /** Human-readable English reason (elements translate by `code`/`command` and may show this). */
  message: string;
  /** When it happened (ms since epoch, from the store's clock). */
  at: number;
}

/** A command that was sent and awaits its confirming event. */
export interface Pending {
  command: TaskCommand;
  since: number;
}

/** A consult in progress on a task. */
export interface ConsultInfo {
  destination: Destination;
  status: ConsultStatus;
  startedAt?: number;
}

/**
 * A task as the agent sees it: the state machine's state, the latest payload with its derived
 * flags (`data`), and what the UI needs besides. Immutable: every change is a new object.
 */
export interface Task {
  /** The interaction id. */
  readonly id: string;
  readonly state: TaskState;
  readonly previousState?: TaskState;
  readonly media: MediaChannel;
  /** The latest AgentContact payload plus the derived flags of seed 000. */
  readonly data: TaskData;
  /** The command awaiting confirmation, if any. */
  readonly pending?: Pending;
  /** The last failure on this task; cleared by the next successful transition. */
  readonly error?: CcError;
  readonly muted: boolean;
  readonly recording: RecordingState;
  readonly consult?: ConsultInfo;
  /** The leg the agent talks on while consulting. */
  readonly activeLeg: Leg;
  readonly wrapUpRequired: boolean;
  readonly endReason?: EndReason;
  /** Host-imposed block on finishing the task (bridge `blockMarkdone`): the warning to show. */
  readonly markdoneBlocked?: string;
  /** Times in ms since epoch, from the events' `eventTime`. */
  readonly times: {
    readonly offeredAt?: number;
    readonly connectedAt?: number;
    readonly heldAt?: number;
    readonly wrapupStartedAt?: number;
    readonly endedAt?: number;
    /** When the offer redirects on no answer. */
    readonly ronaDeadline?: number;
  };
  /** Increments with every change; cheap change detection for renderers. */
  readonly rev: number;
}

/** An idle or wrap-up code. */
export interface AuxCode {
  id: string;
  name: string;
  isSystem?: boolean;
  isDefault?: boolean;
}

export interface DialPlanEntry {
  id: string;
  name: string;
  /** A regular expression (source text) a dial number must match. */
  regex: string;
  prefix: string;
  strippedChars: string;
}

export interface OutdialAni {
  id: string;
  name: string;
  number: string;
}

/** What the agent is allowed and configured to do. */
export interface AgentProfile {
  agentId: string;
  agentName: string;
  teamId: string;
  teamName: string;
  idleCodes: AuxCode[];
  wrapUpCodes: AuxCode[];
  dialPlan: { enabled: boolean; entries: DialPlanEntry[] };
  outdial: { enabled: boolean; entryPointId?: string; anis: OutdialAni[] };
  autoWrapup: { enabled: boolean; timeoutSeconds: number; allowCancel: boolean };
  /** Call-associated data keys the agent may edit (from `callAssociatedData[k].agentEditable` too). */
  userData: { editable: boolean };
  /** Agents in a conference at most (the agent included). */
  maxConferenceParticipants: number;
  /**
   * What the agent's login (phone device) lets the desk do; absent means everything. A Webex
   * Extension or Dial-number login answers calls on the phone, and only a WebRTC (browser)
   * login can decline an offer or mute.
   */
  capabilities?: DeviceCapabilities;
}

/** See `AgentProfile.capabilities`. Each flag absent means allowed. */
export interface DeviceCapabilities {
  /** The desk accepts voice offers (false: the agent answers on the phone, which rings). */
  acceptCalls?: boolean;
  /** Media whose offers the desk can decline (absent: all). */
  decline?: readonly MediaChannel[];
  /** The desk can mute the agent's audio. */
  mute?: boolean;
}

export type AgentStateName = 'Available' | 'Idle' | 'RONA' | 'Engaged';

export interface AgentStatus {
  state: AgentStateName;
  /** The idle code when Idle (or RONA's system code). */
  idleCodeId?: string;
  /** When the agent entered this state (ms since epoch). */
  since: number;
}

/** Agent-state events on the backend stream. */
export interface AgentStateEvent {
  type: AgentStateEventName;
  agentId: string;
  subStatus: AgentStateName;
  auxCodeId?: string;
  lastStateChangeTimestamp: number;
  reason?: string;
}

export interface BuddyAgent {
  agentId: string;
  agentName: string;
  state: AgentStateName;
  teamName: string;
}
export interface Queue {
  id: string;
  name: string;
  /** Contacts waiting in the queue, when the backend says. */
  waiting?: number;
  /** Agents of the queue available now, when the backend says. */
  availableAgents?: number;
}
export interface EntryPoint {
  id: string;
  name: string;
}

/** Consult and transfer destinations. */
export interface Directory {
  agents: BuddyAgent[];
  queues: Queue[];
  entryPoints: EntryPoint[];
  /** Named dial numbers (a contact center's address book), when the backend has one. */
  addressBook?: AddressBookEntry[];
}
export interface AddressBookEntry {
  id: string;
  name: string;
  number: string;
}

/**
 * A task event as the reducer takes it: an AgentContact whose `type` is a task event name,
 * plus the wrap-up list the contact center sends on end and transfer events.
 * Wrap-up is required for this agent exactly when `agentsPendingWrapUp` contains its id or its
 * participant entry has `isWrapUp: true`.
 */
export type TaskMessage = AgentContact & { agentsPendingWrapUp?: string[] };

/** Everything the backend stream carries. */
export type BackendEvent = TaskMessage | AgentStateEvent;

export type ConnectionStatus = 'disconnected' | 'connecting' | 'connected' | 'reconnecting';
export interface ConnectionState {
  status: ConnectionStatus;
  /** Why the connection dropped, when it did. */
  reason?: string;
}

/** The agent as the elements see it. */
export interface AgentView {
  profile?: AgentProfile;
  status: AgentStatus;
  /** A pending agent-state change. */
  pending?: { state: AgentStateName; idleCodeId?: string; since: number };
  error?: CcError;
}
