/**
 * The simulated contact center: the embedded default backend. It keeps its own world (what a
 * contact center knows about this agent and its tasks), changes it when a command is accepted or
 * when something happens on the other side (offers, RONA, a buddy answering a consult, a customer
 * hanging up), and sends the resulting events after a latency, in the order things happened.
 * Deterministic: same seed + same calls + a VirtualClock → the same events.
 * @module
 */
import { BehaviorSubject, Subject, type Observable } from 'rxjs';
import type {
  AgentProfile,
  AgentStateEvent,
  AgentStatus,
  BackendEvent,
  ConnectionState,
  DestinationType,
  Directory,
  TaskMessage,
} from '../../model/domain.js';
import type { MediaChannel } from '../../model/seed-types.js';
import {
  BackendError,
  type AgentSession,
  type ChannelStatus,
  type ConsultEndPayload,
  type ConsultPayload,
  type ContactCenter,
  type OutdialPayload,
  type ResumeRecordingPayload,
  type TransferPayload,
  type WrapupPayload,
} from '../contact-center.js';
import { realClock, type Clock } from './clock.js';
import {
  BUDDIES,
  DIAL_CONSULT_ANSWER_MS,
  QUEUE_CONSULT_ANSWER_MS,
  QUEUES,
  directoryView,
  findBuddy,
  findQueue,
  type SimQueue,
} from './directory.js';
import { Faults, type FaultOptions, type SimCommand } from './faults.js';
import { ChannelReadiness } from './media.js';
import { EventOutbox } from './outbox.js';
import { newCustomer, newInteraction, toMessage, type Customer } from './payloads.js';
import { defaultProfile, dialable, RONA_CODE_ID } from './profile.js';
import { Random } from './random.js';
import {
  checkUserData,
  checkUserDataKey,
  fail,
  LIVE_CALL,
  requireAnsweredConsult,
  requirePrimary,
  requireState,
  requireVoice,
  resolveDestination,
} from './rules.js';
import { Timers } from './timers.js';
import { SimConversations } from './conversation.js';
import type { ChatMessage, ConversationEvent, OutgoingMessage } from '../../model/messages.js';
import {
  addLeg,
  consultLeg,
  dropConsult,
  isVoice,
  leave,
  mainLeg,
  offeredAsConsult,
  partiesIn,
  removeLeg,
  setHold,
  setState,
  stateOf,
  upsertParticipant,
  type SimTask,
} from './world.js';

/** What the primary agent does with a consult this agent accepted. */
export type PrimaryAction = 'endConsult' | 'transfer' | 'conference';

export interface SimulatorOptions {
  /** Seed of every random choice (customers, ids, media). Default 1. */
  seed?: number | string;
  /** Default: the real clock. Tests pass a VirtualClock. */
  clock?: Clock;
  /** Delay before a command's confirming event. Default 150 ms. */
  latencyMs?: number;
  /**
   * Automatic offers while the agent is Available with capacity: `'realistic'` routes like a contact
   * center (the first contact 2–5 s after the agent becomes Available, then one every 10–40 s,
   * seeded); a number offers every that many ms; 0 = none (the default here; `<cc-provider simulate>`
   * defaults to `'realistic'`).
   */
  offerEveryMs?: number | 'realistic';
  /** Relative weights of the media of automatic offers (replaces the default telephony 4, chat 3, email 2, social 1). */
  mediaMix?: Partial<Record<MediaChannel, number>>;
  /** Default 30. */
  ronaTimeoutSeconds?: number;
  /** Whether ending or transferring a task leaves it in wrap-up. Default true. */
  wrapUpRequired?: boolean;
  autoWrapup?: AgentProfile['autoWrapup'];
  agentId?: string;
  agentName?: string;
  /** Replaces whole top-level fields of the default profile. */
  profile?: Partial<AgentProfile>;
  /** Log in Available instead of Idle. */
  startAvailable?: boolean;
}

export interface OfferOptions {
  /** Default: a seeded pick from the media mix among the media with capacity. */
  media?: MediaChannel;
  /** The customer's name (any text: it is data). Default: a seeded customer. */
  customerName?: string;
  queueId?: string;
  /** Offer even when the agent is not Available or has no capacity. */
  force?: boolean;
}

export interface ConsultOfferOptions {
  /** The consulting agent (a buddy id). Default: a seeded available buddy. */
  from?: string;
  customerName?: string;
  media?: MediaChannel;
  /** What the primary does once this agent accepted, `afterMs` (default 10 s) after the accept. */
  then?: PrimaryAction;
  afterMs?: number;
  force?: boolean;
}

/** Which `…Failed` event fails each task command (for `failNext(…, { as: 'event' })`). */
const FAILED_TWIN: Partial<Record<SimCommand, string>> = {
  accept: 'AgentContactAssignFailed',
  hold: 'AgentContactHoldFailed',
  resume: 'AgentContactUnHoldFailed',
  pauseRecording: 'ContactRecordingPauseFailed',
  resumeRecording: 'ContactRecordingResumeFailed',
  consult: 'AgentConsultFailed',
  endConsult: 'AgentConsultEndFailed',
  consultTransfer: 'AgentConsultTransferFailed',
  consultConference: 'AgentConsultConferenceFailed',
  exitConference: 'ParticipantLeftConferenceFailed',
  transfer: 'AgentBlindTransferFailedEvent',
  end: 'AgentContactEndFailed',
  wrapup: 'AgentWrapupFailed',
  setUserData: 'ContactUpdateFailed',
  deleteUserData: 'ContactUpdateFailed',
};

const DEFAULT_MIX: Record<MediaChannel, number> = { telephony: 4, chat: 3, email: 2, social: 1 };
const CAPACITY = { voice: 1, digital: 3 };
/** The realistic cadence (ms): the first contact soon after going Available, then a steady trickle. */
const ROUTING = { first: [2000, 5000], next: [10_000, 40_000] } as const;
const OUTDIAL_QUEUE: SimQueue = { id: 'q-outdial', name: 'Outdial', agents: [] };
const OUTDIAL_RING_MS = 1000;
const SIMULATED_FAILURE = 'SIMULATED_FAILURE';

/** The embedded contact center. See the module doc. */
export class SimulatedContactCenter implements ContactCenter {
  readonly events$: Observable<BackendEvent>;
  readonly connection$: Observable<ConnectionState>;
  readonly messages$: Observable<ConversationEvent>;

  private readonly events = new Subject<BackendEvent>();
  private readonly connection = new BehaviorSubject<ConnectionState>({ status: 'disconnected' });
  private readonly clock: Clock;
  private readonly rng: Random;
  private readonly timers: Timers;
  private readonly outbox: EventOutbox;
  private readonly faults = new Faults();
  private readonly readiness = new ChannelReadiness((m) => (m === 'telephony' ? CAPACITY.voice : CAPACITY.digital));
  private readonly profile: AgentProfile;
  private readonly tasks = new Map<string, SimTask>();
  private readonly plans = new Map<string, { action: PrimaryAction; afterMs: number }>();
  private latency: number;
  private status: AgentStatus;
  private readonly talk: SimConversations;
  private readonly messages = new Subject<ConversationEvent>();

  constructor(private readonly options: SimulatorOptions = {}) {
    this.clock = options.clock ?? realClock;
    this.rng = new Random(options.seed ?? 1);
    this.timers = new Timers(this.clock);
    this.outbox = new EventOutbox(this.clock, this.timers, (event) => {
      // While the connection is down, events are lost: the store asks for a snapshot afterwards.
      if (this.connection.value.status === 'connected') this.events.next(event);
    });
    this.latency = options.latencyMs ?? 150;
    this.profile = defaultProfile(options.agentId ?? 'agent-sim', options.agentName ?? 'Alex Rivera', {
      ...(options.autoWrapup ? { autoWrapup: options.autoWrapup } : {}),
      ...options.profile,
    });
    this.status = this.idleStatus();
    this.events$ = this.events.asObservable();
    this.connection$ = this.connection.asObservable();
    this.messages$ = this.messages.asObservable();
    this.talk = new SimConversations(
      {
        clock: this.clock,
        timers: this.timers,
        agentName: this.profile.agentName,
        post: (event, delay) => {
          const id = event.type === 'message' ? event.message.interactionId : event.typing.interactionId;
          // Like task events: lost while the connection is down, and none for a task that is gone.
          this.timers.set(undefined, () => {
            if (this.connection.value.status === 'connected' && this.tasks.has(id)) this.messages.next(event);
          }, delay);
        },
      },
      options.seed ?? 1,
    );
  }

  private get agentId(): string {
    return this.profile.agentId;
  }

  // ── session and agent ──────────────────────────────────────────────────────────────────

  connect(): Promise<AgentSession> {
    return attempt(() => {
      const fault = this.faults.take('connect');
      if (fault) {
        this.connection.next({ status: 'disconnected', reason: fault.message });
        fail(fault.message, 'CONNECTION');
      }
      if (this.connection.value.status === 'disconnected') {
        this.connection.next({ status: 'connecting' });
        this.status = this.options.startAvailable ? { state: 'Available', since: this.clock.now() } : this.idleStatus();
        this.connection.next({ status: 'connected' });
        this.scheduleAutoOffer(true);
      }
      return this.session();
    });
  }

  snapshot(): Promise<AgentSession> {
    return attempt(() => {
      this.ensureConnected();
      this.rejectIfFault('snapshot');
      return this.session();
    });
  }

  /** Log out: every timer stops, queued events are dropped, the tasks are gone. */
  disconnect(): Promise<void> {
    this.timers.clearAll();
    this.outbox.clear();
    this.tasks.clear();
    this.plans.clear();
    this.talk.clear();
    if (this.connection.value.status !== 'disconnected') this.connection.next({ status: 'disconnected' });
    return Promise.resolve();
  }

  channels(): Promise<ChannelStatus[]> {
    return attempt(() => (this.ensureConnected(), this.readiness.list()));
  }

  setChannelState(channel: MediaChannel, state: 'Available' | 'Idle', auxCodeId?: string): Promise<void> {
    return attempt(() => (this.ensureConnected(), this.readiness.set(channel, state, auxCodeId, this.profile.idleCodes)));
  }

  directory(): Promise<Directory> {
    return attempt(() => {
      this.ensureConnected();
      this.rejectIfFault('directory');
      return directoryView();
    });
  }

  setAgentState(state: 'Available' | 'Idle', auxCodeId?: string): Promise<void> {
    return attempt(() => {
      this.ensureConnected();
      const fault = this.faults.take('setAgentState');
      if (fault?.as === 'event') return this.emitAgent('AgentStateChangeFailed', fault.message);
      if (fault) fail(fault.message, 'BACKEND_ERROR');
      if (state === 'Available') {
        this.status = { state: 'Available', since: this.clock.now() };
        this.scheduleAutoOffer(true);
      } else if (state === 'Idle') {
        const id = auxCodeId ?? this.profile.idleCodes.find((c) => c.isDefault)?.id;
        const code = this.profile.idleCodes.find((c) => c.id === id && !c.isSystem);
        if (!code) fail(`Unknown idle code "${String(auxCodeId)}"`, 'INVALID_PARAMETERS');
        this.status = { state: 'Idle', idleCodeId: code.id, since: this.clock.now() };
      } else {
        fail(`Unknown agent state "${String(state)}"`, 'INVALID_PARAMETERS');
      }
      this.emitAgent('AgentStateChange');
    });
  }

  /** Dial out: an OUTBOUND offer, then AgentContactAssigned once the call connects. */
  outdial(payload: OutdialPayload): Promise<void> {
    return attempt(() => {
      this.ensureConnected();
      const fault = this.faults.take('outdial');
      if (fault?.as === 'reject') fail(fault.message, 'BACKEND_ERROR');
      const { outdial } = this.profile;
      if (!outdial.enabled) fail('Outdial is not enabled for this agent', 'FORBIDDEN');
      const number =
        dialable(payload?.destination, this.profile) ??
        fail(`"${String(payload?.destination)}" is not a number the dial plan allows`, 'INVALID_PARAMETERS');
      const origin = payload.origin;
      const ani =
        (origin === undefined ? outdial.anis[0] : outdial.anis.find((a) => a.number === origin || a.id === origin)) ??
        fail(`"${String(origin)}" is not one of this agent's outdial numbers`, 'INVALID_PARAMETERS');
      if (!this.hasCapacity('telephony')) fail('The agent is already on a call', 'INVALID_STATE');

      const customer: Customer = { id: number, name: number, number, address: number, region: 'US' };
      const task = this.createTask('telephony', customer, OUTDIAL_QUEUE, 'OUTBOUND');
      Object.assign(task.interaction.callProcessingDetails, { ani: ani.number, outdialAgentId: this.agentId });
      if (payload.userData) this.attachUserData(task, payload.userData);
      this.send(task, 'AgentOfferContact');
      if (fault) {
        this.send(task, 'AgentOutboundFailed', { reason: fault.message, reasonCode: SIMULATED_FAILURE });
        task.interaction.isTerminated = true;
        return this.finish(task, 'ContactEnded');
      }
      this.timers.set(`${task.id}:outdial`, () => stateOf(task) === 'new' && this.assign(task), OUTDIAL_RING_MS);
    });
  }

  // ── offers ─────────────────────────────────────────────────────────────────────────────

  accept(interactionId: string): Promise<void> {
    return this.run('accept', interactionId, (task) => {
      const state = stateOf(task);
      if (state === 'new') return this.assign(task);
      if (state !== 'consult') fail(`The task is ${state}, not offered`, 'INVALID_STATE');
      // Accepting a consult offer: this agent joins the consult leg.
      this.timers.clear(`${task.id}:rona`);
      const now = this.clock.now();
      upsertParticipant(task, this.agentId, { pType: 'Agent', hasJoined: true, joinTimestamp: now, consultState: 'consulting' }, now);
      upsertParticipant(task, task.primary!.agentId, { pType: 'Agent', consultState: 'consulting' }, now);
      consultLeg(task)!.participants.push(this.agentId);
      task.interaction.callProcessingDetails.consultDestinationAgentJoined = true;
      task.consult!.accepted = true;
      setState(task, 'consulting');
      this.send(task, 'AgentConsulting');
      const plan = this.plans.get(task.id);
      if (plan) this.timers.set(`${task.id}:plan`, () => this.primaryDoes(task.id, plan.action), plan.afterMs);
    });
  }

  decline(interactionId: string): Promise<void> {
    return this.run('decline', interactionId, (task) => {
      requireState(task, ['new', 'consult'], 'decline');
      this.send(task, 'AgentOfferContactRona', { reason: 'Declined', reasonCode: 'DECLINED' });
      this.remove(task);
    });
  }

  // ── call controls ──────────────────────────────────────────────────────────────────────

  hold(interactionId: string, mediaResourceId?: string): Promise<void> {
    return this.run('hold', interactionId, (task) => this.holdOrResume(task, true, mediaResourceId));
  }

  resume(interactionId: string, mediaResourceId?: string): Promise<void> {
    return this.run('resume', interactionId, (task) => this.holdOrResume(task, false, mediaResourceId));
  }

  toggleMute(interactionId: string): Promise<void> {
    return this.run('toggleMute', interactionId, (task) => {
      requireVoice(task, 'Mute');
      requireState(task, LIVE_CALL, 'mute');
      task.muted = !task.muted;
      this.send(task, 'ContactUpdated');
    });
  }

  pauseRecording(interactionId: string): Promise<void> {
    return this.run('pauseRecording', interactionId, (task) => this.setRecording(task, false));
  }

  resumeRecording(interactionId: string, payload: ResumeRecordingPayload): Promise<void> {
    return this.run('resumeRecording', interactionId, (task) =>
      this.setRecording(task, true, payload?.autoResumed === true),
    );
  }

  setUserData(interactionId: string, values: Record<string, string>): Promise<void> {
    return this.run('setUserData', interactionId, (task) => {
      this.attachUserData(task, values);
      this.send(task, 'ContactUpdated', { updatedBy: this.agentId });
    });
  }

  private attachUserData(task: SimTask, values: Record<string, string>): void {
    const entries = checkUserData(task, values);
    const i = task.interaction;
    const data = (i.callAssociatedData ??= {});
    const details = (i.callAssociatedDetails ??= {});
    for (const [key, value] of entries) {
      data[key] = { ...(data[key] ?? { name: key, displayName: key, type: 'STRING', agentEditable: true }), value };
      details[key] = value;
    }
  }

  deleteUserData(interactionId: string, key: string): Promise<void> {
    return this.run('deleteUserData', interactionId, (task) => {
      checkUserDataKey(task, key);
      delete task.interaction.callAssociatedData?.[key];
      delete task.interaction.callAssociatedDetails?.[key];
      this.send(task, 'ContactUpdated', { updatedBy: this.agentId });
    });
  }

  /** The agent writes on a chat, social or email task (connected, on hold or in a conference). */
  sendMessage(interactionId: string, message: OutgoingMessage): Promise<ChatMessage> {
    let sent: ChatMessage | undefined;
    return this.run('sendMessage', interactionId, (task) => {
      if (isVoice(task)) fail('A call has no conversation', 'INVALID_STATE');
      requireState(task, ['connected', 'hold', 'conference', 'consulting'], 'send a message');
      const text = typeof message?.text === 'string' ? message.text : '';
      if (text.trim() === '') fail('The message is empty', 'INVALID_PARAMETERS');
      sent = this.talk.agentWrites(task, { text, subject: typeof message.subject === 'string' ? message.subject : undefined }, this.latency);
    }).then(() => sent!);
  }

  /** What the contact center holds of a task's conversation (empty for a call or an unknown task). */
  transcript(interactionId: string): Promise<ChatMessage[]> {
    return Promise.resolve(this.talk.transcript(interactionId));
  }

  // ── consult, conference, transfer ──────────────────────────────────────────────────────

  consult(interactionId: string, payload: ConsultPayload): Promise<void> {
    return this.run('consult', interactionId, (task) => {
      requirePrimary(task, 'consult');
      requireState(task, ['connected', 'hold'], 'consult');
      const to = String(payload?.to ?? '');
      const type = payload?.destinationType;
      if (type === 'entryPoint') fail('A consult cannot go to an entry point', 'INVALID_PARAMETERS');
      const dest = resolveDestination(task, type, to, 'consult', this.profile);
      const now = this.clock.now();
      const main = mainLeg(task);
      const legId = this.rng.uuid();
      const queue = type === 'queue';
      task.consult = {
        legId,
        destinationType: type,
        to,
        destId: dest.id,
        destName: dest.name,
        accepted: false,
        mainHeldBefore: main.isHold,
      };
      if (isVoice(task) && payload.holdParticipants !== false) setHold(main, true, now);
      addLeg(task, legId, 'consult', [this.agentId]);
      if (!queue) {
        const pType = type === 'dialNumber' ? 'DN' : 'Agent';
        upsertParticipant(task, dest.id, { pType, name: dest.name, hasJoined: false, hasLeft: false, consultState: 'consultInitiated' }, now);
      }
      upsertParticipant(task, this.agentId, { pType: 'Agent', consultState: 'consultInitiated' }, now);
      Object.assign(task.interaction.callProcessingDetails, {
        consultDestinationAgentName: dest.name,
        consultDestinationAgentJoined: false,
        ctqInProgress: queue,
      });
      setState(task, 'consulting');
      this.send(task, 'AgentConsultCreated');
      this.scheduleConsultAnswer(task, type, to);
    });
  }

  endConsult(interactionId: string, _payload: ConsultEndPayload): Promise<void> {
    return this.run('endConsult', interactionId, (task) => {
      requireState(task, ['consulting'], 'end the consult');
      if (task.role === 'secondary') {
        this.send(task, 'AgentConsultEnded', { agentsPendingWrapUp: [] });
        return this.remove(task);
      }
      const consult = task.consult!;
      const cancelled = consult.destinationType === 'queue' && !consult.accepted;
      const now = this.clock.now();
      this.dropConsult(task, now);
      setHold(mainLeg(task), false, now);
      setState(task, 'connected');
      this.send(task, cancelled ? 'AgentCtqCancelled' : 'AgentConsultEnded', { destAgentId: consult.destId });
    });
  }

  consultTransfer(interactionId: string, _payload: TransferPayload): Promise<void> {
    return this.run('consultTransfer', interactionId, (task) => {
      const { destId, destinationType } = requireAnsweredConsult(task, 'transfer');
      const now = this.clock.now();
      this.dropConsult(task, now, true);
      leave(task, this.agentId, destId, now);
      this.finish(task, 'AgentConsultTransferred', { destAgentId: destId, destinationType });
    });
  }

  consultConference(interactionId: string): Promise<void> {
    return this.run('consultConference', interactionId, (task) => {
      const { destId, destinationType } = requireAnsweredConsult(task, 'conference');
      const max = this.profile.maxConferenceParticipants;
      if (partiesIn(task).length > max) fail(`A conference holds at most ${max} agents`, 'INVALID_STATE');
      const now = this.clock.now();
      this.dropConsult(task, now, true);
      const main = mainLeg(task);
      main.participants = [...main.participants, destId];
      setHold(main, false, now);
      const pType = destinationType === 'dialNumber' ? 'DN' : 'Agent';
      upsertParticipant(task, destId, { pType, consultState: 'conferencing' }, now);
      upsertParticipant(task, this.agentId, { pType: 'Agent', consultState: 'conferencing' }, now);
      task.interaction.callProcessingDetails.isConferencing = 'true';
      setState(task, 'conference');
      this.send(task, 'AgentConsultConferenced', { destAgentId: destId, destinationType });
    });
  }

  exitConference(interactionId: string): Promise<void> {
    return this.run('exitConference', interactionId, (task) => {
      requireState(task, ['conference'], 'exit the conference');
      const other = partiesIn(task).find((p) => p.id !== this.agentId);
      leave(task, this.agentId, other?.id ?? task.interaction.owner, this.clock.now());
      this.finish(task, 'ParticipantLeftConference', { participantId: this.agentId });
    });
  }

  /** Blind transfer (a queue transfer is a virtual-team transfer). */
  transfer(interactionId: string, payload: TransferPayload): Promise<void> {
    const toQueue = payload?.destinationType === 'queue';
    const twin = toQueue ? 'AgentVteamTransferFailed' : FAILED_TWIN.transfer;
    return this.run(
      'transfer',
      interactionId,
      (task) => {
        requirePrimary(task, 'transfer');
        requireState(task, ['connected', 'hold', 'conference'], 'transfer');
        const type = payload.destinationType;
        const dest = resolveDestination(task, type, String(payload.to ?? ''), 'transfer', this.profile);
        const i = task.interaction;
        if (toQueue) {
          i.previousVTeams = [...i.previousVTeams, i.currentVTeam];
          i.currentVTeam = dest.id;
        }
        leave(task, this.agentId, type === 'agent' ? dest.id : '', this.clock.now());
        const event = toQueue ? 'AgentVteamTransferred' : 'AgentBlindTransferred';
        this.finish(task, event, { destAgentId: dest.id, destinationType: type });
      },
      twin,
    );
  }

  end(interactionId: string): Promise<void> {
    return this.run('end', interactionId, (task) => {
      const state = stateOf(task);
      if (state === 'new' || state === 'consult') fail('An offer is declined, not ended', 'INVALID_STATE');
      if (state === 'consulting') fail('End the consult first', 'INVALID_STATE');
      if (state === 'conference' && task.interaction.owner !== this.agentId) {
        fail('Only the owner can end a conference; exit it instead', 'INVALID_STATE');
      }
      requireState(task, ['connected', 'hold', 'conference'], 'end');
      task.interaction.isTerminated = true;
      this.finish(task, 'ContactEnded');
    });
  }

  wrapup(interactionId: string, payload: WrapupPayload): Promise<void> {
    return this.run('wrapup', interactionId, (task) => {
      requireState(task, ['wrapUp'], 'wrap up');
      const code =
        this.profile.wrapUpCodes.find((c) => c.id === payload?.auxCodeId) ??
        fail(`Unknown wrap-up code "${String(payload?.auxCodeId)}"`, 'INVALID_PARAMETERS');
      if (typeof payload.wrapUpReason !== 'string') fail('A wrap-up reason is required', 'INVALID_PARAMETERS');
      this.wrappedUp(task, code.id, payload.wrapUpReason);
    });
  }

  /** Stop the task's automatic wrap-up (when the profile allows it): the agent wraps up later. */
  cancelAutoWrapup(interactionId: string): Promise<void> {
    return this.run('cancelAutoWrapup', interactionId, (task) => {
      requireState(task, ['wrapUp'], 'cancel the automatic wrap-up of');
      if (!this.profile.autoWrapup.allowCancel) fail('This profile does not allow cancelling the automatic wrap-up', 'INVALID_STATE');
      const key = `${task.id}:autoWrapup`;
      if (!this.timers.has(key)) fail('No automatic wrap-up is running for this task', 'INVALID_STATE');
      this.timers.clear(key);
    });
  }

  // ── control API (tests and the demo) ───────────────────────────────────────────────────

  /**
   * Offer a new contact to the agent. Returns its interaction id, or undefined when the agent is not
   * connected, not Available, or has no capacity for the media (unless `force`).
   */
  offerContact(options: OfferOptions = {}): string | undefined {
    if (!this.isOpen()) return undefined;
    const force = options.force === true;
    if (!force && this.status.state !== 'Available') return undefined;
    const media = options.media ?? this.pickMedia(force);
    if (!media || (!force && !this.hasCapacity(media))) return undefined;
    const queue = findQueue(options.queueId ?? '') ?? this.rng.pick(QUEUES);
    const task = this.createTask(media, newCustomer(this.rng, media, options.customerName), queue, 'INBOUND');
    this.send(task, 'AgentOfferContact', {}, 0);
    this.talk.offered(task);
    this.timers.set(`${task.id}:rona`, () => this.rona(task), task.ronaTimeoutSeconds * 1000);
    return task.id;
  }

  /** Another agent consults this one (this agent is the secondary). Returns the interaction id. */
  offerConsult(options: ConsultOfferOptions = {}): string | undefined {
    if (!this.isOpen()) return undefined;
    const media = options.media ?? 'telephony';
    if (options.force !== true && !this.hasCapacity(media)) return undefined;
    const buddy = findBuddy(options.from ?? '') ?? this.rng.pick(BUDDIES.filter((b) => b.state === 'Available'));
    const customer = newCustomer(this.rng, media, options.customerName);
    const task = this.createTask(media, customer, this.rng.pick(QUEUES), 'INBOUND', buddy.agentId);
    const me = { agentId: this.agentId, agentName: this.profile.agentName, teamName: this.profile.teamName };
    offeredAsConsult(task, buddy, me, this.rng.uuid(), this.clock.now());
    if (options.then) this.plans.set(task.id, { action: options.then, afterMs: options.afterMs ?? 10_000 });
    this.send(task, 'AgentOfferConsult', {}, 0);
    this.timers.set(`${task.id}:rona`, () => this.rona(task), task.ronaTimeoutSeconds * 1000);
    return task.id;
  }

  /**
   * The consulting agent ends the consult, transfers the customer to this agent, or conferences.
   * False when this agent is not being consulted on that task.
   */
  primaryDoes(interactionId: string, action: PrimaryAction): boolean {
    const task = this.tasks.get(interactionId);
    if (!task || task.role !== 'secondary' || !this.isOpen()) return false;
    const state = stateOf(task);
    if (action === 'endConsult' && (state === 'consult' || state === 'consulting')) {
      this.send(task, 'AgentConsultEnded', { agentsPendingWrapUp: [] }, 0);
      this.remove(task);
      return true;
    }
    if (state !== 'consulting') return false;
    this.timers.clear(`${task.id}:plan`);
    const now = this.clock.now();
    const primary = task.primary!;
    const main = mainLeg(task);
    removeLeg(task, task.consult!.legId);
    task.consult = undefined;
    setHold(main, false, now);
    const destination = { destAgentId: this.agentId, destinationType: 'agent' };
    if (action === 'transfer') {
      task.role = 'primary';
      task.primary = undefined;
      task.interaction.owner = this.agentId;
      main.participants = [task.customerId, this.agentId];
      upsertParticipant(task, primary.agentId, { pType: 'Agent', hasLeft: true, consultState: 'transferred' }, now);
      upsertParticipant(task, this.agentId, { pType: 'Agent', consultState: 'connected' }, now);
      setState(task, 'connected');
      this.send(task, 'AgentConsultTransferred', destination, 0);
    } else {
      main.participants = [...main.participants, this.agentId];
      upsertParticipant(task, primary.agentId, { pType: 'Agent', consultState: 'conferencing' }, now);
      upsertParticipant(task, this.agentId, { pType: 'Agent', consultState: 'conferencing' }, now);
      task.interaction.callProcessingDetails.isConferencing = 'true';
      setState(task, 'conference');
      this.send(task, 'AgentConsultConferenced', destination, 0);
    }
    return true;
  }

  /** The customer of a chat, social or email task writes `text` now. False when there is no such task. */
  customerSays(interactionId: string, text: string): boolean {
    const task = this.tasks.get(interactionId);
    if (!task || isVoice(task) || !this.isOpen()) return false;
    this.talk.say(task, String(text));
    return true;
  }

  /** The customer hangs up (also while ringing or during a consult). False when there is no such call. */
  customerHangup(interactionId: string): boolean {
    const task = this.tasks.get(interactionId);
    if (!task || stateOf(task) === 'wrapUp' || !this.isOpen()) return false;
    const now = this.clock.now();
    if (task.role === 'primary') this.dropConsult(task, now);
    const main = mainLeg(task);
    main.participants = main.participants.filter((p) => p !== task.customerId);
    setHold(main, false, now);
    upsertParticipant(task, task.customerId, { pType: 'Customer', hasLeft: true }, now);
    task.interaction.isTerminated = true;
    this.talk.left(task);
    this.finish(task, 'ContactEnded', { reason: 'Customer hung up', reasonCode: 'CUSTOMER_HANGUP' }, 0);
    return true;
  }

  /**
   * The next `n` calls of `command` (or of any command) fail with `message`: rejected with a
   * BackendError, or (`as: 'event'`) resolved and followed by the command's `…Failed` event.
   */
  failNext(command: SimCommand | 'any', n = 1, message = `Simulated ${command} failure`, options: FaultOptions = {}): void {
    this.faults.add(command, n, message, options.as ?? 'reject');
  }

  /** The connection drops: events stop until it comes back after `ms`; the store then asks for a snapshot. */
  dropConnection(ms = 3000): void {
    if (this.connection.value.status !== 'connected') return;
    this.connection.next({ status: 'reconnecting', reason: 'Connection to the contact center lost' });
    this.timers.set('reconnect', () => this.connection.next({ status: 'connected' }), ms);
  }

  setLatency(ms: number): void {
    this.latency = Math.max(0, ms);
  }

  /** Timers the simulator holds (0 after disconnect). */
  get pendingTimers(): number {
    return this.timers.size;
  }

  // ── internals: commands ────────────────────────────────────────────────────────────────

  /** Run a task command: connection, armed fault, task lookup, then `body`. Never throws. */
  private run(
    command: SimCommand,
    interactionId: string,
    body: (task: SimTask) => void,
    twin = FAILED_TWIN[command],
  ): Promise<void> {
    return attempt(() => {
      this.ensureConnected();
      const fault = this.faults.take(command);
      if (fault && (fault.as === 'reject' || !twin)) fail(fault.message, 'BACKEND_ERROR');
      const task = this.tasks.get(interactionId) ?? fail(`No live task "${String(interactionId)}"`, 'NOT_FOUND');
      if (fault && twin) return this.send(task, twin, { reason: fault.message, reasonCode: SIMULATED_FAILURE });
      body(task);
    });
  }

  private rejectIfFault(command: SimCommand): void {
    const fault = this.faults.take(command);
    if (fault) fail(fault.message, 'BACKEND_ERROR');
  }

  private ensureConnected(): void {
    const { status } = this.connection.value;
    if (status !== 'connected') fail(`Not connected to the contact center (${status})`, 'CONNECTION');
  }

  private isOpen(): boolean {
    return this.connection.value.status !== 'disconnected';
  }

  /** Hold or resume the customer, or, while consulting, switch legs by holding/resuming the consult leg. */
  private holdOrResume(task: SimTask, hold: boolean, legId?: string): void {
    const verb = hold ? 'hold' : 'resume';
    requireVoice(task, hold ? 'Hold' : 'Resume');
    requirePrimary(task, verb);
    const main = mainLeg(task);
    const consult = consultLeg(task);
    const now = this.clock.now();
    const type = hold ? 'AgentContactHeld' : 'AgentContactUnheld';
    if (legId !== undefined && legId !== main.mediaResourceId && legId !== consult?.mediaResourceId) {
      fail(`No media leg "${legId}" on this task`, 'INVALID_PARAMETERS');
    }
    if (consult && legId === consult.mediaResourceId) {
      // Holding the consult leg retrieves the customer; resuming it holds the customer again.
      if (consult.isHold === hold) fail(`The consult leg is already ${hold ? 'on hold' : 'active'}`, 'INVALID_STATE');
      setHold(consult, hold, now);
      setHold(main, !hold, now);
      return this.send(task, type, { mediaResourceId: consult.mediaResourceId });
    }
    if (stateOf(task) === 'consulting') {
      fail('While consulting, switch legs by holding or resuming the consult leg', 'INVALID_STATE');
    }
    requireState(task, [hold ? 'connected' : 'hold'], verb);
    setHold(main, hold, now);
    setState(task, hold ? 'hold' : 'connected');
    this.send(task, type, { mediaResourceId: main.mediaResourceId });
  }

  private setRecording(task: SimTask, resume: boolean, autoResumed = false): void {
    const what = resume ? 'resume recording' : 'pause recording';
    requireVoice(task, 'Recording');
    requirePrimary(task, what);
    requireState(task, LIVE_CALL, what);
    const cpd = task.interaction.callProcessingDetails;
    if (!cpd.recordingStarted) fail('This call is not recorded', 'INVALID_STATE');
    if (cpd.recordInProgress === resume) fail(`Recording is already ${resume ? 'running' : 'paused'}`, 'INVALID_STATE');
    cpd.recordInProgress = resume;
    cpd.isPaused = !resume;
    if (resume) this.send(task, 'ContactRecordingResumed', { autoResumed });
    else this.send(task, 'ContactRecordingPaused');
  }

  // ── internals: the world ───────────────────────────────────────────────────────────────

  private createTask(
    media: MediaChannel,
    customer: Customer,
    queue: SimQueue,
    direction: 'INBOUND' | 'OUTBOUND',
    owner = this.agentId,
  ): SimTask {
    const id = this.rng.uuid();
    const now = this.clock.now();
    const ronaTimeoutSeconds = this.options.ronaTimeoutSeconds ?? 30;
    const interaction = newInteraction(this.rng, { id, media, customer, queue, owner, direction, ronaTimeoutSeconds, now });
    const task: SimTask = { id, media, interaction, customerId: customer.id, role: 'primary', muted: false, ronaTimeoutSeconds };
    const { agentName: name, teamName } = this.profile;
    upsertParticipant(task, this.agentId, { pType: 'Agent', name, teamName, hasJoined: false, hasLeft: false, isWrapUp: false }, now);
    this.tasks.set(id, task);
    return task;
  }

  /** The agent takes the offered contact. */
  private assign(task: SimTask): void {
    this.timers.clear(`${task.id}:rona`);
    this.timers.clear(`${task.id}:outdial`);
    const now = this.clock.now();
    const main = mainLeg(task);
    main.participants = [...main.participants, this.agentId];
    upsertParticipant(task, this.agentId, { pType: 'Agent', hasJoined: true, joinTimestamp: now }, now);
    setState(task, 'connected');
    this.send(task, 'AgentContactAssigned');
    this.talk.accepted(task, this.latency);
  }

  /** Redirection on no answer: the offer goes away; a missed contact (not a consult) makes the agent RONA. */
  private rona(task: SimTask): void {
    const state = stateOf(task);
    if (this.tasks.get(task.id) !== task || (state !== 'new' && state !== 'consult')) return;
    this.send(task, 'AgentOfferContactRona', { reason: 'RONA', reasonCode: 'RONA' }, 0);
    this.remove(task);
    if (state === 'new') {
      this.status = { state: 'RONA', idleCodeId: RONA_CODE_ID, since: this.clock.now() };
      this.emitAgent('AgentStateChange', 'RONA', 0);
    }
  }

  /** The other side of a consult: a buddy per its behaviour, a queue's agent, or the dialled number. */
  private scheduleConsultAnswer(task: SimTask, type: DestinationType, to: string): void {
    const consult = task.consult!;
    const later = (ms: number, fn: () => void) =>
      this.timers.set(
        `${task.id}:consult`,
        () => this.tasks.get(task.id) === task && task.consult === consult && !consult.accepted && fn(),
        ms,
      );
    if (type === 'queue') {
      const agent = findQueue(to)!.agents[0];
      later(QUEUE_CONSULT_ANSWER_MS, () => this.consultAnswered(task, agent.agentId, agent.agentName));
    } else if (type === 'dialNumber') {
      later(DIAL_CONSULT_ANSWER_MS, () => this.consultAnswered(task, consult.destId, consult.destName));
    } else {
      const behaviour = findBuddy(to)!.consult;
      if (behaviour.kind === 'accept') later(behaviour.afterMs, () => this.consultAnswered(task, to, consult.destName));
      if (behaviour.kind === 'decline') later(behaviour.afterMs, () => this.consultFailed(task, behaviour.reason));
    }
  }

  private consultAnswered(task: SimTask, destId: string, destName: string): void {
    const consult = task.consult!;
    const now = this.clock.now();
    Object.assign(consult, { accepted: true, destId, destName });
    consultLeg(task)!.participants.push(destId);
    const pType = consult.destinationType === 'dialNumber' ? 'DN' : 'Agent';
    upsertParticipant(task, destId, { pType, name: destName, hasJoined: true, hasLeft: false, joinTimestamp: now, consultState: 'consulting' }, now);
    upsertParticipant(task, this.agentId, { pType: 'Agent', consultState: 'consulting' }, now);
    Object.assign(task.interaction.callProcessingDetails, {
      consultDestinationAgentJoined: true,
      consultDestinationAgentName: destName,
      ctqInProgress: false,
    });
    this.send(task, 'AgentConsulting', {}, 0);
  }

  /** The consult is refused: back to the call as it was before the consult. */
  private consultFailed(task: SimTask, reason: string): void {
    const { destId, mainHeldBefore } = task.consult!;
    const now = this.clock.now();
    this.dropConsult(task, now);
    setHold(mainLeg(task), mainHeldBefore, now);
    setState(task, mainHeldBefore ? 'hold' : 'connected');
    this.send(task, 'AgentConsultFailed', { reason, reasonCode: 'CONSULT_DECLINED', destAgentId: destId }, 0);
  }

  private dropConsult(task: SimTask, now: number, keepDestination = false): void {
    this.timers.clear(`${task.id}:consult`);
    dropConsult(task, this.agentId, now, keepDestination);
  }

  /** The task leaves this agent's hands: into wrap-up when required, else gone. */
  private finish(task: SimTask, type: string, extra: Partial<TaskMessage> = {}, delay = this.latency): void {
    this.timers.clearTask(task.id);
    const state = stateOf(task);
    const offered = state === 'new' || state === 'consult';
    const wrap = this.options.wrapUpRequired !== false && task.role === 'primary' && !offered;
    upsertParticipant(task, this.agentId, { pType: 'Agent', isWrapUp: wrap }, this.clock.now());
    if (wrap) setState(task, 'wrapUp');
    this.send(task, type, { agentsPendingWrapUp: wrap ? [this.agentId] : [], ...extra }, delay);
    if (!wrap) return this.remove(task);
    const auto = this.profile.autoWrapup;
    if (!auto.enabled) return;
    const code = this.profile.wrapUpCodes.find((c) => c.isDefault) ?? this.profile.wrapUpCodes[0];
    this.timers.set(`${task.id}:autoWrapup`, () => this.wrappedUp(task, code.id, 'Auto wrap-up', 0), auto.timeoutSeconds * 1000);
  }

  private wrappedUp(task: SimTask, auxCodeId: string, reason: string, delay = this.latency): void {
    upsertParticipant(task, this.agentId, { pType: 'Agent', isWrapUp: false, isWrappedUp: true }, this.clock.now());
    this.send(task, 'AgentWrappedUp', { agentsPendingWrapUp: [], reason, reasonCode: auxCodeId }, delay);
    this.remove(task);
  }

  private remove(task: SimTask): void {
    this.timers.clearTask(task.id);
    this.tasks.delete(task.id);
    this.plans.delete(task.id);
    this.talk.forget(task.id);
  }

  /** One voice task at a time, three digital ones. */
  private hasCapacity(media: MediaChannel): boolean {
    const voice = media === 'telephony';
    const used = [...this.tasks.values()].filter((t) => isVoice(t) === voice).length;
    return used < (voice ? CAPACITY.voice : CAPACITY.digital);
  }

  private pickMedia(force: boolean): MediaChannel | undefined {
    const mix: Partial<Record<MediaChannel, number>> = { ...(this.options.mediaMix ?? DEFAULT_MIX) };
    for (const media of Object.keys(mix) as MediaChannel[]) {
      if (!force && (!this.hasCapacity(media) || !this.readiness.isReady(media))) delete mix[media];
    }
    return this.rng.weighted(mix);
  }

  /**
   * Schedule the next automatic offer. A fixed cadence runs while connected (an offer only lands
   * when the agent is Available with capacity); the realistic one waits for the agent to be
   * Available and starts again, soon, each time the agent becomes Available.
   */
  private scheduleAutoOffer(first = false): void {
    const every = this.options.offerEveryMs ?? 0;
    let delay: number;
    if (every === 'realistic') {
      if (this.status.state !== 'Available') return this.timers.clear('auto-offer');
      const [min, max] = first ? ROUTING.first : ROUTING.next;
      delay = this.rng.between(min, max);
    } else if (every > 0) {
      if (first && this.timers.has('auto-offer')) return;
      delay = every;
    } else {
      return;
    }
    this.timers.set('auto-offer', () => {
      this.offerContact();
      this.scheduleAutoOffer();
    }, delay);
  }

  private idleStatus(): AgentStatus {
    const codes = this.profile.idleCodes.filter((c) => !c.isSystem);
    const code = codes.find((c) => c.isDefault) ?? codes[0];
    return { state: 'Idle', idleCodeId: code?.id, since: this.clock.now() };
  }

  /** The agent and every live task, each as an `AgentContact` message in its current state. */
  private session(): AgentSession {
    return {
      profile: structuredClone(this.profile),
      status: { ...this.status },
      tasks: [...this.tasks.values()].map((task) =>
        this.message(task, 'AgentContact', stateOf(task) === 'wrapUp' ? { agentsPendingWrapUp: [this.agentId] } : {}),
      ),
    };
  }

  // ── internals: events ──────────────────────────────────────────────────────────────────

  private message(task: SimTask, type: string, extra: Partial<TaskMessage> = {}): TaskMessage {
    const envelope = { agentId: this.agentId, trackingId: this.rng.uuid(), eventTime: this.clock.now() };
    return toMessage(task, type, envelope, extra);
  }

  /** Queue an event for the task as it stands now. */
  private send(task: SimTask, type: string, extra: Partial<TaskMessage> = {}, delay = this.latency): void {
    this.outbox.post(this.message(task, type, extra), delay);
  }

  private emitAgent(type: AgentStateEvent['type'], reason?: string, delay = this.latency): void {
    const { state, idleCodeId, since } = this.status;
    const event: AgentStateEvent = {
      type,
      agentId: this.agentId,
      subStatus: state,
      auxCodeId: idleCodeId,
      lastStateChangeTimestamp: since,
      ...(reason ? { reason } : {}),
    };
    this.outbox.post(event, delay);
  }
}

/** Run `fn`; its throw becomes a rejected promise with a BackendError. */
function attempt<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (e) {
    return Promise.reject(e instanceof BackendError ? e : new BackendError(e instanceof Error ? e.message : String(e)));
  }
}
