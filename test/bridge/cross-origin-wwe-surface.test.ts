import { expect } from '@open-wc/testing';
import { METHODS, type BridgeInteraction, type BridgeMedia, type BridgeStateOption } from '../../src/bridge/protocol.js';
import { Control, openServicePage, OTHER_ORIGIN } from './pages/harness.js';

/**
 * The whole Service Client surface of PROTOCOL.md's table, sent exactly as the vendor's library
 * sends it — `{ request, parameters: [positional…], referenceId, userAgent, protocolVersion: 2 }`
 * posted by hand, no host client in between — from this page (http://localhost:<port>) to the
 * REAL service (store + simulated contact center) in an iframe on http://127.0.0.1:<port>.
 * Every request must get an answer (real behaviour, or NOT_SUPPORTED at once).
 */

interface Answer {
  referenceId: string;
  data?: unknown;
  subscriptionId?: string;
  errorMessage?: string;
  errorCode?: string;
  userAgent: string;
  protocolVersion: number;
}
interface Event {
  event: string;
  data: unknown;
}

let nextRef = 0;

/** A bare WWE-library-shaped client living in `from` (this window, or a same-origin helper frame). */
class LibraryClient {
  readonly events: Event[] = [];
  private readonly waiting = new Map<string, (a: Answer) => void>();
  private readonly post: (m: unknown) => void;

  constructor(
    private readonly target: Window,
    private readonly from: Window = window,
  ) {
    // postMessage's `source` is the realm of the calling code: call it from `from`'s own Function.
    const poster = new (from as unknown as { Function: FunctionConstructor }).Function('t', 'm', 'o', 't.postMessage(m, o)') as (
      t: Window,
      m: unknown,
      o: string,
    ) => void;
    this.post = (m) => poster(target, m, OTHER_ORIGIN);
    from.addEventListener('message', this.onMessage);
  }

  private readonly onMessage = (e: MessageEvent): void => {
    if (e.source !== this.target || e.origin !== OTHER_ORIGIN) return;
    const m = e.data as Answer & Partial<Event>;
    if (typeof m?.event === 'string') {
      this.events.push({ event: m.event, data: m.data });
      return;
    }
    const done = this.waiting.get(m?.referenceId);
    if (done) {
      this.waiting.delete(m.referenceId);
      done(m);
    }
  };

  private send(body: Record<string, unknown>): Promise<Answer> {
    const referenceId = `lib-${++nextRef}`;
    return new Promise((resolve) => {
      this.waiting.set(referenceId, resolve);
      this.post({ ...body, referenceId, userAgent: 'WWE Service Client', protocolVersion: 2 });
    });
  }

  /** `request` with its positional parameters, exactly as the library sends it. */
  request(request: string, ...parameters: unknown[]): Promise<Answer> {
    return this.send({ request, parameters });
  }

  /** The data of a successful answer (fails the test with the errorMessage otherwise). */
  async ok<T = unknown>(request: string, ...parameters: unknown[]): Promise<T> {
    const a = await this.request(request, ...parameters);
    expect(a.errorMessage, `${request}: ${a.errorMessage}`).to.equal(undefined);
    expect(a.userAgent).to.contain('WWE');
    return a.data as T;
  }

  /** The errorCode of a failed answer (with a readable errorMessage). */
  async fails(request: string, ...parameters: unknown[]): Promise<string> {
    const a = await this.request(request, ...parameters);
    expect(a.errorMessage, `${request} must fail`).to.be.a('string').and.not.equal('');
    return a.errorCode!;
  }

  subscribe(data: string | string[]): Promise<Answer> {
    return this.send({ event: 'subscribe', data });
  }

  /** Waits until the service answers (the page loads asynchronously), like the library's first request. */
  async ready(): Promise<void> {
    for (;;) {
      const answered = await Promise.race([
        this.request('system.getAllowedServices').then(() => true),
        new Promise<false>((r) => setTimeout(() => r(false), 200)),
      ]);
      if (answered) return;
    }
  }

  async until(what: string, test: (e: Event) => boolean): Promise<Event> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const hit = this.events.find(test);
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`no event ${what}; got ${JSON.stringify(this.events)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  close(): void {
    this.from.removeEventListener('message', this.onMessage);
  }
}

describe('the WWE Service Client surface, as the vendor library sends it, across origins', function () {
  this.timeout(20_000);
  let frame: HTMLIFrameElement;
  let lib: LibraryClient;
  let ctl: Control;
  const extra: HTMLIFrameElement[] = [];

  const start = async (query = ''): Promise<void> => {
    frame = openServicePage(query);
    lib = new LibraryClient(frame.contentWindow!);
    ctl = new Control(frame.contentWindow!);
    await lib.ready();
  };
  afterEach(() => {
    lib?.close();
    frame?.remove();
    extra.splice(0).forEach((f) => f.remove());
  });

  /** Polls the service page's rendered toasts (the desk renders at most once per frame). */
  const untilToasts = async <T = { text: string; html: boolean; width: string; buttons: string[]; live: string }>(
    what: string,
    test: (list: T[]) => boolean,
  ): Promise<T[]> => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const list = await ctl.call<T[]>('toasts');
      if (test(list)) return list;
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}: ${JSON.stringify(list)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const untilDialogs = async (what: string, test: (list: unknown[]) => boolean): Promise<void> => {
    const deadline = Date.now() + 15_000;
    while (!test(await ctl.call<unknown[]>('dialogs'))) {
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };

  const talkingCall = async (): Promise<string> => {
    const id = await ctl.offer('telephony');
    await ctl.untilTask(id, 'OFFERED');
    await lib.ok('voice.answer', id);
    await ctl.untilTask(id, 'CONNECTED');
    return id;
  };

  it('agent.get, getState, getStateList; setState by index (number and numeric string), by name; out of range refused', async () => {
    await start();
    expect(await lib.ok<{ agentId: string }>('agent.get')).to.include({ agentId: 'agent-sim' });
    expect(await lib.ok<{ state: string }>('agent.getState')).to.include({ state: 'Available' });
    const list = await lib.ok<BridgeStateOption[]>('agent.getStateList');
    expect(list[0]).to.include({ state: 'Available' });
    expect(list.length).to.be.greaterThan(2);

    await lib.ok('agent.setState', 1);
    await ctl.until('agent Idle', (v) => v.agent === 'Idle');
    expect(await lib.ok('agent.getState')).to.include({ state: 'Idle', reasonCodeId: list[1].reasonCodeId });

    await lib.ok('agent.setState', '0');
    await ctl.until('agent Available', (v) => v.agent === 'Available');

    await lib.ok('agent.setState', list[2].name);
    await ctl.until('agent Idle', (v) => v.agent === 'Idle');
    expect(await lib.ok('agent.getState')).to.include({ reasonCodeId: list[2].reasonCodeId });

    await lib.ok('agent.setState', 'Available');
    await ctl.until('agent Available', (v) => v.agent === 'Available');

    expect(await lib.fails('agent.setState', list.length)).to.equal('INVALID_PARAMETERS');
    expect(await lib.fails('agent.setState', '-1')).to.equal('INVALID_PARAMETERS');
    expect(await lib.fails('agent.setState', 'Gone fishing')).to.equal('INVALID_PARAMETERS');
  });

  it('media.getMediaList, getMediaByName and setState per channel, with media events', async () => {
    await start();
    expect((await lib.subscribe('media')).subscriptionId).to.be.a('string');
    const list = await lib.ok<BridgeMedia[]>('media.getMediaList');
    expect(list.map((m) => m.name)).to.deep.equal(['voice', 'chat', 'email', 'social']);
    expect(list.every((m) => m.state === 'Ready' && m.available && m.perChannel)).to.equal(true);
    expect(list.find((m) => m.name === 'chat')).to.include({ capacity: 3, activeInteractions: 0 });

    const chat = await lib.ok<BridgeMedia>('media.getMediaByName', 'chat');
    expect(chat).to.include({ name: 'chat', state: 'Ready' });
    expect(await lib.ok('media.getMediaByName', 'fax')).to.equal(null);

    // The vendor's sample: setState("voice", "NotReady"); also by index into the state list.
    const voice = await lib.ok<BridgeMedia>('media.setState', 'voice', 'NotReady');
    expect(voice).to.include({ name: 'voice', state: 'NotReady', available: false });
    const ev = await lib.until('media event', (e) => e.event === 'media');
    expect(ev.data).to.include({ name: 'voice', state: 'NotReady' });
    expect(await lib.ok('media.getMediaByName', 'voice')).to.include({ state: 'NotReady' });
    expect(await lib.ok('media.getMediaByName', 'chat')).to.include({ state: 'Ready' }, 'only voice changed');
    expect(await lib.ok('agent.getState')).to.include({ state: 'Available' }, 'the agent state is unchanged');

    const lunch = (await lib.ok<BridgeStateOption[]>('agent.getStateList')).findIndex((o) => o.name === 'Lunch');
    expect(await lib.ok('media.setState', 'email', lunch)).to.include({ state: 'NotReady', reasonCodeName: 'Lunch' });
    expect(await lib.ok('media.setState', 'voice', 0)).to.include({ state: 'Ready', available: true });

    expect(await lib.fails('media.setState', 'fax', 0)).to.equal('NOT_FOUND');
    expect(await lib.fails('media.setState', 'voice', 99)).to.equal('INVALID_PARAMETERS');
  });

  it('voice.answer, hold, resume, recording pause/resume (start/stop NOT_SUPPORTED), hangUp', async () => {
    await start();
    const id = await talkingCall();
    await lib.ok('voice.hold', id);
    await ctl.untilTask(id, 'HELD');
    await lib.ok('voice.resume', id);
    await ctl.untilTask(id, 'CONNECTED');
    await lib.ok('voice.pauseCallRecording', id);
    expect((await lib.ok<BridgeInteraction>('interaction.getByInteractionId', id)).recordingState).to.equal('PAUSED');
    await lib.ok('voice.resumeCallRecording', id);
    expect((await lib.ok<BridgeInteraction>('interaction.getByInteractionId', id)).recordingState).to.equal('RECORDING');
    for (const m of ['voice.startCallRecording', 'voice.stopCallRecording']) {
      const a = await lib.request(m, id);
      expect(a.errorCode, m).to.equal('NOT_SUPPORTED');
      expect(a.errorMessage).to.contain('recording');
    }
    await lib.ok('voice.hangUp', id);
    await ctl.untilTask(id, 'WRAPPING_UP');
  });

  it('voice.dial(destination, userData) attaches the user data to the new call; dialEx too', async () => {
    await start();
    expect(await lib.ok('voice.dial', '+14155550123', { crmCase: 'C-7', priority: 2 })).to.equal(null);
    const { tasks } = await ctl.until('the outbound call', (v) => v.tasks.length === 1);
    const call = await lib.ok<BridgeInteraction>('interaction.getByInteractionId', tasks[0].id);
    expect(call).to.include({ media: 'voice', direction: 'OUT' });
    expect(call.userData).to.include({ crmCase: 'C-7', priority: '2' });
    await ctl.untilTask(call.interactionId, 'CONNECTED');
    await lib.ok('voice.hangUp', call.interactionId);
    await ctl.untilTask(call.interactionId, 'WRAPPING_UP');
    await lib.ok('interaction.markdone', call.interactionId);
    await ctl.untilTask(call.interactionId, 'GONE');

    await lib.ok('voice.dialEx', '+14155550123', { source: 'dialEx' }, { priority: 'high' });
    const ex = await ctl.until('the second call', (v) => v.tasks.length === 1);
    expect((await lib.ok<BridgeInteraction>('interaction.getByInteractionId', ex.tasks[0].id)).userData).to.include({ source: 'dialEx' });
    expect(await lib.fails('voice.dial', 'not a number', {})).to.equal('INVALID_PARAMETERS');
  });

  it('sipEndpoint: microphone mute on the active call; speaker methods NOT_SUPPORTED', async () => {
    await start();
    expect(await lib.ok('sipEndpoint.isMicrophoneMute')).to.equal(false);
    expect(await lib.fails('sipEndpoint.muteMicrophone')).to.equal('INVALID_STATE');
    const id = await talkingCall();
    await lib.ok('sipEndpoint.muteMicrophone');
    await ctl.untilTask(id, 'CONNECTED', (t) => t.muted);
    expect(await lib.ok('sipEndpoint.isMicrophoneMute')).to.equal(true);
    await lib.ok('sipEndpoint.muteMicrophone'); // already muted: nothing to do
    await lib.ok('sipEndpoint.unmuteMicrophone');
    await ctl.untilTask(id, 'CONNECTED', (t) => !t.muted);
    expect(await lib.ok('sipEndpoint.isMicrophoneMute')).to.equal(false);
    for (const m of ['sipEndpoint.muteSpeaker', 'sipEndpoint.unmuteSpeaker', 'sipEndpoint.isSpeakerMute']) {
      expect(await lib.fails(m), m).to.equal('NOT_SUPPORTED');
    }
  });

  it('system.popupToast / updateToast / closeToast: text only, polite, buttons reach the host, Escape dismisses', async () => {
    await start();
    expect((await lib.subscribe('system')).subscriptionId).to.be.a('string');
    const id = await lib.ok<string>('system.popupToast', {
      title: 'New <b>case</b>',
      subject: 'From the CRM',
      message: '<img src=x onerror=alert(1)>',
      iconUrl: 'https://elsewhere.example/i.png',
      keyValues: { Case: 'C-1' },
      buttons: ['Open case'],
      buttonShowDismiss: true,
      autoCloseTimeout: 0,
      width: 300,
    });
    expect(id).to.be.a('string');
    let [toast] = await untilToasts('the toast', (list) => list.length === 1);
    expect(toast.text).to.contain('New <b>case</b>').and.contain('<img src=x onerror=alert(1)>').and.contain('C-1');
    expect(toast.html, 'no markup from the client').to.equal(false);
    expect(toast.buttons).to.deep.equal(['Open case', 'Show', 'Dismiss']);
    expect(toast.live).to.equal('polite');
    expect(toast.width).to.equal('300px');

    await ctl.call('pressToast', { button: 0 });
    const click = await lib.until('toast click', (e) => e.event === 'system');
    expect(click.data).to.deep.equal({ eventType: 'TOAST_BUTTON_CLICKED', toastId: id, buttonId: 'button-0' });

    await lib.ok('system.updateToast', id, { message: 'Updated' });
    [toast] = await untilToasts('the update', (list) => list[0]?.text.includes('Updated'));
    expect(toast.text).to.contain('Updated').and.contain('New <b>case</b>');
    await lib.ok('system.closeToast', id);
    await untilToasts('no toast', (list) => list.length === 0);
    expect(await lib.fails('system.closeToast', id)).to.equal('NOT_FOUND');

    const second = await lib.ok<string>('system.popupToast', { message: 'Press Escape' });
    await untilToasts('the second toast', (list) => list.length === 1);
    await ctl.call('escapeToast');
    const closed = await lib.until('toast closed', (e) => (e.data as { eventType?: string }).eventType === 'TOAST_CLOSED');
    expect(closed.data).to.deep.equal({ eventType: 'TOAST_CLOSED', toastId: second });
    await untilToasts('no toast', (list) => list.length === 0);

    expect(await lib.fails('system.popupToast', {})).to.equal('INVALID_PARAMETERS');
    expect(await lib.fails('system.popupToast', { title: 'x', autoCloseTimeout: 'soon' })).to.equal('INVALID_PARAMETERS');
  });

  it('system frame questions, triggerActivity, dialogs on the allow-list, menu bar NOT_SUPPORTED', async () => {
    await start();
    expect(await lib.fails('system.amIVisible')).to.equal('NOT_SUPPORTED'); // this page is outside the desk
    expect(await lib.ok('system.isFrameLeading')).to.equal(true);
    expect(await lib.ok('system.isFrameFollowing')).to.equal(false);
    expect(await lib.ok('system.isFrameNegotiating')).to.equal(false);
    expect(await lib.ok('system.isFrameLeadingOrNegotiating')).to.equal(true);
    expect(await lib.ok('system.isLastActiveFrame')).to.equal(true);
    expect(await lib.ok('system.triggerActivity')).to.equal(null);

    const url = `${location.origin}/test/bridge/pages/gadget-none`;
    const dialogId = await lib.ok<string>('system.openDialog', url, { title: 'CRM <i>form</i>', width: 500 });
    await untilDialogs('the dialog', (list) => list.length === 1);
    expect(await ctl.call('dialogs')).to.deep.equal([{ src: url, open: true }]);
    await lib.ok('system.closeDialog', dialogId);
    await untilDialogs('no dialog', (list) => list.length === 0);
    expect(await lib.fails('system.openDialog', 'https://evil.example/x', {})).to.equal('FORBIDDEN');
    expect(await lib.fails('system.openDialog', 'javascript:alert(1)', {})).to.equal('INVALID_PARAMETERS');

    expect((await lib.subscribe('system')).subscriptionId).to.be.a('string');
    const other = await lib.ok<string>('system.openDialog', url, {});
    await untilDialogs('the dialog', (list) => list.length === 1);
    await ctl.call('pressDialogClose');
    const closed = await lib.until('dialog closed', (e) => e.event === 'system');
    expect(closed.data).to.deep.equal({ eventType: 'DIALOG_CLOSED', dialogId: other });

    expect(await lib.fails('system.updateViewInApplicationMenuBar', { name: 'crm', label: 'CRM' })).to.equal('NOT_SUPPORTED');
    expect(await lib.fails('system.closeViewInApplicationMenuBar', 'crm')).to.equal('NOT_SUPPORTED');
  });

  it('configuration.getOption: glob-matched over what the deployment exposes, nothing else', async () => {
    await start();
    expect(await lib.ok('configuration.getOption', ['voice.*', 'MySection/*'])).to.deep.equal({
      'voice.dial-prefix': '0',
      'voice.caller-id': 'main',
      'MySection/greeting': 'Hello <b>there</b>',
    });
    const all = await lib.ok<Record<string, string>>('configuration.getOption', ['*']);
    expect(Object.keys(all).sort()).to.deep.equal(['MySection/greeting', 'crm.url', 'voice.caller-id', 'voice.dial-prefix']);
    expect(await lib.ok('configuration.getOption', ['user-data.*'])).to.deep.equal({});
    expect(await lib.fails('configuration.getOption', 42)).to.equal('INVALID_PARAMETERS');
  });

  it('messenger.broadcastMessage reaches the other subscribed clients of the channel only', async () => {
    await start();
    // A second client on this (allowed) origin in its own window.
    const helper = document.createElement('iframe');
    document.body.append(helper);
    extra.push(helper);
    const peer = new LibraryClient(frame.contentWindow!, helper.contentWindow!);
    try {
      expect((await peer.subscribe('messenger.crm')).subscriptionId).to.be.a('string');
      expect((await lib.subscribe(['messenger.crm', 'messenger.other'])).subscriptionId).to.be.a('string');
      await lib.ok('messenger.broadcastMessage', 'crm', { caseId: 'C-9', note: '<b>hi</b>' });
      const got = await peer.until('a message', (e) => e.event === 'messenger.crm');
      expect(got.data).to.deep.equal({ channel: 'crm', message: { caseId: 'C-9', note: '<b>hi</b>' }, origin: location.origin });
      // The sender's own window is not sent its message; the other channel hears nothing either.
      await peer.ok('messenger.broadcastMessage', 'other', 'ping');
      await lib.until('the peer message', (e) => e.event === 'messenger.other');
      expect(lib.events.filter((e) => e.event === 'messenger.crm')).to.deep.equal([]);
      expect(peer.events.filter((e) => e.event === 'messenger.other')).to.deep.equal([]);
      expect(await lib.fails('messenger.broadcastMessage', 'bad channel!', 1)).to.equal('INVALID_PARAMETERS');
    } finally {
      peer.close();
    }
  });

  it('auth.getJwtToken, email.create and every outbound.* request: NOT_SUPPORTED at once', async () => {
    await start();
    const shapes: Record<string, unknown[]> = {
      getCampaigns: [],
      getPreviewRecord: ['Campaign A'],
      callPreviewRecord: ['i-1', 'rh-1'],
      rejectPreviewRecord: ['i-1', 'rh-1'],
      cancelPreviewRecord: ['i-1', 'rh-1'],
      startDirectPushPreview: ['Campaign A'],
      stopDirectPushPreview: ['Campaign A'],
      rescheduleRecord: ['i-1', 'rh-1', '2026-12-24T10:00:00Z', 'Personal'],
      cancelReschedule: ['i-1', 'rh-1'],
      getChainedRecords: ['i-1'],
      getRecordFields: ['i-1'],
      updateRecordFields: ['i-1', { field: 'value' }],
      getListOfCallResults: [],
      setCallResult: ['i-1', 'Answered'],
      getCallResult: ['i-1'],
      setDoNotCall: ['i-1'],
      removeDoNotCall: ['i-1'],
    };
    expect(Object.keys(shapes)).to.have.members([...METHODS.outbound]);
    const answers = await Promise.all([
      lib.request('auth.getJwtToken'),
      lib.request('email.create', { to: 'a@example.com', subject: 'Hi' }),
      ...Object.entries(shapes).map(([m, p]) => lib.request(`outbound.${m}`, ...p)),
    ]);
    for (const a of answers) {
      expect(a.errorCode).to.equal('NOT_SUPPORTED');
      expect(a.errorMessage).to.match(/not supported: .+/);
    }
  });

  it('system.getAllowedServices tells the truth: no NOT_SUPPORTED method, every served one', async () => {
    await start();
    const allowed = await lib.ok<string[]>('system.getAllowedServices');
    expect(allowed).to.include.members(['media.setState', 'system.popupToast', 'system.openDialog', 'voice.dial', 'voice.dialEx', 'messenger.broadcastMessage']);
    for (const m of ['voice.startCallRecording', 'sipEndpoint.muteSpeaker', 'auth.getJwtToken', 'email.create', 'outbound.getCampaigns']) {
      expect(allowed, m).to.not.include(m);
    }
  });

  it('an origin narrowed by its method filter is refused the new namespaces too', async () => {
    await start(`?allow=${encodeURIComponent(`${location.origin} (agent.*)`)}`);
    const allowed = await lib.ok<string[]>('system.getAllowedServices');
    expect(allowed).to.have.members([...METHODS.agent.map((m) => `agent.${m}`), 'system.getAllowedServices']);
    for (const [m, p] of [
      ['media.getMediaList', []],
      ['system.popupToast', [{ title: 'x' }]],
      ['configuration.getOption', [['*']]],
      ['messenger.broadcastMessage', ['crm', 1]],
      ['outbound.getCampaigns', []],
    ] as const) {
      expect(await lib.fails(m, ...p), m).to.equal('FORBIDDEN');
    }
    expect((await lib.subscribe('messenger.crm')).errorCode).to.equal('FORBIDDEN');
    expect(await ctl.call('toasts')).to.deep.equal([]);
  });
});
