/**
 * The desk on the Webex adapter (dist/webex.js) over the published SDK, offline: the SDK's REST
 * layer answers 202 and frames are injected where its websocket delivers them. Tasks are the same
 * fixture desk-bench.js uses (hydrated as `AgentContact` frames), and the same events are sent,
 * as websocket frames (JSON text), so the figures compare with `event-dom-*`.
 * - prepare(n): mount the desk, hydrate n tasks through the SDK;
 * - frameToDom(): one frame → every element updated.
 * Times are performance.now() in the page; nothing here asserts on them.
 */
import { WebexContactCenter } from '/dist/webex.js';
import { buildFixture } from './fixture.js';
import { createDesk, nextFrame, nextTask, once, rowState, settled, untilRows } from './desk.js';

const layout = () => document.body.getBoundingClientRect().height;

// Offline: the SDK fetches its service catalog once it has credentials; refuse other origins.
const ownFetch = window.fetch.bind(window);
window.fetch = (input, init) =>
  new URL(String(input instanceof Request ? input.url : input), location.href).origin === location.origin
    ? ownFetch(input, init)
    : Promise.reject(new TypeError('offline bench page'));
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  const foreign = new URL(String(url), location.href).origin !== location.origin;
  return open.call(this, method, foreign ? 'data:,offline' : url, ...rest);
};

let desk;
let cc;
let fixture;

async function sdk(agentId) {
  const webex = window.Webex.init({ credentials: { access_token: 'b2ZmbGluZQ_PF84_1eb65fdf-9643-417f-9974-ad72cae0e10f' }, config: { logger: { level: 'error' } } });
  await new Promise((resolve) => (webex.ready ? resolve() : webex.once('ready', resolve)));
  cc = webex.cc;
  cc.webexRequest.request = async () => ({ statusCode: 202, body: {}, headers: {} });
  cc.webexRequest.uploadLogs = async () => ({});
  cc.metricsManager.setMetricsDisabled(true);
  cc.apiAIAssistant?.setAIFeatureFlags?.({ realtimeTranscripts: { enable: false } });
  const reasons = [{ id: 'wu-1', name: 'Resolved', isSystem: false, isDefault: true }];
  const profile = {
    agentId,
    agentName: 'Bench Agent',
    teams: [{ teamId: 't-1', teamName: 'Bench' }],
    idleCodes: [{ id: 'idle-1', name: 'Break', isSystem: false, isDefault: true }],
    wrapupCodes: reasons,
    wrapUpData: { wrapUpProps: { autoWrapup: false, wrapUpReasonList: reasons } },
    dialPlan: { type: 'adhocBasic', dialPlanEntity: [] },
    webRtcEnabled: false,
    deviceType: 'EXTENSION',
    isAgentLoggedIn: true,
    lastStateAuxCodeId: '0',
  };
  cc.agentConfig = profile;
  cc.taskManager.setAgentId(agentId);
  cc.taskManager.setWrapupData(profile.wrapUpData);
  cc.taskManager.setWebRtcEnabled(false);
  cc.webCallingService.setLoginOption('EXTENSION');
  return profile;
}

/** A routing frame as the websocket delivers it: JSON text. */
const frame = (data) => JSON.stringify({ type: 'RoutingMessage', orgId: 'o', trackingId: 't', data });
const deliver = (text) => cc.services.webSocketManager.emit('message', text);

/** Mount the desk on the Webex adapter and hydrate `count` tasks through the SDK. */
async function prepare(count) {
  fixture = await buildFixture(count);
  const profile = await sdk(fixture.session.profile.agentId);
  // Probes, registered before the adapter and the store listen, so each runs first on its stream:
  // the SDK handing out a parsed frame, and the adapter handing the port event to the store.
  for (const type of new Set(fixture.tasks.flatMap((task) => task.events.map((event) => event.type)))) {
    cc.on(type, () => (probe.sdk = performance.now()));
  }
  const backend = new WebexContactCenter(cc, { profile });
  backend.events$.subscribe(() => (probe.adapter = performance.now()));
  desk = createDesk({ backend });
  const ready = once(desk.provider, 'cc-ready');
  document.body.append(desk.provider);
  await ready;
  for (const task of fixture.session.tasks) deliver(frame({ ...task, type: 'AgentContact' }));
  await settled(desk.elements);
  return { rows: await untilRows(desk, count) };
}

/** When the SDK last handed out a frame's data, and when the adapter last emitted a port event. */
const probe = { sdk: 0, adapter: 0 };

/**
 * One frame (hold / resume of a voice task) → every element updated, split into the SDK's part
 * (frame text → its parsed data handed out), the adapter's (→ the port event) and the rest (store,
 * elements: what a scripted backend's push costs too).
 */
async function frameToDom({ samples, warmup }) {
  const voice = fixture.tasks.map((task, index) => ({ task, index, turn: 0 })).filter((v) => v.task.media === 'telephony');
  const dom = [];
  const sync = [];
  const withLayout = [];
  const sdkPart = [];
  const adapterPart = [];
  for (let k = 0; k < warmup + samples; k++) {
    const target = voice[(k * 37) % voice.length];
    const before = rowState(desk, target.index);
    const text = frame(target.task.events[target.turn]);
    target.turn = 1 - target.turn;
    const t0 = performance.now();
    deliver(text);
    const tSync = performance.now();
    await settled(desk.elements);
    const t1 = performance.now();
    layout();
    const t2 = performance.now();
    if (rowState(desk, target.index) === before) throw new Error(`row ${target.index} still shows "${before}"`);
    if (!(t0 <= probe.sdk && probe.sdk <= probe.adapter && probe.adapter <= tSync)) throw new Error('a probe did not fire in order');
    if (k >= warmup) {
      sdkPart.push(probe.sdk - t0);
      adapterPart.push(probe.adapter - probe.sdk);
      dom.push(t1 - t0);
      sync.push(tSync - t0);
      withLayout.push(t2 - t0);
    }
    await nextFrame();
    await nextTask();
  }
  return { dom, sync, withLayout, sdkPart, adapterPart };
}

window.bench = { prepare, frameToDom };
window.benchReady = true;
