import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import '../../src/elements/incoming-task/incoming-task.js';
import type { CcIncomingTask } from '../../src/elements/incoming-task/incoming-task.js';
import type { VirtualClock } from '../../src/backends/simulated/index.js';
import type { CcStore } from '../../src/store/types.js';
import type { MediaChannel } from '../../src/model/index.js';
import { createTranslator } from '../../src/i18n/translator.js';
import { renderProvided } from '../fixtures/provide.js';
import { FakeStore, task } from '../fixtures/fake-store.js';
import { THEMES, XSS_PAYLOAD, expectNoMarkup, expectNoScriptRan, recordEvents, releaseSimDesks, simDesk } from '../fixtures/sim-desk.js';

/** The cc-… events these tests watch for on the document. */
const EVENTS = ['cc-task-accepted', 'cc-task-declined', 'cc-error', 'cc-task-selected'] as const;

afterEach(releaseSimDesks);

async function render(store: CcStore | undefined, options: { dark?: boolean } = {}) {
  return renderProvided<CcIncomingTask>(html`<cc-incoming-task></cc-incoming-task>`, store, options);
}

const root = (el: CcIncomingTask) => el.shadowRoot!;
const offers = (el: CcIncomingTask) => [...root(el).querySelectorAll<HTMLElement>('[part~="offer"]')];
const button = (el: CcIncomingTask, part: 'accept' | 'decline', index = 0) =>
  offers(el)[index].querySelector<HTMLButtonElement>(`[part="${part}"]`)!;
const announcer = (el: CcIncomingTask) => root(el).querySelector('[part="announcer"]')!.textContent!.trim();
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function flush(clock: VirtualClock, el: CcIncomingTask) {
  clock.flush();
  await el.updateComplete;
}

describe('<cc-incoming-task>', () => {
  describe('accessibility (axe)', () => {
    it('passes with a voice offer, light and dark', async () => {
      for (const { dark } of THEMES) {
        const { clock, sim, store } = await simDesk();
        sim.offerContact({ media: 'telephony' });
        const { el } = await render(store, { dark });
        await flush(clock, el);
        expect(offers(el)).to.have.length(1);
        await expect(el).to.be.accessible();
      }
    });

    it('passes with several offers including a consult request, light and dark', async () => {
      for (const { dark } of THEMES) {
        const { clock, sim, store } = await simDesk();
        sim.offerContact({ media: 'chat' });
        sim.offerContact({ media: 'email' });
        sim.offerConsult({ from: 'agent-ana' });
        const { el } = await render(store, { dark });
        await flush(clock, el);
        expect(offers(el)).to.have.length(3);
        await expect(el).to.be.accessible();
      }
    });

    it('passes while accepting (busy) and with a failure shown, light and dark', async () => {
      for (const { dark } of THEMES) {
        const { clock, sim, store } = await simDesk({ latencyMs: 5000 });
        sim.offerContact({ media: 'telephony' });
        sim.offerContact({ media: 'chat' });
        clock.advance(5000);
        const { el } = await render(store, { dark });
        await el.updateComplete;
        sim.failNext('accept');
        button(el, 'accept', 1).click();
        await waitUntil(() => root(el).querySelector('[role="alert"]'), 'failure shown');
        button(el, 'accept', 0).click();
        await waitUntil(() => button(el, 'accept', 0).getAttribute('aria-busy') === 'true', 'busy shown');
        await expect(el).to.be.accessible();
      }
    });

    it('passes with no offer', async () => {
      const { store } = await simDesk();
      const { el } = await render(store);
      await expect(el).to.be.accessible();
    });
  });

  describe('rendering', () => {
    it('shows nothing visible when there is no offer, and no region', async () => {
      const { store } = await simDesk();
      const { el } = await render(store);
      expect(root(el).querySelector('[part="base"]')).to.equal(null);
      expect(el.getBoundingClientRect().height).to.equal(0);
      expect(announcer(el)).to.equal('');
    });

    it('shows a region named "Incoming tasks" with the offer', async () => {
      const { clock, sim, store } = await simDesk();
      sim.offerContact({ media: 'telephony', customerName: 'Zoë Müller' });
      const { el } = await render(store);
      await flush(clock, el);
      const region = root(el).querySelector('section[part="base"]')!;
      expect(region.getAttribute('aria-label')).to.equal('Incoming tasks');
      expect(el.getBoundingClientRect().height).to.be.greaterThan(0);
    });

    const titles: Record<MediaChannel, string> = {
      telephony: 'Call from',
      chat: 'Chat from',
      email: 'Email from',
      social: 'Social message from',
    };
    for (const media of Object.keys(titles) as MediaChannel[]) {
      it(`shows a ${media} offer: media, customer, address, queue, countdown, Accept and Decline`, async () => {
        const { clock, sim, store } = await simDesk();
        sim.offerContact({ media, customerName: 'Zoë Müller', force: true });
        const { el } = await render(store);
        await flush(clock, el);
        const offer = offers(el)[0];
        const t = store.tasks[0];
        const cpd = t.data.interaction.callProcessingDetails;
        expect(text(offer.querySelector('[part="media"]'))).to.equal(
          { telephony: 'Call', chat: 'Chat', email: 'Email', social: 'Social' }[media],
        );
        expect(offer.querySelector('[part="media"] svg')!.getAttribute('aria-hidden')).to.equal('true');
        expect(text(offer.querySelector('[part="title"]'))).to.equal(`${titles[media]} Zoë Müller`);
        expect(text(offer.querySelector('[part="address"]'))).to.equal(media === 'telephony' ? cpd.displayAni : cpd.fromAddress);
        expect(text(offer.querySelector('[part="queue"]'))).to.equal(`Queue: ${cpd.virtualTeamName}`);
        expect(text(offer.querySelector('[part="countdown"]'))).to.equal('Answer within 0:30');
        expect(text(button(el, 'accept'))).to.equal('Accept');
        expect(text(button(el, 'decline'))).to.equal('Decline');
      });
    }

    it('falls back to the number when the customer has no name, then to "Unknown customer"', async () => {
      const store = new FakeStore([task('t1', { state: 'OFFERED' })]);
      const t = store.tasks[0];
      const cpd = { ...t.data.interaction.callProcessingDetails, customerName: '' };
      const participants = Object.fromEntries(
        Object.entries(t.data.interaction.participants).map(([k, p]) => [k, { ...p, name: p.pType === 'Customer' ? '' : p.name }]),
      );
      store.patch('t1', { data: { ...t.data, interaction: { ...t.data.interaction, callProcessingDetails: cpd, participants } } });
      const { el } = await render(store);
      expect(text(root(el).querySelector('[part="title"]'))).to.equal('Call from +15550111');
      expect(root(el).querySelector('[part="address"]')).to.equal(null);
      const none = { ...cpd, displayAni: '', ani: '', customerNumber: '' };
      store.patch('t1', { data: { ...t.data, interaction: { ...t.data.interaction, callProcessingDetails: none, participants } } });
      await el.updateComplete;
      expect(text(root(el).querySelector('[part="title"]'))).to.equal('Call from Unknown customer');
    });

    it('labels a consult request with who is consulting and which customer it is about', async () => {
      const { clock, sim, store } = await simDesk();
      sim.offerConsult({ from: 'agent-ana', customerName: 'José Álvarez' });
      const { el } = await render(store);
      await flush(clock, el);
      const offer = offers(el)[0];
      expect(offer.getAttribute('part')).to.equal('offer consult-offer');
      expect(text(offer.querySelector('[part="title"]'))).to.equal('Consult request from Ana Souza');
      expect(text(offer.querySelector('[part="about"]'))).to.equal('About José Álvarez');
      expect(button(el, 'accept')).to.not.equal(null);
    });

    it('gives Accept and Decline names that say which offer they act on', async () => {
      const { clock, sim, store } = await simDesk();
      sim.offerContact({ media: 'chat', customerName: 'Mary Johnson' });
      sim.offerContact({ media: 'email', customerName: 'James Smith' });
      const { el } = await render(store);
      await flush(clock, el);
      const name = (b: HTMLButtonElement) =>
        b
          .getAttribute('aria-labelledby')!
          .split(' ')
          .map((id) => text(root(el).getElementById(id)))
          .join(' ');
      expect(name(button(el, 'accept', 0))).to.equal('Accept Chat from Mary Johnson');
      expect(name(button(el, 'decline', 1))).to.equal('Decline Email from James Smith');
    });

    it('switches language at run time', async () => {
      const { clock, sim, store } = await simDesk();
      sim.offerContact({ media: 'telephony', customerName: 'Zoë Müller' });
      const { el, setTranslator } = await render(store);
      await flush(clock, el);
      setTranslator(createTranslator('de', (await import('../../src/i18n/de/index.js')).default));
      await el.updateComplete;
      expect(text(root(el).querySelector('[part="title"]'))).to.equal('Anruf von Zoë Müller');
      expect(text(button(el, 'accept'))).to.equal('Annehmen');
      expect(text(root(el).querySelector('[part="countdown"]'))).to.equal('Annehmen innerhalb von 0:30');
      setTranslator(createTranslator('fr', (await import('../../src/i18n/fr/index.js')).default));
      await el.updateComplete;
      expect(text(root(el).querySelector('[part="title"]'))).to.equal('Appel de Zoë Müller');
      expect(text(button(el, 'decline'))).to.equal('Refuser');
    });
  });

  describe('RONA countdown', () => {
    it('counts down from the deadline on the store clock', async () => {
      const { clock, sim, store } = await simDesk({ ronaTimeoutSeconds: 90 });
      sim.offerContact({ media: 'telephony' });
      const { el } = await render(store);
      await flush(clock, el);
      const countdown = () => text(root(el).querySelector('[part="countdown"]'));
      expect(countdown()).to.equal('Answer within 1:30');
      clock.advance(31_000);
      el.requestUpdate();
      await el.updateComplete;
      expect(countdown()).to.equal('Answer within 0:59');
      clock.advance(59_000);
      await el.updateComplete;
      // RONA: the offer leaves.
      expect(offers(el)).to.have.length(0);
    });

    it('re-renders on its own 1-second tick, only while an offer counts, and stops when disconnected', async () => {
      const realSet = globalThis.setInterval;
      const realClear = globalThis.clearInterval;
      const ticks = new Map<number, () => void>();
      let next = 1;
      globalThis.setInterval = ((fn: () => void) => {
        ticks.set(next, fn);
        return next++;
      }) as unknown as typeof setInterval;
      globalThis.clearInterval = ((id: number) => ticks.delete(id)) as unknown as typeof clearInterval;
      try {
        const { clock, sim, store } = await simDesk();
        const { el } = await render(store);
        expect(el.ticking).to.equal(false);
        const id = sim.offerContact({ media: 'telephony' })!;
        await flush(clock, el);
        expect(el.ticking).to.equal(true);
        expect(ticks.size).to.equal(1);
        clock.advance(10_000);
        [...ticks.values()][0]();
        await el.updateComplete;
        expect(text(root(el).querySelector('[part="countdown"]'))).to.equal('Answer within 0:20');
        el.remove();
        expect(el.ticking).to.equal(false);
        expect(ticks.size).to.equal(0);
        void store.decline(id);
        clock.flush();
      } finally {
        globalThis.setInterval = realSet;
        globalThis.clearInterval = realClear;
      }
    });

    it('does not tick when there is no offer', async () => {
      const { clock, sim, store } = await simDesk();
      const id = sim.offerContact({ media: 'chat' })!;
      const { el } = await render(store);
      await flush(clock, el);
      expect(el.ticking).to.equal(true);
      await store.accept(id);
      await flush(clock, el);
      expect(offers(el)).to.have.length(0);
      expect(el.ticking).to.equal(false);
    });
  });

  describe('announcements', () => {
    it('announces each new offer once in a polite live region', async () => {
      const { clock, sim, store } = await simDesk();
      const { el } = await render(store);
      const live = root(el).querySelector('[part="announcer"]')!;
      expect(live.getAttribute('role')).to.equal('status');
      expect(live.getAttribute('aria-live')).to.equal('polite');
      sim.offerContact({ media: 'telephony', customerName: 'Zoë Müller' });
      await flush(clock, el);
      expect(announcer(el)).to.equal('Call from Zoë Müller');
      clock.advance(1000);
      el.requestUpdate();
      await el.updateComplete;
      expect(announcer(el)).to.equal('Call from Zoë Müller');
      sim.offerContact({ media: 'chat', customerName: 'Mary Johnson' });
      await flush(clock, el);
      expect(announcer(el)).to.equal('Chat from Mary Johnson');
    });
  });

  describe('accept and decline', () => {
    it('accepts on click: the store accepts, then cc-task-accepted fires and the offer leaves', async () => {
      const { clock, sim, store } = await simDesk();
      const id = sim.offerContact({ media: 'telephony' })!;
      const { el } = await render(store);
      await flush(clock, el);
      const fired = oneEvent(el, 'cc-task-accepted');
      button(el, 'accept').click();
      const event = await fired;
      expect(event.detail).to.deep.equal({ taskId: id });
      expect(event.bubbles && event.composed).to.equal(true);
      await flush(clock, el);
      expect(store.tasks[0].state).to.equal('CONNECTED');
      expect(offers(el)).to.have.length(0);
    });

    it('declines with the keyboard (Tab to Decline, Space): cc-task-declined fires and the offer leaves', async () => {
      const { clock, sim, store } = await simDesk();
      const id = sim.offerContact({ media: 'email' })!;
      const { el } = await render(store);
      await flush(clock, el);
      button(el, 'accept').focus();
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement).to.equal(button(el, 'decline'));
      const fired = oneEvent(el, 'cc-task-declined');
      await sendKeys({ press: 'Space' });
      expect((await fired).detail).to.deep.equal({ taskId: id });
      await flush(clock, el);
      expect(store.tasks).to.have.length(0);
      expect(offers(el)).to.have.length(0);
    });

    it('accepts with Enter', async () => {
      const { clock, sim, store } = await simDesk();
      const id = sim.offerContact({ media: 'chat' })!;
      const { el } = await render(store);
      await flush(clock, el);
      button(el, 'accept').focus();
      const fired = oneEvent(el, 'cc-task-accepted');
      await sendKeys({ press: 'Enter' });
      expect((await fired).detail.taskId).to.equal(id);
    });

    it('shows progress while the accept is pending and keeps focus on the busy button', async () => {
      const { clock, sim, store } = await simDesk({ latencyMs: 2000 });
      sim.offerContact({ media: 'telephony' });
      clock.advance(2000);
      const { el } = await render(store);
      await el.updateComplete;
      const accept = button(el, 'accept');
      accept.focus();
      accept.click();
      await waitUntil(() => accept.getAttribute('aria-busy') === 'true', 'busy');
      expect(text(accept)).to.equal('Accepting…');
      expect(accept.querySelector('.spinner')).to.not.equal(null);
      expect(accept.disabled).to.equal(false);
      expect(accept.getAttribute('aria-disabled')).to.equal('true');
      expect(root(el).activeElement).to.equal(accept);
      expect(button(el, 'decline').disabled).to.equal(true);
      clock.advance(2000);
      await el.updateComplete;
      expect(offers(el)).to.have.length(0);
    });

    it('shows a failed accept inline as an alert, fires cc-error, and keeps the offer', async () => {
      const { clock, sim, store } = await simDesk();
      sim.offerContact({ media: 'telephony' });
      const { el } = await render(store);
      await flush(clock, el);
      const events = recordEvents(document, EVENTS);
      try {
        sim.failNext('accept', 1, 'Agent phone not registered');
        const failed = oneEvent(el, 'cc-error');
        button(el, 'accept').click();
        const error = (await failed).detail;
        expect(error.command).to.equal('accept');
        await el.updateComplete;
        const alert = root(el).querySelector('[part="error"]')!;
        expect(alert.getAttribute('role')).to.equal('alert');
        expect(text(alert)).to.contain('Agent phone not registered');
        expect(store.tasks[0].state).to.equal('OFFERED');
        expect(button(el, 'accept').disabled).to.equal(false);
        expect(events.names).to.deep.equal(['cc-error']);
      } finally {
        events.stop();
      }
    });

    it('shows a failure that arrives as the …Failed event (AgentContactAssignFailed)', async () => {
      const { clock, sim, store } = await simDesk();
      sim.offerContact({ media: 'telephony' });
      const { el } = await render(store);
      await flush(clock, el);
      sim.failNext('accept', 1, 'Assign failed upstream', { as: 'event' });
      const accepted = oneEvent(el, 'cc-task-accepted');
      button(el, 'accept').click();
      await accepted;
      await flush(clock, el);
      const alert = root(el).querySelector('[part="error"]')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(text(alert)).to.contain('Assign failed upstream');
      expect(store.tasks[0].state).to.equal('OFFERED');
    });

    it('clears the failure on retry, and the retry can succeed', async () => {
      const { clock, sim, store } = await simDesk();
      sim.offerContact({ media: 'chat' });
      const { el } = await render(store);
      await flush(clock, el);
      sim.failNext('accept');
      const failed = oneEvent(el, 'cc-error');
      button(el, 'accept').click();
      await failed;
      await el.updateComplete;
      expect(root(el).querySelector('[part="error"]')).to.not.equal(null);
      const accepted = oneEvent(el, 'cc-task-accepted');
      button(el, 'accept').click();
      await accepted;
      await flush(clock, el);
      expect(root(el).querySelector('[part="error"]')).to.equal(null);
      expect(store.tasks[0].state).to.equal('CONNECTED');
    });
  });

  describe('events only on user action', () => {
    it('fires nothing when offers arrive, time out, or the store and language are set from code', async () => {
      const events = recordEvents(document, EVENTS);
      try {
        const { clock, sim, store } = await simDesk();
        const { el, setStore, setTranslator } = await render(store);
        sim.offerContact({ media: 'telephony' });
        sim.offerConsult();
        await flush(clock, el);
        clock.advance(31_000);
        await el.updateComplete;
        setTranslator(createTranslator('de', (await import('../../src/i18n/de/index.js')).default));
        const other = await simDesk();
        other.sim.offerContact({ media: 'chat' });
        other.clock.flush();
        setStore(other.store);
        await el.updateComplete;
        expect(offers(el)).to.have.length(1);
        setStore(undefined);
        await el.updateComplete;
        expect(offers(el)).to.have.length(0);
        expect(events.names).to.deep.equal([]);
      } finally {
        events.stop();
      }
    });
  });

  describe('customer data is text', () => {
    it('renders an HTML/script payload in name, number, queue and consulting agent as inert text', async () => {
      const { clock, sim, store } = await simDesk();
      sim.offerContact({ media: 'telephony', customerName: XSS_PAYLOAD });
      const { el } = await render(store);
      await flush(clock, el);
      expect(text(root(el).querySelector('[part="title"]'))).to.equal(`Call from ${XSS_PAYLOAD}`);
      expect(announcer(el)).to.contain('<img');

      const fake = new FakeStore([task('t1', { state: 'OFFERED', times: { ronaDeadline: 1_030_000 } })]);
      const t = fake.tasks[0];
      const cpd = { ...t.data.interaction.callProcessingDetails, displayAni: XSS_PAYLOAD, virtualTeamName: XSS_PAYLOAD, customerName: XSS_PAYLOAD };
      fake.patch('t1', { data: { ...t.data, queueName: XSS_PAYLOAD, interaction: { ...t.data.interaction, callProcessingDetails: cpd } } });
      const consult = task('t2', { state: 'OFFERED_CONSULT' });
      const ccpd = { ...consult.data.interaction.callProcessingDetails, parent_Agent_Name: XSS_PAYLOAD, customerName: XSS_PAYLOAD };
      fake.put({ ...consult, data: { ...consult.data, interaction: { ...consult.data.interaction, callProcessingDetails: ccpd } } });
      const second = await render(fake);
      const r = root(second.el);
      expect(text(r.querySelectorAll('[part="title"]')[0])).to.equal(`Call from ${XSS_PAYLOAD}`);
      expect(text(r.querySelectorAll('[part="address"]')[0])).to.equal(XSS_PAYLOAD);
      expect(text(r.querySelector('[part="queue"]'))).to.equal(`Queue: ${XSS_PAYLOAD}`);
      expect(text(r.querySelectorAll('[part="title"]')[1])).to.equal(`Consult request from ${XSS_PAYLOAD}`);
      expect(text(r.querySelector('[part="about"]'))).to.equal(`About ${XSS_PAYLOAD}`);
      for (const shadow of [root(el), r]) {
        expect(shadow.textContent).to.contain('<img');
        expectNoMarkup(shadow);
      }
      expectNoScriptRan();
    });
  });
});
