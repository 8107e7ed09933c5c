import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { createTranslator } from '../../src/i18n/translator.js';
import type { MediaChannel } from '../../src/model/index.js';
import type { CcStore } from '../../src/store/types.js';
import { renderProvided } from '../fixtures/provide.js';
import { FakeStore, task as fakeTask } from '../fixtures/fake-store.js';
import { profile } from '../fixtures/fake-backend.js';
import { THEMES, XSS_PAYLOAD, expectInert, liveTask, nextTask, recordEvents, releaseSimDesks, settle, simDesk, type SimDesk } from '../fixtures/sim-desk.js';
import '../../src/elements/wrapup-form/wrapup-form.js';
import '../../src/elements/call-controls/call-controls.js';
import type { CcWrapupForm } from '../../src/elements/wrapup-form/wrapup-form.js';
import type { CcCallControls } from '../../src/elements/call-controls/call-controls.js';

const EVENTS = ['cc-wrapup-submitted', 'cc-error'] as const;
const AUTO = { enabled: true, timeoutSeconds: 30, allowCancel: true };

afterEach(releaseSimDesks);

/** A live task of `media`, ended by the agent: in WRAPPING_UP. */
async function wrappingUp(env: SimDesk, media: MediaChannel = 'telephony', customerName?: string): Promise<string> {
  const id = await liveTask(env, media, customerName);
  await env.store.end(id);
  env.clock.flush();
  await nextTask();
  return id;
}

async function render(store: CcStore | undefined, options: { dark?: boolean } = {}) {
  const r = await renderProvided<CcWrapupForm>(html`<cc-wrapup-form></cc-wrapup-form>`, store, options);
  await settle(r.el);
  return r;
}

const $ = <T extends Element = HTMLElement>(el: CcWrapupForm, selector: string): T | null => el.shadowRoot!.querySelector<T>(selector);
const form = (el: CcWrapupForm) => $<HTMLFormElement>(el, 'form');
const code = (el: CcWrapupForm) => $<HTMLSelectElement>(el, '#code')!;
const notes = (el: CcWrapupForm) => $<HTMLTextAreaElement>(el, '#notes')!;
const submit = (el: CcWrapupForm) => $<HTMLButtonElement>(el, 'button[type="submit"]')!;
const text = (el: CcWrapupForm, selector: string) => ($(el, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function choose(el: CcWrapupForm, value: string): Promise<void> {
  code(el).value = value;
  code(el).dispatchEvent(new Event('change'));
  await el.updateComplete;
}
async function type(el: CcWrapupForm, value: string): Promise<void> {
  notes(el).value = value;
  notes(el).dispatchEvent(new Event('input'));
  await el.updateComplete;
}

const record = (target: EventTarget) => recordEvents(target, EVENTS).events;

/** A FakeStore with one task in wrap-up. */
function fake(fields: Parameters<typeof fakeTask>[1] = {}): FakeStore {
  return new FakeStore([fakeTask('t1', { state: 'WRAPPING_UP', wrapUpRequired: true, times: { wrapupStartedAt: 1_000_000 }, ...fields })]);
}

describe('<cc-wrapup-form> accessibility (axe)', () => {
  for (const { dark, theme } of THEMES) {
    it(`wrap-up without countdown, then with the validation message (${theme})`, async () => {
      const env = await simDesk();
      await wrappingUp(env);
      const { el } = await render(env.store, { dark });
      expect(form(el)).not.to.equal(null);
      expect($(el, '[part="countdown"]')).to.equal(null);
      await expect(el).to.be.accessible();
      submit(el).click();
      await settle(el, env);
      expect(text(el, '#code-error')).to.equal('Choose a wrap-up code.');
      await expect(el).to.be.accessible();
    });

    it(`wrap-up with the countdown, then cancelled (${theme})`, async () => {
      const env = await simDesk({ autoWrapup: AUTO });
      await wrappingUp(env);
      const { el } = await render(env.store, { dark });
      expect(text(el, '[role="timer"]')).to.equal('Automatic wrap-up in 0:30');
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[part="countdown"] button')!.click();
      await settle(el, env);
      await expect(el).to.be.accessible();
    });

    it(`markdone blocked, and a failure shown (${theme})`, async () => {
      const env = await simDesk();
      const id = await wrappingUp(env);
      const { el } = await render(env.store, { dark });
      env.store.blockMarkdone(id, 'Save the case in the CRM first.');
      await settle(el, env);
      expect(text(el, '[part="blocked"]')).to.contain('Save the case in the CRM first.');
      await expect(el).to.be.accessible();
      env.store.unblockMarkdone(id);
      env.sim.failNext('wrapup', 1, 'Wrap-up service unavailable');
      await choose(el, 'wrap-resolved');
      submit(el).click();
      await settle(el, env);
      expect(text(el, '[role="alert"]')).to.contain('Wrap-up service unavailable');
      await expect(el).to.be.accessible();
    });
  }
});

describe('<cc-wrapup-form> rendering', () => {
  it('shows nothing while the selected task is not in wrap-up', async () => {
    const env = await simDesk();
    const id = env.sim.offerContact({ media: 'telephony' })!;
    env.clock.flush();
    await env.store.accept(id);
    const { el } = await render(env.store);
    await settle(el, env);
    expect(form(el)).to.equal(null);
    expect(el.shadowRoot!.textContent!.trim()).to.equal('');
  });

  it('a voice call in wrap-up: which task, the codes of the profile, notes, submit', async () => {
    const env = await simDesk();
    await wrappingUp(env, 'telephony', 'Zoë Müller');
    const { el } = await render(env.store);
    // Changed with issue 11: one title names the task (no second "Wrap-up" heading).
    expect(text(el, '[part="title"]')).to.equal('Finish: Call with Zoë Müller');
    const codes = [...code(el).options].map((o) => o.textContent!.trim());
    expect(codes).to.deep.equal(['Choose a code', 'Resolved', 'Follow-up needed', 'Escalated', 'No action']);
    expect(code(el).value).to.equal('');
    expect(code(el).required).to.equal(true);
    // Told apart from a task data field named "Notes" (issue 11).
    expect($(el, 'label[for="notes"]')!.textContent).to.equal('Wrap-up notes');
    expect(text(el, '#notes-hint')).to.equal('Saved with the wrap-up (not a task data field).');
    expect(submit(el).disabled).to.equal(false);
  });

  it('customer name, code names and the host warning render as inert text', async () => {
    const store = fake({ markdoneBlocked: XSS_PAYLOAD });
    store.patch('t1', {
      data: { ...store.tasks[0]!.data, interaction: { ...store.tasks[0]!.data.interaction, callProcessingDetails: { ...store.tasks[0]!.data.interaction.callProcessingDetails, customerName: XSS_PAYLOAD } } },
    });
    store.setAgent({ profile: profile({ wrapUpCodes: [{ id: 'x', name: XSS_PAYLOAD }] }), status: { state: 'Available', since: 0 } });
    const { el } = await render(store);
    expect(text(el, '[part="title"]')).to.contain(XSS_PAYLOAD);
    expect(text(el, '[part="blocked"]')).to.contain(XSS_PAYLOAD);
    expect(code(el).options[1]!.textContent).to.equal(XSS_PAYLOAD);
    expectInert(el.shadowRoot!);
  });

  it('switches language at run time', async () => {
    const env = await simDesk();
    await wrappingUp(env, 'chat', 'Ana');
    const { el, setTranslator } = await render(env.store);
    setTranslator(createTranslator('de', (await import('../../src/i18n/de/index.js')).default));
    await settle(el);
    expect(text(el, '[part="title"]')).to.equal('Abschließen: Chat mit Ana');
    setTranslator(createTranslator('fr', (await import('../../src/i18n/fr/index.js')).default));
    await settle(el);
    expect(text(el, 'button[type="submit"]')).to.equal('Valider la clôture');
  });
});

describe('<cc-wrapup-form> through the store and the simulator', () => {
  it('end in call controls → the form appears → choose a code, write notes, submit', async () => {
    const env = await simDesk();
    const id = env.sim.offerContact({ media: 'telephony' })!;
    env.clock.flush();
    await env.store.accept(id);
    const { el: controls, wrapper } = await renderProvided<CcCallControls>(
      html`<cc-call-controls></cc-call-controls><cc-wrapup-form></cc-wrapup-form>`,
      env.store,
    );
    const el = wrapper.querySelector('cc-wrapup-form')!;
    await settle(el, env);
    await controls.updateComplete;
    expect(form(el)).to.equal(null);
    const events = record(wrapper);

    controls.shadowRoot!.querySelector<HTMLButtonElement>('button[data-control="end"]')!.click();
    await settle(el, env);
    expect(form(el)).not.to.equal(null);

    code(el).focus();
    await sendKeys({ press: 'ArrowDown' }); // Resolved
    notes(el).focus();
    await sendKeys({ type: 'Reset the router' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(submit(el));
    await sendKeys({ press: 'Enter' });
    await settle(el, env);

    expect(events.filter((e) => e.type === 'cc-wrapup-submitted')).to.deep.equal([
      { type: 'cc-wrapup-submitted', detail: { taskId: id, auxCodeId: 'wrap-resolved', notes: 'Reset the router' } },
    ]);
    expect(env.store.tasks.some((t) => t.id === id)).to.equal(false);
    expect(form(el)).to.equal(null);
    expect(text(el, '[role="status"]')).to.equal('Wrap-up submitted.');
  });

  it('a missing code is refused with an accessible message and no store call', async () => {
    const store = fake();
    const { el } = await render(store);
    const events = record(el);
    await type(el, 'some notes');
    submit(el).click();
    await settle(el);
    expect(store.calls.filter((c) => c.method === 'wrapup')).to.deep.equal([]);
    expect(code(el).getAttribute('aria-invalid')).to.equal('true');
    expect(code(el).getAttribute('aria-describedby')).to.equal('code-error');
    expect(text(el, '#code-error')).to.equal('Choose a wrap-up code.');
    expect(el.shadowRoot!.activeElement).to.equal(code(el));
    expect(events).to.deep.equal([]);
    await choose(el, 'wu-callback');
    expect(code(el).getAttribute('aria-invalid')).to.equal('false');
    expect(text(el, '#code-error')).to.equal('');
    expect(notes(el).value).to.equal('some notes');
  });

  it('a failed submit shows inline, is announced, keeps code and notes, and a retry succeeds', async () => {
    const env = await simDesk();
    const id = await wrappingUp(env);
    const { el } = await render(env.store);
    const events = record(el);
    await choose(el, 'wrap-escalated');
    await type(el, 'Customer asked for a supervisor');
    env.sim.failNext('wrapup', 1, 'Wrap-up service unavailable');
    submit(el).click();
    await settle(el, env);

    const alert = $(el, '[part="error"]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('Wrap-up service unavailable');
    expect(code(el).value).to.equal('wrap-escalated');
    expect(notes(el).value).to.equal('Customer asked for a supervisor');
    expect(submit(el).disabled).to.equal(false);
    expect(events.map((e) => e.type)).to.deep.equal(['cc-error']);

    submit(el).click();
    await settle(el, env);
    expect(events.slice(1)).to.deep.equal([
      { type: 'cc-wrapup-submitted', detail: { taskId: id, auxCodeId: 'wrap-escalated', notes: 'Customer asked for a supervisor' } },
    ]);
    expect(env.store.tasks.some((t) => t.id === id)).to.equal(false);
  });

  it('a failure arriving as AgentWrapupFailed shows inline and keeps the input', async () => {
    const env = await simDesk();
    await wrappingUp(env);
    const { el } = await render(env.store);
    await choose(el, 'wrap-resolved');
    env.sim.failNext('wrapup', 1, 'Code not allowed for this queue', { as: 'event' });
    submit(el).click();
    await settle(el, env);
    expect(text(el, '[role="alert"]')).to.contain('Code not allowed for this queue');
    expect(code(el).value).to.equal('wrap-resolved');
  });

  it('busy while the store works: aria-busy and "Working…" on a disabled submit', async () => {
    const store = fake();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    store.wrapup = async (taskId, input) => {
      store.calls.push({ method: 'wrapup', args: [taskId, input] });
      await gate;
    };
    const { el } = await render(store);
    await choose(el, 'wu-resolved');
    submit(el).click();
    await settle(el);
    expect(submit(el).getAttribute('aria-busy')).to.equal('true');
    expect(submit(el).disabled).to.equal(true);
    expect(submit(el).textContent).to.contain('Working…');
    release();
    await settle(el);
    expect(submit(el).getAttribute('aria-busy')).to.equal('false');
    expect(store.calls.find((c) => c.method === 'wrapup')!.args).to.deep.equal(['t1', { auxCodeId: 'wu-resolved' }]);
  });

  it('keeps each task’s entries when the selection moves between tasks', async () => {
    const store = new FakeStore([
      fakeTask('t1', { state: 'WRAPPING_UP', times: { wrapupStartedAt: 1 } }),
      fakeTask('t2', { state: 'WRAPPING_UP', times: { wrapupStartedAt: 1 } }),
    ]);
    const { el } = await render(store);
    await choose(el, 'wu-callback');
    await type(el, 'first');
    store.select('t2');
    await settle(el);
    expect(code(el).value).to.equal('');
    expect(notes(el).value).to.equal('');
    store.select('t1');
    await settle(el);
    expect(code(el).value).to.equal('wu-callback');
    expect(notes(el).value).to.equal('first');
  });
});

describe('<cc-wrapup-form> markdone blocked', () => {
  it('shows the host warning as text, keeps submit disabled and refuses Enter; unblocking enables it', async () => {
    const env = await simDesk();
    const id = await wrappingUp(env);
    const { el } = await render(env.store);
    await choose(el, 'wrap-resolved');
    env.store.blockMarkdone(id, XSS_PAYLOAD);
    await settle(el, env);
    const blocked = $(el, '[part="blocked"]')!;
    expect(blocked.textContent).to.contain('Wrap-up is blocked by your application:');
    expect(blocked.textContent).to.contain(XSS_PAYLOAD);
    expectInert(el.shadowRoot!);
    expect(submit(el).disabled).to.equal(true);

    const events = record(el);
    notes(el).focus();
    form(el)!.requestSubmit();
    await settle(el, env);
    expect(events).to.deep.equal([]);
    expect(env.store.selectedTask!.state).to.equal('WRAPPING_UP');

    env.store.unblockMarkdone(id);
    await settle(el, env);
    expect($(el, '[part="blocked"]')).to.equal(null);
    expect(submit(el).disabled).to.equal(false);
  });
});

describe('<cc-wrapup-form> automatic wrap-up countdown', () => {
  it('counts down from wrapupStartedAt on the store clock, with one tick while counting', async () => {
    const env = await simDesk({ autoWrapup: AUTO });
    await wrappingUp(env);
    const { el } = await render(env.store);
    expect(text(el, '[role="timer"]')).to.equal('Automatic wrap-up in 0:30');
    expect(el.ticking).to.equal(true);
    env.clock.advance(12_000);
    // The next 1-second tick renders the new remaining time.
    await waitUntil(() => text(el, '[role="timer"]') === 'Automatic wrap-up in 0:18', 'the tick re-renders', { timeout: 3000 });
    el.remove();
    expect(el.ticking).to.equal(false);
  });

  it('restarts the tick when reconnected', async () => {
    const env = await simDesk({ autoWrapup: AUTO });
    await wrappingUp(env);
    const { el, wrapper } = await render(env.store);
    el.remove();
    expect(el.ticking).to.equal(false);
    wrapper.appendChild(el);
    await settle(el);
    expect(el.ticking).to.equal(true);
  });

  it('Cancel stops the automatic wrap-up where the backend can: the form says so, keeps the code, and the task waits for the agent', async () => {
    const env = await simDesk({ autoWrapup: AUTO });
    const id = await wrappingUp(env);
    const { el } = await render(env.store);
    const events = record(el);
    await choose(el, 'wrap-resolved');
    const cancel = $<HTMLButtonElement>(el, '[part="countdown"] button')!;
    expect(cancel.textContent).to.equal('Cancel countdown');
    cancel.click();
    await settle(el, env);
    expect($(el, '[role="timer"]')).to.equal(null);
    expect(text(el, '[part="countdown"]')).to.equal('Automatic wrap-up cancelled. Choose a code and submit when you are ready.');
    expect(el.ticking).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(code(el));
    expect(code(el).value).to.equal('wrap-resolved');

    // Long past the 30 s: the contact center did not wrap up; the agent does.
    await settle(el, env, 60_000);
    expect(env.store.tasks.find((t) => t.id === id)?.state).to.equal('WRAPPING_UP');
    submit(el).click();
    await settle(el, env);
    expect(env.store.tasks.some((t) => t.id === id)).to.equal(false);
    expect(events.map((e) => e.type)).to.deep.equal(['cc-wrapup-submitted']);
  });

  it('Cancel only hides the countdown where the backend cannot stop it, says so — and the contact center still wraps up', async () => {
    const env = await simDesk({ autoWrapup: AUTO });
    delete (env.store.capabilities as { cancelAutoWrapup?: unknown }).cancelAutoWrapup;
    const id = await wrappingUp(env);
    const { el } = await render(env.store);
    const events = record(el);
    $<HTMLButtonElement>(el, '[part="countdown"] button')!.click();
    await settle(el, env);
    expect($(el, '[role="timer"]')).to.equal(null);
    expect(text(el, '[part="countdown"]')).to.equal(
      'Countdown hidden. The contact center may still wrap up this task automatically with the default code.',
    );
    expect(el.ticking).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(code(el));

    await settle(el, env, 30_000);
    expect(env.store.tasks.some((t) => t.id === id)).to.equal(false);
    expect(form(el)).to.equal(null);
    expect(events).to.deep.equal([]);
  });

  it('a cancel the backend refuses keeps the countdown and says so in an alert; a second try can succeed', async () => {
    const store = fake();
    store.setAgent({ profile: profile({ autoWrapup: { enabled: true, timeoutSeconds: 30, allowCancel: true } }), status: { state: 'Available', since: 0 } });
    const calls: string[] = [];
    let refuse = true;
    store.capabilities.cancelAutoWrapup = (taskId) => {
      calls.push(taskId);
      return refuse ? Promise.reject(new Error('timer already fired')) : Promise.resolve();
    };
    const { el } = await render(store);
    $<HTMLButtonElement>(el, '[part="countdown"] button')!.click();
    await settle(el);
    expect(calls).to.deep.equal(['t1']);
    expect(text(el, '[role="timer"]')).to.equal('Automatic wrap-up in 0:30');
    expect(text(el, '[part="countdown"] [role="alert"]')).to.equal(
      'The automatic wrap-up could not be cancelled. Choose a code and submit, or it wraps up with the default code.',
    );
    await expect(el).to.be.accessible();
    refuse = false;
    $<HTMLButtonElement>(el, '[part="countdown"] button')!.click();
    await settle(el);
    expect(calls).to.deep.equal(['t1', 't1']);
    expect(text(el, '[part="countdown"]')).to.equal('Automatic wrap-up cancelled. Choose a code and submit when you are ready.');
    expect($(el, '[role="alert"].error:not(:empty)')).to.equal(null);
  });

  it('without allowCancel there is no Cancel; at zero it says it is wrapping up', async () => {
    const store = fake();
    store.setAgent({ profile: profile({ autoWrapup: { enabled: true, timeoutSeconds: 10, allowCancel: false } }), status: { state: 'Available', since: 0 } });
    const { el } = await render(store);
    expect(text(el, '[role="timer"]')).to.equal('Automatic wrap-up in 0:10');
    expect($(el, '[part="countdown"] button')).to.equal(null);
    store.clock += 10_000;
    el.requestUpdate();
    await settle(el);
    expect(text(el, '[role="timer"]')).to.equal('Wrapping up automatically…');
    expect(el.ticking).to.equal(false);
  });

  it('no countdown and no tick when auto wrap-up is off', async () => {
    const { el } = await render(fake());
    expect($(el, '[part="countdown"]')).to.equal(null);
    expect(el.ticking).to.equal(false);
  });
});

describe('<cc-wrapup-form> events only on user action', () => {
  it('setting the store, the language or backend changes fires nothing', async () => {
    const env = await simDesk({ autoWrapup: { enabled: true, timeoutSeconds: 5, allowCancel: false } });
    const id = await wrappingUp(env);
    const { el, wrapper, setStore, setTranslator } = await render(undefined);
    const events = record(wrapper);
    setStore(env.store);
    await settle(el, env);
    setTranslator(createTranslator('fr', (await import('../../src/i18n/fr/index.js')).default));
    await settle(el, env);
    env.store.blockMarkdone(id, 'wait');
    env.store.unblockMarkdone(id);
    await settle(el, env, 5_000); // the contact center wraps up on its own
    expect(env.store.tasks.some((t) => t.id === id)).to.equal(false);
    setStore(undefined);
    await el.updateComplete;
    expect(events).to.deep.equal([]);
  });
});
