import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import '../../src/elements/task-list/task-list.js';
import type { CcTaskList } from '../../src/elements/task-list/task-list.js';
import type { CcStore } from '../../src/store/types.js';
import { createTranslator } from '../../src/i18n/translator.js';
import { renderProvided } from '../fixtures/provide.js';
import { FakeStore, task } from '../fixtures/fake-store.js';
import { THEMES, XSS_PAYLOAD, expectNoMarkup, expectNoScriptRan, recordEvents, releaseSimDesks, simDesk, type SimDeskOptions } from '../fixtures/sim-desk.js';

/** The cc-… events these tests watch for on the document. */
const EVENTS = ['cc-task-accepted', 'cc-task-declined', 'cc-error', 'cc-task-selected'] as const;

afterEach(releaseSimDesks);

/**
 * Three live tasks in arrival order: a chat (connected 0:00 at +0), a call (connected, then on hold),
 * and an email offer. Returns their ids.
 */
async function threeTasks(options: SimDeskOptions = {}) {
  const env = await simDesk(options);
  const { clock, sim, store } = env;
  const chat = sim.offerContact({ media: 'chat', customerName: 'Mary Johnson' })!;
  clock.flush();
  await store.accept(chat);
  clock.flush();
  const call = sim.offerContact({ media: 'telephony', customerName: 'Zoë Müller' })!;
  clock.flush();
  await store.accept(call);
  clock.advance(60_000);
  await store.hold(call);
  clock.flush();
  const email = sim.offerContact({ media: 'email', customerName: 'James Smith' })!;
  clock.flush();
  return { ...env, chat, call, email };
}

async function render(store: CcStore | undefined, options: { dark?: boolean } = {}) {
  return renderProvided<CcTaskList>(html`<cc-task-list></cc-task-list>`, store, options);
}

const root = (el: CcTaskList) => el.shadowRoot!;
const options = (el: CcTaskList) => [...root(el).querySelectorAll<HTMLElement>('[role="option"]')];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const field = (option: HTMLElement, part: string) => text(option.querySelector(`[part="${part}"]`));
const selected = (el: CcTaskList) => options(el).filter((o) => o.getAttribute('aria-selected') === 'true');

describe('<cc-task-list>', () => {
  describe('accessibility (axe)', () => {
    it('passes with several tasks (offer, connected, held) and one selected, light and dark', async () => {
      for (const { dark } of THEMES) {
        const { store } = await threeTasks();
        const { el } = await render(store, { dark });
        expect(options(el)).to.have.length(3);
        expect(selected(el)).to.have.length(1);
        await expect(el).to.be.accessible();
      }
    });

    it('passes with an offer failure shown, light and dark', async () => {
      for (const { dark } of THEMES) {
        const { clock, sim, store } = await simDesk();
        sim.offerContact({ media: 'telephony' });
        clock.flush();
        const { el } = await render(store, { dark });
        sim.failNext('accept');
        root(el).querySelector<HTMLButtonElement>('[part="accept"]')!.click();
        await waitUntil(() => root(el).querySelector('[part="error"]'), 'failure shown');
        await expect(el).to.be.accessible();
      }
    });

    it('passes when empty', async () => {
      const { store } = await simDesk();
      const { el } = await render(store);
      await expect(el).to.be.accessible();
    });
  });

  describe('rendering', () => {
    it('shows the empty state when there is no task', async () => {
      const { store } = await simDesk();
      const { el } = await render(store);
      expect(root(el).querySelector('[role="listbox"]')).to.equal(null);
      expect(text(root(el).querySelector('[part="empty"]'))).to.equal('No tasks right now.');
    });

    it('lists every live task in the store order with media, customer, queue, state and timer', async () => {
      const { store } = await threeTasks();
      const { el } = await render(store);
      const list = root(el).querySelector('[role="listbox"]')!;
      expect(list.getAttribute('aria-label')).to.equal('Tasks');
      const [chat, call, email] = options(el);
      expect(options(el).map((o) => field(o, 'customer'))).to.deep.equal(['Mary Johnson', 'Zoë Müller', 'James Smith']);
      expect([chat, call, email].map((o) => field(o, 'media'))).to.deep.equal(['Chat', 'Call', 'Email']);
      expect([chat, call, email].map((o) => field(o, 'state'))).to.deep.equal(['Connected', 'On hold', 'Incoming']);
      expect(field(chat, 'queue')).to.equal(store.tasks[0].data.interaction.callProcessingDetails.virtualTeamName);
      expect(field(chat, 'timer')).to.equal('Handle time 1:00');
      expect(field(call, 'timer')).to.equal('On hold 0:00 · Handle time 1:00');
      expect(field(email, 'timer')).to.equal('Answer within 0:30');
      expect(email.getAttribute('part')).to.contain('task-offer');
    });

    it('renders every live state and media, translated, with the right timer (and passes axe)', async () => {
      const states = ['OFFERED', 'OFFERED_CONSULT', 'CONNECTED', 'HELD', 'CONSULTING', 'CONFERENCING', 'WRAPPING_UP'] as const;
      const media = ['telephony', 'chat', 'email', 'social'] as const;
      const now = 1_000_000;
      const store = new FakeStore(
        states.map((state, i) => {
          const m = media[i % media.length];
          const offer = state.startsWith('OFFERED');
          const times = offer ? { ronaDeadline: now + 20_000 } : { connectedAt: now - 65_000, ...(state === 'HELD' ? { heldAt: now - 5_000 } : {}) };
          return task(`t${i}`, { state, media: m, times }, { media: m });
        }),
      );
      const { el } = await render(store);
      const rows = options(el).map((o) => [field(o, 'media'), field(o, 'state'), field(o, 'timer')]);
      expect(rows).to.deep.equal([
        ['Call', 'Incoming', 'Answer within 0:20'],
        ['Chat', 'Consult request', 'Answer within 0:20'],
        ['Email', 'Connected', 'Handle time 1:05'],
        ['Social', 'On hold', 'On hold 0:05 · Handle time 1:05'],
        ['Call', 'Consulting', 'Handle time 1:05'],
        ['Chat', 'Conference', 'Handle time 1:05'],
        ['Email', 'Wrap-up', 'Handle time 1:05'],
      ]);
      expect(root(el).querySelectorAll('[part="actions"] [part="accept"]')).to.have.length(2);
      await expect(el).to.be.accessible();
    });

    it('updates the timers from the store clock', async () => {
      const { clock, store } = await threeTasks({ ronaTimeoutSeconds: 120 });
      const { el } = await render(store);
      clock.advance(75_000);
      el.requestUpdate();
      await el.updateComplete;
      const [chat, call, email] = options(el);
      expect(field(chat, 'timer')).to.equal('Handle time 2:15');
      expect(field(call, 'timer')).to.equal('On hold 1:15 · Handle time 2:15');
      expect(field(email, 'timer')).to.equal('Answer within 0:45');
    });

    it('ticks once a second only while something counts, and not after it is removed', async () => {
      const { clock, sim, store } = await simDesk();
      const { el } = await render(store);
      expect(el.ticking).to.equal(false);
      sim.offerContact({ media: 'chat' });
      clock.flush();
      await el.updateComplete;
      expect(el.ticking).to.equal(true);
      el.remove();
      expect(el.ticking).to.equal(false);
    });

    it('marks the store-selected task aria-selected and follows selection changes from the store', async () => {
      const { store, call } = await threeTasks();
      const { el } = await render(store);
      expect(selected(el).map((o) => field(o, 'customer'))).to.deep.equal([
        options(el)[store.tasks.findIndex((t) => t.id === store.selectedTask!.id)].querySelector('[part="customer"]')!.textContent,
      ]);
      store.select(call);
      await el.updateComplete;
      expect(selected(el).map((o) => field(o, 'customer'))).to.deep.equal(['Zoë Müller']);
    });

    it('switches language at run time', async () => {
      const { store } = await threeTasks();
      const { el, setTranslator } = await render(store);
      setTranslator(createTranslator('de', (await import('../../src/i18n/de/index.js')).default));
      await el.updateComplete;
      const [chat, call, email] = options(el);
      expect(root(el).querySelector('[role="listbox"]')!.getAttribute('aria-label')).to.equal('Aufgaben');
      expect(field(call, 'media')).to.equal('Anruf');
      expect(field(call, 'state')).to.equal('Gehalten');
      expect(field(chat, 'timer')).to.equal('Bearbeitungszeit 1:00');
      expect(field(email, 'timer')).to.equal('Annehmen innerhalb von 0:30');
      expect(text(root(el).querySelector('[part="accept"]'))).to.equal('Annehmen');
      setTranslator(createTranslator('fr', (await import('../../src/i18n/fr/index.js')).default));
      await el.updateComplete;
      expect(field(options(el)[1], 'state')).to.equal('En attente');
    });
  });

  describe('selection', () => {
    it('selects on click: store.select and cc-task-selected', async () => {
      const { store, email } = await threeTasks();
      const { el } = await render(store);
      const fired = oneEvent(el, 'cc-task-selected');
      options(el)[2].click();
      const event = await fired;
      expect(event.detail).to.deep.equal({ taskId: email });
      expect(event.bubbles && event.composed).to.equal(true);
      expect(store.selectedTask!.id).to.equal(email);
      await el.updateComplete;
      expect(options(el)[2].getAttribute('aria-selected')).to.equal('true');
    });

    it('has one tab stop (roving tabindex), on the selected task', async () => {
      const { store, call } = await threeTasks();
      store.select(call);
      const { el } = await render(store);
      expect(options(el).map((o) => o.tabIndex)).to.deep.equal([-1, 0, -1]);
    });

    it('moves with ArrowDown/ArrowUp/Home/End and selects with Enter and Space', async () => {
      const { store, chat, call, email } = await threeTasks();
      store.select(chat);
      const { el } = await render(store);
      const focused = () => options(el).indexOf(root(el).activeElement as HTMLElement);
      options(el)[0].focus();
      const events: string[] = [];
      el.addEventListener('cc-task-selected', (e) => events.push(e.detail.taskId));

      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(focused()).to.equal(1);
      expect(options(el).map((o) => o.tabIndex)).to.deep.equal([-1, 0, -1]);
      expect(store.selectedTask!.id).to.equal(chat); // moving does not select
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(focused()).to.equal(2); // stops at the end
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(store.selectedTask!.id).to.equal(email);
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(focused()).to.equal(0);
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(focused()).to.equal(0);
      await sendKeys({ press: 'End' });
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(focused()).to.equal(1);
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(store.selectedTask!.id).to.equal(call);
      expect(events).to.deep.equal([email, call]);
    });

    it('does not fire cc-task-selected when the selection changes from code, or on store/language changes', async () => {
      const events = recordEvents(document, EVENTS);
      try {
        const { clock, sim, store, call } = await threeTasks();
        const { el, setStore, setTranslator } = await render(store);
        store.select(call);
        sim.offerContact({ media: 'social', force: true });
        clock.advance(31_000);
        await el.updateComplete;
        setTranslator(createTranslator('fr', (await import('../../src/i18n/fr/index.js')).default));
        setStore(new FakeStore([task('x')]));
        await el.updateComplete;
        expect(options(el)).to.have.length(1);
        expect(events.names).to.deep.equal([]);
      } finally {
        events.stop();
      }
    });
  });

  describe('a long list', () => {
    it('renders at once the rows that could fill the window (a row is at least 40 px), the rest over the next frames; End reaches the last row', async () => {
      const store = new FakeStore(Array.from({ length: 300 }, (_, i) => task(`t${i}`)));
      const { el } = await render(store);
      const first = Math.max(10, Math.ceil(window.innerHeight / 40));
      expect(options(el).length, 'the first render').to.equal(first);
      const smallest = Math.min(...options(el).map((o) => o.getBoundingClientRect().height));
      expect(smallest, 'no row is shorter than the 40 px the first render counts on').to.be.at.least(40);
      // (Frames come slowly on a loaded machine: a generous wait.)
      await waitUntil(() => options(el).length === 300, 'every row once the next frames have passed', { timeout: 4000 });

      const { el: other } = await render(new FakeStore(Array.from({ length: 300 }, (_, i) => task(`u${i}`))));
      expect(options(other).length).to.equal(first);
      options(other)[0].focus();
      await sendKeys({ press: 'End' });
      await waitUntil(() => root(other).activeElement === options(other)[299], 'End focuses the last row, rendered for it', { timeout: 4000 });
    });
  });

  describe('layout of a long list', () => {
    it('lays out its first rows with the first render; later rows off screen skip layout until scrolled to', async () => {
      const store = new FakeStore(Array.from({ length: 300 }, (_, i) => task(`c${i}`)));
      const { el } = await render(store);
      const visibility = (row: HTMLElement) => getComputedStyle(row).contentVisibility;
      expect(visibility(options(el)[0]), 'the first row').to.equal('visible');
      expect(visibility(options(el)[9]), 'the tenth row').to.equal('visible');
      await waitUntil(() => options(el).length === 300, 'every row once the next frames have passed', { timeout: 4000 });
      expect(visibility(options(el)[50]), 'the 51st row').to.equal('auto');
      expect(visibility(options(el)[299]), 'the last row').to.equal('auto');
    });
  });

  describe('offers', () => {
    it('puts Accept and Decline beside the offer, outside the listbox, named after the offer', async () => {
      const { store } = await threeTasks();
      const { el } = await render(store);
      expect(root(el).querySelector('[role="listbox"] button')).to.equal(null);
      const actions = root(el).querySelector('[part="actions"]')!;
      expect(actions.querySelectorAll('button')).to.have.length(2);
      const accept = actions.querySelector<HTMLButtonElement>('[part="accept"]')!;
      const name = accept
        .getAttribute('aria-labelledby')!
        .split(' ')
        .map((id) => text(root(el).getElementById(id)))
        .join(' ');
      expect(name).to.equal('Accept Email James Smith');
      // Beside its row: the same vertical band as the offer's option.
      const row = options(el)[2].getBoundingClientRect();
      const box = accept.getBoundingClientRect();
      expect(box.top).to.be.at.least(row.top - 1);
      expect(box.bottom).to.be.at.most(row.bottom + 1);
    });

    it('accepts an offer: cc-task-accepted after the store accepted it, then it is connected', async () => {
      const { clock, store, email } = await threeTasks();
      const { el } = await render(store);
      const fired = oneEvent(el, 'cc-task-accepted');
      root(el).querySelector<HTMLButtonElement>('[part="accept"]')!.click();
      expect((await fired).detail).to.deep.equal({ taskId: email });
      clock.flush();
      await el.updateComplete;
      expect(field(options(el)[2], 'state')).to.equal('Connected');
      expect(root(el).querySelector('[part="actions"]')).to.equal(null);
    });

    it('returns the focus to the list when the Accept/Decline used with the keyboard goes away', async () => {
      const { clock, store, email } = await threeTasks();
      const { el } = await render(store);
      const accept = root(el).querySelector<HTMLButtonElement>('[part="accept"]')!;
      accept.focus();
      const fired = oneEvent(el, 'cc-task-accepted');
      await sendKeys({ press: 'Enter' });
      await fired;
      clock.flush();
      await el.updateComplete;
      await el.updateComplete; // the focus move updates the tab stop
      expect(root(el).querySelector('[part="actions"]')).to.equal(null);
      const focused = root(el).activeElement as HTMLElement;
      expect(focused.getAttribute('role')).to.equal('option');
      expect(field(focused, 'customer')).to.equal('James Smith');
      expect(focused.tabIndex).to.equal(0);
      expect(store.tasks.find((t) => t.id === email)!.state).to.equal('CONNECTED');

      const { clock: c2, store: st2 } = await threeTasks();
      const second = await render(st2);
      root(second.el).querySelector<HTMLButtonElement>('[part="decline"]')!.focus();
      const declined = oneEvent(second.el, 'cc-task-declined');
      await sendKeys({ press: 'Space' });
      await declined;
      c2.flush();
      await second.el.updateComplete;
      expect(options(second.el)).to.have.length(2);
      expect((root(second.el).activeElement as HTMLElement).getAttribute('role')).to.equal('option');
    });

    it('declines an offer: cc-task-declined, and the task leaves the list', async () => {
      const { clock, store, email } = await threeTasks();
      const { el } = await render(store);
      const fired = oneEvent(el, 'cc-task-declined');
      root(el).querySelector<HTMLButtonElement>('[part="decline"]')!.click();
      expect((await fired).detail).to.deep.equal({ taskId: email });
      clock.flush();
      await el.updateComplete;
      expect(options(el)).to.have.length(2);
    });

    it('shows a failed accept inline, announced because this list sent it, and fires cc-error', async () => {
      const { store, sim } = await threeTasks();
      const { el } = await render(store);
      sim.failNext('accept', 1, 'No capacity');
      const failed = oneEvent(el, 'cc-error');
      root(el).querySelector<HTMLButtonElement>('[part="accept"]')!.click();
      expect((await failed).detail.command).to.equal('accept');
      await el.updateComplete;
      const error = root(el).querySelector('[part="error"]')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text(error)).to.contain('No capacity');
      expect(field(options(el)[2], 'state')).to.equal('Incoming');
    });

    // Changed with issue 11: alone on the page the list is the one place showing an offer's
    // failure, so it announces it too (with a <cc-incoming-task> it shows none: see below).
    it('alone, shows and announces a failure that another caller caused', async () => {
      const { store, sim, email } = await threeTasks();
      const { el } = await render(store);
      sim.failNext('accept');
      await store.accept(email).catch(() => undefined);
      await el.updateComplete;
      const error = root(el).querySelector('[part="error"]')!;
      expect(text(error)).to.contain('Simulated accept failure');
      expect(error.getAttribute('role')).to.equal('alert');
    });
  });

  describe('customer data is text', () => {
    it('renders an HTML/script payload in name, number/address and queue as inert text', async () => {
      const { clock, sim, store } = await simDesk();
      sim.offerContact({ media: 'chat', customerName: XSS_PAYLOAD });
      clock.flush();
      const { el } = await render(store);
      expect(field(options(el)[0], 'customer')).to.equal(XSS_PAYLOAD);

      const fake = new FakeStore([task('t1'), task('t2', { media: 'email' }, { media: 'email' })]);
      for (const id of ['t1', 't2']) {
        const t = fake.tasks.find((x) => x.id === id)!;
        const cpd = {
          ...t.data.interaction.callProcessingDetails,
          customerName: '',
          displayAni: XSS_PAYLOAD,
          fromAddress: XSS_PAYLOAD,
          virtualTeamName: XSS_PAYLOAD,
        };
        const participants = Object.fromEntries(Object.entries(t.data.interaction.participants).map(([k, p]) => [k, { ...p, name: '' }]));
        fake.patch(id, { data: { ...t.data, interaction: { ...t.data.interaction, callProcessingDetails: cpd, participants } } });
      }
      const second = await render(fake);
      for (const option of options(second.el)) {
        expect(field(option, 'customer')).to.equal(XSS_PAYLOAD);
        expect(field(option, 'queue')).to.equal(XSS_PAYLOAD);
      }
      for (const shadow of [root(el), root(second.el)]) {
        expect(shadow.textContent).to.contain('<img');
        expectNoMarkup(shadow);
      }
      expectNoScriptRan();
    });
  });
});
