/**
 * The store's public surface: what elements and the bridge consume. The store is the only
 * stateful thing; it feeds backend events through the model's reducer and turns commands into
 * backend calls with pending and failure states.
 * @module
 */
import type { Observable } from 'rxjs';
import type {
  AgentStateName,
  AgentView,
  CcError,
  ConnectionState,
  Destination,
  Directory,
  Task,
} from '../model/domain.js';
import type { Conversations } from './conversations.js';
export type { Conversation, Conversations } from './conversations.js';
import type { StoreCapabilities } from './capabilities.js';

export interface WrapupInput {
  auxCodeId: string;
  /** Free-text notes; sent as the seed's `wrapUpReason` (the code's name when there are no notes). */
  notes?: string;
}

export interface CcStore {
  /** Every live task in a stable order (the order they arrived). Replays the current value. */
  readonly tasks$: Observable<readonly Task[]>;
  /** The selected task (exactly one while any task is live). Replays the current value. */
  readonly selectedTask$: Observable<Task | undefined>;
  /** The agent profile, state, idle code and since when. Replays the current value. */
  readonly agent$: Observable<AgentView>;
  /** Consult / transfer destinations. Replays the current value (empty until loaded). */
  readonly directory$: Observable<Directory>;
  /** Every failure, as it happens (no replay). */
  readonly errors$: Observable<CcError>;
  /** The backend connection. Replays the current value. */
  readonly connection$: Observable<ConnectionState>;
  /**
   * Every task that changed, as it changed, including its last form as it leaves the list
   * (COMPLETED or TERMINATED). The bridge projects this to `interaction` events.
   */
  readonly taskChanges$: Observable<Task>;
  /** Transcripts, typing, unread counts and sending of digital tasks (absent: no conversations). */
  readonly conversations?: Conversations;

  /** Current values, for scripts and for synchronous reads. */
  readonly tasks: readonly Task[];
  readonly selectedTask: Task | undefined;
  readonly agent: AgentView;
  readonly directory: Directory;
  readonly connection: ConnectionState;
  /** Milliseconds since epoch on the store's clock (the backend's clock when simulated). */
  now(): number;

  /** Connect the backend and load the session. Idempotent. */
  start(): Promise<void>;
  /** Disconnect and release every subscription and timer. */
  stop(): Promise<void>;

  /** Select a live task; ignored for an unknown id. Not a backend call. */
  select(taskId: string): void;

  // Task commands. Each marks the task pending, calls the backend, and is cleared by the
  // confirming event; a failure restores the previous state, sets `task.error`, emits on
  // `errors$` and rejects with the CcError. A command the task's state does not allow is
  // refused with INVALID_STATE without calling the backend.
  accept(taskId: string): Promise<void>;
  decline(taskId: string): Promise<void>;
  hold(taskId: string): Promise<void>;
  resume(taskId: string): Promise<void>;
  toggleMute(taskId: string): Promise<void>;
  pauseRecording(taskId: string): Promise<void>;
  resumeRecording(taskId: string): Promise<void>;
  consult(taskId: string, destination: Destination): Promise<void>;
  endConsult(taskId: string): Promise<void>;
  consultTransfer(taskId: string): Promise<void>;
  consultConference(taskId: string): Promise<void>;
  exitConference(taskId: string): Promise<void>;
  /** While consulting, talk on the other leg (the other is held). */
  switchLeg(taskId: string): Promise<void>;
  /** Blind transfer (to an agent, queue, entry point or dial number). */
  transfer(taskId: string, destination: Destination): Promise<void>;
  end(taskId: string): Promise<void>;
  /** Refused with MARKDONE_BLOCKED while a host blocks markdone on the task. */
  wrapup(taskId: string, input: WrapupInput): Promise<void>;
  setUserData(taskId: string, values: Record<string, string>): Promise<void>;
  deleteUserData(taskId: string, key: string): Promise<void>;

  // Agent commands.
  setAgentState(state: Extract<AgentStateName, 'Available' | 'Idle'>, idleCodeId?: string): Promise<void>;
  /** Dial out; the number is validated against the profile's dial plan. */
  outdial(number: string, aniId?: string, userData?: Record<string, string>): Promise<void>;
  /** Load or reload consult/transfer destinations into `directory$`. */
  refreshDirectory(): Promise<void>;

  // Host-imposed markdone blocking (bridge `blockMarkdone` / `unblockMarkdone`).
  blockMarkdone(taskId: string, warning: string): void;
  unblockMarkdone(taskId: string): void;

  /** Commands only some backends have (per-channel readiness, recording start/stop, a token). */
  readonly capabilities: StoreCapabilities;
}
