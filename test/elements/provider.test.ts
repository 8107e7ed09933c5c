import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/provider/provider.js';
import '../../src/elements/agent-state/agent-state.js';
import '../../src/elements/outdial/outdial.js';
import type { CcProvider } from '../../src/elements/provider/provider.js';
import type { CcAgentState } from '../../src/elements/agent-state/agent-state.js';
import type { CcOutdial } from '../../src/elements/outdial/outdial.js';
import { SimulatedContactCenter, VirtualClock } from '../../src/backends/simulated/index.js';
import { createStore } from '../../src/store/store.js';
import type { ContactCenter } from '../../src/backends/contact-center.js';
import { FakeBackend } from '../fixtures/fake-backend.js';
import { THEMES, XSS_PAYLOAD, expectInert, resetXss } from '../fixtures/sim-desk.js';

/**
 * Wait for something that comes after a lazily loaded chunk (the bridge, a catalog): the test
 * server compiles a chunk on its first request, which takes more than waitUntil's default second
 * on a loaded machine.
 */
const chunkLoaded = (done: () => boolean, message: string) => waitUntil(done, message, { timeout: 5000 });

const EVENTS = ['cc-ready', 'cc-error', 'cc-connection-changed'] as const;
type Recorded = CustomEvent & { type: (typeof EVENTS)[number] };

/** Every provider event that reaches the document, in order. */
let log: Recorded[] = [];
const onEvent = (e: Event): void => {
  log.push(e as Recorded);
};
const eventsOf = (el: Element, type?: string): Recorded[] => log.filter((e) => e.target === el && (!type || e.type === type));
const ready = (el: CcProvider): Promise<unknown> => waitUntil(() => eventsOf(el, 'cc-ready').length > 0, 'cc-ready', { timeout: 5000 });

/** A backend's connection status as it stands (connection$ replays it). */
function statusOf(backend: ContactCenter): string {
  let status = '';
  backend.connection$.subscribe((c) => (status = c.status)).unsubscribe();
  return status;
}

const sim = (el: CcProvider): SimulatedContactCenter => el.backend as SimulatedContactCenter;
const root = (el: Element): ShadowRoot => el.shadowRoot!;
const part = (el: Element, name: string): HTMLElement | null => root(el).querySelector(`[part~="${name}"]`);
const text = (el: Element, name: string): string => part(el, name)?.textContent?.trim() ?? '';

/** A simulated desk on a virtual clock, with an agent-state and an outdial element inside. */
async function simulated(attrs: { clock?: VirtualClock; locale?: string; theme?: string } = {}) {
  const clock = attrs.clock ?? new VirtualClock();
  const el = await fixture<CcProvider>(html`
    <cc-provider simulate seed="3" latency="0" .clock=${clock} locale=${attrs.locale ?? 'en'} theme=${attrs.theme ?? 'auto'}>
      <cc-agent-state></cc-agent-state>
      <cc-outdial></cc-outdial>
    </cc-provider>
  `);
  await ready(el);
  const agentState = el.querySelector('cc-agent-state') as CcAgentState;
  const outdial = el.querySelector('cc-outdial') as CcOutdial;
  await agentState.updateComplete;
  return { el, clock, agentState, outdial };
}

/** Advance virtual time, then let everything render. */
async function advance(clock: VirtualClock, ms: number, ...els: Element[]): Promise<void> {
  clock.advance(ms);
  await aTimeout(0);
  for (const el of els) await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
}

/** Removal takes effect after the current task (a move in the document keeps the store). */
async function removed(el: Element): Promise<void> {
  el.remove();
  await aTimeout(0);
}

// ---- the postMessage bridge, from this very window (its origin is allowed or not) ----

let sequence = 0;
const request = (method: string, parameters: unknown[] = []) => ({
  request: method,
  parameters,
  referenceId: `provider-test-${++sequence}`,
  userAgent: 'WWE Client',
  protocolVersion: 2,
});
type Reply = { referenceId: string; data?: unknown; errorMessage?: string; errorCode?: string };

/** Post a request to this window and resolve with the service's answer. */
function ask(method: string, parameters: unknown[] = []): Promise<Reply> {
  const message = request(method, parameters);
  return new Promise((resolve) => {
    const onMessage = (e: MessageEvent): void => {
      const data = e.data as Record<string, unknown> | null;
      if (data && data.referenceId === message.referenceId && !('request' in data)) {
        window.removeEventListener('message', onMessage);
        resolve(data as unknown as Reply);
      }
    };
    window.addEventListener('message', onMessage);
    window.postMessage(message, location.origin);
  });
}

/** Ask while virtual time runs, for requests that wait for the contact center's confirmation. */
async function askTicking(clock: VirtualClock, method: string, parameters: unknown[] = []): Promise<Reply> {
  let settled = false;
  const reply = ask(method, parameters).finally(() => (settled = true));
  while (!settled) {
    clock.advance(100);
    await aTimeout(0);
  }
  return reply;
}

/**
 * Post a request and prove nobody answered it: once the request itself has been delivered and its
 * task is over, a marker posted afterwards arrives after any answer would have.
 */
async function unanswered(method: string): Promise<boolean> {
  const message = request(method);
  const seen: Record<string, unknown>[] = [];
  const onMessage = (e: MessageEvent): void => {
    if (e.data && typeof e.data === 'object') seen.push(e.data as Record<string, unknown>);
  };
  window.addEventListener('message', onMessage);
  window.postMessage(message, location.origin);
  await waitUntil(() => seen.some((d) => d.referenceId === message.referenceId && 'request' in d));
  await aTimeout(0);
  const marker = `marker-${++sequence}`;
  window.postMessage({ marker }, location.origin);
  await waitUntil(() => seen.some((d) => d.marker === marker));
  window.removeEventListener('message', onMessage);
  return !seen.some((d) => d.referenceId === message.referenceId && !('request' in d));
}

beforeEach(() => {
  log = [];
  for (const name of EVENTS) document.addEventListener(name, onEvent);
});
afterEach(() => {
  for (const name of EVENTS) document.removeEventListener(name, onEvent);
  resetXss();
});

describe('<cc-provider>', () => {
  describe('accessibility (axe)', () => {
    for (const { theme } of THEMES) {
      it(`is accessible with a desk inside (${theme})`, async () => {
        const { el } = await simulated({ theme });
        await expect(el).to.be.accessible();
      });
      it(`is accessible while reconnecting (${theme})`, async () => {
        const { el, clock } = await simulated({ theme });
        sim(el).dropConnection(3000);
        await advance(clock, 0, el);
        expect(text(el, 'banner')).to.not.equal('');
        await expect(el).to.be.accessible();
      });
      it(`is accessible with a configuration failure shown (${theme})`, async () => {
        const { el } = await simulated({ theme });
        el.setAttribute('bridge-origins', 'https://crm.example/path');
        await chunkLoaded(() => text(el, 'error') !== '', 'the malformed list is reported');
        await expect(el).to.be.accessible();
      });
      it(`is accessible when the store could not start (${theme})`, async () => {
        const backend = new FakeBackend();
        backend.fail('connect');
        const el = await fixture<CcProvider>(html`<cc-provider theme=${theme} .backend=${backend}></cc-provider>`);
        await waitUntil(() => eventsOf(el, 'cc-error').length > 0);
        await el.updateComplete;
        expect(part(el, 'retry-button')).to.not.equal(null);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('the simulated contact center', () => {
    it('starts a working store: cc-ready, then offers become tasks the elements show', async () => {
      const { el, clock, outdial } = await simulated();
      const [readyEvent] = eventsOf(el, 'cc-ready');
      expect(readyEvent!.detail.store).to.equal(el.store);
      expect(readyEvent!.bubbles && readyEvent!.composed).to.equal(true);
      expect(el.backend).to.be.instanceOf(SimulatedContactCenter);
      expect(el.store!.connection.status).to.equal('connected');
      const id = sim(el).offerContact({ media: 'telephony', force: true });
      await advance(clock, 0, outdial);
      expect(el.store!.tasks.map((t) => t.id)).to.deep.equal([id]);
      // The element below the provider reads the same store: a live call disables outdial.
      expect(text(outdial, 'reason')).to.equal('Finish the current call before dialing out.');
    });

    it('is used when no backend is given, and configured by attributes', async () => {
      const clock = new VirtualClock();
      const el = await fixture<CcProvider>(
        html`<cc-provider seed="9" latency="0" rona-timeout="5" start-available wrap-up-required="false" agent-name="Kim Lee" .clock=${clock}></cc-provider>`,
      );
      await ready(el);
      expect(el.backend).to.be.instanceOf(SimulatedContactCenter);
      const store = el.store!;
      expect(store.agent.status.state).to.equal('Available');
      expect(store.agent.profile!.agentName).to.equal('Kim Lee');
      sim(el).offerContact({ media: 'chat' });
      await advance(clock, 5000);
      expect(store.agent.status.state).to.equal('RONA');
      await removed(el);
    });

    it('offers contacts by itself every offer-every seconds', async () => {
      const clock = new VirtualClock();
      const el = await fixture<CcProvider>(
        html`<cc-provider simulate latency="0" offer-every="20" start-available .clock=${clock}></cc-provider>`,
      );
      await ready(el);
      expect(el.store!.tasks).to.have.length(0);
      await advance(clock, 20_000);
      expect(el.store!.tasks).to.have.length(1);
      await removed(el);
    });
    it('routes a contact to an Available agent within 5 s by default, and none with offer-every="0"', async () => {
      const clock = new VirtualClock();
      const el = await fixture<CcProvider>(html`<cc-provider simulate latency="0" .clock=${clock}></cc-provider>`);
      await ready(el);
      await advance(clock, 60_000);
      expect(el.store!.tasks, 'nothing while Idle').to.have.length(0);
      await el.store!.setAgentState('Available');
      await advance(clock, 5000);
      expect(el.store!.tasks).to.have.length(1);
      await removed(el);

      const off = await fixture<CcProvider>(
        html`<cc-provider simulate latency="0" offer-every="0" start-available .clock=${clock}></cc-provider>`,
      );
      await ready(off);
      await advance(clock, 600_000);
      expect(off.store!.tasks).to.have.length(0);
      await removed(off);
    });
  });

  describe('a given backend', () => {
    it('runs the store on the backend property', async () => {
      const backend = new FakeBackend();
      const el = await fixture<CcProvider>(html`<cc-provider .backend=${backend}><cc-agent-state></cc-agent-state></cc-provider>`);
      await ready(el);
      expect(el.backend).to.equal(backend);
      expect(backend.callsOf('connect')).to.have.length(1);
      expect(backend.observed).to.equal(true);
      const agentState = el.querySelector('cc-agent-state') as CcAgentState;
      await agentState.updateComplete;
      expect((root(agentState).querySelector('select') as HTMLSelectElement).value).to.equal('idle:idle-lunch');
    });

    it('switches to a backend set after it started, stopping the simulated one', async () => {
      const { el, clock } = await simulated();
      const first = el.store!;
      const simulator = sim(el);
      el.removeAttribute('simulate');
      const backend = new FakeBackend();
      el.backend = backend;
      await waitUntil(() => eventsOf(el, 'cc-ready').length === 2);
      expect(el.store).to.not.equal(first);
      expect(el.backend).to.equal(backend);
      expect(simulator.pendingTimers).to.equal(0);
      expect(clock.pending).to.equal(0);
      expect(statusOf(simulator)).to.equal('disconnected');
      expect(first).to.not.equal(undefined);
    });

    it('uses the simulator when simulate is set, even with a backend', async () => {
      const backend = new FakeBackend();
      const el = await fixture<CcProvider>(html`<cc-provider simulate latency="0" .backend=${backend}></cc-provider>`);
      await ready(el);
      expect(el.backend).to.be.instanceOf(SimulatedContactCenter);
      expect(backend.calls).to.have.length(0);
      await removed(el);
    });

    it('shares a store set from script and leaves stopping it to its owner', async () => {
      const clock = new VirtualClock();
      const store = createStore(new SimulatedContactCenter({ clock, latencyMs: 0 }), { clock });
      const el = await fixture<CcProvider>(html`<cc-provider .store=${store}><cc-outdial></cc-outdial></cc-provider>`);
      await ready(el);
      expect(el.store).to.equal(store);
      expect(store.connection.status).to.equal('connected');
      const outdial = el.querySelector('cc-outdial') as CcOutdial;
      await outdial.updateComplete;
      expect(root(outdial).querySelector('input')).to.not.equal(null);
      const backend = (el.backend ?? undefined) as ContactCenter | undefined;
      expect(backend).to.equal(undefined);
      await removed(el);
      expect(store.connection.status).to.equal('connected');
      await store.stop();
    });

    it('shows a failed start with a retry, fires cc-error, and starts on retry', async () => {
      const backend = new FakeBackend();
      backend.hang('connect');
      const el = await fixture<CcProvider>(html`<cc-provider .backend=${backend}></cc-provider>`);
      await waitUntil(() => backend.callsOf('connect').length === 1);
      backend.settle('connect').reject(new Error('Login refused'));
      await waitUntil(() => eventsOf(el, 'cc-error').length > 0);
      await el.updateComplete;
      const [error] = eventsOf(el, 'cc-error');
      expect(error!.detail.code).to.equal('CONNECTION');
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
      expect(text(el, 'error')).to.contain('The agent desk could not start:');
      expect(text(el, 'error')).to.contain('Login refused');
      expect(eventsOf(el, 'cc-ready')).to.have.length(0);
      (part(el, 'retry-button') as HTMLButtonElement).click();
      await waitUntil(() => backend.callsOf('connect').length === 2);
      backend.settle('connect').resolve();
      await ready(el);
      await el.updateComplete;
      expect(text(el, 'error')).to.equal('');
    });
  });

  describe('connection', () => {
    it('shows a banner and fires cc-connection-changed while the backend reconnects', async () => {
      const { el, clock } = await simulated();
      const before = eventsOf(el, 'cc-connection-changed').length;
      expect(text(el, 'banner')).to.equal('');
      sim(el).dropConnection(3000);
      await advance(clock, 0, el);
      expect(part(el, 'banner')!.getAttribute('role')).to.equal('status');
      expect(text(el, 'banner')).to.equal('Reconnecting to the contact center…');
      await advance(clock, 3000, el);
      expect(text(el, 'banner')).to.equal('');
      const changes = eventsOf(el, 'cc-connection-changed').slice(before).map((e) => e.detail.status);
      expect(changes).to.deep.equal(['reconnecting', 'connected']);
    });

    it('says so when the backend disconnects after having been connected', async () => {
      const backend = new FakeBackend();
      const el = await fixture<CcProvider>(html`<cc-provider .backend=${backend}></cc-provider>`);
      await ready(el);
      expect(text(el, 'banner')).to.equal('');
      backend.connection.next({ status: 'disconnected', reason: 'Session expired' });
      await el.updateComplete;
      expect(text(el, 'banner')).to.equal('Not connected to the contact center.');
      expect(eventsOf(el, 'cc-connection-changed').at(-1)!.detail.status).to.equal('disconnected');
    });
  });

  describe('language', () => {
    const label = (agentState: CcAgentState): string => text(agentState, 'label');

    it('re-renders the elements in German and French when locale changes, and marks the language', async () => {
      const { el, agentState } = await simulated({ locale: 'de' });
      await chunkLoaded(() => label(agentState) === 'Agentenstatus', 'German');
      expect(el.getAttribute('lang')).to.equal('de');
      el.setAttribute('locale', 'fr');
      await chunkLoaded(() => label(agentState) === 'État de l’agent', 'French');
      expect(el.getAttribute('lang')).to.equal('fr');
      el.locale = 'de-AT';
      await chunkLoaded(() => label(agentState) === 'Agentenstatus', 'German from de-AT');
      el.locale = 'es';
      await chunkLoaded(() => label(agentState) === 'Agent state', 'English fallback');
      expect(el.getAttribute('lang')).to.equal('en');
    });

    it("follows the document's language by default", async () => {
      const previous = document.documentElement.lang;
      document.documentElement.lang = 'fr-CA';
      try {
        const el = await fixture<CcProvider>(
          html`<cc-provider simulate latency="0" .clock=${new VirtualClock()}><cc-agent-state></cc-agent-state></cc-provider>`,
        );
        const agentState = el.querySelector('cc-agent-state') as CcAgentState;
        await chunkLoaded(() => label(agentState) === 'État de l’agent', 'French');
        expect(el.hasAttribute('lang')).to.equal(false);
        await removed(el);
      } finally {
        document.documentElement.lang = previous;
      }
    });

    it('translates its own messages', async () => {
      const { el, clock } = await simulated({ locale: 'de' });
      await chunkLoaded(() => el.getAttribute('lang') === 'de', 'German');
      sim(el).dropConnection(3000);
      await advance(clock, 0, el);
      expect(text(el, 'banner')).to.equal('Verbindung zum Contact Center wird wiederhergestellt…');
    });
  });

  describe('theme', () => {
    const scheme = (el: Element): string => getComputedStyle(el).colorScheme;

    it('sets color-scheme on the host, inherited by the elements inside', async () => {
      const { el, agentState } = await simulated({ theme: 'dark' });
      expect(scheme(el)).to.equal('dark');
      expect(scheme(agentState)).to.equal('dark');
      const dark = getComputedStyle(agentState).backgroundColor;
      el.theme = 'light';
      await el.updateComplete;
      expect(el.getAttribute('theme')).to.equal('light');
      expect(scheme(agentState)).to.equal('light');
      expect(getComputedStyle(agentState).backgroundColor).to.not.equal(dark);
      el.setAttribute('theme', 'auto');
      await el.updateComplete;
      expect(scheme(el)).to.equal('light dark');
      expect(getComputedStyle(el).display).to.equal('block');
    });

    it('fires nothing when properties are set from code', async () => {
      const { el } = await simulated();
      const before = log.length;
      el.theme = 'dark';
      el.locale = 'fr';
      el.setAttribute('bridge-origins', location.origin);
      await el.updateComplete;
      await aTimeout(0);
      el.removeAttribute('bridge-origins');
      await el.updateComplete;
      expect(log.slice(before).map((e) => e.type)).to.deep.equal([]);
    });
  });

  describe('two providers', () => {
    it('stay independent', async () => {
      const a = await simulated();
      const b = await simulated();
      expect(a.el.store).to.not.equal(b.el.store);
      expect(a.el.backend).to.not.equal(b.el.backend);
      sim(a.el).offerContact({ media: 'telephony', force: true });
      await advance(a.clock, 0, a.outdial, b.outdial);
      expect(a.el.store!.tasks).to.have.length(1);
      expect(b.el.store!.tasks).to.have.length(0);
      expect(text(a.outdial, 'reason')).to.not.equal('');
      expect(part(b.outdial, 'reason')).to.equal(null);
      const simulatorA = sim(a.el);
      await removed(a.el);
      expect(statusOf(simulatorA)).to.equal('disconnected');
      expect(statusOf(sim(b.el))).to.equal('connected');
      expect(b.el.store!.connection.status).to.equal('connected');
    });
  });

  describe('the postMessage bridge', () => {
    it('answers allowed origins while bridge-origins is set, and stops when it is removed', async () => {
      const { el } = await simulated();
      expect(await unanswered('interaction.getInteractions')).to.equal(true);
      el.setAttribute('bridge-origins', `https://crm.example ${location.origin}`);
      await el.updateComplete;
      await chunkLoaded(() => el.bridgeActive, 'the bridge starts');
      sim(el).offerContact({ media: 'chat', force: true });
      const reply = await ask('interaction.getInteractions');
      expect(reply.errorMessage).to.equal(undefined);
      expect(reply.data).to.be.an('array');
      el.removeAttribute('bridge-origins');
      await el.updateComplete;
      expect(await unanswered('interaction.getInteractions')).to.equal(true);
    });

    it('answers a framed client in its own window, not the page', async () => {
      const { el } = await simulated();
      el.setAttribute('bridge-origins', location.origin);
      await el.updateComplete;
      await chunkLoaded(() => el.bridgeActive, 'the bridge starts');
      const seen: Record<string, unknown>[] = [];
      const onMessage = (e: MessageEvent): void => {
        if (e.data && typeof e.data === 'object') seen.push(e.data as Record<string, unknown>);
      };
      window.addEventListener('message', onMessage);
      const message = request('interaction.getInteractions');
      const frame = document.createElement('iframe');
      frame.title = 'bridge client';
      // A same-origin client page in its own window: it asks the page's service and reports what it got.
      frame.srcdoc = `<script>
        const origin = ${JSON.stringify(location.origin)};
        addEventListener('message', (e) => {
          if (e.source === parent && e.origin === origin && e.data && e.data.referenceId === ${JSON.stringify(message.referenceId)}) {
            parent.postMessage({ fromFrame: e.data }, origin);
          }
        });
        parent.postMessage(${JSON.stringify(message)}, origin);
      </script>`;
      el.append(frame);
      await waitUntil(() => seen.some((d) => 'fromFrame' in d), 'the frame got an answer', { timeout: 5000 });
      window.removeEventListener('message', onMessage);
      const { fromFrame } = seen.find((d) => 'fromFrame' in d) as { fromFrame: Reply };
      expect(fromFrame.errorMessage).to.equal(undefined);
      expect(fromFrame.data).to.be.an('array');
      expect(seen.filter((d) => d.referenceId === message.referenceId && !('request' in d))).to.deep.equal([]);
      frame.remove();
    });

    it('does not answer an origin that is not on the list', async () => {
      const { el } = await simulated();
      el.setAttribute('bridge-origins', 'https://crm.example');
      await el.updateComplete;
      expect(await unanswered('interaction.getInteractions')).to.equal(true);
      expect(eventsOf(el, 'cc-error')).to.have.length(0);
    });

    it('passes the user-data allow-lists to the service', async () => {
      const { el, clock } = await simulated();
      el.setAttribute('bridge-user-data-read', 'caseId language');
      el.setAttribute('bridge-user-data-write', 'notes');
      el.setAttribute('bridge-origins', location.origin);
      await el.updateComplete;
      await chunkLoaded(() => el.bridgeActive, 'the bridge starts');
      const id = sim(el).offerContact({ media: 'chat', force: true })!;
      await advance(clock, 0, el);
      const reply = await ask('interaction.getByInteractionId', [id]);
      expect(Object.keys((reply.data as { userData: object }).userData).sort()).to.deep.equal(['caseId', 'language']);
      await el.store!.accept(id);
      await advance(clock, 0, el);
      const refused = await ask('interaction.setUserData', [id, { caseId: 'CS-1' }]);
      expect(refused.errorCode).to.equal('FORBIDDEN');
      const allowed = await askTicking(clock, 'interaction.setUserData', [id, { notes: 'called back' }]);
      expect(allowed.errorMessage).to.equal(undefined);
    });

    it('reports a malformed origin list with cc-error and a visible message, and stays off', async () => {
      const { el } = await simulated();
      el.setAttribute('bridge-origins', `${location.origin} https://crm.example/path`);
      await chunkLoaded(() => eventsOf(el, 'cc-error').length > 0, 'the malformed list is reported');
      await el.updateComplete;
      const [error] = eventsOf(el, 'cc-error');
      expect(error!.detail.code).to.equal('INVALID_PARAMETERS');
      expect(error!.detail.message).to.contain('bridge-origins');
      expect(text(el, 'error')).to.contain('The host-page connection is off');
      expect(await unanswered('interaction.getInteractions')).to.equal(true);
      el.setAttribute('bridge-origins', location.origin);
      await el.updateComplete;
      expect(text(el, 'error')).to.equal('');
      await chunkLoaded(() => el.bridgeActive, 'the bridge starts');
      expect((await ask('interaction.getInteractions')).errorMessage).to.equal(undefined);
    });

    it('renders a hostile origin list as inert text', async () => {
      const { el } = await simulated();
      el.setAttribute('bridge-origins', XSS_PAYLOAD);
      await chunkLoaded(() => text(el, 'error') !== '', 'the malformed list is reported');
      expect(root(el).textContent).to.contain('<img');
      expectInert(root(el));
    });
  });

  describe('removal', () => {
    it('stops the store, the backend, the bridge and every subscription', async () => {
      const backend = new FakeBackend();
      const el = await fixture<CcProvider>(html`
        <cc-provider .backend=${backend} bridge-origins=${location.origin}><cc-agent-state></cc-agent-state></cc-provider>
      `);
      await ready(el);
      const store = el.store!;
      expect((await ask('interaction.getInteractions')).errorMessage).to.equal(undefined);
      const completed: string[] = [];
      store.tasks$.subscribe({ complete: () => completed.push('tasks$') });
      const before = log.length;
      await removed(el);
      expect(backend.observed).to.equal(false);
      expect(backend.callsOf('disconnect')).to.have.length(1);
      expect(completed).to.deep.equal(['tasks$']);
      expect(el.store).to.equal(undefined);
      expect(await unanswered('interaction.getInteractions')).to.equal(true);
      expect(log.slice(before)).to.deep.equal([]);
    });

    it('leaves no simulator timer running', async () => {
      const { el, clock } = await simulated();
      sim(el).offerContact({ media: 'chat', force: true });
      expect(clock.pending).to.be.greaterThan(0);
      const simulator = sim(el);
      await removed(el);
      expect(simulator.pendingTimers).to.equal(0);
      expect(clock.pending).to.equal(0);
    });

    it('keeps the store when moved in the document, and starts a new one when added back later', async () => {
      const { el } = await simulated();
      const store = el.store!;
      const simulator = sim(el);
      const other = document.createElement('div');
      el.parentElement!.append(other);
      other.append(el);
      await aTimeout(0);
      expect(el.store).to.equal(store);
      expect(statusOf(simulator)).to.equal('connected');
      await removed(el);
      expect(statusOf(simulator)).to.equal('disconnected');
      other.append(el);
      await waitUntil(() => eventsOf(el, 'cc-ready').length === 2);
      expect(el.store).to.not.equal(store);
      expect(el.store!.connection.status).to.equal('connected');
    });
  });
});
