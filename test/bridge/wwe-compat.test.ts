import { expect } from '@open-wc/testing';
import { Control, openServicePage, OTHER_ORIGIN } from './pages/harness.js';

/**
 * A page written for Genesys WWE's Service Client API works unchanged: this test's client is
 * NOT our host client but a stand-in for the vendor's, speaking exactly its envelope —
 * `{ request, parameters, referenceId, userAgent: 'WWE Client', protocolVersion: 2 }` — reading
 * `subscriptionId` at the top level of the subscribe reply, and dropping every reply whose
 * userAgent lacks "WWE" (so a service that forgot to say WWE would fail these tests).
 */
type Wire = Record<string, unknown>;

class VendorStyleClient {
  /** Everything the service sent that the vendor's client would accept, in order. */
  readonly accepted: Wire[] = [];
  private seq = 0;
  private readonly waiters = new Map<string, (m: Wire) => void>();
  private readonly eventWaiters: Array<() => void> = [];

  constructor(private readonly target: Window) {
    addEventListener('message', this.onMessage);
  }

  private readonly onMessage = (e: MessageEvent): void => {
    if (e.source !== this.target || e.origin !== OTHER_ORIGIN) return;
    const m = e.data as Wire;
    if (typeof m?.userAgent !== 'string' || !m.userAgent.includes('WWE')) return; // as the vendor's client does
    this.accepted.push(m);
    if (typeof m.referenceId === 'string') this.waiters.get(m.referenceId)?.(m);
    this.eventWaiters.splice(0).forEach((w) => w());
  };

  /** Posts a raw message (a referenceId is added unless `raw`), resolving with the reply. */
  post(message: Wire, raw = false): Promise<Wire> {
    const referenceId = String(++this.seq);
    const m: Wire = raw ? message : { ...message, referenceId };
    return new Promise((resolve) => {
      this.waiters.set(referenceId, (reply) => {
        this.waiters.delete(referenceId);
        resolve(reply);
      });
      this.target.postMessage(m, OTHER_ORIGIN);
    });
  }

  request(request: string, parameters?: unknown[]): Promise<Wire> {
    return this.post({ request, ...(parameters ? { parameters } : {}), userAgent: 'WWE Client', protocolVersion: 2 });
  }

  /** Waits until the service answers (the page and the service load asynchronously). */
  async ready(): Promise<void> {
    for (;;) {
      const answered = await Promise.race([
        this.request('system.getAllowedServices', []).then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), 250)),
      ]);
      if (answered) return;
    }
  }

  async untilEvent(test: (m: Wire) => boolean): Promise<Wire> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const hit = this.accepted.find((m) => typeof m.event === 'string' && test(m));
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`no such event in ${JSON.stringify(this.accepted)}`);
      await new Promise<void>((r) => {
        this.eventWaiters.push(r);
        setTimeout(r, 200);
      });
    }
  }

  close(): void {
    removeEventListener('message', this.onMessage);
  }
}

describe('WWE Service Client API compatibility (vendor-style client)', function () {
  this.timeout(20_000);
  let frame: HTMLIFrameElement;
  let wwe: VendorStyleClient;
  let ctl: Control;

  beforeEach(async () => {
    frame = openServicePage();
    wwe = new VendorStyleClient(frame.contentWindow!);
    ctl = new Control(frame.contentWindow!);
    await wwe.ready();
  });
  afterEach(() => {
    wwe.close();
    frame.remove();
  });

  it('answers with the vendor response envelope: referenceId, data, a WWE userAgent, protocolVersion 2', async () => {
    const id = await ctl.offer('telephony');
    await ctl.untilTask(id, 'OFFERED');
    const reply = await wwe.request('interaction.getInteractions', []);
    expect(reply.referenceId).to.be.a('string');
    expect(reply.userAgent).to.be.a('string').and.contain('WWE');
    expect(reply.protocolVersion).to.equal(2);
    expect(reply).to.not.have.property('errorMessage');
    const [i] = reply.data as Wire[];
    // Every field of the seed's Interaction type that applies to a ringing inbound call.
    expect(i).to.include({ interactionId: id, state: 'RINGING', isConsultation: false, direction: 'IN', callType: 'INBOUND', media: 'voice' });
    for (const key of [
      'caseId',
      'userData',
      'parties',
      'isMainCaseInteraction',
      'callUuid',
      'ani',
      'dnis',
      'recordingState',
      'isCaseSelected',
      'interactionUUID',
      'contact',
    ]) {
      expect(i, key).to.have.property(key);
    }
    expect(i.contact).to.have.all.keys('displayName', 'firstName', 'lastName');
    expect((i.parties as Wire[]).every((p) => typeof p.name === 'string')).to.equal(true);
  });

  it('takes a request without parameters, and undefined for omitted optional arguments', async () => {
    const noParams = await wwe.request('agent.getState');
    expect(noParams).to.not.have.property('errorMessage');
    expect((noParams.data as Wire).state).to.equal('Available');
    const id = await ctl.offer('telephony');
    await ctl.untilTask(id, 'OFFERED');
    const withUndefined = await wwe.request('interaction.getByInteractionId', [id, undefined]);
    expect(withUndefined).to.not.have.property('errorMessage');
    expect((withUndefined.data as Wire).interactionId).to.equal(id);
  });

  it('drives a call with the vendor calls, including a frameId and the sample\'s `type` targetQuery', async () => {
    const id = await ctl.offer('telephony');
    await ctl.untilTask(id, 'OFFERED');
    const accepted = await wwe.post({ request: 'interaction.accept', parameters: [id], userAgent: 'WWE Client', protocolVersion: 2, frameId: 'crm-1' });
    expect(accepted).to.not.have.property('errorMessage');
    await ctl.untilTask(id, 'CONNECTED');
    const set = await wwe.request('interaction.setUserData', [id, { CRM_ID: 'A-1' }]);
    expect(set).to.not.have.property('errorMessage');
    await ctl.untilTask(id, 'CONNECTED');
    const transfer = await wwe.request('interaction.singleStepTransfer', [id, { type: 'INTERACTION_QUEUE', destination: 'Billing' }, undefined, undefined]);
    expect(transfer).to.not.have.property('errorMessage');
    await ctl.until('transferred', (v) => v.tasks.every((t) => t.id !== id || t.state === 'WRAPPING_UP'));
  });

  it('a failure is a response with errorMessage (and an errorCode)', async () => {
    const nf = await wwe.request('interaction.accept', ['no-such-id']);
    expect(nf.errorMessage).to.be.a('string').and.not.equal('');
    expect(nf.errorCode).to.equal('NOT_FOUND');
    expect(nf.userAgent).to.contain('WWE');

    const unknown = await wwe.request('interaction.explode', []);
    expect(unknown.errorMessage).to.be.a('string');
    expect(unknown.errorCode).to.equal('UNKNOWN_REQUEST');

    const badShape = await wwe.post({ request: 'interaction.accept', parameters: 'not-an-array', userAgent: 'WWE Client', protocolVersion: 2 });
    expect(badShape.errorMessage).to.be.a('string');

    const poisoned = await wwe.post(JSON.parse(
      '{"request":"interaction.setUserData","parameters":["x",{"__proto__":{"polluted":"yes"}}],"userAgent":"WWE Client","protocolVersion":2}',
    ) as Wire);
    expect(poisoned.errorMessage).to.be.a('string');
    expect(({} as Wire).polluted).to.equal(undefined);
  });

  it('ignores a message without a referenceId: the next reply is for the next request', async () => {
    const before = wwe.accepted.length;
    frame.contentWindow!.postMessage({ request: 'interaction.getInteractions', parameters: [], userAgent: 'WWE Client', protocolVersion: 2 }, OTHER_ORIGIN);
    const reply = await wwe.request('agent.getState', []);
    expect(wwe.accepted.slice(before)).to.deep.equal([reply]);
  });

  it('subscribe: subscriptionId at the top level, the current interactions first, then events in the vendor form', async () => {
    const first = await ctl.offer('chat');
    await ctl.untilTask(first, 'OFFERED');
    const sub = await wwe.post({ event: 'subscribe', data: ['interaction'], userAgent: 'WWE Client', protocolVersion: 2 });
    expect(sub).to.not.have.property('errorMessage');
    expect(sub.subscriptionId).to.be.a('string').and.not.equal('');
    expect(sub.userAgent).to.contain('WWE');

    const snapshot = await wwe.untilEvent(() => true);
    expect(snapshot).to.include({ event: 'interaction', protocolVersion: 2 });
    expect(snapshot.userAgent).to.contain('WWE');
    expect((snapshot.data as Wire).interactionId).to.equal(first);
    expect(snapshot).to.not.have.property('referenceId');

    const call = await ctl.offer('telephony');
    const live = await wwe.untilEvent((m) => (m.data as Wire).interactionId === call);
    expect((live.data as Wire).state).to.equal('RINGING');

    const unsub = await wwe.post({ event: 'unsubscribe', data: sub.subscriptionId, userAgent: 'WWE Client', protocolVersion: 2 });
    expect(unsub).to.not.have.property('errorMessage');
  });

  it('subscribe to a single namespace given as a string, and a case event in the seed\'s form', async () => {
    const id = await ctl.offer('chat');
    const other = await ctl.offer('email');
    await ctl.untilTask(other, 'OFFERED');
    const sub = await wwe.post({ event: 'subscribe', data: 'interaction', userAgent: 'WWE Client', protocolVersion: 2 });
    expect(sub.subscriptionId).to.be.a('string');
    const selected = (await ctl.view()).selected;
    const target = selected === id ? other : id;
    await wwe.request('interaction.selectCaseByCaseId', [target]);
    const ev = await wwe.untilEvent((m) => (m.data as Wire).eventType === 'CASE_SELECTED');
    expect(ev.data).to.deep.equal({ eventType: 'CASE_SELECTED', selectedCaseId: target });
  });
});
