import { aTimeout, expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/agent-state/agent-state.js';
import type { CcAgentState } from '../../src/elements/agent-state/agent-state.js';
import { createTranslator, type Translator } from '../../src/i18n/translator.js';
import type { TickController } from '../../src/elements/base/tick-controller.js';
import { renderProvided } from '../fixtures/provide.js';
import { THEMES, XSS_PAYLOAD, captureEvents, expectInert, releaseSimDesks, simDesk, type SimDesk, type SimDeskOptions } from '../fixtures/sim-desk.js';

const LATENCY = 100;

/** A desk whose agent starts Idle and whose contact center answers after LATENCY ms. */
const desk = (options: SimDeskOptions = {}): Promise<SimDesk> => simDesk({ latencyMs: LATENCY, startAvailable: false, ...options });

async function mount(d: SimDesk | undefined, options: { dark?: boolean; translator?: Translator } = {}) {
  const { el, ...rest } = await renderProvided<CcAgentState>(html`<cc-agent-state></cc-agent-state>`, d?.store, options);
  return { el, ...rest };
}

const root = (el: CcAgentState): ShadowRoot => el.shadowRoot!;
const select = (el: CcAgentState): HTMLSelectElement => root(el).querySelector('select')!;
const part = (el: CcAgentState, name: string): HTMLElement | null => root(el).querySelector(`[part~="${name}"]`);
const optionTexts = (el: CcAgentState): string[] =>
  [...select(el).options].map((o) => o.textContent!.trim());

/** Advance virtual time and let the element render what the store now says. */
async function advance(d: SimDesk, el: CcAgentState, ms: number): Promise<void> {
  d.clock.advance(ms);
  el.requestUpdate();
  await el.updateComplete;
}

/** Let the command's promises resolve and the element render. */
async function settle(el: CcAgentState): Promise<void> {
  await aTimeout(0);
  await el.updateComplete;
}

/** Pick an option the way a user does: set the value and fire `change`. */
async function pick(el: CcAgentState, value: string): Promise<void> {
  select(el).value = value;
  select(el).dispatchEvent(new Event('change', { bubbles: true }));
  await settle(el);
}

afterEach(releaseSimDesks);

describe('<cc-agent-state>', () => {
  describe('accessibility (axe)', () => {
    for (const { dark, theme } of THEMES) {
      it(`is accessible when Idle (${theme})`, async () => {
        const { el } = await mount(await desk(), { dark });
        await expect(el).to.be.accessible();
      });
      it(`is accessible when Available (${theme})`, async () => {
        const { el } = await mount(await desk({ startAvailable: true }), { dark });
        await expect(el).to.be.accessible();
      });
      it(`is accessible while a change is pending (${theme})`, async () => {
        const { el } = await mount(await desk(), { dark });
        await pick(el, 'available');
        expect(part(el, 'pending')).to.not.equal(null);
        await expect(el).to.be.accessible();
      });
      it(`is accessible after a missed offer (RONA) (${theme})`, async () => {
        const d = await desk({ startAvailable: true, ronaTimeoutSeconds: 5 });
        const { el } = await mount(d, { dark });
        d.sim.offerContact({ media: 'chat' });
        await advance(d, el, 6000);
        expect(part(el, 'rona')).to.not.equal(null);
        await expect(el).to.be.accessible();
      });
      it(`is accessible with a failure shown (${theme})`, async () => {
        const d = await desk();
        const { el } = await mount(d, { dark });
        d.sim.failNext('setAgentState', 1, 'Agent state service down');
        await pick(el, 'available');
        expect(part(el, 'error')!.textContent).to.contain('Agent state service down');
        await expect(el).to.be.accessible();
      });
    }
    it('is accessible outside a provider', async () => {
      const { el } = await mount(undefined);
      await expect(el).to.be.accessible();
    });
  });

  describe('rendering', () => {
    it('offers Available and every idle code the agent may choose, not system codes', async () => {
      const { el } = await mount(await desk());
      expect(optionTexts(el)).to.deep.equal(['Available', 'Break', 'Lunch', 'Meeting', 'Training']);
      expect(root(el).querySelector('optgroup')!.label).to.equal('Idle');
      expect(part(el, 'label')!.textContent).to.equal('Agent state');
      expect(select(el).labels![0]).to.equal(part(el, 'label'));
    });

    it('selects the current state: the default idle code after log-in, Available when available', async () => {
      const idle = await mount(await desk());
      expect(select(idle.el).value).to.equal('idle:idle-break');
      expect(part(idle.el, 'base')!.classList.contains('Idle')).to.equal(true);
      const available = await mount(await desk({ startAvailable: true }));
      expect(select(available.el).value).to.equal('available');
      expect(part(available.el, 'base')!.classList.contains('Available')).to.equal(true);
    });

    it('shows the time in state as m:ss from the store clock', async () => {
      const d = await desk();
      const { el } = await mount(d);
      expect(part(el, 'timer')!.textContent).to.contain('0:00');
      expect(part(el, 'timer')!.textContent).to.contain('Time in state');
      await advance(d, el, 65_000);
      expect(part(el, 'timer')!.textContent).to.contain('1:05');
      await advance(d, el, 3600_000);
      expect(part(el, 'timer')!.textContent).to.contain('1:01:05');
    });

    it('restarts the time when the state changes', async () => {
      const d = await desk();
      const { el } = await mount(d);
      await advance(d, el, 30_000);
      await pick(el, 'available');
      await advance(d, el, LATENCY);
      expect(select(el).value).to.equal('available');
      await advance(d, el, 2_000);
      expect(part(el, 'timer')!.textContent).to.contain('0:02');
    });

    it('shows a placeholder with the current state when it is not a choice (RONA)', async () => {
      const d = await desk({ startAvailable: true, ronaTimeoutSeconds: 5 });
      const { el } = await mount(d);
      d.sim.offerContact({ media: 'email' });
      await advance(d, el, 5000);
      expect(select(el).value).to.equal('current');
      const current = select(el).selectedOptions[0]!;
      expect(current.disabled).to.equal(true);
      expect(current.textContent!.trim()).to.equal('Missed offer (RONA)');
      expect(part(el, 'base')!.classList.contains('RONA')).to.equal(true);
    });

    it('renders idle code names as inert text', async () => {
      const d = await desk({
        profile: { idleCodes: [{ id: 'y', name: 'Lunch', isDefault: true }, { id: 'x', name: XSS_PAYLOAD }] },
      });
      const { el } = await mount(d);
      await pick(el, 'idle:x');
      expect(root(el).textContent).to.contain('<img');
      expect(optionTexts(el)).to.include(XSS_PAYLOAD);
      expect(part(el, 'pending')!.textContent).to.contain('<img');
      expectInert(root(el));
    });

    it('asks to be placed in a provider when there is no store', async () => {
      const { el } = await mount(undefined);
      expect(root(el).textContent).to.contain('Place this element inside <cc-provider>.');
      expect(select(el)).to.equal(null);
    });

    it('renders in German and French at run time', async () => {
      const { el, setTranslator } = await mount(await desk());
      setTranslator(createTranslator('de', (await import('../../src/i18n/de/index.js')).default));
      await el.updateComplete;
      expect(part(el, 'label')!.textContent).to.equal('Agentenstatus');
      expect(optionTexts(el)[0]).to.equal('Verfügbar');
      setTranslator(createTranslator('fr', (await import('../../src/i18n/fr/index.js')).default));
      await el.updateComplete;
      expect(part(el, 'label')!.textContent).to.equal('État de l’agent');
      expect(part(el, 'timer')!.textContent).to.contain('Temps dans cet état');
    });
  });

  describe('changing state', () => {
    it('shows the pending change, then fires cc-agent-state-change once the store accepted it', async () => {
      const d = await desk();
      const { el } = await mount(d);
      const changes = captureEvents(el, 'cc-agent-state-change');
      await pick(el, 'idle:idle-lunch');
      expect(changes.map((e) => e.detail)).to.deep.equal([{ state: 'Idle', idleCodeId: 'idle-lunch' }]);
      expect(changes[0]!.bubbles && changes[0]!.composed).to.equal(true);
      expect(part(el, 'pending')!.textContent).to.equal('Changing to Lunch…');
      expect(select(el).getAttribute('aria-busy')).to.equal('true');
      expect(select(el).value).to.equal('idle:idle-lunch');
      await advance(d, el, LATENCY);
      expect(part(el, 'pending')).to.equal(null);
      expect(select(el).getAttribute('aria-busy')).to.equal('false');
      expect(d.store.agent.status).to.include({ state: 'Idle', idleCodeId: 'idle-lunch' });
    });

    it('goes Available with a detail without an idle code', async () => {
      const d = await desk();
      const { el } = await mount(d);
      const changes = captureEvents(el, 'cc-agent-state-change');
      await pick(el, 'available');
      expect(changes.map((e) => e.detail)).to.deep.equal([{ state: 'Available' }]);
    });

    it('is operable with the keyboard alone', async () => {
      const d = await desk({ startAvailable: true });
      const { el } = await mount(d);
      const changes = captureEvents(el, 'cc-agent-state-change');
      select(el).focus();
      expect(root(el).activeElement).to.equal(select(el));
      await sendKeys({ press: 'ArrowDown' });
      await settle(el);
      expect(changes.map((e) => e.detail)).to.deep.equal([{ state: 'Idle', idleCodeId: 'idle-break' }]);
    });

    it('fires nothing when the state changes from code or from the contact center', async () => {
      const d = await desk();
      const { el } = await mount(d);
      const changes = captureEvents(el, 'cc-agent-state-change');
      const errors = captureEvents(el, 'cc-error');
      await d.store.setAgentState('Available');
      await advance(d, el, LATENCY);
      expect(select(el).value).to.equal('available');
      el.requestUpdate();
      await el.updateComplete;
      expect(changes).to.have.length(0);
      expect(errors).to.have.length(0);
    });

    it('ignores picking the state the agent is already in', async () => {
      const d = await desk({ startAvailable: true });
      const { el } = await mount(d);
      const changes = captureEvents(el, 'cc-agent-state-change');
      await pick(el, 'available');
      expect(changes).to.have.length(0);
      expect(d.store.agent.pending).to.equal(undefined);
    });

    it('shows a rejected change inline, fires cc-error and puts the select back', async () => {
      const d = await desk();
      const { el } = await mount(d);
      const changes = captureEvents(el, 'cc-agent-state-change');
      const errors = captureEvents(el, 'cc-error');
      d.sim.failNext('setAgentState', 1, 'Agent state service down');
      await pick(el, 'available');
      expect(changes).to.have.length(0);
      expect(errors).to.have.length(1);
      expect(errors[0]!.detail.command).to.equal('setAgentState');
      const error = part(el, 'error')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.contain('Agent state service down');
      expect(select(el).value).to.equal('idle:idle-break');
      expect(part(el, 'pending')).to.equal(null);
    });

    it('shows a failure the contact center reports by event', async () => {
      const d = await desk();
      const { el } = await mount(d);
      d.sim.failNext('setAgentState', 1, 'Refused by policy', { as: 'event' });
      await pick(el, 'idle:idle-meeting');
      await advance(d, el, LATENCY);
      expect(part(el, 'error')!.textContent).to.contain('Refused by policy');
      expect(select(el).value).to.equal('idle:idle-break');
    });

    it('clears the failure after the next successful change', async () => {
      const d = await desk();
      const { el } = await mount(d);
      d.sim.failNext('setAgentState', 1, 'Agent state service down');
      await pick(el, 'available');
      expect(part(el, 'error')!.textContent).to.contain('down');
      await pick(el, 'available');
      await advance(d, el, LATENCY);
      expect(part(el, 'error')!.textContent!.trim()).to.equal('');
    });
  });

  describe('missed offers (RONA)', () => {
    it('shows the notice prominently in a live region and offers a way back to Available', async () => {
      const d = await desk({ startAvailable: true, ronaTimeoutSeconds: 5 });
      const { el } = await mount(d);
      expect(part(el, 'rona')).to.equal(null);
      d.sim.offerContact({ media: 'telephony' });
      await advance(d, el, 5000);
      const notice = part(el, 'rona')!;
      expect(notice.closest('[role="status"]')).to.not.equal(null);
      expect(notice.textContent).to.contain('You missed an offer');
      const changes = captureEvents(el, 'cc-agent-state-change');
      const button = part(el, 'available-button') as HTMLButtonElement;
      expect(button.textContent!.trim()).to.equal('Become available');
      button.focus();
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(changes.map((e) => e.detail)).to.deep.equal([{ state: 'Available' }]);
      await advance(d, el, LATENCY);
      expect(part(el, 'rona')).to.equal(null);
      expect(select(el).value).to.equal('available');
    });
  });

  describe('ticking', () => {
    type Interval = { fn: () => void; ms: number | undefined; cleared: boolean };
    let intervals: Interval[];
    let realSet: typeof setInterval;
    let realClear: typeof clearInterval;

    beforeEach(() => {
      intervals = [];
      realSet = globalThis.setInterval;
      realClear = globalThis.clearInterval;
      globalThis.setInterval = ((fn: () => void, ms?: number) => {
        intervals.push({ fn, ms, cleared: false });
        return intervals.length as unknown as ReturnType<typeof setInterval>;
      }) as typeof setInterval;
      globalThis.clearInterval = ((id: number) => {
        const timer = intervals[id - 1];
        if (timer) timer.cleared = true;
      }) as typeof clearInterval;
    });
    afterEach(() => {
      globalThis.setInterval = realSet;
      globalThis.clearInterval = realClear;
    });

    const live = (): Interval[] => intervals.filter((i) => !i.cleared);

    it('runs one 1-second tick while connected, re-rendering from the store clock', async () => {
      const d = await desk();
      const { el } = await mount(d);
      expect(live()).to.have.length(1);
      expect(live()[0]!.ms).to.equal(1000);
      d.clock.advance(7_000);
      live()[0]!.fn();
      await el.updateComplete;
      expect(part(el, 'timer')!.textContent).to.contain('0:07');
      // More renders do not start more timers.
      el.requestUpdate();
      await el.updateComplete;
      expect(live()).to.have.length(1);
    });

    it('stops the tick when disconnected and when there is nothing to count', async () => {
      const d = await desk();
      const { el, setStore } = await mount(d);
      expect((el as unknown as { ticker: TickController }).ticker.running).to.equal(true);
      setStore(undefined);
      await el.updateComplete;
      expect(live()).to.have.length(0);
      setStore(d.store);
      await el.updateComplete;
      expect(live()).to.have.length(1);
      el.remove();
      expect(live()).to.have.length(0);
      expect((el as unknown as { ticker: TickController }).ticker.running).to.equal(false);
    });
  });
});
