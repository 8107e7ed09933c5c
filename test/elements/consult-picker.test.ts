import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html, type TemplateResult } from 'lit';
import { createTranslator } from '../../src/i18n/translator.js';
import type { MediaChannel } from '../../src/model/index.js';
import type { CcStore } from '../../src/store/types.js';
import { renderProvided } from '../fixtures/provide.js';
import { FakeStore, task as fakeTask } from '../fixtures/fake-store.js';
import { THEMES, XSS_PAYLOAD, expectInert, liveTask, recordEvents, releaseSimDesks, settle, simDesk, type SimDesk } from '../fixtures/sim-desk.js';
import '../../src/elements/consult-picker/consult-picker.js';
import type { CcConsultPicker } from '../../src/elements/consult-picker/consult-picker.js';

const EVENTS = ['cc-destination-selected', 'cc-error'] as const;

afterEach(releaseSimDesks);

async function render(store: CcStore | undefined, template?: TemplateResult, options: { dark?: boolean } = {}) {
  const r = await renderProvided<CcConsultPicker>(template ?? html`<cc-consult-picker></cc-consult-picker>`, store, options);
  await settle(r.el);
  return r;
}

const $ = <T extends Element = HTMLElement>(el: CcConsultPicker, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
const options = (el: CcConsultPicker): HTMLButtonElement[] => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.option')];
const names = (el: CcConsultPicker): string[] => options(el).map((b) => b.querySelector('.name')!.textContent!);
const kinds = (el: CcConsultPicker): string[] =>
  [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('#kind option')].map((o) => o.value);
const active = (el: CcConsultPicker): Element | null => el.shadowRoot!.activeElement;

async function pickKind(el: CcConsultPicker, kind: string, env?: SimDesk): Promise<void> {
  const select = $<HTMLSelectElement>(el, '#kind')!;
  select.value = kind;
  select.dispatchEvent(new Event('change'));
  await settle(el, env);
}

const record = (target: EventTarget) => recordEvents(target, EVENTS).events;

/** A FakeStore with one live task of `media`. */
function fake(media: MediaChannel = 'telephony'): FakeStore {
  return new FakeStore([fakeTask('t1', { media })]);
}

describe('<cc-consult-picker> accessibility (axe)', () => {
  for (const { dark, theme } of THEMES) {
    it(`consult: agents (${theme})`, async () => {
      const env = await simDesk();
      await liveTask(env);
      const { el } = await render(env.store, undefined, { dark });
      await settle(el, env);
      expect(options(el).length).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    });

    it(`transfer: entry points, filtered to nothing (${theme})`, async () => {
      const env = await simDesk();
      await liveTask(env, 'chat');
      const { el } = await render(env.store, html`<cc-consult-picker mode="transfer"></cc-consult-picker>`, { dark });
      await pickKind(el, 'entryPoint', env);
      expect(names(el)).to.include('Main line');
      await expect(el).to.be.accessible();
      const filter = $<HTMLInputElement>(el, '#filter')!;
      filter.value = 'zzz';
      filter.dispatchEvent(new Event('input'));
      await settle(el, env);
      await expect(el).to.be.accessible();
    });

    it(`dial number with a validation message (${theme})`, async () => {
      const env = await simDesk();
      await liveTask(env);
      const { el } = await render(env.store, undefined, { dark });
      await pickKind(el, 'dialNumber', env);
      $<HTMLButtonElement>(el, 'form button[type="submit"]')!.click();
      await settle(el, env);
      expect($(el, '#dial-error')!.textContent!.trim()).to.equal('Enter a number.');
      await expect(el).to.be.accessible();
    });

    it(`unavailable for a chat consult, and a failure shown (${theme})`, async () => {
      const chat = fake('chat');
      const { el } = await render(chat, undefined, { dark });
      expect(el.shadowRoot!.textContent).to.contain('Consulting is not possible for this task right now.');
      await expect(el).to.be.accessible();

      const store = fake();
      store.failures.set('consult', store.error('BACKEND_ERROR', 'consult', 'Busy everywhere', 't1'));
      const r = await render(store, undefined, { dark });
      options(r.el)[0]!.click();
      await settle(r.el);
      expect($(r.el, '[role="alert"]')!.textContent).to.contain('Busy everywhere');
      await expect(r.el).to.be.accessible();
    });
  }
});

describe('<cc-consult-picker> directory', () => {
  it('loads the directory once when first shown, and again for a new store', async () => {
    const store = fake();
    const { el, setStore } = await render(store);
    expect(store.calls.filter((c) => c.method === 'refreshDirectory').length).to.equal(1);
    el.requestUpdate();
    await settle(el);
    el.mode = 'transfer';
    await settle(el);
    expect(store.calls.filter((c) => c.method === 'refreshDirectory').length).to.equal(1);
    const other = fake();
    setStore(other);
    await settle(el);
    expect(other.calls.filter((c) => c.method === 'refreshDirectory').length).to.equal(1);
  });

  it('buddy agents: available first, state and team shown, others listed but not choosable, never myself', async () => {
    const store = fake();
    store.directoryToLoad = {
      agents: [
        { agentId: 'agent-z', agentName: 'Zed Idle', state: 'Idle', teamName: 'Ops' },
        { agentId: 'agent-1', agentName: 'Me Myself', state: 'Available', teamName: 'Team' },
        { agentId: 'agent-y', agentName: 'Yara Ready', state: 'Available', teamName: 'Sales' },
        { agentId: 'agent-a', agentName: 'Abe Engaged', state: 'Engaged', teamName: 'Ops' },
      ],
      queues: [],
      entryPoints: [],
    };
    const { el } = await render(store);
    expect(names(el)).to.deep.equal(['Yara Ready', 'Abe Engaged', 'Zed Idle']);
    expect(options(el)[0]!.textContent).to.contain('Available · Sales');
    expect(options(el)[2]!.textContent).to.contain('Idle · Ops');
    expect(options(el).map((b) => b.disabled)).to.deep.equal([false, true, true]);
    expect($(el, '[part="count"]')!.textContent).to.equal('3 destinations');
  });

  it('destination kinds follow mode and media', async () => {
    const voice = await render(fake('telephony'));
    expect(kinds(voice.el)).to.deep.equal(['agent', 'queue', 'dialNumber']);
    voice.el.mode = 'transfer';
    await settle(voice.el);
    expect(kinds(voice.el)).to.deep.equal(['agent', 'queue', 'entryPoint', 'dialNumber']);
    const chat = await render(fake('chat'), html`<cc-consult-picker mode="transfer"></cc-consult-picker>`);
    expect(kinds(chat.el)).to.deep.equal(['agent', 'queue', 'entryPoint']);
  });

  it('a failed load says so and Retry loads again', async () => {
    const env = await simDesk();
    await liveTask(env);
    env.sim.failNext('directory');
    const { el } = await render(env.store);
    await settle(el, env);
    expect(el.shadowRoot!.textContent).to.contain('Could not load the destinations.');
    const retry = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Retry')!;
    retry.click();
    await settle(el, env);
    expect(el.shadowRoot!.textContent).not.to.contain('Could not load the destinations.');
    expect(names(el)).to.include('Ana Souza');
  });

  it('without a provider or a task says so', async () => {
    const { el, setStore } = await render(undefined);
    expect(el.shadowRoot!.textContent).to.contain('Place this element inside <cc-provider>.');
    setStore(new FakeStore());
    await settle(el);
    expect(el.shadowRoot!.textContent).to.contain('No task selected.');
  });
});

describe('<cc-consult-picker> filtering and keyboard', () => {
  it('the filter narrows the list as you type, ignoring case and accents', async () => {
    const env = await simDesk();
    await liveTask(env);
    const { el } = await render(env.store);
    await settle(el, env);
    expect(names(el)).to.deep.equal(['Ana Souza', 'Björn Lindqvist', 'Chidi Okafor', 'Dmitri Volkov', 'Emi Tanaka']);
    $<HTMLInputElement>(el, '#filter')!.focus();
    await sendKeys({ type: 'bjo' });
    await settle(el, env);
    expect(names(el)).to.deep.equal(['Björn Lindqvist']);
    expect($(el, '[part="count"]')!.textContent).to.equal('1 destination');
    await sendKeys({ type: 'x' });
    await settle(el, env);
    expect(names(el)).to.deep.equal([]);
    expect($(el, '[part="count"]')!.textContent).to.equal('Nothing matches “bjox”.');
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'support' });
    await settle(el, env);
    expect(names(el)).to.deep.equal(['Ana Souza', 'Chidi Okafor', 'Emi Tanaka']);
  });

  it('arrow keys move between options, Home/End jump, Up from the first returns to the filter, Enter chooses', async () => {
    const env = await simDesk();
    const id = await liveTask(env);
    const { el } = await render(env.store);
    await settle(el, env);
    const events = record(el);
    el.focus();
    expect(active(el)?.id).to.equal('filter');
    await sendKeys({ press: 'ArrowDown' });
    expect((active(el) as HTMLElement).dataset.key).to.equal('agent:agent-ana');
    await sendKeys({ press: 'ArrowDown' });
    expect((active(el) as HTMLElement).dataset.key).to.equal('agent:agent-bjorn');
    await sendKeys({ press: 'End' });
    expect((active(el) as HTMLElement).dataset.key).to.equal('agent:agent-dmitri'); // Emi is Idle: skipped
    await sendKeys({ press: 'ArrowDown' });
    expect((active(el) as HTMLElement).dataset.key).to.equal('agent:agent-dmitri');
    await sendKeys({ press: 'Home' });
    expect((active(el) as HTMLElement).dataset.key).to.equal('agent:agent-ana');
    await sendKeys({ press: 'ArrowUp' });
    expect(active(el)?.id).to.equal('filter');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await settle(el, env);
    expect(events).to.deep.equal([
      {
        type: 'cc-destination-selected',
        detail: { taskId: id, mode: 'consult', destination: { type: 'agent', id: 'agent-bjorn', name: 'Björn Lindqvist' } },
      },
    ]);
    expect($(el, '[role="status"].visually-hidden')!.textContent).to.equal('Consult requested: Björn Lindqvist.');
    expect(env.store.selectedTask!.state).to.equal('CONSULTING');
    expect(env.store.selectedTask!.consult!.destination.id).to.equal('agent-bjorn');
  });

  it('the kind select is reachable by keyboard and switches the list', async () => {
    const env = await simDesk();
    await liveTask(env);
    const { el } = await render(env.store, html`<cc-consult-picker mode="transfer"></cc-consult-picker>`);
    await settle(el, env);
    $<HTMLSelectElement>(el, '#kind')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await settle(el, env);
    expect(names(el)).to.deep.equal(['Billing', 'Technical Support', 'Sales', 'Retention']);
  });
});

describe('<cc-consult-picker> choosing', () => {
  it('standalone transfer to an entry point: the store transfers and the event fires after', async () => {
    const env = await simDesk();
    const id = await liveTask(env);
    const { el } = await render(env.store, html`<cc-consult-picker mode="transfer"></cc-consult-picker>`);
    const events = record(el);
    await pickKind(el, 'entryPoint', env);
    (options(el).find((b) => b.dataset.key === 'entryPoint:ep-vip'))!.click();
    await settle(el, env);
    expect(events).to.deep.equal([
      {
        type: 'cc-destination-selected',
        detail: { taskId: id, mode: 'transfer', destination: { type: 'entryPoint', id: 'ep-vip', name: 'VIP customers' } },
      },
    ]);
    expect(env.store.selectedTask!.state).to.equal('WRAPPING_UP');
  });

  it('shows busy on the chosen option while the store works', async () => {
    const store = fake();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    store.consult = async (taskId, destination) => {
      store.calls.push({ method: 'consult', args: [taskId, destination] });
      await gate;
    };
    const { el } = await render(store);
    options(el)[0]!.click();
    await settle(el);
    expect(options(el)[0]!.getAttribute('aria-busy')).to.equal('true');
    expect(options(el)[0]!.textContent).to.contain('Working…');
    expect(options(el).every((b) => b.disabled)).to.equal(true);
    expect(el.busy).to.equal(true);
    release();
    await settle(el);
    expect(el.busy).to.equal(false);
    expect(options(el)[0]!.getAttribute('aria-busy')).to.equal('false');
  });

  it('a failed consult shows inline, is announced, fires only cc-error and returns focus to the option', async () => {
    const env = await simDesk();
    await liveTask(env);
    const { el } = await render(env.store);
    await settle(el, env);
    const events = record(el);
    env.sim.failNext('consult', 1, 'Consult service down');
    const ana = options(el)[0]!;
    ana.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el, env);
    const alert = $(el, '[part="error"]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('Consult service down');
    expect(events.map((e) => e.type)).to.deep.equal(['cc-error']);
    expect(env.store.selectedTask!.state).to.equal('CONNECTED');
    expect((active(el) as HTMLElement).dataset.key).to.equal('agent:agent-ana');
  });

  it('dial number: each reason shown and described, then a valid number consults and is answered', async () => {
    const env = await simDesk();
    const id = await liveTask(env);
    const { el } = await render(env.store);
    await settle(el, env);
    const events = record(el);
    await pickKind(el, 'dialNumber', env);
    const input = $<HTMLInputElement>(el, '#dial')!;
    expect(input.getAttribute('aria-describedby')).to.equal('dial-error');
    const error = () => $(el, '#dial-error')!.textContent!.trim();

    input.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el, env);
    expect(error()).to.equal('Enter a number.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(active(el)).to.equal(input);

    await sendKeys({ type: 'call me' });
    await settle(el, env);
    expect(error()).to.equal('Use only digits, a leading +, * and #.');

    input.value = '+1234567890123456789012';
    input.dispatchEvent(new Event('input'));
    await settle(el, env);
    expect(error()).to.equal('The number is too long (at most 20 digits).');

    input.value = '12345';
    input.dispatchEvent(new Event('input'));
    await settle(el, env);
    expect(error()).to.equal('Your dial plan does not allow this number.');

    input.value = '+44 20 7946 0958';
    input.dispatchEvent(new Event('input'));
    await settle(el, env);
    expect(error()).to.equal('');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(events).to.deep.equal([]);
    await sendKeys({ press: 'Enter' });
    await settle(el, env);
    expect(events).to.deep.equal([
      {
        type: 'cc-destination-selected',
        detail: { taskId: id, mode: 'consult', destination: { type: 'dialNumber', id: '+442079460958', name: '+442079460958' } },
      },
    ]);
    await settle(el, env, 1500);
    expect(env.store.selectedTask!.consult!.status).to.equal('CONSULT_ACCEPTED');
  });
});

describe('<cc-consult-picker> customer and directory data as text', () => {
  it('agent, team, queue names and the filter echo render as inert text', async () => {
    const store = fake();
    store.directoryToLoad = {
      agents: [{ agentId: 'agent-x', agentName: XSS_PAYLOAD, state: 'Available', teamName: XSS_PAYLOAD }],
      queues: [{ id: 'q-x', name: XSS_PAYLOAD }],
      entryPoints: [{ id: 'ep-x', name: XSS_PAYLOAD }],
    };
    const { el } = await render(store, html`<cc-consult-picker mode="transfer"></cc-consult-picker>`);
    expect(options(el)[0]!.textContent).to.contain(XSS_PAYLOAD);
    await pickKind(el, 'queue');
    expect(names(el)).to.deep.equal([XSS_PAYLOAD]);
    await pickKind(el, 'entryPoint');
    expect(names(el)).to.deep.equal([XSS_PAYLOAD]);
    const filter = $<HTMLInputElement>(el, '#filter')!;
    filter.value = `${XSS_PAYLOAD}!`;
    filter.dispatchEvent(new Event('input'));
    await settle(el);
    expect($(el, '[part="count"]')!.textContent).to.contain('<script>');
    expectInert(el.shadowRoot!);
  });

  it('a failure message with markup renders as text', async () => {
    const store = fake();
    store.failures.set('consult', store.error('BACKEND_ERROR', 'consult', XSS_PAYLOAD, 't1'));
    const { el } = await render(store);
    options(el)[0]!.click();
    await settle(el);
    expect($(el, '[part="error"]')!.textContent).to.contain(XSS_PAYLOAD);
    expectInert(el.shadowRoot!);
  });
});

describe('<cc-consult-picker> language and events', () => {
  it('switches language at run time', async () => {
    const store = fake();
    const { el, setTranslator } = await render(store);
    expect($(el, '[part="title"]')!.textContent).to.equal('Consult');
    setTranslator(createTranslator('de', (await import('../../src/i18n/de/index.js')).default));
    await settle(el);
    expect($(el, '[part="title"]')!.textContent).to.equal('Rückfrage');
    expect($(el, 'label[for="filter"]')!.textContent).to.equal('Filter');
    expect(options(el)[0]!.textContent).to.contain('Verfügbar · Team');
    setTranslator(createTranslator('fr', (await import('../../src/i18n/fr/index.js')).default));
    await settle(el);
    expect($(el, 'label[for="kind"]')!.textContent).to.equal('Type de destination');
  });

  it('setting mode, store or language from code fires nothing', async () => {
    const store = fake();
    const { el, wrapper, setStore, setTranslator } = await render(undefined);
    const events = record(wrapper);
    setStore(store);
    await settle(el);
    el.mode = 'transfer';
    el.setAttribute('mode', 'consult');
    await settle(el);
    setTranslator(createTranslator('de', (await import('../../src/i18n/de/index.js')).default));
    await settle(el);
    store.patch('t1', { state: 'HELD' });
    await settle(el);
    el.focus();
    setStore(undefined);
    await settle(el);
    expect(events).to.deep.equal([]);
  });
});
