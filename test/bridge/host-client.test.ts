import { expect } from '@open-wc/testing';
import { createHostClient, HostClientError, type HostClient } from '../../src/bridge/host-client.js';

/**
 * Unit tests against a scripted fake service: the target is a same-origin blank iframe whose
 * window records what the client posts, and replies are dispatched on this window as
 * MessageEvents whose `source` is that iframe (exactly what a real reply looks like).
 */
type Msg = Record<string, unknown>;

const SERVICE_UA = 'fake (WWE-compatible service)';

class FakeService {
  readonly frame = document.createElement('iframe');
  readonly received: Msg[] = [];
  /** Answer every request automatically (by default: yes). */
  auto: ((m: Msg) => Msg | undefined) | undefined = (m) => ({ data: `ok:${String(m.request)}` });
  private waiters: Array<() => void> = [];

  constructor() {
    document.body.append(this.frame);
    this.window.addEventListener('message', (e) => {
      const m = e.data as Msg;
      this.received.push(m);
      const reply = this.auto?.(m);
      if (reply) this.reply({ referenceId: m.referenceId, ...reply });
      this.waiters.splice(0).forEach((w) => w());
    });
  }

  get window(): Window {
    return this.frame.contentWindow!;
  }

  /** Dispatch a message on the client's window as if this service had posted it. */
  reply(data: Msg, { origin = location.origin, source = this.window as Window | null } = {}): void {
    window.dispatchEvent(
      new MessageEvent('message', { data: { userAgent: SERVICE_UA, protocolVersion: 2, ...data }, origin, source }),
    );
  }

  requests(name?: string): Msg[] {
    return this.received.filter((m) => m.referenceId !== undefined && (name === undefined || m.request === name));
  }

  /** Resolves once `count` messages have arrived in total. */
  async untilReceived(count: number): Promise<void> {
    while (this.received.length < count) await new Promise<void>((r) => this.waiters.push(r));
  }

  remove(): void {
    this.frame.remove();
  }
}

const settle = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

describe('host client (against a scripted fake service)', () => {
  let svc: FakeService;
  let client: HostClient | undefined;

  beforeEach(() => {
    svc = new FakeService();
  });
  afterEach(() => {
    client?.destroy();
    client = undefined;
    svc.remove();
  });

  const connect = (timeoutMs = 2000) =>
    (client = createHostClient({ target: svc.window, targetOrigin: location.origin, timeoutMs }));

  describe('options', () => {
    it('refuses "*", a missing origin and anything that is not an exact origin', () => {
      for (const targetOrigin of ['*', '', undefined, '/', 'null', `${location.origin}/`, `${location.origin}/page`]) {
        expect(() => createHostClient({ target: svc.window, targetOrigin: targetOrigin as string }), String(targetOrigin)).to.throw(
          TypeError,
          /targetOrigin/,
        );
      }
    });

    it('refuses a missing target', () => {
      expect(() => createHostClient({ target: undefined as unknown as Window, targetOrigin: location.origin })).to.throw(
        TypeError,
        /target/,
      );
    });
  });

  describe('envelope', () => {
    it('sends the vendor envelope: request, positional parameters, referenceId, userAgent, protocolVersion 2', async () => {
      connect();
      await client!.interaction.setUserData('i-1', { a: '1' });
      const [m] = svc.requests('interaction.setUserData');
      expect(m).to.include({ request: 'interaction.setUserData', userAgent: 'cc-host (WWE Client compatible)', protocolVersion: 2 });
      expect(m.parameters).to.deep.equal(['i-1', { a: '1' }]);
      expect(m.referenceId).to.be.a('string');
    });

    it('handshakes with system.getAllowedServices before anything else', async () => {
      connect();
      await client!.interaction.getInteractions();
      expect(svc.received[0].request).to.equal('system.getAllowedServices');
      expect(svc.received[1].request).to.equal('interaction.getInteractions');
    });

    it('drops trailing undefined parameters and sends the callbacks nowhere', async () => {
      connect();
      const ok = (): void => {};
      await client!.interaction.consult('i-1', '5550100', undefined, undefined, ok);
      expect(svc.requests('interaction.consult')[0].parameters).to.deep.equal(['i-1', '5550100']);
    });

    it('uses a custom userAgent', async () => {
      client = createHostClient({ target: svc.window, targetOrigin: location.origin, userAgent: 'CRM (WWE Client)' });
      await client.agent.get();
      expect(svc.received.every((m) => m.userAgent === 'CRM (WWE Client)')).to.equal(true);
    });

    it('gives every request its own referenceId, and two clients never share one', async () => {
      connect();
      const other = createHostClient({ target: svc.window, targetOrigin: location.origin });
      await Promise.all([client!.agent.get(), client!.agent.getState(), other.agent.get()]);
      other.destroy();
      const ids = svc.received.map((m) => m.referenceId);
      expect(new Set(ids).size).to.equal(ids.length);
    });
  });

  describe('answers', () => {
    it('resolves with the reply data and calls succeeded', async () => {
      connect();
      expect(await client!.interaction.getInteractions()).to.equal('ok:interaction.getInteractions');
      const got = await new Promise((resolve, reject) => client!.voice.hold('i-1', resolve, reject));
      expect(got).to.equal('ok:voice.hold');
    });

    it('rejects with a typed HostClientError carrying errorCode and errorMessage, and calls failed', async () => {
      connect();
      svc.auto = (m) =>
        m.request === 'system.getAllowedServices' ? { data: [] } : { errorMessage: 'No such interaction', errorCode: 'NOT_FOUND' };
      const r = await settle(client!.interaction.accept('nope'));
      expect(r.ok).to.equal(false);
      const err = (r as { error: HostClientError }).error;
      expect(err).to.be.instanceOf(HostClientError);
      expect(err.code).to.equal('NOT_FOUND');
      expect(err.message).to.equal('No such interaction');

      const viaCallback = await new Promise<HostClientError>((resolve) =>
        client!.interaction.reject('nope', () => resolve(new HostClientError('CLOSED', 'succeeded was called')), resolve),
      );
      expect(viaCallback.code).to.equal('NOT_FOUND');
    });

    it('treats a reply with errorMessage but no errorCode as BACKEND_ERROR', async () => {
      connect();
      svc.auto = (m) => (m.request === 'system.getAllowedServices' ? { data: [] } : { errorMessage: 'boom' });
      const r = await settle(client!.agent.get());
      expect((r as { error: HostClientError }).error.code).to.equal('BACKEND_ERROR');
    });

    it('with only a succeeded callback, a failure does not surface as an unhandled rejection', async () => {
      connect();
      svc.auto = (m) => (m.request === 'system.getAllowedServices' ? { data: [] } : { errorMessage: 'no', errorCode: 'INVALID_STATE' });
      let unhandled = 0;
      const onUnhandled = (): void => void unhandled++;
      window.addEventListener('unhandledrejection', onUnhandled);
      let called = false;
      const p = client!.voice.hold('i-1', () => (called = true));
      await settle(p);
      await new Promise((r) => setTimeout(r, 50));
      window.removeEventListener('unhandledrejection', onUnhandled);
      expect(called).to.equal(false);
      // The returned promise itself still rejects for whoever awaits it; only the callback chain is handled.
      expect(unhandled).to.equal(0);
    });

    it('matches replies by referenceId, whatever their order', async () => {
      connect();
      svc.auto = (m) => (m.request === 'system.getAllowedServices' ? { data: [] } : undefined);
      const a = client!.interaction.getByInteractionId('a');
      const b = client!.interaction.getByInteractionId('b');
      await svc.untilReceived(3);
      const [ra, rb] = svc.requests('interaction.getByInteractionId');
      svc.reply({ referenceId: rb.referenceId, data: 'B' });
      svc.reply({ referenceId: ra.referenceId, data: 'A' });
      expect(await a).to.equal('A');
      expect(await b).to.equal('B');
    });

    it('answers only once per referenceId', async () => {
      connect();
      svc.auto = (m) => (m.request === 'system.getAllowedServices' ? { data: [] } : undefined);
      const got: unknown[] = [];
      const p = client!.agent.getState((d) => got.push(d));
      await svc.untilReceived(2);
      const ref = svc.requests('agent.getState')[0].referenceId;
      svc.reply({ referenceId: ref, data: 1 });
      svc.reply({ referenceId: ref, data: 2 });
      expect(await p).to.equal(1);
      expect(got).to.deep.equal([1]);
    });
  });

  describe('what counts as an answer', () => {
    const pendingCall = async (): Promise<{ p: Promise<unknown>; ref: unknown }> => {
      connect(300);
      svc.auto = (m) => (m.request === 'system.getAllowedServices' ? { data: [] } : undefined);
      const p = client!.agent.get();
      await svc.untilReceived(2);
      return { p, ref: svc.requests('agent.get')[0].referenceId };
    };

    it('ignores a reply from another origin', async () => {
      const { p, ref } = await pendingCall();
      svc.reply({ referenceId: ref, data: 'spoof' }, { origin: 'http://evil.example' });
      const r = await settle(p);
      expect((r as { error: HostClientError }).error.code).to.equal('TIMEOUT');
    });

    it('ignores a reply from another window, even of the right origin', async () => {
      const { p, ref } = await pendingCall();
      svc.reply({ referenceId: ref, data: 'spoof' }, { source: window });
      const r = await settle(p);
      expect((r as { error: HostClientError }).error.code).to.equal('TIMEOUT');
    });

    it('drops a reply whose userAgent lacks WWE, as the vendor client does', async () => {
      const { p, ref } = await pendingCall();
      svc.reply({ referenceId: ref, data: 'x', userAgent: 'Some Service' });
      const r = await settle(p);
      expect((r as { error: HostClientError }).error.code).to.equal('TIMEOUT');
    });

    it('does not take its own request echoed back for an answer', async () => {
      const { p, ref } = await pendingCall();
      svc.reply({ referenceId: ref, request: 'agent.get', userAgent: 'WWE Client' });
      const r = await settle(p);
      expect((r as { error: HostClientError }).error.code).to.equal('TIMEOUT');
    });

    it('takes the same reply from the right window, origin and agent', async () => {
      const { p, ref } = await pendingCall();
      svc.reply({ referenceId: ref, data: 'real' });
      expect(await p).to.equal('real');
    });
  });

  describe('handshake', () => {
    it('queues requests until the service answers the handshake, retrying it meanwhile', async () => {
      svc.auto = undefined;
      connect();
      const p = client!.interaction.getInteractions();
      await svc.untilReceived(3);
      // Only handshakes so far, all with the same referenceId; the request waits.
      expect(svc.received.map((m) => m.request)).to.deep.equal(Array(svc.received.length).fill('system.getAllowedServices'));
      expect(new Set(svc.received.map((m) => m.referenceId)).size).to.equal(1);
      svc.reply({ referenceId: svc.received[0].referenceId, data: [] });
      await svc.untilReceived(svc.received.length + 1);
      const req = svc.requests('interaction.getInteractions')[0];
      expect(req).to.not.equal(undefined);
      svc.reply({ referenceId: req.referenceId, data: [] });
      expect(await p).to.deep.equal([]);
    });

    it('stops retrying the handshake once answered, and once nothing waits for it', async () => {
      const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
      const hellos = () => svc.requests('system.getAllowedServices').length;
      // Nothing waits: the only request times out, and the retries end with it.
      svc.auto = undefined;
      connect(150);
      await settle(client!.agent.get());
      const afterTimeout = hellos();
      await pause(700); // well over two retry periods
      expect(hellos(), 'no retries after the last queued request timed out').to.equal(afterTimeout);
      client!.destroy();

      // Answered: no retries after the answer.
      svc.auto = (m) => ({ data: String(m.request) });
      connect();
      await client!.agent.get();
      const afterAnswer = hellos();
      await pause(700);
      expect(hellos(), 'no retries after the answer').to.equal(afterAnswer);
    });

    it('handshakes again after a timeout (the service may have reloaded)', async () => {
      connect(150);
      svc.auto = (m) => (m.request === 'agent.get' ? undefined : { data: String(m.request) });
      const r = await settle(client!.agent.get());
      expect((r as { error: HostClientError }).error.code).to.equal('TIMEOUT');
      const before = svc.received.length;
      expect(await client!.agent.getState()).to.equal('agent.getState');
      expect(svc.received.slice(before).map((m) => m.request)).to.deep.equal(['system.getAllowedServices', 'agent.getState']);
    });

    it('a failed handshake answer still proves the service is there', async () => {
      svc.auto = (m) => (m.request === 'system.getAllowedServices' ? { errorMessage: 'no', errorCode: 'FORBIDDEN' } : { data: 7 });
      connect();
      expect(await client!.agent.get()).to.equal(7);
    });

    it('times out queued requests when the service never answers, and starts over on the next call', async () => {
      svc.auto = undefined;
      connect(200);
      const r = await settle(client!.agent.get());
      expect((r as { error: HostClientError }).error.code).to.equal('TIMEOUT');
      expect(svc.requests('agent.get')).to.have.length(0);
      svc.auto = (m) => ({ data: String(m.request) });
      expect(await client!.agent.get()).to.equal('agent.get');
    });
  });

  describe('timeout and destroy', () => {
    it('rejects an unanswered request with TIMEOUT and calls failed', async () => {
      connect(150);
      svc.auto = (m) => (m.request === 'system.getAllowedServices' ? { data: [] } : undefined);
      const err = await new Promise<HostClientError>((resolve) => client!.voice.dial('5550100', undefined, undefined, resolve));
      expect(err).to.be.instanceOf(HostClientError);
      expect(err.code).to.equal('TIMEOUT');
    });

    it('destroy() rejects what is pending with CLOSED, stops listening, and refuses new calls', async () => {
      connect();
      svc.auto = (m) => (m.request === 'system.getAllowedServices' ? { data: [] } : undefined);
      const p = client!.agent.get();
      await svc.untilReceived(2);
      const ref = svc.requests('agent.get')[0].referenceId;
      client!.destroy();
      svc.reply({ referenceId: ref, data: 'late' });
      const r = await settle(p);
      expect((r as { error: HostClientError }).error.code).to.equal('CLOSED');
      const after = await settle(client!.agent.get());
      expect((after as { error: HostClientError }).error.code).to.equal('CLOSED');
    });

    it('destroy() also rejects requests still waiting for the handshake', async () => {
      svc.auto = undefined;
      connect();
      const p = client!.interaction.getInteractions();
      client!.destroy();
      const r = await settle(p);
      expect((r as { error: HostClientError }).error.code).to.equal('CLOSED');
    });
  });

  describe('subscriptions', () => {
    it('subscribes with the vendor envelope and resolves with the top-level subscriptionId', async () => {
      connect();
      svc.auto = (m) => (m.event === 'subscribe' ? { subscriptionId: 'sub-1' } : { data: [] });
      const id = await client!.subscribe(['interaction', 'agent'], () => {});
      expect(id).to.equal('sub-1');
      const sub = svc.received.find((m) => m.event === 'subscribe')!;
      expect(sub.data).to.deep.equal(['interaction', 'agent']);
      expect(sub).to.include({ protocolVersion: 2 });
    });

    it('delivers events of the subscribed namespaces only, including those sent before the subscribe reply', async () => {
      connect();
      svc.auto = (m) => (m.event === 'subscribe' ? undefined : { data: [] });
      const got: unknown[] = [];
      const p = client!.subscribe('interaction', (m) => got.push(m.data));
      await svc.untilReceived(2);
      const sub = svc.received.find((m) => m.event === 'subscribe')!;
      svc.reply({ event: 'interaction', data: 'snapshot' }); // before the reply
      svc.reply({ referenceId: sub.referenceId, subscriptionId: 's' });
      expect(await p).to.equal('s');
      svc.reply({ event: 'agent', data: 'not mine' });
      svc.reply({ event: 'interaction', data: 'live' });
      svc.reply({ event: 'interaction', data: 'spoof' }, { origin: 'http://evil.example' });
      svc.reply({ event: 'interaction', data: 'not WWE', userAgent: 'x' });
      expect(got).to.deep.equal(['snapshot', 'live']);
    });

    it('unsubscribe stops the handler and tells the service', async () => {
      connect();
      svc.auto = (m) => (m.event === 'subscribe' ? { subscriptionId: 's' } : { data: null });
      const got: unknown[] = [];
      const id = await client!.subscribe('interaction', (m) => got.push(m.data));
      svc.reply({ event: 'interaction', data: 1 });
      await client!.unsubscribe(id);
      svc.reply({ event: 'interaction', data: 2 });
      expect(got).to.deep.equal([1]);
      expect(svc.received.find((m) => m.event === 'unsubscribe')!.data).to.equal('s');
    });

    it('a refused subscribe rejects and its handler gets nothing', async () => {
      connect();
      svc.auto = (m) => (m.event === 'subscribe' ? { errorMessage: 'no', errorCode: 'FORBIDDEN' } : { data: [] });
      const got: unknown[] = [];
      const r = await settle(client!.subscribe('agent', (m) => got.push(m)));
      expect((r as { error: HostClientError }).error.code).to.equal('FORBIDDEN');
      svc.reply({ event: 'agent', data: 1 });
      expect(got).to.deep.equal([]);
    });

    it('a throwing handler does not stop the others', async () => {
      connect();
      svc.auto = (m) => (m.event === 'subscribe' ? { subscriptionId: String(m.referenceId) } : { data: [] });
      const got: unknown[] = [];
      await client!.subscribe('interaction', () => {
        throw new Error('handler bug');
      });
      await client!.subscribe('interaction', (m) => got.push(m.data));
      const reported: unknown[] = [];
      const original = window.reportError;
      window.reportError = (e: unknown) => void reported.push(e);
      try {
        svc.reply({ event: 'interaction', data: 'x' });
      } finally {
        window.reportError = original;
      }
      expect((reported[0] as Error).message).to.equal('handler bug');
      expect(got).to.deep.equal(['x']);
    });
  });
});
