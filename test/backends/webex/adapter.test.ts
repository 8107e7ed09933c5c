/**
 * The Webex adapter on the published SDK (offline, see sdk-harness.ts), under the real store:
 * every command goes through the SDK's own Task objects and REST layer, every outcome comes back
 * as an injected websocket frame.
 */
import { expect } from '@open-wc/testing';
import { WebexContactCenter } from '../../../src/backends/webex/index.js';
import type { CcError, ConnectionStatus, Task } from '../../../src/model/domain.js';
import { controlsFor } from '../../../src/model/controls.js';
import { createStore } from '../../../src/store/store.js';
import type { CcStore } from '../../../src/store/types.js';
import { CONSULT_LEG } from '../../fixtures/contacts.js';
import { AGENT, OTHER_AGENT, freshId, offerFrames, stateFrame, webexFrame, webexProfile, webexSdk, type Sdk } from './sdk-harness.js';

interface World {
  sdk: Sdk;
  backend: WebexContactCenter;
  store: CcStore;
  errors: CcError[];
  connection: ConnectionStatus[];
  task(id: string): Task | undefined;
}

let open: World[] = [];

/** Let the SDK's promise chains and the store's deliveries run. */
async function flush(): Promise<void> {
  for (let i = 0; i < 6; i++) await new Promise((r) => setTimeout(r, 0));
}

async function world(loginOption: 'BROWSER' | 'EXTENSION' | 'AGENT_DN' = 'EXTENSION', overrides: Parameters<typeof webexProfile>[0] = {}): Promise<World> {
  const sdk = await webexSdk();
  const profile = webexProfile({ deviceType: loginOption, isAgentLoggedIn: true, lastStateAuxCodeId: '0', lastStateChangeTimestamp: 1_750_000_000_000, ...overrides });
  sdk.agentSession(profile, loginOption);
  sdk.answer(/outdial-ani/, { body: { data: [{ id: 'ani-1', name: 'Main line', number: '+14155550000' }] } });
  const backend = new WebexContactCenter(sdk.cc, { profile });
  const store = createStore(backend);
  const w: World = { sdk, backend, store, errors: [], connection: [], task: (id) => store.tasks.find((t) => t.id === id) };
  store.errors$.subscribe((e) => w.errors.push(e));
  store.connection$.subscribe((c) => w.connection.push(c.status));
  await store.start();
  open.push(w);
  return w;
}

/** An offered chat, accepted and assigned: CONNECTED. */
async function connectedTask(w: World, media: 'telephony' | 'chat' = 'telephony'): Promise<string> {
  const id = freshId();
  offerFrames(w.sdk, id, { media });
  w.sdk.frame(webexFrame('AgentContactAssigned', { interactionId: id, media, state: 'connected' }));
  await flush();
  expect(w.task(id)?.state).to.equal('CONNECTED');
  return id;
}

/** Run a store command, answer its REST call with `frame`, and wait for both. */
async function command(w: World, run: () => Promise<void>, path: RegExp, frame: () => void): Promise<void> {
  const done = run();
  await w.sdk.request(path);
  frame();
  await done;
  await flush();
}

before(async function () {
  // Loading and initialising the SDK (1.8 MB of script) is the slow part: once per page.
  this.timeout(120_000);
  await webexSdk();
});

afterEach(async () => {
  await Promise.all(open.map((w) => w.store.stop()));
  open = [];
});

describe('Webex adapter: session', () => {
  it('connects with the register() profile: codes, dial plan, outdial caller ids, the login type', async () => {
    const w = await world('EXTENSION');
    const profile = w.store.agent.profile!;
    expect(profile.agentId).to.equal(AGENT);
    expect(profile.teamName).to.equal('Billing Tier 1');
    expect(profile.idleCodes.map((c) => c.id)).to.deep.equal(['idle-lunch', 'idle-meeting', 'idle-rona']);
    expect(profile.wrapUpCodes.map((c) => c.name)).to.deep.equal(['Resolved', 'Callback needed']);
    expect(profile.dialPlan.enabled).to.equal(true);
    expect(profile.outdial).to.deep.equal({ enabled: true, entryPointId: 'ep-outdial', anis: [{ id: 'ani-1', name: 'Main line', number: '+14155550000' }] });
    expect(profile.userData.editable).to.equal(false);
    expect(profile.capabilities).to.deep.equal({ acceptCalls: false, decline: [], mute: false });
    expect(w.store.agent.status.state).to.equal('Available');
    expect(w.connection).to.deep.equal(['disconnected', 'connecting', 'connected']);
  });

  it('logs the agent in when asked (stationLogin resolves on AgentStationLoginSuccess), and a logout disconnects', async () => {
    const sdk = await webexSdk();
    const profile = webexProfile({ isAgentLoggedIn: false, deviceType: undefined });
    sdk.agentSession(profile, 'BROWSER');
    const backend = new WebexContactCenter(sdk.cc, { profile, login: { loginOption: 'EXTENSION', dialNumber: '1001', teamId: 'team-sales' } });
    const states: string[] = [];
    backend.connection$.subscribe((c) => states.push(c.status));
    const connecting = backend.connect();
    const login = await sdk.request(/\/v1\/agents\/login/);
    expect(login.body).to.include({ dialNumber: '1001', teamId: 'team-sales', deviceType: 'EXTENSION', isExtension: true, deviceId: '1001' });
    sdk.frame(
      { type: 'AgentStationLoginSuccess', agentId: AGENT, teamId: 'team-sales', auxCodeId: 'idle-meeting', subStatus: 'Idle', lastStateChangeTimestamp: 1_750_000_000_000, channelsMap: { telephony: ['t'] } },
      'StationLogin',
    );
    const session = await connecting;
    expect(session.profile.teamName).to.equal('Sales');
    expect(session.profile.capabilities).to.deep.equal({ acceptCalls: false, decline: [], mute: false });
    expect(session.status).to.deep.equal({ state: 'Idle', idleCodeId: 'idle-meeting', since: 1_750_000_000_000 });
    sdk.frame({ type: 'AgentLogoutSuccess', agentId: AGENT }, 'Logout');
    expect(states).to.deep.equal(['disconnected', 'connecting', 'connected', 'disconnected']);
    await backend.disconnect();
  });

  it('a BROWSER (WebRTC) login accepts, declines and mutes calls in the desk', async () => {
    const w = await world('BROWSER');
    expect(w.store.agent.profile!.capabilities).to.deep.equal({ acceptCalls: true, decline: ['telephony'], mute: true });
  });

  it('loads the directory: buddy agents (a websocket answer), queues, entry points, address book', async () => {
    const w = await world();
    w.sdk.answer(/contact-service-queue/, { body: { data: [{ id: 'q-1', name: 'Billing' }], meta: {} } });
    w.sdk.answer(/entry-point/, { body: { data: [{ id: 'ep-1', name: 'Main EP', type: 'INBOUND', isActive: true, orgId: 'o' }], meta: {} } });
    w.sdk.answer(/address-book/, { body: { data: [{ id: 'ab-1', name: 'Front desk', number: '+14155550111' }], meta: {} } });
    const loading = w.store.refreshDirectory();
    const buddy = await w.sdk.request(/buddyList/);
    expect(buddy.body).to.include({ mediaType: 'telephony', state: 'Available', agentProfileId: 'profile-1' });
    w.sdk.frame({ type: 'BuddyAgents', agentId: AGENT, agentList: [{ agentId: OTHER_AGENT, agentName: 'Bea Chen', state: 'Available', teamId: 'team-sales', dn: '', siteId: 's' }] }, 'BuddyAgents');
    await loading;
    expect(w.store.directory).to.deep.equal({
      agents: [{ agentId: OTHER_AGENT, agentName: 'Bea Chen', state: 'Available', teamName: 'Sales' }],
      queues: [{ id: 'q-1', name: 'Billing' }],
      entryPoints: [{ id: 'ep-1', name: 'Main EP' }],
      addressBook: [{ id: 'ab-1', name: 'Front desk', number: '+14155550111' }],
    });
  });
});

describe('Webex adapter: a call from offer to wrap-up', () => {
  it('offer (AgentContactReserved + AgentOfferContact) → assigned → hold → resume → consult → transfer → wrap-up', async () => {
    const w = await world('EXTENSION');
    const id = freshId();
    offerFrames(w.sdk, id);
    await flush();
    const offered = w.task(id)!;
    expect(offered.state).to.equal('OFFERED');
    // An Extension login answers on the phone: the desk shows no accept or decline.
    const offerControls = controlsFor(offered, w.store.agent);
    expect(offerControls.accept.visible).to.equal(false);
    expect(offerControls.decline.visible).to.equal(false);
    expect(offerControls.toggleMute.visible).to.equal(false);

    w.sdk.frame(webexFrame('AgentContactAssigned', { interactionId: id, state: 'connected' }));
    await flush();
    expect(w.task(id)!.state).to.equal('CONNECTED');
    expect(controlsFor(w.task(id), w.store.agent).toggleMute.visible).to.equal(false);

    await command(w, () => w.store.hold(id), new RegExp(`/v1/tasks/${id}/hold`), () =>
      w.sdk.frame(webexFrame('AgentContactHeld', { interactionId: id, state: 'hold' })),
    );
    expect(w.task(id)!.state).to.equal('HELD');
    expect(w.sdk.calls.find((c) => c.resource.endsWith(`${id}/hold`))!.body).to.deep.equal({ mediaResourceId: id });

    await command(w, () => w.store.resume(id), new RegExp(`/v1/tasks/${id}/unhold`), () =>
      w.sdk.frame(webexFrame('AgentContactUnheld', { interactionId: id, state: 'connected' })),
    );
    expect(w.task(id)!.state).to.equal('CONNECTED');

    const consulting = w.store.consult(id, { type: 'agent', id: OTHER_AGENT, name: 'Bea Chen' });
    const consult = await w.sdk.request(new RegExp(`/v1/tasks/${id}/consult$`));
    expect(consult.body).to.deep.equal({ to: OTHER_AGENT, destinationType: 'agent', holdParticipants: true });
    w.sdk.frame(webexFrame('AgentConsultCreated', { interactionId: id, state: 'consulting', consultTo: { joined: false } }));
    await consulting;
    w.sdk.frame(webexFrame('AgentConsulting', { interactionId: id, state: 'consulting' }));
    await flush();
    expect(w.task(id)!.state).to.equal('CONSULTING');
    expect(w.task(id)!.consult?.status).to.equal('CONSULT_ACCEPTED');

    const transferring = w.store.consultTransfer(id);
    const transfer = await w.sdk.request(new RegExp(`/v1/tasks/${id}/consult/transfer`));
    // The SDK works the destination out from the consult leg itself.
    expect(transfer.body).to.deep.equal({ to: OTHER_AGENT, destinationType: 'agent' });
    w.sdk.frame(webexFrame('AgentConsultTransferred', { interactionId: id, state: 'wrapUp', wrapUp: true, agentsPendingWrapUp: [AGENT] }));
    await transferring;
    await flush();
    expect(w.task(id)!.state).to.equal('WRAPPING_UP');

    const wrapping = w.store.wrapup(id, { auxCodeId: 'wu-resolved' });
    const wrap = await w.sdk.request(new RegExp(`/v1/tasks/${id}/wrapup`));
    expect(wrap.body).to.deep.equal({ auxCodeId: 'wu-resolved', wrapUpReason: 'Resolved' });
    w.sdk.frame(webexFrame('AgentWrappedUp', { interactionId: id, state: 'wrapUp' }));
    await wrapping;
    await flush();
    expect(w.task(id)).to.equal(undefined);
    expect(w.errors).to.deep.equal([]);
  });

  it('consult → conference → exit the conference', async () => {
    const w = await world();
    const id = await connectedTask(w);
    const consulting = w.store.consult(id, { type: 'agent', id: OTHER_AGENT });
    await w.sdk.request(new RegExp(`${id}/consult$`));
    w.sdk.frame(webexFrame('AgentConsultCreated', { interactionId: id, state: 'consulting', consultTo: { joined: false } }));
    w.sdk.frame(webexFrame('AgentConsulting', { interactionId: id, state: 'consulting' }));
    await consulting;
    await flush();
    await command(w, () => w.store.consultConference(id), new RegExp(`${id}/consult/conference`), () =>
      w.sdk.frame(webexFrame('AgentConsultConferenced', { interactionId: id, state: 'conference' })),
    );
    expect(w.task(id)!.state).to.equal('CONFERENCING');
    const conf = w.sdk.calls.find((c) => c.resource.endsWith(`${id}/consult/conference`))!;
    expect(conf.body).to.include({ agentId: AGENT, to: OTHER_AGENT });
    await command(w, () => w.store.exitConference(id), new RegExp(`${id}/conference/exit`), () =>
      w.sdk.frame(webexFrame('ParticipantLeftConference', { interactionId: id, state: 'wrapUp', left: [AGENT], wrapUp: true, agentsPendingWrapUp: [AGENT] })),
    );
    expect(['WRAPPING_UP', 'COMPLETED', undefined]).to.include(w.task(id)?.state);
  });

  it('a digital offer is accepted through the SDK (POST accept, confirmed by AgentContactAssigned)', async () => {
    const w = await world('EXTENSION');
    const id = freshId();
    offerFrames(w.sdk, id, { media: 'chat' });
    await flush();
    expect(controlsFor(w.task(id), w.store.agent).accept.visible).to.equal(true);
    // Webex cannot decline a chat: it is accepted or times out.
    expect(controlsFor(w.task(id), w.store.agent).decline.visible).to.equal(false);
    await command(w, () => w.store.accept(id), new RegExp(`${id}/accept`), () =>
      w.sdk.frame(webexFrame('AgentContactAssigned', { interactionId: id, media: 'chat', state: 'connected' })),
    );
    expect(w.task(id)!.state).to.equal('CONNECTED');
  });

  it('RONA: the offer times out and leaves the desk', async () => {
    const w = await world();
    const id = freshId();
    offerFrames(w.sdk, id, { media: 'chat' });
    await flush();
    const changes: Task[] = [];
    w.store.taskChanges$.subscribe((t) => changes.push(t));
    w.sdk.frame(webexFrame('AgentOfferContactRona', { interactionId: id, media: 'chat', reason: 'RONA' }));
    stateFrame(w.sdk, { subStatus: 'Idle', auxCodeId: 'idle-rona', type: 'AgentStateChange' });
    await flush();
    expect(w.task(id)).to.equal(undefined);
    expect(changes.at(-1)!.endReason).to.equal('RONA');
    expect(w.store.agent.status).to.include({ state: 'Idle', idleCodeId: 'idle-rona' });
  });

  it('automatic wrap-up: the SDK wraps up by itself after the interval; cancelAutoWrapup stops its timer for good', async () => {
    const reasons = [{ id: 'wu-resolved', name: 'Resolved', isSystem: false, isDefault: true }];
    const w = await world('EXTENSION', {
      wrapupCodes: reasons,
      wrapUpData: { wrapUpProps: { autoWrapup: true, autoWrapupInterval: 200, allowCancelAutoWrapup: true, wrapUpReasonList: reasons } },
    } as Parameters<typeof webexProfile>[0]);
    expect(w.store.agent.profile?.autoWrapup).to.deep.equal({ enabled: true, timeoutSeconds: 0, allowCancel: true });
    const wrapUp = (id: string) =>
      w.sdk.frame(webexFrame('AgentWrapup', { interactionId: id, state: 'wrapUp', wrapUp: true, agentsPendingWrapUp: [AGENT] }));
    const posted = (id: string) => w.sdk.calls.filter((c) => c.resource.endsWith(`/v1/tasks/${id}/wrapup`)).length;

    // Left alone, the SDK posts the wrap-up with the default reason once the interval is over.
    const left = await connectedTask(w);
    wrapUp(left);
    await flush();
    expect(w.task(left)?.state).to.equal('WRAPPING_UP');
    const auto = await w.sdk.request(new RegExp(`/v1/tasks/${left}/wrapup`));
    expect(auto.body).to.deep.equal({ auxCodeId: 'wu-resolved', wrapUpReason: 'Resolved' });

    // Cancelled: nothing is posted, long after the interval.
    const kept = await connectedTask(w);
    wrapUp(kept);
    await flush();
    expect(w.task(kept)?.state).to.equal('WRAPPING_UP');
    await w.store.capabilities.cancelAutoWrapup!(kept);
    await new Promise((r) => setTimeout(r, 500));
    expect(posted(kept)).to.equal(0);
    expect(w.task(kept)?.state).to.equal('WRAPPING_UP');
    await w.store.capabilities.cancelAutoWrapup!('no-such-task').then(
      () => expect.fail('a task the SDK does not have cannot be cancelled'),
      (e: { code?: string }) => expect(e.code).to.equal('NOT_FOUND'),
    );
  });

  it('blind transfer to a queue goes through the SDK (vteam transfer)', async () => {
    const w = await world();
    const id = await connectedTask(w);
    const transferring = w.store.transfer(id, { type: 'queue', id: 'q-1', name: 'Billing' });
    const call = await w.sdk.request(new RegExp(`${id}/transfer`));
    expect(call.body).to.deep.equal({ to: 'q-1', destinationType: 'queue' });
    w.sdk.frame(webexFrame('AgentVteamTransferred', { interactionId: id, state: 'wrapUp', wrapUp: true, agentsPendingWrapUp: [AGENT] }));
    await transferring;
    await flush();
    expect(w.task(id)!.state).to.equal('WRAPPING_UP');
  });
});

describe('Webex adapter: failures', () => {
  const failing = [
    { name: 'hold', path: 'hold', run: (s: CcStore, id: string) => s.hold(id), twin: 'AgentContactHoldFailed' },
    { name: 'end', path: 'end', run: (s: CcStore, id: string) => s.end(id), twin: 'AgentContactEndFailed' },
    { name: 'pauseRecording', path: 'record/pause', run: (s: CcStore, id: string) => s.pauseRecording(id), twin: 'ContactRecordingPauseFailed' },
    // 3.12.0 sends AgentBlindTransferFailed (the seeds' AgentBlindTransferFailedEvent): the adapter renames it.
    { name: 'transfer', path: 'transfer', run: (s: CcStore, id: string) => s.transfer(id, { type: 'agent', id: OTHER_AGENT }), twin: 'AgentBlindTransferFailed' },
    { name: 'consult', path: 'consult$', run: (s: CcStore, id: string) => s.consult(id, { type: 'agent', id: OTHER_AGENT }), twin: 'AgentConsultFailed' },
  ];
  for (const f of failing) {
    it(`${f.name}: a ${f.twin} frame sets the task's error once, with the contact center's reason`, async () => {
      const w = await world();
      const id = await connectedTask(w);
      const done = f.run(w.store, id);
      await w.sdk.request(new RegExp(`${id}/${f.path}`));
      w.sdk.frame(webexFrame(f.twin, { interactionId: id, state: 'connected', reason: `${f.name} refused by the switch` }));
      await done;
      await flush();
      const task = w.task(id)!;
      expect(task.state).to.equal('CONNECTED');
      expect(task.pending).to.equal(undefined);
      expect(task.error?.message).to.contain(`${f.name} refused by the switch`);
      expect(w.errors.map((e) => e.command)).to.deep.equal([f.name]);
    });
  }

  it('a REST refusal rejects with a BACKEND_ERROR carrying the SDK message, error type and tracking id', async () => {
    const w = await world();
    const id = await connectedTask(w);
    w.sdk.answer(new RegExp(`${id}/hold`), {
      reject: { statusCode: 400, headers: { trackingid: 'track-400' }, body: { errorType: 'BAD_REQUEST', errorMessage: 'media resource is not held', reasonCode: 1120 } },
    });
    const error = await w.store.hold(id).then(
      () => undefined,
      (e: CcError) => e,
    );
    expect(error?.code).to.equal('BACKEND_ERROR');
    expect(error?.message).to.contain('media resource is not held').and.contain('BAD_REQUEST').and.contain('track-400');
    expect(w.task(id)!.error?.code).to.equal('BACKEND_ERROR');
  });

  it('setUserData and deleteUserData: NOT_SUPPORTED on this backend', async () => {
    const w = await world();
    const id = await connectedTask(w);
    const set = await w.store.setUserData(id, { caseId: 'CS-1' }).catch((e: CcError) => e);
    const del = await w.store.deleteUserData(id, 'caseId').catch((e: CcError) => e);
    expect((set as CcError).code).to.equal('NOT_SUPPORTED');
    expect((del as CcError).code).to.equal('NOT_SUPPORTED');
    expect((set as CcError).message).to.contain('no API to write call-associated data');
  });

  it('a command on a task the SDK does not have: NOT_FOUND', async () => {
    const w = await world();
    const error = await w.backend.hold('no-such-task').catch((e: { code: string }) => e);
    expect((error as { code: string }).code).to.equal('NOT_FOUND');
  });

  it('agent state: a change confirmed by its frame; a refusal by AgentStateChangeFailed', async () => {
    const w = await world();
    const going = w.store.setAgentState('Idle', 'idle-lunch');
    const call = await w.sdk.request(/agents\/session\/state/);
    expect(call.body).to.include({ state: 'Idle', auxCodeId: 'idle-lunch', agentId: AGENT });
    stateFrame(w.sdk, { subStatus: 'Idle', auxCodeId: 'idle-lunch' });
    await going;
    await flush();
    expect(w.store.agent.status).to.include({ state: 'Idle', idleCodeId: 'idle-lunch' });

    const back = w.store.setAgentState('Available');
    const avail = await w.sdk.request(/agents\/session\/state/);
    expect(avail.body).to.include({ state: 'Available', auxCodeId: '0' });
    stateFrame(w.sdk, { subStatus: 'Idle', auxCodeId: 'idle-lunch', type: 'AgentStateChangeFailed', reason: 'AGENT_BUSY' });
    await back;
    await flush();
    expect(w.store.agent.status.state).to.equal('Idle');
    expect(w.store.agent.error?.message).to.contain('AGENT_BUSY');
    expect(w.errors.map((e) => e.command)).to.deep.equal(['setAgentState']);
  });

  it('outdial: startOutdial with the chosen caller id; AgentOutboundFailed reports the failure', async () => {
    const w = await world();
    const dialing = w.store.outdial('+14155550100', 'ani-1');
    const call = await w.sdk.request(/^\/v1\/tasks\/?$/);
    expect(call.body).to.include({ destination: '+14155550100', origin: '+14155550000', entryPointId: 'ep-outdial', outboundType: 'OUTDIAL' });
    const id = freshId();
    w.sdk.frame(webexFrame('AgentOutboundFailed', { interactionId: id, reason: 'CUSTOMER_BUSY' }));
    // The call rejects (the outdial form shows it); the store also reports the failure event.
    const error = await dialing.then(() => undefined, (e: CcError) => e);
    await flush();
    expect(error?.message).to.contain('CUSTOMER_BUSY');
    expect(w.errors.every((e) => e.command === 'outdial' && e.message.includes('CUSTOMER_BUSY'))).to.equal(true);
  });

  it('outdial with user data (WWE voice.dial): refused with NOT_SUPPORTED before anything is dialled', async () => {
    const w = await world();
    const dials = () => w.sdk.calls.filter((c) => /^\/v1\/tasks\/?$/.test(c.resource)).length;
    const before = dials();
    const error = await w.store.outdial('+14155550100', undefined, { ticket: 'INC-1' }).then(() => undefined, (e: CcError) => e);
    expect(error?.code).to.equal('NOT_SUPPORTED');
    expect(dials()).to.equal(before);
  });

  it('outdial: the offer of the outbound call confirms it and the call arrives', async () => {
    const w = await world();
    const dialing = w.store.outdial('+14155550100');
    await w.sdk.request(/^\/v1\/tasks\/?$/);
    const id = freshId();
    w.sdk.frame(webexFrame('AgentContactReserved', { interactionId: id }));
    w.sdk.frame(webexFrame('AgentOfferContact', { interactionId: id }));
    await dialing;
    w.sdk.frame(webexFrame('AgentContactAssigned', { interactionId: id, state: 'connected' }));
    await flush();
    expect(w.task(id)!.state).to.equal('CONNECTED');
  });
});

describe('Webex adapter: reload, reconnection, multi-login', () => {
  it('reload mid-call: an AgentContact frame (task:hydrate) brings a held call back, and it resumes', async () => {
    const w = await world();
    const id = freshId();
    w.sdk.frame(webexFrame('AgentContact', { interactionId: id, state: 'hold' }));
    await flush();
    expect(w.task(id)!.state).to.equal('HELD');
    await command(w, () => w.store.resume(id), new RegExp(`${id}/unhold`), () =>
      w.sdk.frame(webexFrame('AgentContactUnheld', { interactionId: id, state: 'connected' })),
    );
    expect(w.task(id)!.state).to.equal('CONNECTED');
  });

  it('a merged contact (ContactMerged, task:merged) arrives on the desk as it stands', async () => {
    const w = await world();
    const id = freshId();
    w.sdk.frame(webexFrame('ContactMerged', { interactionId: id, state: 'connected' }));
    await flush();
    expect(w.task(id)!.state).to.equal('CONNECTED');
    await command(w, () => w.store.hold(id), new RegExp(`${id}/hold`), () => w.sdk.frame(webexFrame('AgentContactHeld', { interactionId: id, state: 'hold' })));
    expect(w.task(id)!.state).to.equal('HELD');
  });

  it('after a relogin the SDK emits every frame twice; the desk sees each once', async () => {
    const w = await world();
    const cc = w.sdk.cc as unknown as { services: { webSocketManager: { on(e: string, l: unknown): void; off(e: string, l: unknown): void } }; handleWebsocketMessage: unknown };
    // Exactly what the SDK's silentRelogin() does.
    cc.services.webSocketManager.on('message', cc.handleWebsocketMessage);
    try {
      const id = freshId();
      const seen: string[] = [];
      w.backend.events$.subscribe((e) => seen.push(e.type));
      offerFrames(w.sdk, id, { media: 'chat' });
      await flush();
      expect(seen).to.deep.equal(['AgentOfferContact']);
    } finally {
      cc.services.webSocketManager.off('message', cc.handleWebsocketMessage);
    }
  });

  it('multi-login: another session changes the state (the desk follows); the login taken over disconnects', async () => {
    const w = await world();
    stateFrame(w.sdk, { subStatus: 'Idle', auxCodeId: 'idle-meeting', type: 'AgentStateChange' });
    await flush();
    expect(w.store.agent.status).to.include({ state: 'Idle', idleCodeId: 'idle-meeting' });
    w.sdk.frame({ type: 'AgentMultiLoginCloseSession', agentId: AGENT }, 'AGENT_MULTI_LOGIN');
    await flush();
    expect(w.store.connection.status).to.equal('disconnected');
    expect(w.store.connection.reason).to.contain('another place');
  });

  it('a relogin (AgentReloginSuccess) re-reads the session through a reconnection', async () => {
    const w = await world();
    const id = await connectedTask(w);
    w.sdk.frame({ type: 'AgentReloginSuccess', agentId: AGENT, channelsMap: {}, deviceType: 'EXTENSION' }, 'AgentReloginSuccess');
    await flush();
    expect(w.connection.slice(-2)).to.deep.equal(['reconnecting', 'connected']);
    expect(w.task(id)!.state).to.equal('CONNECTED');
  });

  it('the SDK websocket watchdog: frames stop → reconnecting; they resume → connected and the session re-read; restore failed → disconnected', async () => {
    const w = await world();
    const id = await connectedTask(w);
    const watchdog = (w.sdk.cc as unknown as { services: { connectionService: { emit(e: string, d: object): void } } }).services.connectionService;
    watchdog.emit('connectionLost', { isConnectionLost: true, isRestoreFailed: false, isSocketReconnected: false, isKeepAlive: false });
    await flush();
    expect(w.store.connection.status).to.equal('reconnecting');
    watchdog.emit('connectionLost', { isConnectionLost: false, isRestoreFailed: false, isSocketReconnected: true, isKeepAlive: true });
    await flush();
    expect(w.store.connection.status).to.equal('connected');
    expect(w.task(id)!.state).to.equal('CONNECTED');
    watchdog.emit('connectionLost', { isConnectionLost: true, isRestoreFailed: true, isSocketReconnected: false, isKeepAlive: false });
    await flush();
    expect(w.store.connection).to.deep.equal({ status: 'disconnected', reason: 'the Webex websocket could not be restored' });
  });

  it('Browser login: mute toggles the WebRTC call and the adapter confirms it (the SDK sends no event)', async () => {
    const w = await world('BROWSER');
    const id = freshId();
    w.sdk.frame(webexFrame('AgentContact', { interactionId: id, state: 'connected' }));
    await flush();
    expect(controlsFor(w.task(id), w.store.agent).toggleMute.visible).to.equal(true);
    await w.store.toggleMute(id);
    await flush();
    expect(w.task(id)!.muted).to.equal(true);
    expect(w.task(id)!.pending).to.equal(undefined);
    await w.store.toggleMute(id);
    await flush();
    expect(w.task(id)!.muted).to.equal(false);
    // Muting is local to the page: no REST call.
    expect(w.sdk.calls.some((c) => c.resource.includes(id))).to.equal(false);
  });

  it('consult leg switching holds and resumes the consult leg by its media resource id', async () => {
    const w = await world();
    const id = await connectedTask(w);
    const consulting = w.store.consult(id, { type: 'agent', id: OTHER_AGENT });
    await w.sdk.request(new RegExp(`${id}/consult$`));
    w.sdk.frame(webexFrame('AgentConsultCreated', { interactionId: id, state: 'consulting', consultTo: { joined: false } }));
    w.sdk.frame(webexFrame('AgentConsulting', { interactionId: id, state: 'consulting' }));
    await consulting;
    await flush();
    const switching = w.store.switchLeg(id);
    const call = await w.sdk.request(new RegExp(`${id}/(hold|unhold)`));
    expect(call.body).to.deep.equal({ mediaResourceId: CONSULT_LEG });
    w.sdk.frame(webexFrame(call.resource.endsWith('unhold') ? 'AgentContactUnheld' : 'AgentContactHeld', { interactionId: id, state: 'consulting', consultHeld: !call.resource.endsWith('unhold') }));
    await switching;
  });
});
