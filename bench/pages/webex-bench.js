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
import { createDesk, nextFrame, nextTask, once, rowState, settled, taskRows } from './desk.js';

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
  desk = createDesk({ backend: new WebexContactCenter(cc, { profile }) });
  const ready = once(desk.provider, 'cc-ready');
  document.body.append(desk.provider);
  await ready;
  for (const task of fixture.session.tasks) deliver(frame({ ...task, type: 'AgentContact' }));
  await settled(desk.elements);
  const rows = taskRows(desk).length;
  if (rows !== count) throw new Error(`the list shows ${rows} rows, not ${count}`);
  return { rows };
}

/** One frame (hold / resume of a voice task) → every element updated. */
async function frameToDom({ samples, warmup }) {
  const voice = fixture.tasks.map((task, index) => ({ task, index, turn: 0 })).filter((v) => v.task.media === 'telephony');
  const dom = [];
  const sync = [];
  const withLayout = [];
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
    if (k >= warmup) {
      dom.push(t1 - t0);
      sync.push(tSync - t0);
      withLayout.push(t2 - t0);
    }
    await nextFrame();
    await nextTask();
  }
  return { dom, sync, withLayout };
}

window.bench = { prepare, frameToDom };
window.benchReady = true;
