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
  ErrorCode,
  TaskMessage,
} from '../../model/domain.js';
import type { MediaChannel } from '../../model/seed-types.js';
import {
  BackendError,
  type AgentSession,
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
  findEntryPoint,
  findQueue,
  type SimQueue,
} from './directory.js';
import { Faults, type FaultOptions, type SimCommand } from './faults.js';
import { newCustomer, newInteraction, toMessage, type Customer } from './payloads.js';
import { defaultProfile, dialable, RONA_CODE_ID } from './profile.js';
import { Random } from './random.js';
import { Timers } from './timers.js';
import {
  addLeg,
  consultLeg,
  isVoice,
  mainLeg,
  removeLeg,
  setHold,
  setState,
  stateOf,
  upsertParticipant,
  type InteractionState,
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
  /** An automatic offer every this many ms while the agent is Available with capacity; 0 = none (default). */
  offerEveryMs?: number;
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
  /** What the primary does once this agent accepted, after `afterMs` (default 10 s). */
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
const LIVE_CALL: readonly InteractionState[] = ['connected', 'hold', 'consulting', 'conference'];
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const OUTDIAL_QUEUE: SimQueue = { id: 'q-outdial', name: 'Outdial', agents: [] };
const OUTDIAL_RING_MS = 1000;

function fail(message: string, code: ErrorCode): never {
  throw new BackendError(message, code);
}

/** The embedded contact center. See the module doc. */
export class SimulatedContactCenter implements ContactCenter {
  readonly events$: Observable<BackendEvent>;
  readonly connection$: Observable<ConnectionState>;

  private readonly events = new Subject<BackendEvent>();
  private readonly connection = new BehaviorSubject<ConnectionState>({ status: 'disconnected' });
  private readonly clock: Clock;
  private readonly rng: Random;
  private readonly timers: Timers;
  private readonly faults = new Faults();
  private readonly profile: AgentProfile;
  private readonly tasks = new Map<string, SimTask>();
  private readonly plans = new Map<string, { action: PrimaryAction; afterMs: number }>();
  private readonly outbox: { at: number; event: BackendEvent }[] = [];
  private lastAt = 0;
  private latency: number;
  private status: AgentStatus;

  constructor(private readonly options: SimulatorOptions = {}) {
    this.clock = options.clock ?? realClock;
    this.rng = new Random(options.seed ?? 1);
    this.timers = new Timers(this.clock);
    this.latency = options.latencyMs ?? 150;
    const agentId = options.agentId ?? 'agent-sim';
    this.profile = defaultProfile(agentId, options.agentName ?? 'Alex Rivera', {
      ...(options.autoWrapup ? { autoWrapup: options.autoWrapup } : {}),
      ...options.profile,
    });
    this.status = this.idleStatus();
    this.events$ = this.events.asObservable();
    this.connection$ = this.connection.asObservable();
  }

  private get agentId(): string {
    return this.profile.agentId;
  }

  // ── session ────────────────────────────────────────────────────────────────────────────

  connect(): Promise<AgentSession> {
    return this.attempt(() => {
      const fault = this.faults.take('connect');
      if (fault) {
        this.connection.next({ status: 'disconnected', reason: fault.message });
        fail(fault.message, 'CONNECTION');
      }
      if (this.connection.value.status === 'disconnected') {
        this.connection.next({ status: 'connecting' });
        this.status = this.options.startAvailable ? { state: 'Available', since: this.clock.now() } : this.idleStatus();
        this.connection.next({ status: 'connected' });
        this.scheduleAutoOffer();
      }
      return this.session();
    });
  }

  snapshot(): Promise<AgentSession> {
    return this.attempt(() => {
      this.ensureConnected();
      this.rejectIfFault('snapshot');
      return this.session();
    });
  }

  disconnect(): Promise<void> {
    this.timers.clearAll();
    this.outbox.length = 0;
    this.lastAt = 0;
    this.tasks.clear();
    this.plans.clear();
    if (this.connection.value.status !== 'disconnected') this.connection.next({ status: 'disconnected' });
    return Promise.resolve();
  }

  directory(): Promise<Directory> {
    return this.attempt(() => {
      this.ensureConnected();
      this.rejectIfFault('directory');
      return directoryView();
    });
  }

  setAgentState(state: 'Available' | 'Idle', auxCodeId?: string): Promise<void> {
    return this.attempt(() => {
      this.ensureConnected();
      const fault = this.faults.take('setAgentState');
      if (fault?.as === 'event') {
        return this.emitAgent('AgentStateChangeFailed', fault.message);
      }
      if (fault) fail(fault.message, 'BACKEND_ERROR');
      if (state === 'Available') {
        this.status = { state: 'Available', since: this.clock.now() };
      } else if (state === 'Idle') {
        const code = auxCodeId ?? this.profile.idleCodes.find((c) => c.isDefault)?.id;
        const known = this.profile.idleCodes.find((c) => c.id === code && !c.isSystem);
        if (!known) fail(`Unknown idle code "${String(auxCodeId)}"`, 'INVALID_PARAMETERS');
        this.status = { state: 'Idle', idleCodeId: code, since: this.clock.now() };
      } else {
        fail(`Unknown agent state "${String(state)}"`, 'INVALID_PARAMETERS');
      }
      this.emitAgent('AgentStateChange');
    });
  }

  outdial(payload: OutdialPayload): Promise<void> {
    return this.attempt(() => {
      this.ensureConnected();
      const fault = this.faults.take('outdial');
      if (fault && fault.as === 'reject') fail(fault.message, 'BACKEND_ERROR');
      if (!this.profile.outdial.enabled) fail('Outdial is not enabled for this agent', 'FORBIDDEN');
      const number = dialable(payload?.destination, this.profile);
      if (!number) fail(`"${String(payload?.destination)}" is not a number the dial plan allows`, 'INVALID_PARAMETERS');
      const ani = payload.origin === undefined ? this.profile.outdial.anis[0] : this.profile.outdial.anis.find((a) => a.number === payload.origin || a.id === payload.origin);
      if (!ani) fail(`"${String(payload.origin)}" is not one of this agent's outdial numbers`, 'INVALID_PARAMETERS');
      if (!this.hasCapacity('telephony')) fail('The agent is already on a call', 'INVALID_STATE');
      const customer: Customer = { id: number!, name: number!, number: number!, address: number!, region: 'US' };
      const task = this.createTask('telephony', customer, OUTDIAL_QUEUE, 'OUTBOUND');
      task.interaction.callProcessingDetails.ani = ani!.number;
      task.interaction.callProcessingDetails.outdialAgentId = this.agentId;
      this.send(task, 'AgentOfferContact');
      if (fault) {
        this.send(task, 'AgentOutboundFailed', { reason: fault.message, reasonCode: 'SIMULATED_FAILURE' });
        task.interaction.isTerminated = true;
        this.finish(task, 'ContactEnded');
        return;
      }
      this.timers.set(`${task.id}:outdial`, () => {
        if (stateOf(task) === 'new') this.assign(task);
      }, OUTDIAL_RING_MS);
    });
  }

  // ── offers ─────────────────────────────────────────────────────────────────────────────

  accept(interactionId: string): Promise<void> {
    return this.run('accept', interactionId, (task) => {
      const state = stateOf(task);
      if (state === 'new') return this.assign(task);
      if (state !== 'consult') fail(`The task is ${state}, not offered`, 'INVALID_STATE');
      this.timers.clear(`${task.id}:rona`);
      setState(task, 'consulting');
      const now = this.clock.now();
      upsertParticipant(task, this.agentId, { pType: 'Agent', hasJoined: true, joinTimestamp: now, consultState: 'consulting' }, now);
      upsertParticipant(task, task.primary!.agentId, { pType: 'Agent', consultState: 'consulting' }, now);
      task.interaction.callProcessingDetails.consultDestinationAgentJoined = true;
      task.consult!.accepted = true;
      this.send(task, 'AgentConsulting');
      const plan = this.plans.get(task.id);
      if (plan) this.timers.set(`${task.id}:plan`, () => this.primaryDoes(task.id, plan.action), plan.afterMs);
    });
  }

  decline(interactionId: string): Promise<void> {
    return this.run('decline', interactionId, (task) => {
      const state = stateOf(task);
      if (state !== 'new' && state !== 'consult') fail(`The task is ${state}, not offered`, 'INVALID_STATE');
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
      this.requireVoice(task, 'Mute');
      this.requireState(task, LIVE_CALL, 'mute');
      task.muted = !task.muted;
      this.send(task, 'ContactUpdated');
    });
  }

  pauseRecording(interactionId: string): Promise<void> {
    return this.run('pauseRecording', interactionId, (task) => this.setRecording(task, false));
  }

  resumeRecording(interactionId: string, payload: ResumeRecordingPayload): Promise<void> {
    return this.run('resumeRecording', interactionId, (task) => this.setRecording(task, true, payload?.autoResumed === true));
  }

  setUserData(interactionId: string, values: Record<string, string>): Promise<void> {
    return this.run('setUserData', interactionId, (task) => {
      if (!values || typeof values !== 'object' || Array.isArray(values)) fail('User data must be an object of strings', 'INVALID_PARAMETERS');
      const entries = Object.entries(values);
      for (const [key, value] of entries) {
        this.checkUserDataKey(task, key);
        if (typeof value !== 'string') fail(`The value of "${key}" must be a string`, 'INVALID_PARAMETERS');
      }
      const i = task.interaction;
      const data = (i.callAssociatedData ??= {});
      const details = (i.callAssociatedDetails ??= {});
      for (const [key, value] of entries) {
        data[key] = { ...(data[key] ?? { name: key, displayName: key, type: 'STRING', agentEditable: true }), value };
        details[key] = value;
      }
      this.send(task, 'ContactUpdated', { updatedBy: this.agentId });
    });
  }

  deleteUserData(interactionId: string, key: string): Promise<void> {
    return this.run('deleteUserData', interactionId, (task) => {
      this.checkUserDataKey(task, key);
      delete task.interaction.callAssociatedData?.[key];
      delete task.interaction.callAssociatedDetails?.[key];
      this.send(task, 'ContactUpdated', { updatedBy: this.agentId });
    });
  }

  // ── consult, conference, transfer ──────────────────────────────────────────────────────

  consult(interactionId: string, payload: ConsultPayload): Promise<void> {
    return this.run('consult', interactionId, (task) => {
      this.requirePrimary(task, 'consult');
      this.requireState(task, ['connected', 'hold'], 'consult');
      const to = String(payload?.to ?? '');
      const type = payload?.destinationType;
      if (type === 'entryPoint') fail('A consult cannot go to an entry point', 'INVALID_PARAMETERS');
      const dest = this.resolveDestination(task, type, to, 'consult');
      const now = this.clock.now();
      const main = mainLeg(task);
      const legId = this.rng.uuid();
      const queue = type === 'queue';
      task.consult = { legId, destinationType: type, to, destId: dest.id, destName: dest.name, accepted: false, mainHeldBefore: main.isHold };
      if (isVoice(task) && payload.holdParticipants !== false) setHold(main, true, now);
      addLeg(task, legId, 'consult', [this.agentId]);
      if (!queue) upsertParticipant(task, dest.id, { pType: type === 'dialNumber' ? 'DN' : 'Agent', name: dest.name, hasJoined: false, hasLeft: false, consultState: 'consultInitiated' }, now);
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
      this.requireState(task, ['consulting'], 'end the consult');
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
      const consult = this.requireAnsweredConsult(task, 'transfer');
      const now = this.clock.now();
      this.dropConsult(task, now, true);
      this.leave(task, consult.destId, now);
      this.finish(task, 'AgentConsultTransferred', { destAgentId: consult.destId, destinationType: consult.destinationType });
    });
  }

  consultConference(interactionId: string): Promise<void> {
    return this.run('consultConference', interactionId, (task) => {
      const consult = this.requireAnsweredConsult(task, 'conference');
      if (this.agentsIn(task) > this.profile.maxConferenceParticipants) {
        fail(`A conference holds at most ${this.profile.maxConferenceParticipants} agents`, 'INVALID_STATE');
      }
      const now = this.clock.now();
      this.dropConsult(task, now, true);
      const main = mainLeg(task);
      main.participants = [...main.participants, consult.destId];
      setHold(main, false, now);
      upsertParticipant(task, consult.destId, { pType: consult.destinationType === 'dialNumber' ? 'DN' : 'Agent', consultState: 'conferencing' }, now);
      upsertParticipant(task, this.agentId, { pType: 'Agent', consultState: 'conferencing' }, now);
      task.interaction.callProcessingDetails.isConferencing = 'true';
      setState(task, 'conference');
      this.send(task, 'AgentConsultConferenced', { destAgentId: consult.destId, destinationType: consult.destinationType });
    });
  }

  exitConference(interactionId: string): Promise<void> {
    return this.run('exitConference', interactionId, (task) => {
      this.requireState(task, ['conference'], 'exit the conference');
      const now = this.clock.now();
      const other = Object.values(task.interaction.participants).find((p) => (p.pType === 'Agent' || p.pType === 'DN') && p.id !== this.agentId && p.hasJoined && !p.hasLeft);
      this.leave(task, other?.id ?? task.interaction.owner, now);
      this.finish(task, 'ParticipantLeftConference', { participantId: this.agentId });
    });
  }

  transfer(interactionId: string, payload: TransferPayload): Promise<void> {
    const twin = payload?.destinationType === 'queue' ? 'AgentVteamTransferFailed' : FAILED_TWIN.transfer;
    return this.run('transfer', interactionId, (task) => {
      this.requirePrimary(task, 'transfer');
      this.requireState(task, ['connected', 'hold', 'conference'], 'transfer');
      const type = payload?.destinationType;
      const dest = this.resolveDestination(task, type, String(payload?.to ?? ''), 'transfer');
      const now = this.clock.now();
      const i = task.interaction;
      if (type === 'queue') {
        i.previousVTeams = [...i.previousVTeams, i.currentVTeam];
        i.currentVTeam = dest.id;
      }
      this.leave(task, type === 'agent' ? dest.id : '', now);
      const event = type === 'queue' ? 'AgentVteamTransferred' : 'AgentBlindTransferred';
      this.finish(task, event, { destAgentId: dest.id, destinationType: type });
    }, twin);
  }

  end(interactionId: string): Promise<void> {
    return this.run('end', interactionId, (task) => {
      const state = stateOf(task);
      if (state === 'new' || state === 'consult') fail('An offer is declined, not ended', 'INVALID_STATE');
      if (state === 'consulting') fail('End the consult first', 'INVALID_STATE');
      if (state === 'conference' && task.interaction.owner !== this.agentId) fail('Only the owner can end a conference; exit it instead', 'INVALID_STATE');
      this.requireState(task, ['connected', 'hold', 'conference'], 'end');
      task.interaction.isTerminated = true;
      this.finish(task, 'ContactEnded');
    });
  }

  wrapup(interactionId: string, payload: WrapupPayload): Promise<void> {
    return this.run('wrapup', interactionId, (task) => {
      this.requireState(task, ['wrapUp'], 'wrap up');
      const code = this.profile.wrapUpCodes.find((c) => c.id === payload?.auxCodeId);
      if (!code) fail(`Unknown wrap-up code "${String(payload?.auxCodeId)}"`, 'INVALID_PARAMETERS');
      if (typeof payload.wrapUpReason !== 'string') fail('A wrap-up reason is required', 'INVALID_PARAMETERS');
      this.wrappedUp(task, code!.id, payload.wrapUpReason);
    });
  }

  // ── control API (tests and the demo) ───────────────────────────────────────────────────

  /**
   * Offer a new contact to the agent. Returns its interaction id, or undefined when the agent is not
   * connected, not Available, or has no capacity for the media (unless `force`).
   */
  offerContact(options: OfferOptions = {}): string | undefined {
    if (this.connection.value.status === 'disconnected') return undefined;
    const force = options.force === true;
    if (!force && this.status.state !== 'Available') return undefined;
    const media = options.media ?? this.pickMedia(force);
    if (!media || (!force && !this.hasCapacity(media))) return undefined;
    const queue = (options.queueId && findQueue(options.queueId)) || this.rng.pick(QUEUES);
    const task = this.createTask(media, newCustomer(this.rng, media, options.customerName), queue, 'INBOUND');
    this.send(task, 'AgentOfferContact', {}, 0);
    this.timers.set(`${task.id}:rona`, () => this.rona(task), task.ronaTimeoutSeconds * 1000);
    return task.id;
  }

  /** Another agent consults this one (this agent is the secondary). Returns the interaction id. */
  offerConsult(options: ConsultOfferOptions = {}): string | undefined {
    if (this.connection.value.status === 'disconnected') return undefined;
    const media = options.media ?? 'telephony';
    if (options.force !== true && !this.hasCapacity(media)) return undefined;
    const buddy = (options.from && findBuddy(options.from)) || this.rng.pick(BUDDIES.filter((b) => b.state === 'Available'));
    const task = this.createTask(media, newCustomer(this.rng, media, options.customerName), this.rng.pick(QUEUES), 'INBOUND', buddy.agentId);
    const now = this.clock.now();
    const legId = this.rng.uuid();
    task.role = 'secondary';
    task.primary = { agentId: buddy.agentId, agentName: buddy.agentName };
    task.consult = { legId, destinationType: 'agent', to: this.agentId, destId: this.agentId, destName: this.profile.agentName, accepted: false, mainHeldBefore: false };
    const main = mainLeg(task);
    main.participants = [...main.participants, buddy.agentId];
    if (isVoice(task)) setHold(main, true, now);
    addLeg(task, legId, 'consult', [buddy.agentId]);
    upsertParticipant(task, buddy.agentId, { pType: 'Agent', name: buddy.agentName, teamName: buddy.teamName, hasJoined: true, joinTimestamp: now, consultState: 'consultInitiated' }, now);
    upsertParticipant(task, this.agentId, { pType: 'Agent', consultState: 'consultReceived' }, now);
    Object.assign(task.interaction.callProcessingDetails, {
      consultDestinationAgentName: this.profile.agentName,
      consultDestinationAgentJoined: false,
      parent_Agent_Name: buddy.agentName,
      parent_Agent_TeamName: buddy.teamName,
    });
    setState(task, 'consult');
    if (options.then) this.plans.set(task.id, { action: options.then, afterMs: options.afterMs ?? 10_000 });
    this.send(task, 'AgentOfferConsult', {}, 0);
    this.timers.set(`${task.id}:rona`, () => this.rona(task), task.ronaTimeoutSeconds * 1000);
    return task.id;
  }

  /** The consulting agent ends the consult, transfers the customer to this agent, or conferences. */
  primaryDoes(interactionId: string, action: PrimaryAction): boolean {
    const task = this.tasks.get(interactionId);
    if (!task || task.role !== 'secondary' || !this.isOpen()) return false;
    const state = stateOf(task);
    if (state === 'consult' && action === 'endConsult') {
      this.send(task, 'AgentConsultEnded', { agentsPendingWrapUp: [] }, 0);
      this.remove(task);
      return true;
    }
    if (state !== 'consulting') return false;
    const now = this.clock.now();
    const primary = task.primary!;
    this.timers.clear(`${task.id}:plan`);
    if (action === 'endConsult') {
      this.send(task, 'AgentConsultEnded', { agentsPendingWrapUp: [] }, 0);
      this.remove(task);
      return true;
    }
    const main = mainLeg(task);
    removeLeg(task, task.consult!.legId);
    task.consult = undefined;
    setHold(main, false, now);
    if (action === 'transfer') {
      task.role = 'primary';
      task.primary = undefined;
      task.interaction.owner = this.agentId;
      main.participants = [task.customerId, this.agentId];
      upsertParticipant(task, primary.agentId, { pType: 'Agent', hasLeft: true, consultState: 'transferred' }, now);
      upsertParticipant(task, this.agentId, { pType: 'Agent', consultState: 'connected' }, now);
      setState(task, 'connected');
      this.send(task, 'AgentConsultTransferred', { destAgentId: this.agentId, destinationType: 'agent' }, 0);
    } else {
      main.participants = [...main.participants, this.agentId];
      upsertParticipant(task, primary.agentId, { pType: 'Agent', consultState: 'conferencing' }, now);
      upsertParticipant(task, this.agentId, { pType: 'Agent', consultState: 'conferencing' }, now);
      task.interaction.callProcessingDetails.isConferencing = 'true';
      setState(task, 'conference');
      this.send(task, 'AgentConsultConferenced', { destAgentId: this.agentId, destinationType: 'agent' }, 0);
    }
    return true;
  }

  /** The customer hangs up (also while ringing or during a consult). False when there is no such call. */
  customerHangup(interactionId: string): boolean {
    const task = this.tasks.get(interactionId);
    if (!task || stateOf(task) === 'wrapUp' || !this.isOpen()) return false;
    const now = this.clock.now();
    if (task.consult && task.role === 'primary') this.dropConsult(task, now);
    const main = mainLeg(task);
    main.participants = main.participants.filter((p) => p !== task.customerId);
    setHold(main, false, now);
    upsertParticipant(task, task.customerId, { pType: 'Customer', hasLeft: true }, now);
    task.interaction.isTerminated = true;
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
  private run(command: SimCommand, interactionId: string, body: (task: SimTask) => void, twin = FAILED_TWIN[command]): Promise<void> {
    return this.attempt(() => {
      this.ensureConnected();
      const fault = this.faults.take(command);
      if (fault?.as === 'reject' || (fault && !twin)) fail(fault.message, 'BACKEND_ERROR');
      const task = this.tasks.get(interactionId);
      if (!task) fail(`No live task "${String(interactionId)}"`, 'NOT_FOUND');
      if (fault) return this.send(task!, twin!, { reason: fault.message, reasonCode: 'SIMULATED_FAILURE' });
      body(task!);
    });
  }

  private attempt<T>(fn: () => T): Promise<T> {
    try {
      return Promise.resolve(fn());
    } catch (e) {
      return Promise.reject(e instanceof BackendError ? e : new BackendError(e instanceof Error ? e.message : String(e)));
    }
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

  private requireState(task: SimTask, states: readonly InteractionState[], what: string): void {
    const state = stateOf(task);
    if (!states.includes(state)) fail(`Cannot ${what}: the task is ${state}`, 'INVALID_STATE');
  }

  private requireVoice(task: SimTask, what: string): void {
    if (!isVoice(task)) fail(`${what} is for voice calls only (this is ${task.media})`, 'INVALID_STATE');
  }

  private requirePrimary(task: SimTask, what: string): void {
    if (task.role === 'secondary') fail(`The consulted agent cannot ${what}`, 'INVALID_STATE');
  }

  private requireAnsweredConsult(task: SimTask, what: string) {
    this.requirePrimary(task, what);
    this.requireState(task, ['consulting'], what);
    const consult = task.consult!;
    if (!consult.accepted) fail(`Cannot ${what}: ${consult.destName} has not answered yet`, 'INVALID_STATE');
    return consult;
  }

  private checkUserDataKey(task: SimTask, key: string): void {
    if (typeof key !== 'string' || key === '' || FORBIDDEN_KEYS.has(key)) fail(`Invalid user data key "${String(key)}"`, 'INVALID_PARAMETERS');
    if (task.interaction.callAssociatedData?.[key]?.agentEditable === false) fail(`"${key}" is read-only`, 'FORBIDDEN');
  }

  /** The destination of a consult or transfer, validated against the directory and the dial plan. */
  private resolveDestination(task: SimTask, type: DestinationType, to: string, what: string): { id: string; name: string } {
    if (type === 'agent') {
      const buddy = findBuddy(to);
      if (!buddy) fail(`No agent "${to}" to ${what} to`, 'NOT_FOUND');
      if (buddy!.state !== 'Available') fail(`${buddy!.agentName} is not available`, 'INVALID_STATE');
      return { id: buddy!.agentId, name: buddy!.agentName };
    }
    if (type === 'queue') {
      const queue = findQueue(to);
      if (!queue) fail(`No queue "${to}"`, 'NOT_FOUND');
      return { id: queue!.id, name: queue!.name };
    }
    if (type === 'entryPoint') {
      const ep = findEntryPoint(to);
      if (!ep) fail(`No entry point "${to}"`, 'NOT_FOUND');
      return { id: ep!.id, name: ep!.name };
    }
    if (type === 'dialNumber') {
      this.requireVoice(task, `A ${what} to a number`);
      const number = dialable(to, this.profile);
      if (!number) fail(`"${to}" is not a number the dial plan allows`, 'INVALID_PARAMETERS');
      return { id: number!, name: number! };
    }
    return fail(`Unknown destination type "${String(type)}"`, 'INVALID_PARAMETERS');
  }

  private holdOrResume(task: SimTask, hold: boolean, legId?: string): void {
    const verb = hold ? 'hold' : 'resume';
    this.requireVoice(task, hold ? 'Hold' : 'Resume');
    this.requirePrimary(task, verb);
    const main = mainLeg(task);
    const consult = consultLeg(task);
    const now = this.clock.now();
    const type = hold ? 'AgentContactHeld' : 'AgentContactUnheld';
    if (legId !== undefined && legId !== main.mediaResourceId && legId !== consult?.mediaResourceId) {
      fail(`No media leg "${legId}" on this task`, 'INVALID_PARAMETERS');
    }
    if (consult && legId === consult.mediaResourceId) {
      // Switching legs while consulting: holding the consult leg retrieves the customer, and back.
      if (consult.isHold === hold) fail(`The consult leg is already ${hold ? 'on hold' : 'active'}`, 'INVALID_STATE');
      setHold(consult, hold, now);
      setHold(main, !hold, now);
      return this.send(task, type, { mediaResourceId: consult.mediaResourceId });
    }
    const state = stateOf(task);
    if (state === 'consulting') fail('While consulting, switch legs by holding or resuming the consult leg', 'INVALID_STATE');
    this.requireState(task, [hold ? 'connected' : 'hold'], verb);
    setHold(main, hold, now);
    setState(task, hold ? 'hold' : 'connected');
    this.send(task, type, { mediaResourceId: main.mediaResourceId });
  }

  private setRecording(task: SimTask, resume: boolean, autoResumed = false): void {
    const what = resume ? 'resume recording' : 'pause recording';
    this.requireVoice(task, 'Recording');
    this.requirePrimary(task, what);
    this.requireState(task, LIVE_CALL, what);
    const cpd = task.interaction.callProcessingDetails;
    if (!cpd.recordingStarted) fail('This call is not recorded', 'INVALID_STATE');
    if (cpd.recordInProgress === resume) fail(`Recording is already ${resume ? 'running' : 'paused'}`, 'INVALID_STATE');
    cpd.recordInProgress = resume;
    cpd.isPaused = !resume;
    if (resume) this.send(task, 'ContactRecordingResumed', { autoResumed });
    else this.send(task, 'ContactRecordingPaused');
  }

  // ── internals: the world ───────────────────────────────────────────────────────────────

  private createTask(media: MediaChannel, customer: Customer, queue: SimQueue, direction: 'INBOUND' | 'OUTBOUND', owner = this.agentId): SimTask {
    const id = this.rng.uuid();
    const now = this.clock.now();
    const ronaTimeoutSeconds = this.options.ronaTimeoutSeconds ?? 30;
    const interaction = newInteraction(this.rng, { id, media, customer, queue, owner, direction, ronaTimeoutSeconds, now });
    const task: SimTask = { id, media, interaction, customerId: customer.id, role: 'primary', muted: false, ronaTimeoutSeconds };
    upsertParticipant(task, this.agentId, { pType: 'Agent', name: this.profile.agentName, teamName: this.profile.teamName, hasJoined: false, hasLeft: false, isWrapUp: false }, now);
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
  }

  private rona(task: SimTask): void {
    const state = stateOf(task);
    if (!this.tasks.has(task.id) || (state !== 'new' && state !== 'consult')) return;
    this.send(task, 'AgentOfferContactRona', { reason: 'RONA', reasonCode: 'RONA' }, 0);
    this.remove(task);
    if (state === 'new') {
      this.status = { state: 'RONA', idleCodeId: RONA_CODE_ID, since: this.clock.now() };
      this.emitAgent('AgentStateChange', 'RONA', 0);
    }
  }

  private scheduleConsultAnswer(task: SimTask, type: DestinationType, to: string): void {
    const legId = task.consult!.legId;
    const later = (ms: number, fn: () => void) =>
      this.timers.set(`${task.id}:consult`, () => {
        if (this.tasks.get(task.id) === task && task.consult?.legId === legId && !task.consult.accepted) fn();
      }, ms);
    if (type === 'queue') {
      const agent = findQueue(to)!.agents[0];
      later(QUEUE_CONSULT_ANSWER_MS, () => this.consultAnswered(task, agent.agentId, agent.agentName));
    } else if (type === 'dialNumber') {
      later(DIAL_CONSULT_ANSWER_MS, () => this.consultAnswered(task, task.consult!.destId, task.consult!.destName));
    } else {
      const behaviour = findBuddy(to)!.consult;
      if (behaviour.kind === 'accept') later(behaviour.afterMs, () => this.consultAnswered(task, to, task.consult!.destName));
      if (behaviour.kind === 'decline') later(behaviour.afterMs, () => this.consultFailed(task, behaviour.reason));
    }
  }

  private consultAnswered(task: SimTask, destId: string, destName: string): void {
    const consult = task.consult!;
    const now = this.clock.now();
    Object.assign(consult, { accepted: true, destId, destName });
    const leg = consultLeg(task)!;
    leg.participants = [...leg.participants, destId];
    const pType = consult.destinationType === 'dialNumber' ? 'DN' : 'Agent';
    upsertParticipant(task, destId, { pType, name: destName, hasJoined: true, hasLeft: false, joinTimestamp: now, consultState: 'consulting' }, now);
    upsertParticipant(task, this.agentId, { pType: 'Agent', consultState: 'consulting' }, now);
    Object.assign(task.interaction.callProcessingDetails, { consultDestinationAgentJoined: true, consultDestinationAgentName: destName, ctqInProgress: false });
    this.send(task, 'AgentConsulting', {}, 0);
  }

  private consultFailed(task: SimTask, reason: string): void {
    const consult = task.consult!;
    const now = this.clock.now();
    this.dropConsult(task, now);
    setHold(mainLeg(task), consult.mainHeldBefore, now);
    setState(task, consult.mainHeldBefore ? 'hold' : 'connected');
    this.send(task, 'AgentConsultFailed', { reason, reasonCode: 'CONSULT_DECLINED', destAgentId: consult.destId }, 0);
  }

  /** Remove the consult leg; the consulted party leaves unless `keep` (transfer, conference). */
  private dropConsult(task: SimTask, now: number, keep = false): void {
    const consult = task.consult;
    if (!consult) return;
    this.timers.clear(`${task.id}:consult`);
    removeLeg(task, consult.legId);
    const dest = task.interaction.participants[consult.destId];
    if (dest && !keep) {
      if (dest.hasJoined) upsertParticipant(task, consult.destId, { pType: dest.pType, hasLeft: true, consultState: 'consultCompleted' }, now);
      else delete task.interaction.participants[consult.destId];
    }
    upsertParticipant(task, this.agentId, { pType: 'Agent', consultState: undefined }, now);
    const cpd = task.interaction.callProcessingDetails;
    cpd.ctqInProgress = false;
    delete cpd.consultDestinationAgentName;
    delete cpd.consultDestinationAgentJoined;
    task.consult = undefined;
  }

  /** This agent leaves the call; `newOwner` keeps it. */
  private leave(task: SimTask, newOwner: string, now: number): void {
    const main = mainLeg(task);
    main.participants = main.participants.filter((p) => p !== this.agentId);
    if (newOwner && !main.participants.includes(newOwner)) main.participants = [...main.participants, newOwner];
    setHold(main, false, now);
    upsertParticipant(task, this.agentId, { pType: 'Agent', hasLeft: true }, now);
    if (newOwner) task.interaction.owner = newOwner;
  }

  /** The task leaves this agent's hands: into wrap-up when required, else gone. */
  private finish(task: SimTask, type: string, extra: Partial<TaskMessage> = {}, delay = this.latency): void {
    this.timers.clearTask(task.id);
    const state = stateOf(task);
    const wrap = this.options.wrapUpRequired !== false && task.role === 'primary' && state !== 'new' && state !== 'consult';
    const now = this.clock.now();
    upsertParticipant(task, this.agentId, { pType: 'Agent', isWrapUp: wrap }, now);
    if (wrap) setState(task, 'wrapUp');
    this.send(task, type, { agentsPendingWrapUp: wrap ? [this.agentId] : [], ...extra }, delay);
    if (!wrap) return this.remove(task);
    const auto = this.profile.autoWrapup;
    if (auto.enabled) {
      this.timers.set(`${task.id}:autoWrapup`, () => {
        const code = this.profile.wrapUpCodes.find((c) => c.isDefault) ?? this.profile.wrapUpCodes[0];
        if (this.tasks.get(task.id) === task && stateOf(task) === 'wrapUp') this.wrappedUp(task, code.id, 'Auto wrap-up', 0);
      }, auto.timeoutSeconds * 1000);
    }
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
  }

  private agentsIn(task: SimTask): number {
    return Object.values(task.interaction.participants).filter((p) => (p.pType === 'Agent' || p.pType === 'DN') && p.hasJoined && !p.hasLeft).length;
  }

  private hasCapacity(media: MediaChannel): boolean {
    const voice = media === 'telephony';
    const used = [...this.tasks.values()].filter((t) => isVoice(t) === voice).length;
    return used < (voice ? 1 : 3);
  }

  private pickMedia(force: boolean): MediaChannel | undefined {
    const mix: Partial<Record<MediaChannel, number>> = { ...(this.options.mediaMix ?? DEFAULT_MIX) };
    for (const media of Object.keys(mix) as MediaChannel[]) if (!force && !this.hasCapacity(media)) delete mix[media];
    return this.rng.weighted(mix);
  }

  private scheduleAutoOffer(): void {
    const every = this.options.offerEveryMs ?? 0;
    if (every <= 0) return;
    this.timers.set('auto-offer', () => {
      this.offerContact();
      this.scheduleAutoOffer();
    }, every);
  }

  private idleStatus(): AgentStatus {
    const code = this.profile.idleCodes.find((c) => c.isDefault && !c.isSystem) ?? this.profile.idleCodes.find((c) => !c.isSystem);
    return { state: 'Idle', idleCodeId: code?.id, since: this.clock.now() };
  }

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
    return toMessage(task, type, { agentId: this.agentId, trackingId: this.rng.uuid(), eventTime: this.clock.now() }, extra);
  }

  /** Queue an event for the task as it stands now. */
  private send(task: SimTask, type: string, extra: Partial<TaskMessage> = {}, delay = this.latency): void {
    this.post(this.message(task, type, extra), delay);
  }

  private emitAgent(type: AgentStateEvent['type'], reason?: string, delay = this.latency): void {
    const event: AgentStateEvent = {
      type,
      agentId: this.agentId,
      subStatus: this.status.state,
      auxCodeId: this.status.idleCodeId,
      lastStateChangeTimestamp: this.status.since,
      ...(reason ? { reason } : {}),
    };
    this.post(event, delay);
  }

  /**
   * Events leave in the order they were queued (never before an earlier one), each stamped with the
   * time it leaves. While the connection is down they are lost (the store asks for a snapshot).
   */
  private post(event: BackendEvent, delay: number): void {
    const at = Math.max(this.clock.now() + delay, this.lastAt);
    this.lastAt = at;
    this.outbox.push({ at, event });
    if (!this.timers.has('outbox')) this.timers.set('outbox', () => this.deliver(), at - this.clock.now());
  }

  private deliver(): void {
    const now = this.clock.now();
    while (this.outbox.length && this.outbox[0].at <= now) {
      const { event } = this.outbox.shift()!;
      if (this.connection.value.status !== 'connected') continue;
      if ('interaction' in event) event.eventTime = now;
      this.events.next(event);
    }
    if (this.outbox.length) this.timers.set('outbox', () => this.deliver(), this.outbox[0].at - now);
  }
}
