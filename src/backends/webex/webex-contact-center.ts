/**
 * The Webex Contact Center adapter: the `ContactCenter` port over an instance of the Webex
 * Contact Center JavaScript SDK (`webex.cc`, `@webex/contact-center` 3.12.0) that the host page
 * already has. The SDK is never bundled: the host loads it (the UMD build's `window.Webex`, or
 * its own import) and hands `webex.cc` over.
 *
 * Events: the SDK re-emits every websocket frame's `data` under its raw type
 * (`cc.on('AgentContactHeld', …)`), which is exactly the `AgentContact` message the store's
 * reducer reads; the adapter forwards the task frames the reducer knows and turns
 * `agent:stateChange` into agent-state events. Tasks (`task:incoming`, `task:hydrate`,
 * `task:merged`) are kept by interaction id to run the Task operations on.
 *
 * Connection: the SDK has no public connection-state event. `connection$` is `connecting` while
 * `connect()` runs, `connected` once the agent is registered and logged in, `disconnected` on a
 * logout or when another session takes the login over (`agent:multiLogin`), and follows the
 * SDK's websocket keep-alive watchdog (`reconnecting` when frames stop, `connected` when they
 * resume, `disconnected` when the SDK gives up) where the SDK instance carries it.
 * @module
 */
import { BehaviorSubject, Subject, type Observable } from 'rxjs';
import type {
  AgentSession,
  ConsultEndPayload,
  ConsultPayload,
  ContactCenter,
  OutdialPayload,
  ResumeRecordingPayload,
  TransferPayload,
  WrapupPayload,
} from '../contact-center.js';
import type {
  AgentProfile,
  AgentStateEvent,
  AgentStateName,
  AgentStatus,
  BackendEvent,
  ConnectionState,
  Directory,
  OutdialAni,
  TaskMessage,
} from '../../model/domain.js';
import { TASK_EVENTS } from '../../model/events.js';
import { toBackendError, unknownTask, userDataNotSupported } from './errors.js';
import { AVAILABLE_CODE, statusOf, toAgentProfile } from './profile.js';
import type { WebexCc, WebexListener, WebexLogin, WebexLoginOption, WebexProfile, WebexTask } from './sdk.js';

/** How the adapter logs the agent in, when it does (the host may have done it already). */
export interface WebexLoginOptions {
  loginOption: WebexLoginOption;
  /** Required for EXTENSION and AGENT_DN. */
  dialNumber?: string;
  /** Defaults to the agent's first team. */
  teamId?: string;
}

export interface WebexContactCenterOptions {
  /**
   * The profile `cc.register()` answered, when the host has registered already. Without it,
   * `connect()` calls `cc.register()`.
   */
  profile?: WebexProfile;
  /**
   * Log the agent in on `connect()` (`cc.stationLogin`), unless the SDK says the agent is logged
   * in already (a reload: the SDK re-logs the session in itself). Without it the host has logged
   * the agent in; say how with `loginOption` so the controls match the device.
   */
  login?: WebexLoginOptions;
  /** The login type when the host logged the agent in (default: the profile's `deviceType`). */
  loginOption?: WebexLoginOption;
  /** The SDK instance is the adapter's own (`connectWebex`): `disconnect()` deregisters it. */
  owned?: boolean;
  /** Milliseconds since epoch; defaults to `Date.now`. */
  now?: () => number;
}

/**
 * Frames whose 3.12.0 wire name differs from the name the reducer reads (the seed's): renamed.
 * The SDK's request layer waits for `AgentBlindTransferFailed`; the seeds call it `…FailedEvent`.
 */
const RENAMED: Readonly<Record<string, string>> = { AgentBlindTransferFailed: 'AgentBlindTransferFailedEvent' };

/** The task frames the store's reducer reads: forwarded as they come (renamed where the names differ). */
const FRAMES: readonly string[] = [...TASK_EVENTS, ...Object.keys(RENAMED)];

/** Frames after which the SDK forgets a task (the adapter does too). */
const GONE: ReadonlySet<string> = new Set(['AgentWrappedUp', 'AgentOfferContactRona', 'AgentContactAssignFailed']);

/** A failure frame: the outcome of a command, reported on `events$`. */
const isFailure = (type: string): boolean => /Fail(ed|edEvent)?$/.test(type);

const AGENT_STATES: ReadonlySet<string> = new Set<AgentStateName>(['Available', 'Idle', 'RONA', 'Engaged']);

interface StateFrame {
  type?: string;
  agentId?: string;
  subStatus?: string;
  auxCodeId?: string;
  lastStateChangeTimestamp?: number;
  reason?: string;
}

interface ConnectionLost {
  isConnectionLost?: boolean;
  isRestoreFailed?: boolean;
  isSocketReconnected?: boolean;
}

/** What the SDK instance carries beyond its typings: its websocket watchdog and its task list. */
interface SdkInternals {
  services?: { connectionService?: { on(event: 'connectionLost', l: (e: ConnectionLost) => void): void; off(event: 'connectionLost', l: (e: ConnectionLost) => void): void } };
  taskManager?: { getTask?(id: string): WebexTask | undefined; getAllTasks?(): Record<string, WebexTask> };
  config?: { allowMultiLogin?: boolean };
}

export class WebexContactCenter implements ContactCenter {
  readonly #events = new Subject<BackendEvent>();
  readonly #connection = new BehaviorSubject<ConnectionState>({ status: 'disconnected' });
  readonly events$: Observable<BackendEvent> = this.#events.asObservable();
  readonly connection$: Observable<ConnectionState> = this.#connection.asObservable();

  readonly #source: WebexCc | (() => Promise<WebexCc>);
  #cc: WebexCc | undefined;
  readonly #options: WebexContactCenterOptions;
  readonly #now: () => number;
  /** Tasks the SDK handed over, by interaction id. */
  readonly #tasks = new Map<string, WebexTask>();
  /** Mute state per task (the SDK toggles WebRTC mute without an event). */
  readonly #muted = new Map<string, boolean>();
  /** The sequence number of the last failure frame per interaction id (the agent's under ''). */
  readonly #failures = new Map<string, number>();
  #seq = 0;
  #profile: AgentProfile | undefined;
  #sdkProfile: WebexProfile | undefined;
  #status: AgentStatus | undefined;
  #listening: Array<[string, WebexListener]> = [];
  /** The frames seen in this turn of the event loop (the SDK may emit one frame twice). */
  #turn: string[] | undefined;

  /**
   * @param cc `webex.cc` of an SDK instance that is `ready` (or a function answering it, which
   *   `connect()` awaits: how `connectWebex` initialises the SDK on demand).
   */
  constructor(cc: WebexCc | (() => Promise<WebexCc>), options: WebexContactCenterOptions = {}) {
    this.#source = cc;
    this.#options = options;
    this.#now = options.now ?? (() => Date.now());
  }

  /** The SDK instance (once connecting has begun). */
  get cc(): WebexCc | undefined {
    return this.#cc ?? (typeof this.#source === 'function' ? undefined : this.#source);
  }

  // ---- lifecycle ----

  async connect(): Promise<AgentSession> {
    this.#setConnection({ status: 'connecting' });
    try {
      const cc = (this.#cc ??= typeof this.#source === 'function' ? await this.#source() : this.#source);
      // Listen before registering: a relogin hydrates live tasks right after register().
      this.#listen(cc);
      const profile = this.#options.profile ?? (await cc.register());
      const { login } = this.#options;
      let loginOption = this.#options.loginOption ?? login?.loginOption ?? profile.deviceType;
      let teamId = profile.currentTeamId;
      let status = statusOf(profile.lastStateAuxCodeId, profile.lastStateChangeTimestamp, this.#now());
      if (login && !profile.isAgentLoggedIn) {
        teamId = login.teamId ?? profile.teams?.[0]?.teamId;
        if (!teamId) throw new Error('the agent belongs to no team');
        const request: WebexLogin = { teamId, loginOption: login.loginOption, ...(login.dialNumber ? { dialNumber: login.dialNumber } : {}) };
        const response = await cc.stationLogin(request);
        if (response instanceof Error) throw response;
        loginOption = login.loginOption;
        teamId = response.teamId || teamId;
        status = statusOf(response.subStatus === 'Available' ? AVAILABLE_CODE : response.auxCodeId, response.lastStateChangeTimestamp, this.#now());
      }
      const anis = await this.#anis(cc, profile);
      this.#sdkProfile = profile;
      this.#profile = toAgentProfile({ profile, login: loginOption, teamId, anis });
      this.#status = this.#status ?? status;
      this.#setConnection({ status: 'connected' });
      return this.snapshot();
    } catch (cause) {
      const error = toBackendError(cause, 'CONNECTION');
      this.#setConnection({ status: 'disconnected', reason: error.message });
      throw error;
    }
  }

  async snapshot(): Promise<AgentSession> {
    const profile = this.#profile;
    if (!profile) throw toBackendError('not connected', 'CONNECTION');
    // The tasks the SDK handed over, and those its task list holds without having announced them
    // (a WebRTC call's offer is announced only once the call rings in the browser).
    const all = new Map(this.#tasks);
    for (const [id, task] of Object.entries((this.cc as SdkInternals | undefined)?.taskManager?.getAllTasks?.() ?? {})) if (!all.has(id)) all.set(id, task);
    const tasks: TaskMessage[] = [...all.values()].map((task) => ({ ...(task.data as unknown as TaskMessage), type: 'AgentContact' }));
    return { profile, status: this.#status ?? { state: 'Idle', since: this.#now() }, tasks };
  }

  async disconnect(): Promise<void> {
    const cc = this.#cc ?? this.cc;
    this.#unlisten();
    this.#setConnection({ status: 'disconnected' });
    if (cc && this.#options.owned) await (cc as WebexCc & { deregister?(): Promise<void> }).deregister?.();
  }

  // ---- agent ----

  async setAgentState(state: 'Available' | 'Idle', auxCodeId?: string): Promise<void> {
    const code = state === 'Available' ? AVAILABLE_CODE : (auxCodeId ?? this.#defaultIdleCode());
    if (!code) throw toBackendError('no idle code to go Idle with', 'INVALID_PARAMETERS');
    await this.#run('', () => this.#require().setAgentState({ state, auxCodeId: code }));
  }

  async directory(): Promise<Directory> {
    const cc = this.#require();
    try {
      const [buddies, queues, entryPoints, book] = await Promise.all([
        cc.getBuddyAgents({ mediaType: 'telephony', state: 'Available' }),
        cc.getQueues(),
        cc.getEntryPoints(),
        cc.addressBook.getEntries(),
      ]);
      const teams = new Map((this.#teams() ?? []).map((t) => [t.teamId, t.teamName]));
      const list = buddies instanceof Error ? [] : (buddies.data?.agentList ?? []);
      return {
        agents: list.map((a) => ({
          agentId: a.agentId,
          agentName: a.agentName,
          state: (AGENT_STATES.has(a.state) ? a.state : 'Idle') as AgentStateName,
          teamName: teams.get(a.teamId) ?? '',
        })),
        queues: (queues.data ?? []).filter((q) => q.id).map((q) => ({ id: String(q.id), name: q.name })),
        entryPoints: (entryPoints.data ?? []).map((e) => ({ id: e.id, name: e.name })),
        addressBook: (book.data ?? []).map((e) => ({ id: e.id, name: e.name, number: e.number })),
      };
    } catch (cause) {
      throw toBackendError(cause);
    }
  }

  /** Dial out. The SDK 3.12.0 cannot attach data to the new call: user data is refused (NOT_SUPPORTED) before dialling. */
  async outdial({ destination, origin, userData }: OutdialPayload): Promise<void> {
    if (userData && Object.keys(userData).length) throw userDataNotSupported();
    await this.#run('', () => this.#require().startOutdial(destination, origin ?? ''));
  }

  // ---- task operations (seed 003), by interaction id ----

  accept(id: string): Promise<void> {
    return this.#task(id, (t) => t.accept());
  }
  decline(id: string): Promise<void> {
    return this.#task(id, (t) => t.decline());
  }
  hold(id: string, mediaResourceId?: string): Promise<void> {
    return this.#task(id, (t) => t.hold(mediaResourceId));
  }
  resume(id: string, mediaResourceId?: string): Promise<void> {
    return this.#task(id, (t) => t.resume(mediaResourceId));
  }
  async toggleMute(id: string): Promise<void> {
    await this.#task(id, (t) => t.toggleMute());
    // The SDK mutes the WebRTC call without an event: confirm it on the stream, as the contact
    // center confirms every other command.
    const task = this.#lookup(id);
    if (!task) return;
    const muted = !(this.#muted.get(id) ?? task.data.isWebCallMute === true);
    this.#muted.set(id, muted);
    this.#events.next({ ...(task.data as unknown as TaskMessage), type: 'ContactUpdated', isWebCallMute: muted, eventTime: this.#now() });
  }
  pauseRecording(id: string): Promise<void> {
    return this.#task(id, (t) => t.pauseRecording());
  }
  resumeRecording(id: string, payload: ResumeRecordingPayload): Promise<void> {
    return this.#task(id, (t) => t.resumeRecording(payload));
  }
  consult(id: string, payload: ConsultPayload): Promise<void> {
    return this.#task(id, (t) => t.consult(payload));
  }
  endConsult(id: string, payload: ConsultEndPayload): Promise<void> {
    return this.#task(id, (t) => t.endConsult(payload));
  }
  /** The SDK works out the destination itself from the consult leg (3.12.0 ignores the payload). */
  consultTransfer(id: string, payload: TransferPayload): Promise<void> {
    return this.#task(id, (t) => t.consultTransfer(payload));
  }
  consultConference(id: string): Promise<void> {
    return this.#task(id, (t) => t.consultConference());
  }
  exitConference(id: string): Promise<void> {
    return this.#task(id, (t) => t.exitConference());
  }
  transfer(id: string, payload: TransferPayload): Promise<void> {
    return this.#task(id, (t) => t.transfer(payload));
  }
  end(id: string): Promise<void> {
    return this.#task(id, (t) => t.end());
  }
  wrapup(id: string, payload: WrapupPayload): Promise<void> {
    return this.#task(id, (t) => t.wrapup(payload));
  }
  /**
   * The SDK runs the automatic wrap-up in the page (a timer that calls `wrapup` with the default
   * reason): `cancelAutoWrapupTimer` stops it for good.
   */
  cancelAutoWrapup(id: string): Promise<void> {
    return this.#task(id, async (t) => t.cancelAutoWrapupTimer());
  }
  /** Not in the SDK 3.12.0: rejects with NOT_SUPPORTED. */
  setUserData(_id: string, _values: Record<string, string>): Promise<void> {
    return Promise.reject(userDataNotSupported());
  }
  /** Not in the SDK 3.12.0: rejects with NOT_SUPPORTED. */
  deleteUserData(_id: string, _key: string): Promise<void> {
    return Promise.reject(userDataNotSupported());
  }

  // ---- internals ----

  #require(): WebexCc {
    const cc = this.cc;
    if (!cc || !this.#profile) throw toBackendError('not connected to Webex Contact Center', 'CONNECTION');
    return cc;
  }

  #teams(): { teamId: string; teamName: string }[] | undefined {
    return this.#sdkProfile?.teams;
  }

  #defaultIdleCode(): string | undefined {
    const codes = this.#profile?.idleCodes.filter((c) => !c.isSystem) ?? [];
    return (codes.find((c) => c.isDefault) ?? codes[0])?.id;
  }

  /** The outdial caller ids (ANIs), when the profile names a list; none when it cannot be read. */
  async #anis(cc: WebexCc, profile: WebexProfile): Promise<OutdialAni[]> {
    if (!profile.outdialANIId || !profile.isOutboundEnabledForAgent) return [];
    try {
      const entries = await cc.getOutdialAniEntries({ outdialANI: profile.outdialANIId });
      return (entries ?? []).map((e) => ({ id: e.id, name: e.name, number: e.number }));
    } catch {
      // Outdial still works without choosing a caller id (the entry point's default is used).
      return [];
    }
  }

  #lookup(id: string): WebexTask | undefined {
    return this.#tasks.get(id) ?? (this.cc as SdkInternals | undefined)?.taskManager?.getTask?.(id);
  }

  /** Run a Task operation on the SDK's task for `id`. */
  #task(id: string, operation: (task: WebexTask) => Promise<unknown>): Promise<void> {
    const task = this.#lookup(id);
    if (!task) return Promise.reject(unknownTask(id));
    return this.#run(id, () => operation(task));
  }

  /**
   * Call the SDK. A rejection after a failure frame for `key` was forwarded on `events$` is the
   * outcome already reported there (the SDK rejects on that very frame): the call resolves, as
   * the port asks ("the outcome arrives as an event"). Any other rejection is a BackendError.
   */
  async #run(key: string, call: () => Promise<unknown>): Promise<void> {
    const before = this.#seq;
    try {
      await call();
    } catch (cause) {
      if ((this.#failures.get(key) ?? -1) > before) return;
      throw toBackendError(cause);
    }
  }

  #setConnection(state: ConnectionState): void {
    const now = this.#connection.value;
    if (now.status !== state.status || now.reason !== state.reason) this.#connection.next(state);
  }

  #on(cc: WebexCc, event: string, listener: (payload: never) => void): void {
    cc.on(event, listener);
    this.#listening.push([event, listener]);
  }

  #listen(cc: WebexCc): void {
    if (this.#listening.length) return;
    for (const type of FRAMES) this.#on(cc, type, (data: TaskMessage) => this.#frame(data));
    const keep = (task: WebexTask) => {
      if (task?.data?.interactionId) this.#tasks.set(task.data.interactionId, task);
    };
    this.#on(cc, 'task:incoming', keep);
    this.#on(cc, 'task:hydrate', keep);
    this.#on(cc, 'task:merged', (task: WebexTask) => {
      keep(task);
      // A merged contact (EP-DN transfer) is a task the store may not know: send it as it stands.
      if (task?.data) this.#events.next({ ...(task.data as unknown as TaskMessage), type: 'AgentContact' });
    });
    this.#on(cc, 'agent:stateChange', (data: StateFrame) => this.#agentFrame(data));
    this.#on(cc, 'agent:logoutSuccess', () => this.#setConnection({ status: 'disconnected', reason: 'logged out of Webex Contact Center' }));
    this.#on(cc, 'agent:stationLoginSuccess', () => this.#loggedIn());
    this.#on(cc, 'agent:reloginSuccess', () => this.#loggedIn());
    this.#on(cc, 'agent:multiLogin', () => {
      if ((cc as SdkInternals).config?.allowMultiLogin === true) return;
      this.#setConnection({ status: 'disconnected', reason: 'the agent signed in to Webex Contact Center from another place' });
    });
    const watchdog = (cc as SdkInternals).services?.connectionService;
    if (watchdog) {
      const lost = (e: ConnectionLost) => this.#watchdog(e);
      watchdog.on('connectionLost', lost);
      this.#listening.push(['connectionLost', lost as WebexListener]);
    }
  }

  #unlisten(): void {
    const cc = this.cc;
    if (!cc) return;
    const watchdog = (cc as SdkInternals).services?.connectionService;
    for (const [event, listener] of this.#listening) {
      if (event === 'connectionLost') watchdog?.off('connectionLost', listener as (e: ConnectionLost) => void);
      else cc.off(event, listener);
    }
    this.#listening = [];
  }

  /** After a (re)login while connected or reconnecting: connected again (the store re-reads the session). */
  #loggedIn(): void {
    const { status } = this.#connection.value;
    if (!this.#profile || status === 'connecting') return;
    if (status === 'connected') this.#setConnection({ status: 'reconnecting', reason: 'the Webex session was logged in again' });
    this.#setConnection({ status: 'connected' });
  }

  #watchdog(e: ConnectionLost): void {
    if (!this.#profile) return;
    const { status } = this.#connection.value;
    if (e.isRestoreFailed) this.#setConnection({ status: 'disconnected', reason: 'the Webex websocket could not be restored' });
    else if (e.isConnectionLost) this.#setConnection({ status: 'reconnecting', reason: 'the Webex websocket stopped answering' });
    else if (status === 'reconnecting') this.#setConnection({ status: 'connected' });
  }

  /**
   * Whether this frame was already seen in this turn: after a relogin the SDK 3.12.0 listens to
   * its websocket twice and re-emits every frame twice, synchronously.
   */
  #repeated(data: object): boolean {
    const json = JSON.stringify(data);
    if (!this.#turn) {
      this.#turn = [];
      queueMicrotask(() => (this.#turn = undefined));
    }
    if (this.#turn.includes(json)) return true;
    this.#turn.push(json);
    return false;
  }

  #frame(data: TaskMessage): void {
    if (!data || typeof data !== 'object' || typeof data.type !== 'string' || this.#repeated(data)) return;
    const id = data.interactionId;
    // (An outdial's failure, AgentOutboundFailed, is on no task the store has: startOutdial's
    // rejection is what the outdial form shows, so that one is not swallowed.)
    if (isFailure(data.type)) this.#failures.set(id, ++this.#seq);
    if (GONE.has(data.type)) this.#drop(id);
    else if (data.type === 'ContactEnded' && !data.agentsPendingWrapUp?.includes(this.#profile?.agentId ?? '')) this.#drop(id);
    if (typeof data.isWebCallMute === 'boolean') this.#muted.set(id, data.isWebCallMute);
    this.#events.next(RENAMED[data.type] ? { ...data, type: RENAMED[data.type] } : data);
  }

  #drop(id: string): void {
    this.#tasks.delete(id);
    this.#muted.delete(id);
    this.#failures.delete(id);
  }

  #agentFrame(data: StateFrame): void {
    if (!data || typeof data !== 'object' || this.#repeated(data)) return;
    const agentId = data.agentId ?? this.#profile?.agentId ?? '';
    if (data.type === 'AgentStateChangeFailed') {
      this.#failures.set('', ++this.#seq);
      this.#events.next({ type: 'AgentStateChangeFailed', agentId, subStatus: this.#status?.state ?? 'Idle', lastStateChangeTimestamp: this.#now(), ...(data.reason ? { reason: data.reason } : {}) });
      return;
    }
    const subStatus = data.subStatus;
    if (!subStatus || !AGENT_STATES.has(subStatus)) return;
    const event: AgentStateEvent = {
      type: 'AgentStateChange',
      agentId,
      subStatus: subStatus as AgentStateName,
      lastStateChangeTimestamp: data.lastStateChangeTimestamp ?? this.#now(),
      ...(data.auxCodeId && data.auxCodeId !== AVAILABLE_CODE ? { auxCodeId: data.auxCodeId } : {}),
    };
    this.#status = statusOf(subStatus === 'Available' ? AVAILABLE_CODE : data.auxCodeId, data.lastStateChangeTimestamp, this.#now());
    this.#events.next(event);
  }
}
