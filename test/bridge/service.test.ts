/**
 * The bridge service: wire format, origin security, subscriptions and events. Driven by real
 * MessageEvents on the service's window (a MessagePort is the source; its postMessage records).
 */
import { expect } from '@open-wc/testing';
import { startBridgeService, type BridgeService } from '../../src/bridge/service.js';
import { FakeStore, PortClient, settle, task } from '../fixtures/fake-store.js';

const CRM = 'https://crm.example';
const LIMITED = 'https://limited.example:8443';
const VOICE_ONLY = 'https://voice.example';
const ORIGINS = `${CRM} ${LIMITED} (interaction.get*, agent.*) ${VOICE_ONLY} (voice.*)`;

describe('bridge service: wire format', () => {
  let store: FakeStore;
  let service: BridgeService;
  let crm: PortClient;
  beforeEach(() => {
    store = new FakeStore([task('i-1'), task('i-2', { state: 'OFFERED' })]);
    service = startBridgeService(store, { origins: ORIGINS });
    crm = new PortClient(CRM);
  });
  afterEach(() => service.stop());

  it('answers a request with referenceId, data, a WWE userAgent and protocolVersion 2, to the source with targetOrigin = origin', async () => {
    const r = await crm.call('interaction.getByInteractionId', ['i-1']);
    expect(r).to.include({ referenceId: crm.responses()[0]!.referenceId, protocolVersion: 2 });
    expect(r!.userAgent).to.be.a('string').and.include('WWE');
    expect((r!.data as { interactionId: string }).interactionId).to.equal('i-1');
    expect(r).not.to.have.property('errorMessage');
    expect(r).not.to.have.property('errorCode');
    expect(crm.posted).to.have.length(1);
    expect(crm.posted[0]!.options).to.deep.equal({ targetOrigin: CRM });
  });

  it('answers null data for a method with no result, and null for an unknown interaction', async () => {
    expect((await crm.call('interaction.accept', ['i-2']))!.data).to.equal(null);
    const r = await crm.call('interaction.getByInteractionId', ['nope']);
    expect(r!.data).to.equal(null);
    expect(r).not.to.have.property('errorMessage');
  });

  it('answers a failure with errorMessage and errorCode, to the same origin', async () => {
    const r = await crm.call('interaction.accept', ['nope']);
    expect(r).to.include({ errorCode: 'NOT_FOUND', protocolVersion: 2 });
    expect(r!.errorMessage).to.be.a('string').and.match(/nope/);
    expect(crm.posted[0]!.options).to.deep.equal({ targetOrigin: CRM });
    expect(store.calls).to.deep.equal([]);
  });

  it('answers invalid messages that carry a referenceId, with a clear errorMessage', async () => {
    crm.send({ request: 'interaction.explode', referenceId: 'x1' });
    crm.send({ request: 'interaction.accept', parameters: 'i-1', referenceId: 'x2' });
    crm.send({ request: 'interaction.accept', parameters: [{ constructor: 1 }], referenceId: 'x3' });
    crm.send({ request: 'interaction.accept', parameters: ['i-2', 'extra'], referenceId: 'x4' });
    crm.send({ request: 'interaction.accept', parameters: [42], referenceId: 'x5' });
    await settle();
    const byRef = Object.fromEntries(crm.responses().map((m) => [m.referenceId, m]));
    expect(byRef.x1).to.include({ errorCode: 'UNKNOWN_REQUEST' });
    expect(byRef.x2).to.include({ errorCode: 'INVALID_PARAMETERS' });
    expect(byRef.x3).to.include({ errorCode: 'INVALID_PARAMETERS' });
    expect(byRef.x4).to.include({ errorCode: 'INVALID_PARAMETERS' });
    expect(byRef.x5).to.include({ errorCode: 'INVALID_PARAMETERS' });
    for (const m of crm.responses()) expect(m.errorMessage).to.be.a('string').and.not.equal('');
    expect(store.calls).to.deep.equal([]);
  });

  it('drops messages that are not ours without an answer', async () => {
    crm.send({ type: 'webpackHotUpdate' });
    crm.send('hello');
    crm.send({ referenceId: 'echo', data: 1, userAgent: 'WWE', protocolVersion: 2 });
    crm.send({ request: 'interaction.accept', parameters: ['i-2'] }); // ours, but nothing to answer to
    await settle();
    expect(crm.posted).to.deep.equal([]);
    expect(store.calls).to.deep.equal([]);
  });

  it('never throws out of the message handler, even when the store throws synchronously', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent): void => void errors.push(e.error);
    window.addEventListener('error', onError);
    store.react = () => {
      throw new Error('store exploded');
    };
    const r = await crm.call('interaction.accept', ['i-2']);
    window.removeEventListener('error', onError);
    expect(r).to.include({ errorCode: 'BACKEND_ERROR', errorMessage: 'store exploded' });
    expect(errors).to.deep.equal([]);
  });

  it('answers nothing after stop()', async () => {
    service.stop();
    expect(await crm.call('interaction.getInteractions')).to.equal(undefined);
  });
});

describe('bridge service: origins', () => {
  let store: FakeStore;
  let service: BridgeService;
  beforeEach(() => {
    store = new FakeStore([task('i-1'), task('i-2', { state: 'OFFERED' })]);
    service = startBridgeService(store, { origins: ORIGINS });
  });
  afterEach(() => service.stop());

  for (const origin of ['https://evil.example', 'http://crm.example', 'https://crm.example:444', 'https://sub.crm.example', 'null', '']) {
    it(`ignores ${JSON.stringify(origin)} completely: no answer, no state change, no subscription`, async () => {
      const evil = new PortClient(origin);
      expect(await evil.call('interaction.accept', ['i-2'])).to.equal(undefined);
      expect(await evil.call('interaction.explode')).to.equal(undefined);
      expect(await evil.subscribe(['interaction', 'agent'])).to.equal(undefined);
      store.patch('i-1', { state: 'HELD' });
      await settle();
      expect(evil.posted).to.deep.equal([]);
      expect(store.calls).to.deep.equal([]);
    });
  }

  it('ignores a message without a source (nowhere to answer, so nothing is done)', async () => {
    window.dispatchEvent(new MessageEvent('message', { data: { request: 'interaction.accept', parameters: ['i-2'], referenceId: 'r' }, origin: CRM }));
    await settle();
    expect(store.calls).to.deep.equal([]);
  });

  it('answers each client only through its own source', async () => {
    const a = new PortClient(CRM);
    const b = new PortClient(LIMITED);
    await a.call('interaction.getInteractions');
    await b.call('interaction.getInteractions');
    expect(a.posted).to.have.length(1);
    expect(b.posted).to.have.length(1);
    expect(b.posted[0]!.options).to.deep.equal({ targetOrigin: LIMITED });
  });

  it('applies per-origin method filters (FORBIDDEN, nothing done)', async () => {
    const limited = new PortClient(LIMITED);
    expect((await limited.call('interaction.getInteractions'))!.data).to.have.length(2);
    expect(await limited.call('agent.getState')).not.to.have.property('errorMessage');
    const r = await limited.call('interaction.accept', ['i-2']);
    expect(r).to.include({ errorCode: 'FORBIDDEN' });
    expect(r!.errorMessage).to.include('interaction.accept');
    expect(await limited.call('voice.dial', ['+15550123'])).to.include({ errorCode: 'FORBIDDEN' });
    expect(store.calls).to.deep.equal([]);
  });

  it('reports what an origin may call (system.getAllowedServices is always allowed)', async () => {
    const limited = new PortClient(LIMITED);
    expect((await limited.call('system.getAllowedServices'))!.data).to.deep.equal([
      'interaction.getInteractions',
      'interaction.getByInteractionId',
      'agent.get',
      'agent.getState',
      'agent.getStateList',
      'agent.setState',
      'system.getAllowedServices',
    ]);
    const all = (await new PortClient(CRM).call('system.getAllowedServices'))!.data as string[];
    expect(all).to.include.members(['interaction.markdone', 'voice.dial', 'agent.setState', 'system.getAllowedServices']);
  });

  it('lets an origin subscribe only to events it may read', async () => {
    const voice = new PortClient(VOICE_ONLY);
    expect(await voice.subscribe('interaction')).to.include({ errorCode: 'FORBIDDEN' });
    expect(await voice.subscribe(['agent'])).to.include({ errorCode: 'FORBIDDEN' });
    expect(await voice.subscribe(['markdone'])).to.include({ errorCode: 'FORBIDDEN' });
    const limited = new PortClient(LIMITED);
    expect(await limited.subscribe(['interaction', 'agent', 'markdone'])).to.have.property('subscriptionId');
  });

  it('refuses to start on a malformed allow-list', () => {
    expect(() => startBridgeService(store, { origins: 'crm.example' })).to.throw(/not an origin/);
    expect(() => startBridgeService(store, { origins: ['https://a.example/path'] })).to.throw(/origin only/);
  });
});

describe('bridge service: subscriptions and events', () => {
  let store: FakeStore;
  let service: BridgeService;
  let crm: PortClient;
  beforeEach(() => {
    store = new FakeStore([task('i-1', {}, { callAssociatedDetails: { account: '42' } }), task('i-2', { state: 'OFFERED' })]);
    service = startBridgeService(store, { origins: ORIGINS });
    crm = new PortClient(CRM);
  });
  afterEach(() => service.stop());

  it('answers subscribe with subscriptionId at the top level, then sends the current interactions', async () => {
    const r = await crm.subscribe('interaction');
    expect(r!.subscriptionId).to.be.a('string').and.not.equal('');
    expect(r).to.include({ protocolVersion: 2 });
    expect(r).not.to.have.property('errorMessage');
    const first = crm.posted.findIndex((p) => p.message === r);
    const events = crm.events('interaction');
    expect(events.map((e) => (e.data as { interactionId: string }).interactionId)).to.deep.equal(['i-1', 'i-2']);
    expect(crm.posted.findIndex((p) => p.message === events[0])).to.be.greaterThan(first);
    for (const e of events) {
      expect(e.userAgent).to.include('WWE');
      expect(e.protocolVersion).to.equal(2);
    }
    for (const p of crm.posted) expect(p.options).to.deep.equal({ targetOrigin: CRM });
  });

  it('sends an interaction event for every visible task change, and only to subscribers of interaction', async () => {
    const agentOnly = new PortClient(LIMITED);
    await agentOnly.subscribe('agent');
    await crm.subscribe(['interaction']);
    crm.clear();
    agentOnly.clear();
    store.patch('i-1', { state: 'HELD', previousState: 'CONNECTED' });
    store.put(task('i-3', { state: 'OFFERED' }));
    store.patch('i-1', { pending: { command: 'resume', since: 1 } }); // invisible to a client: no event
    expect(crm.events('interaction').map((e) => [(e.data as { interactionId: string }).interactionId, (e.data as { state: string }).state])).to.deep.equal([
      ['i-1', 'HELD'],
      ['i-3', 'RINGING'],
    ]);
    expect(agentOnly.posted).to.deep.equal([]);
  });

  it('sends the last form of a task as it leaves', async () => {
    await crm.subscribe('interaction');
    crm.clear();
    store.patch('i-2', { state: 'TERMINATED', endReason: 'RONA' });
    const [e] = crm.events('interaction');
    expect(e!.data).to.include({ interactionId: 'i-2', state: 'IDLE', ronaCallState: 'REDIRECTED' });
  });

  it('sends USER_DATA_UPDATED when only the user data changed', async () => {
    await crm.subscribe('interaction');
    crm.clear();
    const t = store.tasks[0]!;
    const interaction = { ...t.data.interaction, callAssociatedDetails: { account: '43' } };
    store.put({ ...t, data: { ...t.data, interaction }, rev: t.rev + 1 });
    const [e] = crm.events('interaction');
    expect(e!.data).to.include({ interactionId: 'i-1', state: 'USER_DATA_UPDATED', previousState: 'TALKING' });
    expect((e!.data as { userData: unknown }).userData).to.deep.equal({ account: '43' });
  });

  it('reports a user-data change after a selection change as USER_DATA_UPDATED', async () => {
    await crm.subscribe('interaction');
    store.select('i-2');
    crm.clear();
    const t = store.tasks[0]!;
    store.put({ ...t, data: { ...t.data, interaction: { ...t.data.interaction, callAssociatedDetails: { account: '44' } } }, rev: t.rev + 1 });
    expect(crm.events('interaction').map((e) => (e.data as { state: string; isCaseSelected: boolean }).state)).to.deep.equal(['USER_DATA_UPDATED']);
    expect((crm.events('interaction')[0]!.data as { isCaseSelected: boolean }).isCaseSelected).to.equal(false);
  });

  it('sends CASE_SELECTED when the selection changes', async () => {
    await crm.subscribe('interaction');
    crm.clear();
    store.select('i-2');
    expect(crm.events('interaction').map((e) => e.data)).to.deep.equal([{ eventType: 'CASE_SELECTED', selectedCaseId: 'i-2' }]);
  });

  it('sends agent events on agent changes, and the current agent first', async () => {
    await crm.subscribe('agent');
    expect(crm.events('agent')).to.have.length(1);
    expect(crm.events('agent')[0]!.data).to.deep.include({ agentId: 'agent-1', name: 'Ada Agent' });
    crm.clear();
    store.setAgent({ ...store.agent, status: { state: 'Idle', idleCodeId: 'idle-lunch', since: 2000 } });
    store.setAgent({ ...store.agent }); // nothing visible changed
    const events = crm.events('agent');
    expect(events).to.have.length(1);
    expect(events[0]!.data).to.deep.equal({
      agentId: 'agent-1',
      name: 'Ada Agent',
      teamName: 'Team',
      state: { state: 'Idle', reasonCodeId: 'idle-lunch', reasonCodeName: 'Lunch', since: 2000 },
    });
  });

  it('sends a markdone event when the store refuses the agent’s own wrap-up (MARKDONE_BLOCKED)', async () => {
    await crm.subscribe('markdone');
    store.patch('i-1', { markdoneBlocked: 'Fill in the case form' });
    store.errorsS.next(store.error('MARKDONE_BLOCKED', 'wrapup', 'blocked', 'i-1'));
    store.errorsS.next(store.error('BACKEND_ERROR', 'hold', 'nope', 'i-1')); // not a markdone refusal
    expect(crm.events('markdone').map((e) => e.data)).to.deep.equal([{ interactionId: 'i-1', warningMessage: 'Fill in the case form' }]);
  });

  it('delivers each event once to a window subscribed twice', async () => {
    await crm.subscribe('interaction');
    await crm.subscribe(['interaction', 'agent']);
    crm.clear();
    store.patch('i-1', { state: 'HELD' });
    expect(crm.events('interaction')).to.have.length(1);
  });

  it('unsubscribes (only by the window that subscribed) and then sends nothing more', async () => {
    const r = await crm.subscribe('interaction');
    const id = r!.subscriptionId as string;
    const other = new PortClient(CRM); // same origin, another window
    other.send({ event: 'unsubscribe', data: id, referenceId: 'u0' });
    expect(await other.responseTo('u0')).to.include({ errorCode: 'NOT_FOUND' });
    crm.send({ event: 'unsubscribe', data: id, referenceId: 'u1' });
    const u = await crm.responseTo('u1');
    expect(u).to.include({ referenceId: 'u1', data: null });
    expect(u).not.to.have.property('errorMessage');
    crm.clear();
    store.patch('i-1', { state: 'HELD' });
    expect(crm.posted).to.deep.equal([]);
    crm.send({ event: 'unsubscribe', data: id, referenceId: 'u2' });
    expect(await crm.responseTo('u2')).to.include({ errorCode: 'NOT_FOUND' });
  });

  it('sends no events after stop()', async () => {
    await crm.subscribe(['interaction', 'agent']);
    crm.clear();
    service.stop();
    store.patch('i-1', { state: 'HELD' });
    store.setAgent({ ...store.agent, status: { state: 'Idle', since: 5 } });
    expect(crm.posted).to.deep.equal([]);
  });

  it('filters user data in events and results by the read allow-list', async () => {
    service.stop();
    store.patch('i-1', { data: { ...store.tasks[0]!.data, interaction: { ...store.tasks[0]!.data.interaction, callAssociatedDetails: { account: '42', ssn: 'x' } } } });
    service = startBridgeService(store, { origins: ORIGINS, userData: { readAllowed: ['account'] } });
    await crm.subscribe('interaction');
    expect((crm.events('interaction')[0]!.data as { userData: unknown }).userData).to.deep.equal({ account: '42' });
    const r = await crm.call('interaction.getInteractions');
    expect((r!.data as { userData: unknown }[])[0]!.userData).to.deep.equal({ account: '42' });
  });
});

describe('bridge service: a window that dispatches no events is not served', () => {
  it('listens on options.window only', async () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const store = new FakeStore([task('i-1')]);
    const service = startBridgeService(store, { origins: CRM, window: frame.contentWindow! });
    const onMain = new PortClient(CRM);
    const onFrame = new PortClient(CRM, frame.contentWindow!);
    expect(await onMain.call('interaction.getInteractions')).to.equal(undefined);
    expect(await onFrame.call('interaction.getInteractions')).to.have.property('data');
    service.stop();
    frame.remove();
  });
});
