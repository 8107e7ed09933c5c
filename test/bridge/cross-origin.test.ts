import { expect } from '@open-wc/testing';
import { createHostClient, HostClientError, type HostClient } from '../../src/bridge/host-client.js';
import { ALL_METHODS, METHODS, type BridgeInteraction, type EventMessage } from '../../src/bridge/protocol.js';
import { Control, EventLog, openServicePage, OTHER_ORIGIN, outcome } from './pages/harness.js';

/**
 * The host client against the REAL service (store + simulated contact center) in an iframe on
 * another origin: this page is http://localhost:<port>, the service http://127.0.0.1:<port>.
 * Every test gets a fresh service page. The control channel reads the store's view to wait for
 * confirmations and to check what changed.
 */
describe('host client ↔ real bridge service, across origins', function () {
  // Real pages, real (short) simulator delays, a consult answered after 2–3 s: room for a busy machine.
  this.timeout(20_000);
  let frame: HTMLIFrameElement;
  let client: HostClient;
  let ctl: Control;

  const start = (query = '', timeoutMs = 15_000): void => {
    frame = openServicePage(query);
    client = createHostClient({ target: frame.contentWindow!, targetOrigin: OTHER_ORIGIN, timeoutMs });
    ctl = new Control(frame.contentWindow!);
  };
  afterEach(() => {
    client?.destroy();
    frame?.remove();
  });

  /** Resolves with the data a Genesys-style (succeeded, failed) call passes to succeeded. */
  const viaCallbacks = <T>(call: (ok: (d: T) => void, fail: (e: HostClientError) => void) => unknown): Promise<T> =>
    new Promise<T>((resolve, reject) => void call(resolve, reject));

  const interaction = async (id: string): Promise<BridgeInteraction> => {
    const i = await client.interaction.getByInteractionId(id);
    expect(i, `interaction ${id}`).to.not.equal(null);
    return i!;
  };

  /** A voice call, accepted and talking. */
  const talkingCall = async (): Promise<string> => {
    const id = await ctl.offer('telephony');
    await ctl.untilTask(id, 'OFFERED');
    await client.interaction.accept(id);
    await ctl.untilTask(id, 'CONNECTED');
    return id;
  };

  describe('handshake', () => {
    it('answers requests made before the service page had loaded', async () => {
      start();
      // The iframe is still about:blank here: these wait for the handshake.
      const [list, allowed] = await Promise.all([client.interaction.getInteractions(), client.system.getAllowedServices()]);
      expect(list).to.deep.equal([]);
      // Every method but those this desk answers NOT_SUPPORTED (the simulator has no recording
      // start/stop, token, email or campaigns; an embedded desk has no speaker control or menu bar).
      const unsupported = new Set([
        'voice.startCallRecording',
        'voice.stopCallRecording',
        'sipEndpoint.muteSpeaker',
        'sipEndpoint.unmuteSpeaker',
        'sipEndpoint.isSpeakerMute',
        'system.updateViewInApplicationMenuBar',
        'system.closeViewInApplicationMenuBar',
        'auth.getJwtToken',
        'email.create',
        ...METHODS.outbound.map((m) => `outbound.${m}`),
      ]);
      expect(allowed).to.have.members(ALL_METHODS.filter((m) => !unsupported.has(m)));
    });
  });

  describe('agent namespace', () => {
    it('get, getState, getStateList and setState, as promises and with callbacks', async () => {
      start();
      const agent = await client.agent.get();
      expect(agent).to.include({ agentId: 'agent-sim', name: 'Alex Rivera' });
      expect(agent.state.state).to.equal('Available');

      const state = await viaCallbacks<{ state: string }>((ok, fail) => client.agent.getState(ok, fail));
      expect(state.state).to.equal('Available');

      const options = await client.agent.getStateList();
      expect(options[0]).to.include({ state: 'Available' });
      const lunch = options.find((o) => o.name === 'Lunch')!;
      expect(lunch).to.include({ state: 'Idle', reasonCodeId: 'idle-lunch' });
      expect(options.some((o) => o.name === 'RONA'), 'system codes are not offered').to.equal(false);

      await viaCallbacks((ok, fail) => client.agent.setState('Idle', 'idle-lunch', ok, fail));
      await ctl.until('agent Idle', (v) => v.agent === 'Idle');
      expect(await client.agent.getState()).to.include({ state: 'Idle', reasonCodeId: 'idle-lunch', reasonCodeName: 'Lunch' });

      await client.agent.setState('Available');
      await ctl.until('agent Available', (v) => v.agent === 'Available');
    });
  });

  describe('interaction and voice namespaces', () => {
    it('getInteractions and getByInteractionId project a ringing call; null for an unknown id', async () => {
      start();
      const id = await ctl.offer('telephony', { customerName: 'Dana <b>Scully</b>' });
      await ctl.untilTask(id, 'OFFERED');
      const list = await viaCallbacks<BridgeInteraction[]>((ok, fail) => client.interaction.getInteractions(ok, fail));
      expect(list.map((i) => i.interactionId)).to.deep.equal([id]);
      const i = await interaction(id);
      expect(i).to.include({ interactionId: id, state: 'RINGING', media: 'voice', direction: 'IN' });
      expect(i.contact.displayName).to.equal('Dana <b>Scully</b>');
      expect(await client.interaction.getByInteractionId('no-such-id')).to.equal(null);
      expect(await viaCallbacks((ok, fail) => client.interaction.getByInteractionId('no-such-id', ok, fail))).to.equal(null);
    });

    it('accept (callbacks), user data, hold/resume, recording, selectCase, hangUp and markdone on a call', async () => {
      start();
      const id = await ctl.offer('telephony');
      await ctl.offer('chat'); // a second task, so selecting the call is a real change
      await ctl.untilTask(id, 'OFFERED');
      await viaCallbacks((ok, fail) => client.interaction.accept(id, ok, fail));
      await ctl.untilTask(id, 'CONNECTED');
      expect((await interaction(id)).state).to.equal('TALKING');

      await viaCallbacks((ok, fail) => client.interaction.setUserData(id, { crmCase: 'C-42', tier: 'gold' }, ok, fail));
      await ctl.untilTask(id, 'CONNECTED'); // confirmed
      expect((await interaction(id)).userData).to.include({ crmCase: 'C-42', tier: 'gold' });
      await client.interaction.deleteUserData(id, 'tier');
      await ctl.untilTask(id, 'CONNECTED');
      expect((await interaction(id)).userData).to.not.have.property('tier');

      await viaCallbacks((ok, fail) => client.voice.hold(id, ok, fail));
      await ctl.untilTask(id, 'HELD');
      expect((await interaction(id)).state).to.equal('HELD');
      await client.voice.resume(id);
      await ctl.untilTask(id, 'CONNECTED');

      await client.voice.pauseCallRecording(id);
      await ctl.untilTask(id, 'CONNECTED');
      expect((await interaction(id)).recordingState).to.equal('PAUSED');
      await viaCallbacks((ok, fail) => client.voice.resumeCallRecording(id, ok, fail));
      await ctl.untilTask(id, 'CONNECTED');
      expect((await interaction(id)).recordingState).to.equal('RECORDING');

      const caseId = (await interaction(id)).caseId;
      await client.interaction.selectCaseByCaseId(caseId);
      expect((await ctl.view()).selected).to.equal(id);

      await client.voice.hangUp(id);
      await ctl.untilTask(id, 'WRAPPING_UP');
      expect((await interaction(id)).state).to.equal('IDLE');
      await viaCallbacks((ok, fail) => client.interaction.markdone(id, ok, fail));
      await ctl.untilTask(id, 'GONE');
      expect(await client.interaction.getByInteractionId(id)).to.equal(null);
    });

    it('blockMarkdone refuses markdone with the warning until unblockMarkdone', async () => {
      start();
      const id = await talkingCall();
      await client.interaction.blockMarkdone(id, 'Save the CRM form first');
      expect((await ctl.task(id))!.markdoneBlocked).to.equal('Save the CRM form first');
      const refused = await outcome(client.interaction.markdone(id));
      expect(refused.error).to.be.instanceOf(HostClientError);
      expect(refused.error).to.include({ code: 'MARKDONE_BLOCKED', message: 'Save the CRM form first' });
      expect((await ctl.task(id))!.state).to.equal('CONNECTED');

      await viaCallbacks((ok, fail) => client.interaction.unblockMarkdone(id, ok, fail));
      // markdone on a live call ends it and wraps it up with the default code.
      await client.interaction.markdone(id);
      await ctl.untilTask(id, 'GONE');
    });

    it('reject declines an offer; voice.answer accepts one', async () => {
      start();
      const chat = await ctl.offer('chat');
      const call = await ctl.offer('telephony');
      await ctl.untilTask(call, 'OFFERED');
      await viaCallbacks((ok, fail) => client.interaction.reject(chat, ok, fail));
      await ctl.untilTask(chat, 'GONE');
      await viaCallbacks((ok, fail) => client.voice.answer(call, ok, fail));
      await ctl.untilTask(call, 'CONNECTED');
      expect((await interaction(call)).state).to.equal('TALKING');
    });

    it('consult an agent, then completeTransfer', async () => {
      start();
      const id = await talkingCall();
      await viaCallbacks((ok, fail) =>
        client.interaction.consult(id, { target: 'AGENT', destination: 'agent-ana' }, { reason: 'billing' }, undefined, ok, fail),
      );
      await ctl.untilTask(id, 'CONSULTING', (t) => t.consultStatus === 'CONSULT_ACCEPTED' || t.consultStatus === 'CONNECTED');
      expect((await interaction(id)).userData, 'the consult\'s user data travels with it').to.include({ reason: 'billing' });
      await viaCallbacks((ok, fail) => client.interaction.completeTransfer(id, ok, fail));
      await ctl.until('transfer done', (v) => v.tasks.every((t) => t.id !== id || t.state === 'WRAPPING_UP'));
    });

    it('consult a queue by name (the sample\'s `type` key), then completeConference', async () => {
      start();
      const id = await talkingCall();
      await client.interaction.consult(id, { type: 'INTERACTION_QUEUE', destination: 'Billing' });
      await ctl.untilTask(id, 'CONSULTING', (t) => t.consultStatus === 'CONSULT_ACCEPTED' || t.consultStatus === 'CONNECTED');
      await client.interaction.completeConference(id);
      await ctl.untilTask(id, 'CONFERENCING');
    });

    it('singleStepTransfer to a phone number (a string targetQuery)', async () => {
      start();
      const id = await talkingCall();
      await viaCallbacks((ok, fail) => client.interaction.singleStepTransfer(id, '+14155550123', undefined, undefined, ok, fail));
      await ctl.until('transferred', (v) => v.tasks.every((t) => t.id !== id || t.state === 'WRAPPING_UP'));
    });

    it('singleStepConference waits for the agent to accept, then merges', async () => {
      start();
      const id = await talkingCall();
      await viaCallbacks((ok, fail) =>
        client.interaction.singleStepConference(id, { target: 'AGENT', destination: 'Björn Lindqvist' }, undefined, undefined, ok, fail),
      );
      await ctl.untilTask(id, 'CONFERENCING');
    });

    it('voice.dial places an outbound call', async () => {
      start();
      await viaCallbacks((ok, fail) => client.voice.dial('+14155550123', 'ani-support', ok, fail));
      const v = await ctl.until('an outbound call', (s) => s.tasks.length === 1);
      const out = await interaction(v.tasks[0].id);
      expect(out).to.include({ media: 'voice', direction: 'OUT' });
    });
  });

  describe('the rest of the Service Client surface through the host client', () => {
    it('agent by index, media, dial with user data, sipEndpoint, toasts, options, messenger; NOT_SUPPORTED typed', async () => {
      start();
      const list = await client.agent.getStateList();
      await client.agent.setState(1);
      await ctl.until('agent Idle', (v) => v.agent === 'Idle');
      expect(await client.agent.getState()).to.include({ reasonCodeId: list[1].reasonCodeId });
      await client.agent.setState('Available');

      const chat = await viaCallbacks<unknown>((ok, fail) => client.media.setState('chat', 'NotReady', ok, fail));
      expect(chat).to.include({ name: 'chat', state: 'NotReady' });
      expect((await client.media.getMediaList()).map((m) => `${m.name}:${m.state}`)).to.deep.equal([
        'voice:Ready',
        'chat:NotReady',
        'email:Ready',
        'social:Ready',
      ]);

      await client.voice.dial('+14155550123', { crmCase: 'C-42' });
      const v = await ctl.until('an outbound call', (s) => s.tasks.length === 1);
      expect((await interaction(v.tasks[0].id)).userData).to.include({ crmCase: 'C-42' });
      await ctl.untilTask(v.tasks[0].id, 'CONNECTED');
      await client.sipEndpoint.muteMicrophone();
      expect(await client.sipEndpoint.isMicrophoneMute()).to.equal(true);

      const events = new EventLog<EventMessage>();
      await client.subscribe('system', events.handler);
      const toastId = await client.system.popupToast({ title: 'Case C-42', buttons: ['Open'] });
      expect(toastId).to.be.a('string');
      await client.system.closeToast(toastId);
      expect(await client.configuration.getOption('voice.*')).to.deep.equal({ 'voice.dial-prefix': '0', 'voice.caller-id': 'main' });
      expect(await client.messenger.broadcastMessage('crm', { hi: 1 })).to.equal(null);

      for (const p of [client.outbound.getCampaigns(), client.auth.getJwtToken(), client.sipEndpoint.isSpeakerMute()]) {
        const r = await outcome(p);
        expect(r.error).to.be.instanceOf(HostClientError);
        expect(r.error!.code).to.equal('NOT_SUPPORTED');
      }
    });
  });

  describe('typed errors', () => {
    it('NOT_FOUND, INVALID_PARAMETERS, INVALID_STATE and BACKEND_ERROR, as rejections and through failed', async () => {
      start();
      const ringing = await ctl.offer('telephony');
      await ctl.untilTask(ringing, 'OFFERED');

      const notFound = await outcome(client.interaction.accept('no-such-id'));
      expect(notFound.error).to.be.instanceOf(HostClientError);
      expect(notFound.error!.code).to.equal('NOT_FOUND');
      expect(notFound.error!.message).to.contain('no-such-id');

      const badParams = await outcome(client.interaction.setUserData(ringing, 'not an object' as unknown as Record<string, string>));
      expect(badParams.error!.code).to.equal('INVALID_PARAMETERS');

      const failed = await new Promise<HostClientError>((resolve) =>
        client.voice.hold(ringing, () => resolve(new HostClientError('CLOSED', 'succeeded called')), resolve),
      );
      expect(failed).to.be.instanceOf(HostClientError);
      expect(failed.code).to.equal('INVALID_STATE');

      const unknownAgent = await outcome(client.interaction.consult(ringing, { target: 'AGENT', destination: 'agent-nobody' }));
      expect(unknownAgent.error!.code).to.be.oneOf(['NOT_FOUND', 'INVALID_STATE']);

      await ctl.call('failNext', { command: 'accept', message: 'Simulated accept failure' });
      const backend = await outcome(client.interaction.accept(ringing));
      expect(backend.error!.code).to.equal('BACKEND_ERROR');
      expect(backend.error!.message).to.contain('Simulated accept failure');
      expect((await ctl.task(ringing))!.state, 'a failure leaves the task as it was').to.equal('OFFERED');
    });

    it('FORBIDDEN for methods and subscriptions outside the origin\'s method list', async () => {
      start(`?allow=${encodeURIComponent(`http://localhost:${location.port} (interaction.get*)`)}`);
      const id = await ctl.offer('telephony');
      await ctl.untilTask(id, 'OFFERED');
      expect((await client.interaction.getInteractions()).map((i) => i.interactionId)).to.deep.equal([id]);
      expect(await client.system.getAllowedServices()).to.have.members([
        'interaction.getInteractions',
        'interaction.getByInteractionId',
        'system.getAllowedServices',
      ]);
      const accept = await outcome(client.interaction.accept(id));
      expect(accept.error!.code).to.equal('FORBIDDEN');
      const agent = await outcome(client.subscribe('agent', () => {}));
      expect(agent.error!.code).to.equal('FORBIDDEN');
      expect((await ctl.task(id))!.state).to.equal('OFFERED');
    });
  });

  describe('subscriptions', () => {
    it('sends the current interactions first, then live events; unsubscribe stops them', async () => {
      start();
      const before = await ctl.offer('chat');
      await ctl.untilTask(before, 'OFFERED');

      const log = new EventLog<EventMessage>();
      const other = new EventLog<EventMessage>();
      const subId = await client.subscribe(['interaction'], log.handler);
      expect(subId).to.be.a('string').and.not.equal('');
      const first = await log.until('the snapshot', () => true);
      expect(first.event).to.equal('interaction');
      expect((first.data as unknown as BridgeInteraction).interactionId, 'the first event is the current interaction').to.equal(before);

      const call = await ctl.offer('telephony');
      await log.until('the new call ringing', (e) => (e.data as unknown as BridgeInteraction).interactionId === call);
      await client.interaction.accept(call);
      await log.until('the call talking', (e) => {
        const d = e.data as unknown as BridgeInteraction;
        return d.interactionId === call && d.state === 'TALKING';
      });
      await client.interaction.setUserData(call, { note: 'vip' });
      await log.until('USER_DATA_UPDATED', (e) => (e.data as unknown as BridgeInteraction).state === 'USER_DATA_UPDATED');

      await client.subscribe('interaction', other.handler);
      await client.unsubscribe(subId);
      const seen = log.events.length;
      const later = await ctl.offer('email');
      await other.until('the email on the remaining subscription', (e) => (e.data as unknown as BridgeInteraction).interactionId === later);
      expect(log.events.length, 'nothing after unsubscribe').to.equal(seen);
    });

    it('agent events: the current agent first, then state changes', async () => {
      start();
      const log = new EventLog<EventMessage>();
      await client.subscribe('agent', log.handler);
      const first = await log.until('the current agent', () => true);
      expect(first.event).to.equal('agent');
      expect((first.data as { state: { state: string } }).state.state).to.equal('Available');
      await client.agent.setState('Idle', 'idle-break');
      await log.until('Idle', (e) => (e.data as { state: { state: string } }).state.state === 'Idle');
    });

    it('case and markdone events', async () => {
      start();
      const a = await talkingCall();
      const b = await ctl.offer('chat');
      await ctl.untilTask(b, 'OFFERED');
      const log = new EventLog<EventMessage>();
      await client.subscribe(['interaction', 'markdone'], log.handler);
      await client.interaction.selectCaseByCaseId(b);
      await log.until('CASE_SELECTED', (e) => (e.data as { eventType?: string; selectedCaseId?: string }).eventType === 'CASE_SELECTED');

      await client.interaction.blockMarkdone(a, 'Disposition missing');
      await outcome(client.interaction.markdone(a));
      const md = await log.until('markdone', (e) => e.event === 'markdone');
      expect(md.data).to.deep.equal({ interactionId: a, warningMessage: 'Disposition missing' });
    });

    it('new chat messages reach interaction subscribers as MESSAGE_ADDED, as text', async () => {
      start();
      const id = await ctl.offer('chat');
      await ctl.untilTask(id, 'OFFERED');
      await client.interaction.accept(id);
      await ctl.untilTask(id, 'CONNECTED');
      const log = new EventLog<EventMessage>();
      await client.subscribe('interaction', log.handler);
      const hostile = '<img src=x onerror="parent.__xss=1">Where is my order?';
      await ctl.call('say', { interactionId: id, text: hostile });
      const added = await log.until('MESSAGE_ADDED', (e) => (e.data as unknown as BridgeInteraction).message?.text === hostile);
      const data = added.data as unknown as BridgeInteraction;
      expect(data).to.include({ interactionId: id, state: 'MESSAGE_ADDED', previousState: 'ACCEPTED', media: 'chat' });
      expect(data.message).to.include({ from: 'customer', text: hostile });
      expect(data.message!.at).to.be.a('number');
      expect(Object.keys(data.message!).sort()).to.deep.equal(['at', 'author', 'from', 'id', 'text']);
      expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
    });

    it('unsubscribing an unknown id fails with NOT_FOUND', async () => {
      start();
      const r = await outcome(client.unsubscribe('sub-nope'));
      expect(r.error!.code).to.equal('NOT_FOUND');
    });
  });

  describe('timeouts and destroy', () => {
    it('destroy() rejects a call in flight with CLOSED', async () => {
      start();
      await client.system.getAllowedServices();
      const p = outcome(client.interaction.getInteractions());
      client.destroy();
      expect((await p).error!.code).to.equal('CLOSED');
    });
  });
});

describe('a service that does not allow this origin', function () {
  this.timeout(20_000);
  it('never answers (the call times out) and changes nothing', async () => {
    const frame = openServicePage(`?allow=${encodeURIComponent('https://crm.example')}`);
    const ctl = new Control(frame.contentWindow!);
    const client = createHostClient({ target: frame.contentWindow!, targetOrigin: OTHER_ORIGIN, timeoutMs: 1500 });
    const fromService: unknown[] = [];
    const spy = (e: MessageEvent): void => {
      if (e.source === frame.contentWindow && !(e.data as { ccTestReply?: string })?.ccTestReply) fromService.push(e.data);
    };
    addEventListener('message', spy);
    try {
      const id = await ctl.offer('telephony');
      await ctl.untilTask(id, 'OFFERED');
      const before = await ctl.view();

      const results = await Promise.all([
        outcome(client.interaction.getInteractions()),
        outcome(client.interaction.accept(id)),
        outcome(client.interaction.setUserData(id, { x: '1' })),
        outcome(client.agent.setState('Idle', 'idle-break')),
        outcome(client.subscribe('interaction', () => {})),
      ]);
      for (const r of results) {
        expect(r.error).to.be.instanceOf(HostClientError);
        expect(r.error!.code).to.equal('TIMEOUT');
      }
      expect(fromService, 'not one message came back').to.deep.equal([]);
      expect(await ctl.view(), 'the store is untouched').to.deep.equal(before);
    } finally {
      removeEventListener('message', spy);
      client.destroy();
      frame.remove();
    }
  });
});
