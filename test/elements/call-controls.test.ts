import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { createTranslator } from '../../src/i18n/translator.js';
import { renderProvided } from '../fixtures/provide.js';
import { FakeStore, task as fakeTask } from '../fixtures/fake-store.js';
import { THEMES, XSS_PAYLOAD, expectInert, liveTask, nextTask, recordEvents, releaseSimDesks, settle, simDesk, type SimDesk } from '../fixtures/sim-desk.js';
import '../../src/elements/call-controls/call-controls.js';
import type { CcCallControls } from '../../src/elements/call-controls/call-controls.js';
import '../../src/elements/consult-picker/consult-picker.js';
import type { CcConsultPicker } from '../../src/elements/consult-picker/consult-picker.js';
import type { CcStore } from '../../src/store/types.js';
import { capabilitiesFor } from '../../src/backends/webex/profile.js';
import { profile } from '../fixtures/fake-backend.js';

const EVENTS = ['cc-task-command', 'cc-task-held', 'cc-task-resumed', 'cc-task-ended', 'cc-destination-selected', 'cc-error'] as const;

afterEach(releaseSimDesks);

async function render(store: CcStore | undefined, options: { dark?: boolean } = {}) {
  const r = await renderProvided<CcCallControls>(html`<cc-call-controls></cc-call-controls>`, store, options);
  await nextTask();
  await r.el.updateComplete;
  return r;
}

const button = (el: CcCallControls, name: string): HTMLButtonElement | null =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-control="${name}"]`);
const shown = (el: CcCallControls): string[] =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[data-control]')].map((b) => b.dataset.control!);
/** The controls that can be used now (the others stay in place, aria-disabled). */
const usable = (el: CcCallControls): string[] =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[data-control]')]
    .filter((b) => b.getAttribute('aria-disabled') !== 'true')
    .map((b) => b.dataset.control!);
const isDisabled = (b: HTMLButtonElement | null): boolean => b!.getAttribute('aria-disabled') === 'true';
const statusText = (el: CcCallControls): string => el.shadowRoot!.querySelector('[part="status"]')!.textContent!.replace(/\s+/g, ' ').trim();
const alertText = (el: CcCallControls): string => el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.trim();
const picker = (el: CcCallControls): CcConsultPicker | null => el.shadowRoot!.querySelector('cc-consult-picker');
const option = (p: CcConsultPicker, key: string): HTMLButtonElement =>
  p.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-key="${key}"]`)!;

const record = (target: EventTarget) => recordEvents(target, EVENTS).events;

/** Open the picker from `name` and choose `key`; resolves when the choice was accepted. */
async function choose(env: SimDesk, el: CcCallControls, name: 'consult' | 'transfer', key: string): Promise<void> {
  button(el, name)!.click();
  await settle(el, env);
  const p = picker(el)!;
  await settle(el, env);
  const kind = key.split(':')[0]!;
  const select = p.shadowRoot!.querySelector<HTMLSelectElement>('#kind')!;
  if (select.value !== kind) {
    select.value = kind;
    select.dispatchEvent(new Event('change'));
    await settle(el, env);
  }
  option(p, key).click();
  await settle(el, env);
}

/** A voice call consulting Ana Souza, who has accepted. */
async function consulting(env: SimDesk, el: CcCallControls): Promise<void> {
  await choose(env, el, 'consult', 'agent:agent-ana');
  await settle(el, env, 2000);
}

describe('<cc-call-controls> accessibility (axe)', () => {
  for (const { dark, theme } of THEMES) {
    it(`CONNECTED voice call (${theme})`, async () => {
      const env = await simDesk();
      await liveTask(env);
      const { el } = await render(env.store, { dark });
      expect(shown(el)).to.include('hold');
      await expect(el).to.be.accessible();
    });

    it(`CONSULTING (${theme})`, async () => {
      const env = await simDesk();
      await liveTask(env);
      const { el } = await render(env.store, { dark });
      await consulting(env, el);
      expect(env.store.selectedTask!.state).to.equal('CONSULTING');
      await expect(el).to.be.accessible();
    });

    it(`CONFERENCING (${theme})`, async () => {
      const env = await simDesk();
      await liveTask(env);
      const { el } = await render(env.store, { dark });
      await consulting(env, el);
      button(el, 'consultConference')!.click();
      await settle(el, env);
      expect(env.store.selectedTask!.state).to.equal('CONFERENCING');
      await expect(el).to.be.accessible();
    });

    it(`chat (${theme})`, async () => {
      const env = await simDesk();
      await liveTask(env, 'chat');
      const { el } = await render(env.store, { dark });
      expect(shown(el)).to.deep.equal(['transfer', 'end']);
      await expect(el).to.be.accessible();
    });

    it(`picker open (${theme})`, async () => {
      const env = await simDesk();
      await liveTask(env);
      const { el } = await render(env.store, { dark });
      button(el, 'consult')!.click();
      await settle(el, env);
      expect(picker(el)).not.to.equal(null);
      await expect(el).to.be.accessible();
    });

    it(`busy and failed (${theme})`, async () => {
      const env = await simDesk();
      await liveTask(env);
      const { el } = await render(env.store, { dark });
      env.sim.failNext('hold', 1, 'Hold refused by the switch');
      button(el, 'hold')!.click();
      await settle(el, env);
      expect(alertText(el)).to.contain('Hold refused by the switch');
      await expect(el).to.be.accessible();
      button(el, 'hold')!.click();
      await nextTask();
      await el.updateComplete;
      expect(button(el, 'hold')!.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
    });
  }
});

describe('<cc-call-controls> rendering', () => {
  // Changed with issue 11: with no task the bar is empty; <cc-task-details> says "No task selected." once.
  it('without a provider says so, and with no task shows nothing', async () => {
    const { el, setStore } = await render(undefined);
    expect(el.shadowRoot!.textContent).to.contain('Place this element inside <cc-provider>.');
    const env = await simDesk();
    setStore(env.store);
    await settle(el, env);
    expect(el.shadowRoot!.textContent!.trim()).to.equal('');
    expect(shown(el)).to.deep.equal([]);
  });

  it('a connected voice call: hold, mute, pause recording, consult, transfer, end', async () => {
    const env = await simDesk();
    await liveTask(env);
    const { el } = await render(env.store);
    expect(shown(el)).to.deep.equal(['hold', 'toggleMute', 'pauseRecording', 'consult', 'transfer', 'end']);
    expect(statusText(el)).to.equal('Connected');
    expect(button(el, 'toggleMute')!.getAttribute('aria-pressed')).to.equal('false');
    expect(button(el, 'consult')!.getAttribute('aria-expanded')).to.equal('false');
    expect(button(el, 'end')!.classList.contains('danger')).to.equal(true);
    for (const b of el.shadowRoot!.querySelectorAll('button')) expect(b.getAttribute('aria-disabled')).to.equal('false');
    expect(el.shadowRoot!.querySelector('[role="group"]')!.getAttribute('aria-label')).to.equal('Task controls');
  });

  for (const media of ['chat', 'email', 'social'] as const) {
    it(`${media}: no voice controls, only transfer and end`, async () => {
      const env = await simDesk();
      await liveTask(env, media);
      const { el } = await render(env.store);
      expect(shown(el)).to.deep.equal(['transfer', 'end']);
    });
  }

  it('switches language at run time', async () => {
    const env = await simDesk();
    await liveTask(env);
    const { el, setTranslator } = await render(env.store);
    expect(button(el, 'hold')!.textContent!.trim()).to.equal('Hold');
    const de = (await import('../../src/i18n/de/index.js')).default;
    setTranslator(createTranslator('de', de));
    await el.updateComplete;
    expect(button(el, 'hold')!.textContent!.trim()).to.equal('Halten');
    expect(statusText(el)).to.equal('Verbunden');
    const fr = (await import('../../src/i18n/fr/index.js')).default;
    setTranslator(createTranslator('fr', fr));
    await el.updateComplete;
    expect(button(el, 'end')!.textContent!.trim()).to.equal('Terminer');
  });

  it('Mute on an Extension login stays in its place, disabled, and says to mute on the phone (en, de, fr)', async () => {
    const store = new FakeStore([fakeTask('t1')]);
    store.setAgent({ ...store.agent, profile: profile({ capabilities: capabilitiesFor('EXTENSION') }) });
    const { el, setTranslator } = await render(store);
    const mute = button(el, 'toggleMute')!;
    expect(shown(el)).to.deep.equal(['hold', 'toggleMute', 'pauseRecording', 'consult', 'transfer', 'end']);
    expect(isDisabled(mute)).to.equal(true);
    /** The description assistive technology reads for Mute (aria-describedby), and its tooltip. */
    const why = (): [string, string] => {
      const b = button(el, 'toggleMute')!;
      return [el.shadowRoot!.getElementById(b.getAttribute('aria-describedby')!)!.textContent!, b.title];
    };
    const en = 'Mute on your phone: with this login your calls are on the phone.';
    expect(why()).to.deep.equal([en, en]);
    expect(mute.textContent!.trim()).to.equal('Mute');
    mute.click();
    await nextTask();
    expect(store.calls.map((c) => c.method)).not.to.include('toggleMute');

    const de = 'Schalten Sie am Telefon stumm: Mit dieser Anmeldung laufen Ihre Anrufe über das Telefon.';
    setTranslator(createTranslator('de', (await import('../../src/i18n/de/index.js')).default));
    await el.updateComplete;
    expect(why()).to.deep.equal([de, de]);
    const fr = 'Coupez le micro sur votre téléphone : avec cette connexion, vos appels passent par le téléphone.';
    setTranslator(createTranslator('fr', (await import('../../src/i18n/fr/index.js')).default));
    await el.updateComplete;
    expect(why()).to.deep.equal([fr, fr]);
  });

  it('long German labels stay inside their buttons in a narrow bar (Stumm-schalten, zusammen-führen)', async () => {
    const env = await simDesk();
    await liveTask(env);
    const { el, wrapper, setTranslator } = await render(env.store);
    wrapper.style.inlineSize = '290px';
    await consulting(env, el);
    setTranslator(createTranslator('de', (await import('../../src/i18n/de/index.js')).default));
    await el.updateComplete;
    const spilled = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[data-control]')]
      .filter((b) => {
        const outer = b.getBoundingClientRect();
        const label = b.querySelector('.label')!.getBoundingClientRect();
        return label.left < outer.left || label.right > outer.right;
      })
      .map((b) => b.textContent!.trim());
    expect(shown(el)).to.include('consultConference');
    expect(spilled).to.deep.equal([]);
  });

  it('renders the consult destination as inert text (HTML payload)', async () => {
    const store = new FakeStore([
      fakeTask('t1', {
        state: 'CONSULTING',
        consult: { destination: { type: 'agent', id: 'agent-x', name: XSS_PAYLOAD }, status: 'CONSULT_ACCEPTED' },
        activeLeg: 'main',
      }),
    ]);
    const { el } = await render(store);
    expect(statusText(el)).to.contain(`Consulting with ${XSS_PAYLOAD}`);
    expect(button(el, 'switchLeg')!.textContent).to.contain(`Talk to ${XSS_PAYLOAD}`);
    expectInert(el.shadowRoot!);
  });

  it('renders a failure message from the backend as inert text', async () => {
    const env = await simDesk();
    await liveTask(env);
    const { el } = await render(env.store);
    env.sim.failNext('hold', 1, XSS_PAYLOAD);
    button(el, 'hold')!.click();
    await settle(el, env);
    expect(alertText(el)).to.contain(XSS_PAYLOAD);
    expectInert(el.shadowRoot!);
  });
});

describe('<cc-call-controls> a voice call through the store and the simulator', () => {
  it('hold → resume: busy while pending, then flips; events after the store accepted', async () => {
    const env = await simDesk();
    const id = await liveTask(env);
    const { el } = await render(env.store);
    const events = record(el);

    button(el, 'hold')!.click();
    await nextTask();
    await el.updateComplete;
    const hold = button(el, 'hold')!;
    expect(hold.getAttribute('aria-busy')).to.equal('true');
    expect(hold.textContent).to.contain('Working…');
    expect(hold.querySelector('[part="spinner"]')).not.to.equal(null);
    expect([...el.shadowRoot!.querySelectorAll('button')].every((b) => b.getAttribute('aria-disabled') === 'true')).to.equal(true);
    expect(statusText(el)).to.contain('Working…');

    await settle(el, env);
    // Fixed places (issue 11): Mute stays, disabled with its reason, and Hold shows pressed.
    expect(shown(el)).to.deep.equal(['resume', 'toggleMute', 'pauseRecording', 'consult', 'transfer', 'end']);
    expect(usable(el)).to.deep.equal(['resume', 'pauseRecording', 'consult', 'transfer', 'end']);
    expect(button(el, 'resume')!.getAttribute('aria-pressed')).to.equal('true');
    const mute = button(el, 'toggleMute')!;
    expect(el.shadowRoot!.getElementById(mute.getAttribute('aria-describedby')!)!.textContent).to.equal('Resume the call first.');
    expect(mute.textContent!.trim()).to.equal('Mute'); // the reason describes it, it does not join its name
    expect(statusText(el)).to.equal('On hold');
    expect(events).to.deep.equal([
      { type: 'cc-task-command', detail: { taskId: id, command: 'hold' } },
      { type: 'cc-task-held', detail: { taskId: id } },
    ]);

    button(el, 'resume')!.click();
    await settle(el, env);
    expect(shown(el)[0]).to.equal('hold');
    expect(statusText(el)).to.equal('Connected');
    expect(events.slice(2)).to.deep.equal([
      { type: 'cc-task-command', detail: { taskId: id, command: 'resume' } },
      { type: 'cc-task-resumed', detail: { taskId: id } },
    ]);
  });

  it('keeps focus on the hold/resume button as it flips', async () => {
    const env = await simDesk();
    await liveTask(env);
    const { el } = await render(env.store);
    button(el, 'hold')!.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el, env);
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'resume'));
    await sendKeys({ press: 'Space' });
    await settle(el, env);
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'hold'));
  });

  it('mute: aria-pressed follows the task and the status says so', async () => {
    const env = await simDesk();
    const id = await liveTask(env);
    const { el } = await render(env.store);
    const events = record(el);
    button(el, 'toggleMute')!.click();
    await settle(el, env);
    expect(button(el, 'toggleMute')!.getAttribute('aria-pressed')).to.equal('true');
    expect(statusText(el)).to.contain('Microphone muted');
    button(el, 'toggleMute')!.click();
    await settle(el, env);
    expect(button(el, 'toggleMute')!.getAttribute('aria-pressed')).to.equal('false');
    expect(statusText(el)).not.to.contain('Microphone muted');
    expect(events.map((e) => e.detail)).to.deep.equal([
      { taskId: id, command: 'toggleMute' },
      { taskId: id, command: 'toggleMute' },
    ]);
  });

  it('recording: pause then resume', async () => {
    const env = await simDesk();
    await liveTask(env);
    const { el } = await render(env.store);
    button(el, 'pauseRecording')!.click();
    await settle(el, env);
    expect(shown(el)).to.include('resumeRecording');
    expect(shown(el)).not.to.include('pauseRecording');
    expect(statusText(el)).to.contain('Recording paused');
    button(el, 'resumeRecording')!.click();
    await settle(el, env);
    expect(shown(el)).to.include('pauseRecording');
    expect(statusText(el)).not.to.contain('Recording paused');
  });

  it('consult a buddy who accepts → switch leg → conference → leave', async () => {
    const env = await simDesk();
    const id = await liveTask(env);
    const { el } = await render(env.store);
    const events = record(el);

    button(el, 'consult')!.click();
    await settle(el, env);
    expect(button(el, 'consult')!.getAttribute('aria-expanded')).to.equal('true');
    expect(button(el, 'consult')!.getAttribute('aria-controls')).to.equal('picker');
    const p = picker(el)!;
    expect(p.mode).to.equal('consult');
    option(p, 'agent:agent-ana').click();
    await settle(el, env);

    expect(picker(el)).to.equal(null);
    expect(events.filter((e) => e.type === 'cc-task-command')).to.deep.equal([
      { type: 'cc-task-command', detail: { taskId: id, command: 'consult' } },
    ]);
    expect(events.find((e) => e.type === 'cc-destination-selected')!.detail).to.deep.include({ taskId: id, mode: 'consult' });
    expect(statusText(el)).to.contain('Calling Ana Souza…');
    expect(usable(el)).to.deep.equal(['toggleMute', 'endConsult']);
    expect(shown(el)).to.deep.equal([
      'hold', 'toggleMute', 'pauseRecording', 'consult', 'transfer', 'end',
      'switchLeg', 'endConsult', 'consultTransfer', 'consultConference', 'exitConference',
    ]);
    expect(isDisabled(button(el, 'consultTransfer'))).to.equal(true);
    expect(isDisabled(button(el, 'consultConference'))).to.equal(true);

    await settle(el, env, 2000);
    expect(statusText(el)).to.contain('Consulting with Ana Souza');
    expect(statusText(el)).to.contain('Talking to Ana Souza; the customer is on hold.');
    expect(isDisabled(button(el, 'consultTransfer'))).to.equal(false);
    expect(button(el, 'switchLeg')!.textContent).to.contain('Talk to customer');

    button(el, 'switchLeg')!.click();
    await settle(el, env);
    expect(env.store.selectedTask!.activeLeg).to.equal('main');
    expect(button(el, 'switchLeg')!.textContent).to.contain('Talk to Ana Souza');
    expect(statusText(el)).to.contain('Talking to the customer; Ana Souza is on hold.');

    button(el, 'consultConference')!.click();
    await settle(el, env);
    expect(env.store.selectedTask!.state).to.equal('CONFERENCING');
    expect(statusText(el)).to.contain('In conference with Ana Souza');
    expect(usable(el)).to.deep.equal(['toggleMute', 'transfer', 'end', 'exitConference']);

    button(el, 'exitConference')!.click();
    await settle(el, env);
    expect(env.store.tasks.find((t) => t.id === id)?.state ?? 'gone').not.to.equal('CONFERENCING');
    expect(events.filter((e) => e.type === 'cc-task-command').map((e) => (e.detail as { command: string }).command)).to.deep.equal([
      'consult',
      'switchLeg',
      'consultConference',
      'exitConference',
    ]);
  });

  it('consult → end consult returns to the customer', async () => {
    const env = await simDesk();
    await liveTask(env);
    const { el } = await render(env.store);
    await consulting(env, el);
    button(el, 'endConsult')!.click();
    await settle(el, env);
    expect(env.store.selectedTask!.state).to.equal('CONNECTED');
    expect(shown(el)[0]).to.equal('hold');
  });

  it('consult → consult transfer: the task goes to wrap-up and no call control can be used', async () => {
    const env = await simDesk();
    const id = await liveTask(env);
    const { el } = await render(env.store);
    await consulting(env, el);
    const events = record(el);
    button(el, 'consultTransfer')!.click();
    await settle(el, env);
    expect(env.store.selectedTask!.state).to.equal('WRAPPING_UP');
    expect(usable(el)).to.deep.equal([]);
    expect(statusText(el)).to.equal('Wrap-up Transferred');
    expect(events).to.deep.equal([{ type: 'cc-task-command', detail: { taskId: id, command: 'consultTransfer' } }]);
  });

  it('a declined consult shows the reason inline and announces it', async () => {
    const env = await simDesk();
    await liveTask(env);
    const { el } = await render(env.store);
    await choose(env, el, 'consult', 'agent:agent-chidi');
    await settle(el, env, 2000);
    expect(env.store.selectedTask!.state).to.equal('CONNECTED');
    expect(alertText(el)).to.contain('Chidi Okafor declined the consult');
  });

  it('blind transfer to a queue through the picker', async () => {
    const env = await simDesk();
    const id = await liveTask(env);
    const { el } = await render(env.store);
    const events = record(el);
    await choose(env, el, 'transfer', 'queue:q-billing');
    expect(events.filter((e) => e.type === 'cc-task-command')).to.deep.equal([
      { type: 'cc-task-command', detail: { taskId: id, command: 'transfer' } },
    ]);
    expect(env.store.selectedTask?.state).to.equal('WRAPPING_UP');
  });

  it('end: fires cc-task-ended once the store accepted', async () => {
    const env = await simDesk();
    const id = await liveTask(env);
    const { el } = await render(env.store);
    const events = record(el);
    button(el, 'end')!.click();
    await settle(el, env);
    expect(events).to.deep.equal([
      { type: 'cc-task-command', detail: { taskId: id, command: 'end' } },
      { type: 'cc-task-ended', detail: { taskId: id } },
    ]);
    expect(env.store.selectedTask!.state).to.equal('WRAPPING_UP');
  });
});

describe('<cc-call-controls> being consulted (secondary agent)', () => {
  it('shows End consult and Mute; ending the consult releases the task', async () => {
    const env = await simDesk();
    const id = env.sim.offerConsult({ from: 'agent-bjorn' })!;
    env.clock.flush();
    await env.store.accept(id);
    const { el } = await render(env.store);
    await settle(el, env);
    expect(env.store.selectedTask!.state).to.equal('CONSULTING');
    expect(usable(el)).to.deep.equal(['toggleMute', 'endConsult']);
    // No doubled "Consulting Being consulted by …" (issue 11).
    expect(statusText(el)).to.equal('Being consulted by Björn Lindqvist');
    const events = record(el);
    button(el, 'endConsult')!.click();
    await settle(el, env);
    expect(env.store.tasks.some((t) => t.id === id)).to.equal(false);
    expect(events).to.deep.equal([{ type: 'cc-task-command', detail: { taskId: id, command: 'endConsult' } }]);
  });
});

describe('<cc-call-controls> failures', () => {
  it('a rejected hold shows inline, is announced, keeps the state and fires only cc-error', async () => {
    const env = await simDesk();
    const id = await liveTask(env);
    const { el } = await render(env.store);
    const events = record(el);
    env.sim.failNext('hold', 1, 'Hold refused by the switch');
    button(el, 'hold')!.click();
    await settle(el, env);
    const alert = el.shadowRoot!.querySelector('[part="error"]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('Hold refused by the switch');
    expect(env.store.selectedTask!.state).to.equal('CONNECTED');
    expect(isDisabled(button(el, 'hold'))).to.equal(false);
    expect(events.map((e) => e.type)).to.deep.equal(['cc-error']);
    expect((events[0]!.detail as { taskId?: string; command: string }).command).to.equal('hold');
    expect((events[0]!.detail as { taskId?: string }).taskId).to.equal(id);

    // The next successful command clears it.
    button(el, 'hold')!.click();
    await settle(el, env);
    expect(alertText(el)).to.equal('');
  });

  it('a failure arriving as a …Failed event shows inline too', async () => {
    const env = await simDesk();
    await liveTask(env);
    const { el } = await render(env.store);
    env.sim.failNext('pauseRecording', 1, 'Recorder unavailable', { as: 'event' });
    button(el, 'pauseRecording')!.click();
    await settle(el, env);
    expect(alertText(el)).to.contain('Recorder unavailable');
    expect(shown(el)).to.include('pauseRecording');
  });

  it('a refusal the task does not carry (INVALID_STATE) still shows inline', async () => {
    const store = new FakeStore([fakeTask('t1')]);
    store.failures.set('hold', store.error('INVALID_STATE', 'hold', 'Not now', 't1'));
    const { el } = await render(store);
    button(el, 'hold')!.click();
    await nextTask();
    await el.updateComplete;
    expect(alertText(el)).to.equal('The call could not be put on hold. The task changed meanwhile; check it and try again.');
  });
});

describe('<cc-call-controls> keyboard and the picker disclosure', () => {
  it('Enter opens the picker with focus in its filter; Escape closes it and returns focus', async () => {
    const env = await simDesk();
    await liveTask(env);
    const { el } = await render(env.store);
    button(el, 'transfer')!.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el, env);
    const p = picker(el)!;
    expect(p.mode).to.equal('transfer');
    expect(button(el, 'transfer')!.getAttribute('aria-expanded')).to.equal('true');
    expect(p.shadowRoot!.activeElement?.id).to.equal('filter');

    await sendKeys({ press: 'Escape' });
    await settle(el, env);
    expect(picker(el)).to.equal(null);
    expect(button(el, 'transfer')!.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'transfer'));
  });

  it('the opener toggles; the other opener switches the mode', async () => {
    const env = await simDesk();
    await liveTask(env);
    const { el } = await render(env.store);
    button(el, 'consult')!.click();
    await settle(el, env);
    expect(picker(el)!.mode).to.equal('consult');
    button(el, 'transfer')!.click();
    await settle(el, env);
    expect(picker(el)!.mode).to.equal('transfer');
    expect(button(el, 'consult')!.getAttribute('aria-expanded')).to.equal('false');
    button(el, 'transfer')!.click();
    await settle(el, env);
    expect(picker(el)).to.equal(null);
  });

  it('Tab reaches every control in order', async () => {
    const env = await simDesk();
    await liveTask(env);
    const { el } = await render(env.store);
    button(el, 'hold')!.focus();
    const order = [button(el, 'hold')!.dataset.control];
    for (let i = 0; i < 5; i++) {
      await sendKeys({ press: 'Tab' });
      order.push((el.shadowRoot!.activeElement as HTMLElement).dataset.control);
    }
    expect(order).to.deep.equal(['hold', 'toggleMute', 'pauseRecording', 'consult', 'transfer', 'end']);
  });

  it('the picker closes when the task changes', async () => {
    const env = await simDesk();
    await liveTask(env);
    const { el } = await render(env.store);
    button(el, 'consult')!.click();
    await settle(el, env);
    const chat = await liveTask(env, 'chat');
    env.store.select(chat);
    await settle(el, env);
    expect(picker(el)).to.equal(null);
  });
});

describe('<cc-call-controls> events only on user action', () => {
  it('setting the store, the language, or backend changes fire nothing', async () => {
    const env = await simDesk();
    const id = await liveTask(env);
    const { el, wrapper, setStore, setTranslator } = await render(undefined);
    const events = record(wrapper);
    setStore(env.store);
    await settle(el, env);
    setTranslator(createTranslator('de', (await import('../../src/i18n/de/index.js')).default));
    await el.updateComplete;
    // Backend-driven changes (another client holds the call, the customer hangs up).
    await env.store.hold(id);
    await settle(el, env);
    expect(statusText(el)).to.contain('Gehalten');
    env.sim.customerHangup(id);
    await settle(el, env);
    setStore(undefined);
    await el.updateComplete;
    expect(events).to.deep.equal([]);
  });
});
