/**
 * The ContactCenter port: one interface every backend implements (the simulated contact
 * center, the Webex adapter). Events in, commands out. Command promises resolve when the
 * backend has accepted the request; the outcome arrives as an event on `events$`
 * (the confirming event, or its `…Failed` twin). A rejected promise is a failure.
 * @module
 */
import type { Observable } from 'rxjs';
import type {
  AgentProfile,
  AgentStatus,
  BackendEvent,
  ConnectionState,
  DestinationType,
  Directory,
  TaskMessage,
} from '../model/domain.js';
import type { ChatMessage, ConversationEvent, OutgoingMessage } from '../model/messages.js';
import type { MediaChannel } from '../model/seed-types.js';

/** What `connect()` and `snapshot()` answer: the agent and every live task as it stands. */
export interface AgentSession {
  profile: AgentProfile;
  status: AgentStatus;
  /** Live tasks, each an `AgentContact` message of type `AgentContact` carrying its current state. */
  tasks: TaskMessage[];
}

/** Seed 003 `ConsultPayload`. */
export interface ConsultPayload {
  to: string;
  destinationType: DestinationType;
  holdParticipants?: boolean;
}
/** Seed 003 `ConsultEndPayload`. */
export interface ConsultEndPayload {
  isConsult: boolean;
  taskId: string;
  queueId?: string;
}
/** Seed 003 `ConsultTransferPayLoad` / `TransferPayLoad`. */
export interface TransferPayload {
  to: string;
  destinationType: DestinationType;
}
/** Seed 003 `WrapupPayLoad`. */
export interface WrapupPayload {
  auxCodeId: string;
  wrapUpReason: string;
}
/** Seed 003 `ResumeRecordingPayload`. */
export interface ResumeRecordingPayload {
  autoResumed: boolean;
}
export interface OutdialPayload {
  /** The number to dial. */
  destination: string;
  /** The caller id (an outdial ANI number) to present. */
  origin?: string;
  /**
   * Call-associated data for the new call (bridge `voice.dial(destination, userData)`). A backend
   * that cannot attach data when dialling rejects a payload carrying it (INVALID_PARAMETERS)
   * rather than dropping it.
   */
  userData?: Record<string, string>;
}

/** One of the agent's channels and its readiness (OPTIONAL port capability, see `ContactCenter.channels`). */
export interface ChannelStatus {
  channel: MediaChannel;
  /** Ready for offers on this channel. */
  ready: boolean;
  /** The idle code when not ready. */
  auxCodeId?: string;
  /** Interactions of this media the agent may hold at once. */
  capacity: number;
}

/** Errors a backend rejects with carry a stable code where it has one. */
export class BackendError extends Error {
  constructor(
    message: string,
    readonly code: string = 'BACKEND_ERROR',
  ) {
    super(message);
    this.name = 'BackendError';
  }
}

export interface ContactCenter {
  /** Agent-contact and agent-state events, `type` being the websocket event name. */
  readonly events$: Observable<BackendEvent>;
  /** The connection to the contact center; replays its current value. */
  readonly connection$: Observable<ConnectionState>;

  /** Log in / open the stream. Resolves with the agent and the live tasks. */
  connect(): Promise<AgentSession>;
  /** The agent and the live tasks as they stand now (after a reconnect). */
  snapshot(): Promise<AgentSession>;
  disconnect(): Promise<void>;

  setAgentState(state: 'Available' | 'Idle', auxCodeId?: string): Promise<void>;
  directory(): Promise<Directory>;
  outdial(payload: OutdialPayload): Promise<void>;

  // The Task operations of seed 003, addressed by interaction id.
  accept(interactionId: string): Promise<void>;
  decline(interactionId: string): Promise<void>;
  /** Hold a leg (the main leg unless `mediaResourceId` names the consult leg). */
  hold(interactionId: string, mediaResourceId?: string): Promise<void>;
  resume(interactionId: string, mediaResourceId?: string): Promise<void>;
  toggleMute(interactionId: string): Promise<void>;
  pauseRecording(interactionId: string): Promise<void>;
  resumeRecording(interactionId: string, payload: ResumeRecordingPayload): Promise<void>;
  consult(interactionId: string, payload: ConsultPayload): Promise<void>;
  endConsult(interactionId: string, payload: ConsultEndPayload): Promise<void>;
  consultTransfer(interactionId: string, payload: TransferPayload): Promise<void>;
  consultConference(interactionId: string): Promise<void>;
  exitConference(interactionId: string): Promise<void>;
  transfer(interactionId: string, payload: TransferPayload): Promise<void>;
  end(interactionId: string): Promise<void>;
  wrapup(interactionId: string, payload: WrapupPayload): Promise<void>;
  /** Seed 003 `updateTaskData` for call-associated data: set keys (overwrite). */
  setUserData(interactionId: string, values: Record<string, string>): Promise<void>;
  deleteUserData(interactionId: string, key: string): Promise<void>;

  // Conversations of digital tasks (optional: a backend without them has no transcripts).
  /** New messages and typing indicators of every task, as they happen (no replay). */
  readonly messages$?: Observable<ConversationEvent>;
  /** Send the agent's message on a digital task; resolves with the message as the contact center keeps it. */
  sendMessage?(interactionId: string, message: OutgoingMessage): Promise<ChatMessage>;
  /** A task's conversation so far (for a task the session brought along). */
  transcript?(interactionId: string): Promise<ChatMessage[]>;

  // OPTIONAL capabilities: a backend without one omits it; the bridge then answers NOT_SUPPORTED.
  /** Per-channel readiness: every channel the agent has, with its state. */
  channels?(): Promise<ChannelStatus[]>;
  /** Ready / not ready on one channel (the agent's overall state is unchanged). */
  setChannelState?(channel: MediaChannel, state: 'Available' | 'Idle', auxCodeId?: string): Promise<void>;
  /** Start / stop recording a call; confirmed by the task's recording state. */
  startRecording?(interactionId: string): Promise<void>;
  stopRecording?(interactionId: string): Promise<void>;
  /** A signed token identifying the agent to third parties (bridge `auth.getJwtToken`). */
  jwtToken?(): Promise<string>;
  /**
   * Stop the automatic wrap-up of a task in wrap-up (the profile's `autoWrapup.allowCancel`): the
   * agent then wraps up in their own time. Resolves once it is stopped; rejects when it cannot be.
   */
  cancelAutoWrapup?(interactionId: string): Promise<void>;
}
