import { aTimeout, expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/outdial/outdial.js';
import type { CcOutdial } from '../../src/elements/outdial/outdial.js';
import { createTranslator, type Translator } from '../../src/i18n/translator.js';
import { renderProvided } from '../fixtures/provide.js';
import { THEMES, XSS_PAYLOAD, captureEvents, expectInert, releaseSimDesks, simDesk, type SimDesk, type SimDeskOptions } from '../fixtures/sim-desk.js';

const LATENCY = 100;

/** A desk whose agent starts Idle and whose contact center answers after LATENCY ms; `start: false` leaves it unconnected. */
const desk = (options: SimDeskOptions = {}): Promise<SimDesk> => simDesk({ latencyMs: LATENCY, startAvailable: false, ...options });

async function mount(d: SimDesk | undefined, options: { dark?: boolean; translator?: Translator } = {}) {
  return renderProvided<CcOutdial>(html`<cc-outdial></cc-outdial>`, d?.store, options);
}

const root = (el: CcOutdial): ShadowRoot => el.shadowRoot!;
const input = (el: CcOutdial): HTMLInputElement => root(el).querySelector('input')!;
const part = (el: CcOutdial, name: string): HTMLElement | null => root(el).querySelector(`[part~="${name}"]`);
const parts = (el: CcOutdial, name: string): HTMLElement[] => [...root(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const dialButton = (el: CcOutdial): HTMLButtonElement => part(el, 'dial-button') as HTMLButtonElement;
const key = (el: CcOutdial, k: string): HTMLButtonElement =>
  parts(el, 'key').find((b) => b.textContent!.trim() === k) as HTMLButtonElement;
const text = (el: CcOutdial, name: string): string => part(el, name)?.textContent?.trim() ?? '';

async function settle(el: CcOutdial): Promise<void> {
  await aTimeout(0);
  await el.updateComplete;
}

/** Type into the field the way a user does. */
async function type(el: CcOutdial, value: string): Promise<void> {
  input(el).value = value;
  input(el).dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
}

async function advance(d: SimDesk, el: CcOutdial, ms: number): Promise<void> {
  d.clock.advance(ms);
  await settle(el);
}

afterEach(releaseSimDesks);

describe('<cc-outdial>', () => {
  describe('accessibility (axe)', () => {
    for (const { dark, theme } of THEMES) {
      it(`is accessible when ready to dial (${theme})`, async () => {
        const { el } = await mount(await desk(), { dark });
        await expect(el).to.be.accessible();
      });
      it(`is accessible with a validation message (${theme})`, async () => {
        const { el } = await mount(await desk(), { dark });
        await type(el, '12ab');
        expect(text(el, 'validation')).to.not.equal('');
        await expect(el).to.be.accessible();
      });
      it(`is accessible while a call is live (${theme})`, async () => {
        const d = await desk({ startAvailable: true });
        const { el } = await mount(d, { dark });
        d.sim.offerContact({ media: 'telephony' });
        await advance(d, el, 0);
        expect(text(el, 'reason')).to.not.equal('');
        await expect(el).to.be.accessible();
      });
      it(`is accessible when outdial is not enabled (${theme})`, async () => {
        const { el } = await mount(await desk({ profile: { outdial: { enabled: false, anis: [] } } }), { dark });
        await expect(el).to.be.accessible();
      });
      it(`is accessible with a failure shown (${theme})`, async () => {
        const d = await desk();
        const { el } = await mount(d, { dark });
        d.sim.failNext('outdial', 1, 'Trunk busy');
        await type(el, '+14155550100');
        dialButton(el).click();
        await settle(el);
        expect(text(el, 'error')).to.contain('Trunk busy');
        await expect(el).to.be.accessible();
      });
    }
    it('is accessible outside a provider', async () => {
      const { el } = await mount(undefined);
      await expect(el).to.be.accessible();
    });
  });

  describe('rendering', () => {
    it('has a labelled tel field, a keypad of real buttons and a Dial button', async () => {
      const { el } = await mount(await desk());
      expect(input(el).type).to.equal('tel');
      expect(input(el).labels![0]!.textContent).to.equal('Number to dial');
      expect(parts(el, 'key').map((b) => b.textContent!.trim())).to.deep.equal(
        ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'],
      );
      expect(parts(el, 'key').every((b) => b.tagName === 'BUTTON' && (b as HTMLButtonElement).type === 'button')).to.equal(true);
      expect(part(el, 'keypad')!.getAttribute('role')).to.equal('group');
      expect(part(el, 'keypad')!.getAttribute('aria-label')).to.equal('Keypad');
      expect(part(el, 'backspace')!.textContent).to.contain('Delete last digit');
      expect(dialButton(el).type).to.equal('submit');
      expect(dialButton(el).textContent!.trim()).to.equal('Dial');
    });

    it('offers the default caller ID and each outdial ANI of the profile', async () => {
      const { el } = await mount(await desk());
      const select = part(el, 'ani') as HTMLSelectElement;
      expect(select.labels![0]!.textContent).to.equal('Caller ID');
      expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal([
        'Default caller ID',
        'Main line (+18005550100)',
        'Support line (+18005550199)',
      ]);
      expect(select.value).to.equal('');
    });

    it('has no caller-ID choice when the profile has no ANIs', async () => {
      const { el } = await mount(await desk({ profile: { outdial: { enabled: true, anis: [] } } }));
      expect(part(el, 'ani')).to.equal(null);
    });

    it('renders ANI names and a hostile number as inert text', async () => {
      const d = await desk({
        profile: { outdial: { enabled: true, anis: [{ id: 'evil', name: XSS_PAYLOAD, number: XSS_PAYLOAD }] } },
      });
      const { el } = await mount(d);
      el.number = XSS_PAYLOAD;
      await el.updateComplete;
      expect(root(el).textContent).to.contain('<img');
      expect(input(el).value).to.equal(XSS_PAYLOAD);
      expect(text(el, 'validation')).to.equal('Use digits, a leading +, * and # only.');
      expectInert(root(el));
    });

    it('waits for the contact center before the profile is known', async () => {
      const { el } = await mount(await desk({ start: false }));
      expect(text(el, 'reason')).to.equal('Waiting for the contact center…');
      expect(root(el).querySelector('fieldset')!.disabled).to.equal(true);
    });

    it('asks to be placed in a provider when there is no store', async () => {
      const { el } = await mount(undefined);
      expect(root(el).textContent).to.contain('Place this element inside <cc-provider>.');
      expect(input(el)).to.equal(null);
    });

    it('renders in German and French at run time', async () => {
      const { el, setTranslator } = await mount(await desk());
      setTranslator(createTranslator('de', (await import('../../src/i18n/de/index.js')).default));
      await el.updateComplete;
      expect(dialButton(el).textContent!.trim()).to.equal('Wählen');
      expect(input(el).labels![0]!.textContent).to.equal('Zu wählende Nummer');
      setTranslator(createTranslator('fr', (await import('../../src/i18n/fr/index.js')).default));
      await el.updateComplete;
      expect(dialButton(el).textContent!.trim()).to.equal('Appeler');
      await type(el, 'abc');
      expect(text(el, 'validation')).to.equal('Uniquement des chiffres, un + initial, * et #.');
    });
  });

  describe('number entry and validation', () => {
    it('builds the number from the keypad and deletes with backspace', async () => {
      const { el } = await mount(await desk());
      for (const k of ['4', '1', '5', '*', '#']) key(el, k).click();
      await el.updateComplete;
      expect(input(el).value).to.equal('415*#');
      (part(el, 'backspace') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(input(el).value).to.equal('415*');
    });

    it('works the keypad with the keyboard', async () => {
      const { el } = await mount(await desk());
      key(el, '7').focus();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(input(el).value).to.equal('77');
    });

    it('shows the reason a number cannot be dialled and marks the field invalid', async () => {
      const { el } = await mount(await desk());
      const cases: [string, string][] = [
        ['12ab', 'Use digits, a leading +, * and # only.'],
        ['123', 'Your dial plan does not allow this number.'],
        ['+1234567890123456789012', 'That number is too long (at most 20 digits).'],
      ];
      for (const [value, reason] of cases) {
        await type(el, value);
        expect(text(el, 'validation'), value).to.equal(reason);
        expect(input(el).getAttribute('aria-invalid')).to.equal('true');
        expect(input(el).getAttribute('aria-describedby')).to.equal('validation');
      }
      await type(el, '+1 (415) 555-0100');
      expect(text(el, 'validation')).to.equal('');
      expect(input(el).getAttribute('aria-invalid')).to.equal('false');
    });

    it('says a number is needed only after an attempt to dial, and focuses the field', async () => {
      const d = await desk();
      const { el } = await mount(d);
      const started = captureEvents(el, 'cc-outdial-started');
      expect(text(el, 'validation')).to.equal('');
      dialButton(el).click();
      await settle(el);
      expect(text(el, 'validation')).to.equal('Enter a number to dial.');
      expect(root(el).activeElement).to.equal(input(el));
      expect(started).to.have.length(0);
      expect(d.store.tasks).to.have.length(0);
    });

    it('does not dial an invalid number', async () => {
      const d = await desk();
      const { el } = await mount(d);
      const started = captureEvents(el, 'cc-outdial-started');
      const errors = captureEvents(el, 'cc-error');
      await type(el, '123');
      dialButton(el).click();
      await advance(d, el, 5000);
      expect(started).to.have.length(0);
      expect(errors).to.have.length(0);
      expect(d.store.tasks).to.have.length(0);
    });

    it('shows a number set from code without firing anything', async () => {
      const d = await desk();
      const { el } = await mount(d);
      const started = captureEvents(el, 'cc-outdial-started');
      el.number = '+14155550100';
      await el.updateComplete;
      expect(input(el).value).to.equal('+14155550100');
      await advance(d, el, 5000);
      expect(started).to.have.length(0);
      expect(d.store.tasks).to.have.length(0);
    });
  });

  describe('dialling', () => {
    it('dials with the Dial button, fires cc-outdial-started and then is disabled during the call', async () => {
      const d = await desk();
      const { el } = await mount(d);
      const started = captureEvents(el, 'cc-outdial-started');
      await type(el, '+1 (415) 555-0100');
      dialButton(el).click();
      await settle(el);
      expect(started.map((e) => e.detail)).to.deep.equal([{ number: '+14155550100' }]);
      expect(started[0]!.bubbles && started[0]!.composed).to.equal(true);
      expect(input(el).value).to.equal('');
      expect(text(el, 'status')).to.equal('Calling +14155550100.');
      expect(part(el, 'status')!.getAttribute('role')).to.equal('status');
      // The outbound call arrives as a voice task: outdial is unavailable while it is live.
      await advance(d, el, 5000);
      expect(d.store.tasks.map((t) => t.media)).to.deep.equal(['telephony']);
      expect(text(el, 'reason')).to.equal('Finish the current call before dialing out.');
      expect(root(el).querySelector('fieldset')!.disabled).to.equal(true);
      expect(root(el).querySelector('fieldset')!.getAttribute('aria-describedby')).to.equal('reason');
    });

    it('dials with Enter in the field, using the chosen caller ID', async () => {
      const d = await desk();
      const { el } = await mount(d);
      const started = captureEvents(el, 'cc-outdial-started');
      const select = part(el, 'ani') as HTMLSelectElement;
      select.value = 'ani-support';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      input(el).focus();
      await sendKeys({ type: '4155550100' });
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(started.map((e) => e.detail)).to.deep.equal([{ number: '4155550100', aniId: 'ani-support' }]);
      await advance(d, el, 5000);
      expect(d.store.tasks[0]!.data.interaction.callProcessingDetails.ani).to.equal('+18005550199');
    });

    it('shows that it is dialling while the request is in flight', async () => {
      const d = await desk();
      const { el } = await mount(d);
      let release!: () => void;
      const original = d.store.outdial.bind(d.store);
      d.store.outdial = (number, aniId) =>
        new Promise<void>((resolve, reject) => {
          release = () => original(number, aniId).then(resolve, reject);
        });
      await type(el, '+14155550100');
      dialButton(el).click();
      await el.updateComplete;
      expect(text(el, 'status')).to.equal('Dialing +14155550100…');
      expect(dialButton(el).getAttribute('aria-busy')).to.equal('true');
      release();
      await settle(el);
      expect(dialButton(el).getAttribute('aria-busy')).to.equal('false');
      expect(text(el, 'status')).to.equal('Calling +14155550100.');
    });

    it('shows a failure inline, announces it and fires cc-error, keeping the number', async () => {
      const d = await desk();
      const { el } = await mount(d);
      const started = captureEvents(el, 'cc-outdial-started');
      const errors = captureEvents(el, 'cc-error');
      d.sim.failNext('outdial', 1, 'Trunk busy');
      await type(el, '+14155550100');
      dialButton(el).click();
      await settle(el);
      expect(started).to.have.length(0);
      expect(errors.map((e) => e.detail.command)).to.deep.equal(['outdial']);
      expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
      expect(text(el, 'error')).to.contain('Trunk busy');
      expect(input(el).value).to.equal('+14155550100');
      // Editing the number clears the old failure.
      await type(el, '+1415555010');
      expect(text(el, 'error')).to.equal('');
    });

    it('is disabled with the reason when outdial is not enabled', async () => {
      const { el } = await mount(await desk({ profile: { outdial: { enabled: false, anis: [] } } }));
      expect(text(el, 'reason')).to.equal('Outbound calls are not enabled for your profile.');
      expect(root(el).querySelector('fieldset')!.disabled).to.equal(true);
      expect(input(el).matches(':disabled')).to.equal(true);
      expect(dialButton(el).matches(':disabled')).to.equal(true);
    });

    it('is available again once the call has left the list', async () => {
      const d = await desk({ startAvailable: true, wrapUpRequired: false });
      const { el } = await mount(d);
      const id = d.sim.offerContact({ media: 'telephony' })!;
      await advance(d, el, 0);
      expect(text(el, 'reason')).to.not.equal('');
      d.sim.customerHangup(id);
      await advance(d, el, 1000);
      expect(d.store.tasks).to.have.length(0);
      expect(part(el, 'reason')).to.equal(null);
      expect(root(el).querySelector('fieldset')!.disabled).to.equal(false);
    });

    it('is not blocked by a live chat', async () => {
      const d = await desk({ startAvailable: true });
      const { el } = await mount(d);
      d.sim.offerContact({ media: 'chat' });
      await advance(d, el, 0);
      expect(d.store.tasks).to.have.length(1);
      expect(part(el, 'reason')).to.equal(null);
    });
  });
});
