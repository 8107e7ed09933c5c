/**
 * The published Webex Contact Center SDK (the UMD build of @webex/contact-center 3.12.0), run
 * offline in the test page: the real plugin initialised (`Webex.init` → `ready`), its REST layer
 * (`cc.webexRequest.request`) stubbed to record every call and answer 202, log upload stubbed,
 * metrics and real-time transcripts off, and websocket frames injected where the SDK reads them
 * (`cc.services.webSocketManager.emit('message', …)`). Everything else is the SDK's own code:
 * its task manager, its Task objects, its request/notification matching, its errors.
 *
 * The SDK keeps module-level singletons: one SDK per page (each test file is its own page).
 * `register()` needs the network (a websocket subscription), so `agentSession()` does here what
 * it would have stored: the profile on the plugin and the agent id, wrap-up data and WebRTC flag
 * on its task manager.
 * @module
 */
import type { WebexCc, WebexProfile, WebexStatic } from '../../../src/backends/webex/sdk.js';
import type { TaskMessage } from '../../../src/model/domain.js';
import { AGENT, AGENT_NAME, OTHER_AGENT, OTHER_AGENT_NAME, contact, type ContactOptions } from '../../fixtures/contacts.js';

export { AGENT, OTHER_AGENT, OTHER_AGENT_NAME };

/** One REST call the SDK made. */
export interface RestCall {
  service: string;
  resource: string;
  method: string;
  body?: Record<string, unknown>;
}

/** What a stubbed REST call answers: a body (status 202 by default), or a rejection. */
export type Answer = { statusCode?: number; body?: unknown } | { reject: unknown };

/** The SDK's private parts the harness drives (present at run time, not in the typings). */
interface Internals {
  webexRequest: { request(o: RestCall): Promise<unknown>; uploadLogs(): Promise<unknown> };
  metricsManager: { setMetricsDisabled(v: boolean): void };
  apiAIAssistant?: { setAIFeatureFlags?(flags: unknown): void };
  services: { webSocketManager: { emit(event: 'message', frame: string): void } };
  taskManager: { setAgentId(id: string): void; setWrapupData(d: unknown): void; setWebRtcEnabled(v: boolean): void; getAllTasks(): Record<string, unknown> };
  webCallingService: { setLoginOption(o: string): void };
  agentConfig: WebexProfile;
}

export interface Sdk {
  cc: WebexCc;
  /** Every REST call so far. */
  calls: RestCall[];
  /** The next REST call whose resource matches (one made already and not yet taken, or the next one). */
  request(match: RegExp): Promise<RestCall>;
  /** Answer REST calls whose resource matches `match` with `answer` (until replaced). */
  answer(match: RegExp, answer: Answer | ((call: RestCall) => Answer)): void;
  /** Inject a routing frame (`{type:'RoutingMessage', data}`) as the websocket would deliver it. */
  frame(data: object, type?: string): void;
  /** Set up what `register()` + `stationLogin()` leave behind, for `profile` and a login type (and no tasks). */
  agentSession(profile: WebexProfile, loginOption: 'BROWSER' | 'EXTENSION' | 'AGENT_DN'): void;
}

declare global {
  interface Window {
    Webex?: WebexStatic;
  }
}

/** Network requests the SDK tried to make off this page's origin (all refused: the tests run offline). */
export const blockedRequests: string[] = [];

/**
 * Keep the page offline: the SDK fetches its service catalog as soon as it has credentials.
 * Requests to any other origin fail at once (as they would without a network), and are recorded.
 */
function offline(): void {
  const foreign = (url: string | URL): boolean => new URL(String(url), location.href).origin !== location.origin;
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    if (foreign(url)) {
      blockedRequests.push(String(url));
      return open.call(this, method, 'data:,offline', ...(rest as [boolean]));
    }
    return open.call(this, method, url, ...(rest as [boolean]));
  } as typeof XMLHttpRequest.prototype.open;
  const fetch = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : input;
    if (foreign(url)) {
      blockedRequests.push(String(url));
      return Promise.reject(new TypeError('offline test page'));
    }
    return fetch(input, init);
  };
}

/** Load the SDK's UMD build as a classic script (global `Webex`), once per page. */
export async function loadWebexUmd(): Promise<WebexStatic> {
  if (!window.Webex) {
    offline();
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/node_modules/@webex/contact-center/umd/contact-center.min.js';
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('the Webex UMD build did not load'));
      document.head.append(script);
    });
  }
  return window.Webex as WebexStatic;
}

let shared: Promise<Sdk> | undefined;

/** The page's SDK, initialised offline (once). */
export function webexSdk(): Promise<Sdk> {
  return (shared ??= boot());
}

async function boot(): Promise<Sdk> {
  const Webex = await loadWebexUmd();
  const webex = Webex.init({
    credentials: { access_token: 'b2ZmbGluZS10ZXN0_PF84_1eb65fdf-9643-417f-9974-ad72cae0e10f' },
    config: { logger: { level: 'error' }, cc: { allowMultiLogin: false } },
  });
  await new Promise<void>((resolve) => (webex.ready ? resolve() : webex.once('ready', () => resolve())));
  const cc = webex.cc;
  const inner = cc as unknown as Internals;
  const calls: RestCall[] = [];
  const taken = new Set<RestCall>();
  const waiting: Array<{ match: RegExp; resolve: (c: RestCall) => void }> = [];
  const answers: Array<[RegExp, Answer | ((call: RestCall) => Answer)]> = [];

  inner.webexRequest.request = async (call: RestCall) => {
    calls.push(call);
    const waiter = waiting.find((w) => w.match.test(call.resource));
    if (waiter) {
      waiting.splice(waiting.indexOf(waiter), 1);
      taken.add(call);
      waiter.resolve(call);
    }
    const found = [...answers].reverse().find(([match]) => match.test(call.resource));
    const answer = found ? (typeof found[1] === 'function' ? found[1](call) : found[1]) : {};
    if ('reject' in answer) throw answer.reject;
    return { statusCode: answer.statusCode ?? 202, body: answer.body ?? {}, headers: { trackingid: 'track-rest' } };
  };
  inner.webexRequest.uploadLogs = async () => ({ trackingid: 'offline' });
  inner.metricsManager.setMetricsDisabled(true);
  inner.apiAIAssistant?.setAIFeatureFlags?.({ realtimeTranscripts: { enable: false } });

  const sdk: Sdk = {
    cc,
    calls,
    request(match) {
      const made = calls.find((c) => !taken.has(c) && match.test(c.resource));
      if (made) {
        taken.add(made);
        return Promise.resolve(made);
      }
      return new Promise((resolve) => waiting.push({ match, resolve }));
    },
    answer(match, answer) {
      answers.push([match, answer]);
    },
    frame(data, type = 'RoutingMessage') {
      inner.services.webSocketManager.emit('message', JSON.stringify({ type, orgId: 'org', trackingId: 'track-ws', data }));
    },
    agentSession(profile, loginOption) {
      // A fresh session starts with no tasks (the SDK's task list is one per page, shared by the tests).
      const tasks = inner.taskManager.getAllTasks();
      for (const id of Object.keys(tasks)) delete tasks[id];
      inner.agentConfig = profile;
      inner.taskManager.setAgentId(profile.agentId);
      inner.taskManager.setWrapupData(profile.wrapUpData);
      inner.taskManager.setWebRtcEnabled(profile.webRtcEnabled);
      inner.webCallingService.setLoginOption(loginOption);
    },
  };
  return sdk;
}

/** A Profile as `cc.register()` answers it (the fields the adapter and the SDK read). */
export function webexProfile(overrides: Partial<WebexProfile> = {}): WebexProfile {
  const reasons = [
    { id: 'wu-resolved', name: 'Resolved', isSystem: false, isDefault: true },
    { id: 'wu-callback', name: 'Callback needed', isSystem: false, isDefault: false },
  ];
  return {
    agentId: AGENT,
    agentName: AGENT_NAME,
    agentMailId: 'alex@example.com',
    agentProfileID: 'profile-1',
    teams: [
      { teamId: 'team-billing', teamName: 'Billing Tier 1' },
      { teamId: 'team-sales', teamName: 'Sales' },
    ],
    idleCodes: [
      { id: 'idle-lunch', name: 'Lunch', isSystem: false, isDefault: true },
      { id: 'idle-meeting', name: 'Meeting', isSystem: false, isDefault: false },
      { id: 'idle-rona', name: 'RONA', isSystem: true, isDefault: false },
    ],
    wrapupCodes: reasons,
    wrapUpData: { wrapUpProps: { autoWrapup: false, autoWrapupInterval: 0, wrapUpReasonList: reasons } },
    dialPlan: { type: 'adhocBasic', dialPlanEntity: [{ name: 'US', regex: '^\\+?1?[2-9]\\d{9}$', prefix: '', strippedChars: '()- ' }] },
    defaultDn: '',
    forceDefaultDn: false,
    forceDefaultDnForAgent: false,
    regexUS: '',
    regexOther: '',
    multimediaProfileId: 'mm-1',
    skillProfileId: 'sk-1',
    siteId: 'site-1',
    enterpriseId: 'ent-1',
    privacyShieldVisible: false,
    defaultWrapupCode: 'wu-resolved',
    isOutboundEnabledForTenant: true,
    isOutboundEnabledForAgent: true,
    isAdhocDialingEnabled: true,
    isAgentAvailableAfterOutdial: false,
    isCampaignManagementEnabled: false,
    outDialEp: 'ep-outdial',
    outdialANIId: 'ani-list-1',
    addressBookId: 'book-1',
    isEndCallEnabled: true,
    isEndConsultEnabled: true,
    agentDbId: 'db-1',
    allowConsultToQueue: true,
    agentPersonalStatsEnabled: false,
    isTimeoutDesktopInactivityEnabled: false,
    webRtcEnabled: false,
    lostConnectionRecoveryTimeout: 20000,
    loginVoiceOptions: ['BROWSER', 'EXTENSION', 'AGENT_DN'],
    ...overrides,
  } as WebexProfile;
}

let nextId = 0;
/** A fresh interaction id (the SDK's task manager is one per page). */
export const freshId = (): string => `wx-${Date.now().toString(36)}-${++nextId}`;

/** An AgentContact frame as Webex sends it (with the main leg named, as the real frames do). */
export function webexFrame(type: string, options: ContactOptions = {}): TaskMessage {
  const msg = contact(type, options);
  return { ...msg, interaction: { ...msg.interaction, mainInteractionId: msg.interactionId } };
}

/** The frame that creates a task in 3.12.0, then the offer: what an arriving contact sends. */
export function offerFrames(sdk: Sdk, interactionId: string, options: ContactOptions = {}): void {
  sdk.frame(webexFrame('AgentContactReserved', { interactionId, ...options }));
  sdk.frame(webexFrame('AgentOfferContact', { interactionId, ...options }));
}

/** An agent-state frame (the SDK emits `agent:stateChange` for it). */
export function stateFrame(sdk: Sdk, data: { subStatus: 'Available' | 'Idle'; auxCodeId: string; type?: string; agentId?: string; reason?: string }): void {
  sdk.frame(
    {
      eventType: 'AgentDesktopMessage',
      agentId: data.agentId ?? AGENT,
      type: data.type ?? 'AgentStateChangeSuccess',
      subStatus: data.subStatus,
      auxCodeId: data.auxCodeId,
      lastStateChangeTimestamp: Date.now(),
      ...(data.reason ? { reason: data.reason } : {}),
    },
    'AgentStateChange',
  );
}

/** Names of the agents the fixture contacts use. */
export const NAMES = { [OTHER_AGENT]: OTHER_AGENT_NAME };
