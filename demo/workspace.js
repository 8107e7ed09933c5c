// A third-party workspace page: embeds the gadget from the other loopback origin and drives it
// with the host client (dist/cc-host.js, served from this page's own origin). Everything the
// gadget sends is written with textContent only.
import { createHostClient } from '../dist/cc-host.js';

const $ = (id) => document.getElementById(id);
const frame = $('gadget');
const log = $('log');
const status = $('status');
const select = $('interaction-id');

// The page runs on one loopback name, the gadget on the other: two origins, one server.
const gadgetHost = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
const gadgetOrigin = `${location.protocol}//${gadgetHost}${location.port ? `:${location.port}` : ''}`;
$('gadget-origin').textContent = gadgetOrigin;

/** Appends a line to the log (newest first). `kind`: out | ok | fail | event | info. */
function write(kind, text) {
  const row = document.createElement('div');
  row.className = `entry ${kind}`;
  row.dataset.kind = kind;
  row.textContent = `${new Date().toLocaleTimeString()}  ${text}`;
  log.prepend(row);
  while (log.childElementCount > 300) log.lastElementChild.remove();
}
const brief = (value) => {
  const json = JSON.stringify(value);
  return json === undefined ? 'undefined' : json.length > 300 ? `${json.slice(0, 300)}…` : json;
};
$('clear-log').addEventListener('click', () => log.replaceChildren());

// ── the interaction list: getInteractions, kept current by events ─────────────────────────────

/** interactionId → the latest Interaction seen. */
let interactions = new Map();

function label(i) {
  const who = i.contact?.displayName || i.parties?.[0]?.name || 'unknown';
  return `${i.media} · ${who} · ${i.state}${i.isConsultation ? ' · consult' : ''} (${i.interactionId.slice(0, 8)})`;
}

function renderSelect() {
  const current = select.value;
  const options = [...interactions.values()].map((i) => new Option(label(i), i.interactionId));
  if (options.length === 0) options.push(new Option('(no interactions)', ''));
  // Leave an unchanged list alone (an open dropdown would close).
  const same =
    options.length === select.options.length &&
    options.every((o, n) => o.value === select.options[n].value && o.text === select.options[n].text);
  if (same) return;
  select.replaceChildren(...options);
  if (interactions.has(current)) select.value = current;
}

let refreshTimer;
/** Re-reads the list after a burst of events (the service answers with the live interactions). */
function refreshSoon() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(async () => {
    try {
      const list = await cc.interaction.getInteractions();
      interactions = new Map(list.map((i) => [i.interactionId, i]));
      renderSelect();
    } catch (error) {
      write('fail', `getInteractions failed: ${error.code} ${error.message}`);
    }
  }, 300);
}

function onEvent(message) {
  const { event, data } = message;
  if (event === 'interaction' && data?.interactionId) {
    // A new interaction becomes the choice only when nothing live is chosen (never steal a choice).
    const chosen = interactions.has(select.value);
    interactions.set(data.interactionId, data);
    renderSelect();
    if (!chosen) select.value = data.interactionId;
    const who = data.contact?.displayName || '(no name)';
    write('event', `event interaction ${data.state} ${data.media} ${data.interactionId} “${who}” userData ${brief(data.userData)}`);
    refreshSoon();
  } else if (event === 'interaction' && data?.eventType) {
    write('event', `event interaction ${data.eventType} ${brief(data)}`);
  } else {
    write('event', `event ${event} ${brief(data)}`);
  }
}

// ── the requests ──────────────────────────────────────────────────────────────────────────────

const value = (id) => $(id).value.trim();
const interactionId = () => select.value;
const caseId = () => interactions.get(select.value)?.caseId ?? select.value;
function targetQuery() {
  const type = value('target-type');
  const destination = value('target');
  return type === 'string' ? destination : { type, destination };
}
/** The agent state as the vendor's library sends it: its index in getStateList's answer. */
const agentState = () => [Number(value('agent-state'))];
const media = () => value('media');
const userData = () => ({ [value('ud-key')]: $('ud-value').value });
const toast = () => ({
  title: $('toast-title').value,
  message: $('toast-message').value,
  keyValues: userData(),
  buttons: ['Open case'],
  buttonShowDismiss: true,
  autoCloseTimeout: 30,
});
/** The ids the service answered, for update/close. */
const last = { toast: '', dialog: '' };
const none = () => [];

/** Each button's request, namespace by namespace: its positional parameters, from the inputs. */
const CALLS = {
  'interaction.getInteractions': none,
  'interaction.getByInteractionId': () => [interactionId()],
  'interaction.accept': () => [interactionId()],
  'interaction.reject': () => [interactionId()],
  'interaction.consult': () => [interactionId(), targetQuery()],
  'interaction.completeTransfer': () => [interactionId()],
  'interaction.completeConference': () => [interactionId()],
  'interaction.singleStepTransfer': () => [interactionId(), targetQuery()],
  'interaction.singleStepConference': () => [interactionId(), targetQuery()],
  'interaction.setUserData': () => [interactionId(), userData()],
  'interaction.deleteUserData': () => [interactionId(), value('ud-key')],
  'interaction.markdone': () => [interactionId()],
  'interaction.blockMarkdone': () => [interactionId(), $('warning').value],
  'interaction.unblockMarkdone': () => [interactionId()],
  'interaction.selectCaseByCaseId': () => [caseId()],
  'agent.get': none,
  'agent.getState': none,
  'agent.getStateList': none,
  'agent.setState': agentState,
  'media.getMediaList': none,
  'media.getMediaByName': () => [media()],
  'media.setState': () => [media(), ...agentState()],
  'voice.answer': () => [interactionId()],
  'voice.hold': () => [interactionId()],
  'voice.resume': () => [interactionId()],
  'voice.hangUp': () => [interactionId()],
  'voice.startCallRecording': () => [interactionId()],
  'voice.stopCallRecording': () => [interactionId()],
  'voice.pauseCallRecording': () => [interactionId()],
  'voice.resumeCallRecording': () => [interactionId()],
  'voice.dial': () => [value('phone'), userData()],
  'voice.dialEx': () => [value('phone'), userData(), { source: 'workspace' }],
  'sipEndpoint.muteMicrophone': none,
  'sipEndpoint.unmuteMicrophone': none,
  'sipEndpoint.isMicrophoneMute': none,
  'sipEndpoint.muteSpeaker': none,
  'sipEndpoint.unmuteSpeaker': none,
  'sipEndpoint.isSpeakerMute': none,
  'system.getAllowedServices': none,
  'system.popupToast': () => [toast()],
  'system.updateToast': () => [last.toast, { message: $('toast-message').value }],
  'system.closeToast': () => [last.toast],
  'system.amIVisible': none,
  'system.isFrameLeading': none,
  'system.isFrameFollowing': none,
  'system.isFrameNegotiating': none,
  'system.isFrameLeadingOrNegotiating': none,
  'system.isLastActiveFrame': none,
  'system.triggerActivity': none,
  'system.openDialog': () => [value('dialog-url'), { title: 'Workspace in a desk dialog', width: 640, height: 420 }],
  'system.closeDialog': () => [last.dialog],
  'system.updateViewInApplicationMenuBar': () => [{ name: 'workspace', label: 'Workspace' }],
  'system.closeViewInApplicationMenuBar': () => ['workspace'],
  'configuration.getOption': () => [value('patterns').split(/\s*,\s*/).filter(Boolean)],
  'messenger.broadcastMessage': () => [value('channel'), $('message').value],
  'auth.getJwtToken': none,
  'email.create': () => [{ to: 'customer@example.com', subject: 'Your case' }],
  'outbound.getCampaigns': none,
  'outbound.getPreviewRecord': () => ['Campaign A'],
  'outbound.callPreviewRecord': () => [interactionId(), 'record-1'],
  'outbound.rejectPreviewRecord': () => [interactionId(), 'record-1'],
  'outbound.cancelPreviewRecord': () => [interactionId(), 'record-1'],
  'outbound.startDirectPushPreview': () => ['Campaign A'],
  'outbound.stopDirectPushPreview': () => ['Campaign A'],
  'outbound.rescheduleRecord': () => [interactionId(), 'record-1', new Date(Date.now() + 86_400_000).toISOString(), 'Personal'],
  'outbound.cancelReschedule': () => [interactionId(), 'record-1'],
  'outbound.getChainedRecords': () => [interactionId()],
  'outbound.getRecordFields': () => [interactionId()],
  'outbound.updateRecordFields': () => [interactionId(), { note: 'called back' }],
  'outbound.getListOfCallResults': none,
  'outbound.setCallResult': () => [interactionId(), 'Answered'],
  'outbound.getCallResult': () => [interactionId()],
  'outbound.setDoNotCall': () => [interactionId()],
  'outbound.removeDoNotCall': () => [interactionId()],
};

// A fieldset per namespace, a button per request.
const groups = new Map();
for (const name of Object.keys(CALLS)) {
  const [ns, method] = name.split('.');
  if (!groups.has(ns)) {
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = ns;
    fieldset.append(legend);
    groups.set(ns, fieldset);
    $('methods').append(fieldset);
  }
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.call = name;
  button.textContent = method;
  groups.get(ns).append(button);
}

async function call(name) {
  if (!cc) return write('fail', `${name}: the gadget has not loaded yet`);
  const [ns, method] = name.split('.');
  const params = CALLS[name]();
  write('out', `→ ${name}(${params.map(brief).join(', ')})`);
  try {
    const data = await cc[ns][method](...params);
    write('ok', `← ${name} ok ${brief(data ?? null)}`);
    if (name === 'system.popupToast') last.toast = data;
    if (name === 'system.openDialog') last.dialog = data;
    if (name === 'interaction.getInteractions') {
      interactions = new Map(data.map((i) => [i.interactionId, i]));
      renderSelect();
    }
  } catch (error) {
    write('fail', `← ${name} failed: ${error.code ?? 'ERROR'} ${error.message}`);
  }
}

for (const button of document.querySelectorAll('[data-call]')) {
  button.addEventListener('click', () => call(button.dataset.call));
}

// ── start: frame the gadget, connect, subscribe ───────────────────────────────────────────────

let cc;

async function start() {
  // Created once the gadget document is in the frame: before that the frame holds about:blank on
  // this page's origin, and the handshake would be posted to the wrong origin.
  cc = createHostClient({ target: frame.contentWindow, targetOrigin: gadgetOrigin });
  window.ccHost = cc; // for the console (and the end-to-end check)
  try {
    const allowed = await cc.system.getAllowedServices();
    const count = Array.isArray(allowed) ? allowed.length : Object.keys(allowed ?? {}).length;
    status.textContent = `Connected to the gadget at ${gadgetOrigin} (${count} methods allowed to this page).`;
    status.dataset.state = 'connected';
    document.documentElement.dataset.workspace = 'connected';
  } catch (error) {
    status.textContent =
      `No answer from the gadget at ${gadgetOrigin} (${error.code}). Does the desk show? Its deployment ` +
      `must allow ${location.origin} in dist/gadget.config.json (npm start serves one that does).`;
    status.dataset.state = 'failed';
    write('fail', `connect failed: ${error.code} ${error.message}`);
    return;
  }
  try {
    const id = await cc.subscribe(['interaction', 'agent', 'markdone'], onEvent);
    write('info', `subscribed to interaction, agent, markdone (${id})`);
  } catch (error) {
    write('fail', `subscribe failed: ${error.code} ${error.message}`);
  }
  // Channel readiness, toast and dialog events, and the demo messenger channel.
  for (const ns of ['media', 'system', `messenger.${value('channel')}`]) {
    cc.subscribe(ns, onEvent).then(
      (id) => write('info', `subscribed to ${ns} (${id})`),
      (error) => write('fail', `subscribe ${ns} failed: ${error.code} ${error.message}`),
    );
  }
  try {
    const states = await cc.agent.getStateList();
    $('agent-state').replaceChildren(...states.map((s, index) => new Option(s.name, String(index))));
  } catch (error) {
    write('fail', `agent.getStateList failed: ${error.code} ${error.message}`);
  }
  refreshSoon();
}
frame.addEventListener('load', () => void start(), { once: true });
// A page of this origin, shown in a desk dialog (the demo deployment allows both loopback origins).
$('dialog-url').value = `${location.origin}/demo/dialog.html`;
frame.src = `${gadgetOrigin}/dist/gadget.html`;
