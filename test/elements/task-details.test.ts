import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import '../../src/elements/task-details/task-details.js';
import type { CcTaskDetails } from '../../src/elements/task-details/task-details.js';
import type { CcStore } from '../../src/store/types.js';
import type { MediaChannel } from '../../src/model/index.js';
import { createTranslator } from '../../src/i18n/translator.js';
import { renderProvided } from '../fixtures/provide.js';
import { FakeStore, task } from '../fixtures/fake-store.js';
import { THEMES, XSS_PAYLOAD, expectInert, liveTask, nextTask, recordEvents, releaseSimDesks, simDesk, type SimDeskOptions } from '../fixtures/sim-desk.js';

/** The cc-… events these tests watch for on the document. */
const EVENTS = ['cc-user-data-changed', 'cc-error'] as const;

afterEach(releaseSimDesks);

/** A connected task of `media` (selected, as the only task). */
async function connected(media: MediaChannel = 'telephony', options: SimDeskOptions = {}) {
  const env = await simDesk(options);
  const id = await liveTask(env, media, 'Zoë Müller');
  return { ...env, id };
}

async function render(store: CcStore | undefined, options: { dark?: boolean } = {}) {
  return renderProvided<CcTaskDetails>(html`<cc-task-details></cc-task-details>`, store, options);
}

const root = (el: CcTaskDetails) => el.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const part = (el: CcTaskDetails, name: string) => text(root(el).querySelector(`[part="${name}"]`));
/** The facts as label → value. */
const facts = (el: CcTaskDetails) =>
  Object.fromEntries(
    [...root(el).querySelectorAll('[part="fields"] .field')].map((f) => [text(f.querySelector('dt')), text(f.querySelector('dd'))]),
  );
/** The call-associated data as label → value (an input's value for editable ones). */
const data = (el: CcTaskDetails) =>
  Object.fromEntries(
    [...root(el).querySelectorAll('[part="data-list"] .field')].map((f) => [
      text(f.querySelector('dt')),
      f.querySelector('input')?.value ?? text(f.querySelector('dd')),
    ]),
  );
const input = (el: CcTaskDetails, label: string) =>
  [...root(el).querySelectorAll<HTMLInputElement>('input')].find((i) => text(i.labels?.[0]) === label)!;
const saveFor = (el: CcTaskDetails, label: string) => input(el, label).form!.querySelector<HTMLButtonElement>('[part="save"]')!;

function type(field: HTMLInputElement, value: string) {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('<cc-task-details>', () => {
  describe('accessibility (axe)', () => {
    it('passes for a selected voice call with editable data, light and dark', async () => {
      for (const { dark } of THEMES) {
        const { store } = await connected('telephony');
        const { el } = await render(store, { dark });
        expect(root(el).querySelectorAll('input').length).to.be.greaterThan(0);
        await expect(el).to.be.accessible();
      }
    });

    it('passes for a chat with a failed save shown, light and dark', async () => {
      for (const { dark } of THEMES) {
        const { sim, store } = await connected('chat');
        const { el } = await render(store, { dark });
        sim.failNext('setUserData');
        const failed = oneEvent(el, 'cc-error');
        type(input(el, 'Case'), 'CS-1');
        saveFor(el, 'Case').click();
        await failed;
        await el.updateComplete;
        await expect(el).to.be.accessible();
      }
    });

    it('passes with no task selected', async () => {
      const { store } = await simDesk();
      const { el } = await render(store);
      await expect(el).to.be.accessible();
    });
  });

  describe('rendering', () => {
    it('says so when no task is selected', async () => {
      const { store } = await simDesk();
      const { el } = await render(store);
      expect(part(el, 'empty')).to.equal('No task selected.');
      expect(root(el).querySelector('[part="base"]')).to.equal(null);
    });

    // Changed with issue 11: the entry point shows by name only (the element loads the directory
    // for it), never the raw id.
    it('shows a call: customer, number, media, state, queue, entry point (by name), dialed number, IVR path', async () => {
      const { store } = await connected('telephony');
      const cpd = store.selectedTask!.data.interaction.callProcessingDetails;
      const { el } = await render(store);
      expect(root(el).querySelector('[part="base"]')!.getAttribute('aria-label')).to.equal('Task details');
      expect(facts(el)).to.deep.equal({
        Customer: 'Zoë Müller',
        Number: cpd.displayAni,
        Media: 'Call',
        State: 'Connected',
        Queue: cpd.virtualTeamName,
        'Entry point': 'Main line',
        'Dialed number': cpd.dnis,
        'IVR path': cpd.IvrPath,
      });
      await store.refreshDirectory();
      await el.updateComplete;
      expect(facts(el)['Entry point']).to.equal('Main line');
    });

    it('shows an email with the address instead of a number', async () => {
      const { store } = await connected('email');
      const cpd = store.selectedTask!.data.interaction.callProcessingDetails;
      const { el } = await render(store);
      expect(facts(el).Address).to.equal(cpd.fromAddress);
      expect(facts(el).Media).to.equal('Email');
      expect(facts(el).Number).to.equal(undefined);
      // Voice-only facts stay off digital tasks (issue 11).
      expect(facts(el)['Dialed number']).to.equal(undefined);
      expect(facts(el)['IVR path']).to.equal(undefined);
    });

    it('follows the selected task and its state', async () => {
      const { clock, sim, store, id } = await connected('telephony');
      const chat = sim.offerContact({ media: 'chat', customerName: 'Mary Johnson' })!;
      clock.flush();
      const { el } = await render(store);
      expect(facts(el).Customer).to.equal('Zoë Müller');
      await store.hold(id);
      clock.flush();
      await el.updateComplete;
      expect(facts(el).State).to.equal('On hold');
      store.select(chat);
      await el.updateComplete;
      expect(facts(el).Customer).to.equal('Mary Johnson');
      expect(facts(el).State).to.equal('Incoming');
    });

    it('lists call-associated data by display name, with inputs only for agent-editable keys', async () => {
      const { store } = await connected('telephony');
      const cad = store.selectedTask!.data.interaction.callAssociatedData!;
      const { el } = await render(store);
      expect(text(root(el).querySelector('#data-title'))).to.equal('Call-associated data');
      expect(data(el)).to.deep.equal({
        'Account number': cad.accountNumber.value,
        'Customer tier': cad.customerTier.value,
        Language: cad.language.value,
        Case: cad.caseId.value,
        Notes: '',
      });
      expect([...root(el).querySelectorAll('input')].map((i) => text(i.labels![0]))).to.deep.equal(['Case', 'Notes']);
      expect(saveFor(el, 'Case').getAttribute('aria-labelledby')!.split(' ').map((id) => text(root(el).getElementById(id)))).to.deep.equal([
        'Save',
        'Case',
      ]);
    });

    it('falls back to callAssociatedDetails key/values (read-only) when there is no callAssociatedData', async () => {
      const store = new FakeStore([task('t1', {}, { callAssociatedDetails: { account: '42', segment: 'retail' } })]);
      const { el } = await render(store);
      expect(data(el)).to.deep.equal({ account: '42', segment: 'retail' });
      expect(root(el).querySelector('input')).to.equal(null);
    });

    it('says when there is no call-associated data', async () => {
      const store = new FakeStore([task('t1', {}, { callAssociatedDetails: {} })]);
      const { el } = await render(store);
      expect(text(root(el).querySelector('[part="data"] .empty'))).to.equal('No call-associated data.');
    });

    it('offers no inputs when the profile does not allow user-data edits, or while the task is an offer', async () => {
      const locked = await connected('telephony', { profile: { userData: { editable: false } } });
      const first = await render(locked.store);
      expect(root(first.el).querySelector('input')).to.equal(null);
      expect(data(first.el).Case).to.equal(locked.store.selectedTask!.data.interaction.callAssociatedData!.caseId.value);

      const { clock, sim, store } = await simDesk();
      sim.offerContact({ media: 'chat' });
      clock.flush();
      const second = await render(store);
      expect(facts(second.el).State).to.equal('Incoming');
      expect(root(second.el).querySelector('input')).to.equal(null);
    });

    it('switches language at run time', async () => {
      const { store } = await connected('telephony');
      const { el, setTranslator } = await render(store);
      setTranslator(createTranslator('de', (await import('../../src/i18n/de/index.js')).default));
      await el.updateComplete;
      expect(Object.keys(facts(el))).to.deep.equal(['Kunde', 'Nummer', 'Medium', 'Status', 'Warteschlange', 'Einstiegspunkt', 'Gewählte Nummer', 'IVR-Pfad']);
      expect(facts(el).Status).to.equal('Verbunden');
      expect(text(saveFor(el, 'Case'))).to.equal('Speichern');
      setTranslator(createTranslator('fr', (await import('../../src/i18n/fr/index.js')).default));
      await el.updateComplete;
      expect(facts(el)['État']).to.equal('Connecté');
    });
  });

  describe('editing user data', () => {
    it('saves on click: store.setUserData, then cc-user-data-changed, and the stored value shows', async () => {
      const { clock, store, id } = await connected('telephony');
      const { el } = await render(store);
      type(input(el, 'Case'), 'CS-777');
      const fired = oneEvent(el, 'cc-user-data-changed');
      saveFor(el, 'Case').click();
      const event = await fired;
      expect(event.detail).to.deep.equal({ taskId: id, key: 'caseId', value: 'CS-777' });
      expect(event.bubbles && event.composed).to.equal(true);
      clock.flush();
      await el.updateComplete;
      expect(store.selectedTask!.data.interaction.callAssociatedDetails!.caseId).to.equal('CS-777');
      expect(input(el, 'Case').value).to.equal('CS-777');
      expect(text(root(el).querySelector('[role="status"]'))).to.equal('Case saved.');
    });

    it('keeps the typed value shown while the stored value catches up', async () => {
      const { clock, sim, store } = await connected('telephony');
      const { el } = await render(store);
      sim.setLatency(1000);
      type(input(el, 'Notes'), 'Asked for a callback');
      const fired = oneEvent(el, 'cc-user-data-changed');
      saveFor(el, 'Notes').click();
      await fired;
      await el.updateComplete;
      expect(input(el, 'Notes').value).to.equal('Asked for a callback');
      clock.advance(1000);
      await el.updateComplete;
      expect(input(el, 'Notes').value).to.equal('Asked for a callback');
    });

    it('saves with the keyboard: type and press Enter', async () => {
      const { store, id } = await connected('chat');
      const { el } = await render(store);
      const field = input(el, 'Notes');
      field.focus();
      await sendKeys({ type: 'VIP' });
      const fired = oneEvent(el, 'cc-user-data-changed');
      await sendKeys({ press: 'Enter' });
      expect((await fired).detail).to.deep.equal({ taskId: id, key: 'notes', value: 'VIP' });
    });

    it('keeps what was typed and shows the failure (alert, aria-invalid) when saving fails; a retry succeeds', async () => {
      const { clock, sim, store, id } = await connected('telephony');
      const { el } = await render(store);
      const events = recordEvents(document, EVENTS);
      try {
        sim.failNext('setUserData', 1, 'CAD service unavailable');
        type(input(el, 'Case'), 'CS-123');
        const failed = oneEvent(el, 'cc-error');
        saveFor(el, 'Case').click();
        expect((await failed).detail.command).to.equal('setUserData');
        clock.flush();
        await el.updateComplete;
        const field = input(el, 'Case');
        expect(field.value).to.equal('CS-123');
        expect(field.getAttribute('aria-invalid')).to.equal('true');
        const error = root(el).getElementById(field.getAttribute('aria-describedby')!)!;
        expect(error.getAttribute('role')).to.equal('alert');
        expect(text(error)).to.contain('CAD service unavailable');
        expect(store.selectedTask!.data.interaction.callAssociatedDetails!.caseId).to.not.equal('CS-123');
        expect(events.names).to.deep.equal(['cc-error']);

        const fired = oneEvent(el, 'cc-user-data-changed');
        saveFor(el, 'Case').click();
        expect((await fired).detail).to.deep.equal({ taskId: id, key: 'caseId', value: 'CS-123' });
        clock.flush();
        await el.updateComplete;
        expect(root(el).querySelector('[part="error"]')).to.equal(null);
        expect(input(el, 'Case').getAttribute('aria-invalid')).to.equal('false');
        expect(events.names).to.deep.equal(['cc-error', 'cc-user-data-changed']);
      } finally {
        events.stop();
      }
    });

    it('keeps an unsaved draft per task while the agent switches between tasks', async () => {
      const { clock, sim, store, id } = await connected('chat');
      const other = sim.offerContact({ media: 'email' })!;
      clock.flush();
      await store.accept(other);
      clock.flush();
      store.select(id);
      const { el } = await render(store);
      type(input(el, 'Notes'), 'half-written');
      store.select(other);
      await el.updateComplete;
      expect(input(el, 'Notes').value).to.equal('');
      store.select(id);
      await el.updateComplete;
      expect(input(el, 'Notes').value).to.equal('half-written');
    });
  });

  describe('events only on user action', () => {
    it('fires nothing when data changes in the store, or the store and language are set from code', async () => {
      const events = recordEvents(document, EVENTS);
      try {
        const { clock, store, id } = await connected('telephony');
        const { el, setStore, setTranslator } = await render(store);
        await store.setUserData(id, { caseId: 'from-a-script' });
        clock.flush();
        await el.updateComplete;
        expect(input(el, 'Case').value).to.equal('from-a-script');
        setTranslator(createTranslator('fr', (await import('../../src/i18n/fr/index.js')).default));
        setStore(new FakeStore([task('t1')]));
        await el.updateComplete;
        setStore(undefined);
        await el.updateComplete;
        expect(events.names).to.deep.equal([]);
      } finally {
        events.stop();
      }
    });
  });

  describe('customer data is text', () => {
    it('renders an HTML/script payload in every customer field as inert text', async () => {
      const store = new FakeStore([task('t1')]);
      const t = store.tasks[0];
      const interaction = t.data.interaction;
      store.setAgent({ ...store.agent, profile: { ...store.agent.profile!, userData: { editable: true } } });
      store.directoryToLoad = { ...store.directoryToLoad, entryPoints: [{ id: XSS_PAYLOAD, name: XSS_PAYLOAD }] };
      store.patch('t1', {
        data: {
          ...t.data,
          queueName: XSS_PAYLOAD,
          interaction: {
            ...interaction,
            callProcessingDetails: {
              ...interaction.callProcessingDetails,
              customerName: XSS_PAYLOAD,
              displayAni: XSS_PAYLOAD,
              EP_ID: XSS_PAYLOAD,
              dnis: XSS_PAYLOAD,
              IvrPath: XSS_PAYLOAD,
            },
            callAssociatedData: {
              shown: { name: 'shown', displayName: XSS_PAYLOAD, value: XSS_PAYLOAD, agentEditable: false, type: 'STRING' },
              edit: { name: 'edit', displayName: `${XSS_PAYLOAD}!`, value: XSS_PAYLOAD, agentEditable: true, type: 'STRING' },
            },
            callAssociatedDetails: { [`${XSS_PAYLOAD}#`]: `${XSS_PAYLOAD}?` },
          },
        },
      });
      const { el } = await render(store);
      // It asks for the directory, to name the entry point.
      await nextTask();
      await el.updateComplete;
      expect(store.calls.filter((c) => c.method === 'refreshDirectory').length).to.equal(1);
      expect(facts(el)).to.deep.include({
        Customer: XSS_PAYLOAD,
        Number: XSS_PAYLOAD,
        Queue: XSS_PAYLOAD,
        'Entry point': XSS_PAYLOAD,
        'Dialed number': XSS_PAYLOAD,
        'IVR path': XSS_PAYLOAD,
      });
      expect(data(el)).to.deep.equal({ [XSS_PAYLOAD]: XSS_PAYLOAD, [`${XSS_PAYLOAD}!`]: XSS_PAYLOAD, [`${XSS_PAYLOAD}#`]: `${XSS_PAYLOAD}?` });
      expect(input(el, `${XSS_PAYLOAD}!`).value).to.equal(XSS_PAYLOAD);
      expect(root(el).textContent).to.contain('<img');
      expectInert(root(el));
    });
  });
});
