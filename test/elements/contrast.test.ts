/**
 * The state colours as an agent sees them (issue 11): the real elements under `<cc-provider
 * theme="light|dark">`, brought into the states that use the colours, and the WCAG 2.x contrast of
 * what they paint, read from the computed styles against the background actually behind them.
 * Text needs 4.5:1 (3:1 when large); a state indicator that carries meaning — a row's stripe, the
 * status line's border, the agent's dot, a pressed control's fill, an icon — needs 3:1 against the
 * colours next to it. axe's color-contrast rule covers text only; these are what it skips.
 */
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/elements/provider/provider.js';
import '../../src/elements/agent-state/agent-state.js';
import '../../src/elements/incoming-task/incoming-task.js';
import '../../src/elements/task-list/task-list.js';
import '../../src/elements/call-controls/call-controls.js';
import type { CcProvider } from '../../src/elements/provider/provider.js';
import { backgroundAround, backgroundOf, colorOf, contrastRatio, hex, isLargeText, type Rgba } from '../fixtures/contrast.js';
import { nextTask, releaseSimDesks, settle, simDesk, type SimDesk } from '../fixtures/sim-desk.js';
import type { MediaChannel } from '../../src/model/index.js';

afterEach(releaseSimDesks);

type Scheme = 'light' | 'dark';
const SCHEMES: readonly Scheme[] = ['light', 'dark'];
const ANA = { type: 'agent', id: 'agent-ana', name: 'Ana Souza' } as const;

/** One measured pair of colours. */
interface Measure {
  readonly what: string;
  readonly fg: Rgba;
  readonly bg: Rgba;
  readonly ratio: number;
  readonly min: number;
}

/** Measures contrasts on one desk in one scheme and lists the pairs below their minimum. */
class Meter {
  readonly measures: Measure[] = [];
  constructor(readonly scheme: Scheme) {}

  /** Text: its colour against the background behind it; 4.5:1, or 3:1 for large text. */
  text(element: string, part: string, node: Element | null | undefined): void {
    const el = this.#found(element, part, node);
    const bg = backgroundOf(el);
    this.#add(`${element} ${part} text`, colorOf(el, 'color', bg), bg, isLargeText(el) ? 3 : 4.5);
  }

  /** A fill that carries meaning (a dot, a pressed control): 3:1 against the background around it. */
  fill(element: string, part: string, node: Element | null | undefined): void {
    const el = this.#found(element, part, node);
    const around = backgroundAround(el);
    this.#add(`${element} ${part} fill`, colorOf(el, 'background-color', around), around, 3);
  }

  /**
   * The inline-start border that carries meaning (a stripe): 3:1 against both its neighbours,
   * the element's own background and the one around it.
   */
  stripe(element: string, part: string, node: Element | null | undefined): void {
    const el = this.#found(element, part, node);
    const around = backgroundAround(el);
    const border = colorOf(el, 'border-inline-start-color', around);
    this.#add(`${element} ${part} stripe (inside)`, border, backgroundOf(el), 3);
    this.#add(`${element} ${part} stripe (outside)`, border, around, 3);
  }

  /** An icon (SVG painted in its fill colour): 3:1 against the background behind it. */
  icon(element: string, part: string, node: Element | null | undefined): void {
    const el = this.#found(element, part, node);
    const bg = backgroundOf(el);
    this.#add(`${element} ${part} icon`, colorOf(el, 'fill', bg), bg, 3);
  }

  /** Every pair below its minimum, as one line each naming element, part, scheme, colours and ratio. */
  get failures(): string[] {
    return this.measures
      .filter((m) => m.ratio < m.min)
      .map((m) => `${m.what} (${this.scheme}): ${hex(m.fg)} on ${hex(m.bg)} is ${m.ratio.toFixed(2)}:1, needs ${m.min}:1`);
  }

  #found(element: string, part: string, node: Element | null | undefined): Element {
    if (!node) throw new Error(`${element} ${part} (${this.scheme}): not rendered`);
    return node;
  }

  /** Adds a pair once (the rows are measured again after each selection). */
  #add(what: string, fg: Rgba, bg: Rgba, min: number): void {
    if (this.measures.some((m) => m.what === what && hex(m.fg) === hex(fg) && hex(m.bg) === hex(bg))) return;
    this.measures.push({ what, fg, bg, ratio: contrastRatio(fg, bg), min });
  }
}

/** Render the elements under a provider of `scheme` sharing the desk's store, and let them settle. */
async function renderDesk(env: SimDesk, scheme: Scheme): Promise<CcProvider> {
  const provider = await fixture<CcProvider>(html`<cc-provider theme=${scheme} .store=${env.store}>
    <cc-agent-state></cc-agent-state>
    <cc-incoming-task></cc-incoming-task>
    <cc-task-list></cc-task-list>
    <cc-call-controls></cc-call-controls>
  </cc-provider>`);
  await settleDesk(provider, env);
  return provider;
}

async function settleDesk(provider: CcProvider, env: SimDesk, ms = 0): Promise<void> {
  await env.advance(ms);
  for (let i = 0; i < 3; i++) {
    await nextTask();
    await provider.updateComplete;
    for (const el of provider.children) await settle(el as HTMLElement & { updateComplete: Promise<unknown> });
  }
}

const shadow = (provider: CcProvider, tag: string): ShadowRoot => provider.querySelector(tag)!.shadowRoot!;

async function connected(env: SimDesk, media: MediaChannel): Promise<string> {
  const id = env.sim.offerContact({ media, force: true })!;
  env.clock.flush();
  await env.store.accept(id);
  await env.advance();
  return id;
}

/**
 * A busy desk: a call on hold, a call consulting Ana (accepted), a muted call, a chat in wrap-up,
 * a chat with an unread message, a chat offer and a consult offer waiting.
 */
async function busyDesk(): Promise<{ env: SimDesk; ids: Record<'held' | 'consulting' | 'muted' | 'wrapup', string> }> {
  const env = await simDesk();
  const wrapup = await connected(env, 'chat');
  await env.store.end(wrapup);
  const held = await connected(env, 'telephony');
  await env.store.hold(held);
  const consulting = await connected(env, 'telephony');
  await env.store.consult(consulting, ANA);
  await env.advance(2000);
  const muted = await connected(env, 'telephony');
  await env.store.toggleMute(muted);
  const unread = await connected(env, 'chat');
  env.sim.customerSays(unread, 'Are you still there?');
  env.sim.offerContact({ media: 'chat', force: true });
  env.sim.offerConsult({ force: true });
  await env.advance();
  const states = env.store.tasks.map((t) => t.state);
  expect(states, 'the busy desk').to.include.members(['WRAPPING_UP', 'HELD', 'CONSULTING', 'CONNECTED', 'OFFERED', 'OFFERED_CONSULT']);
  expect(env.store.tasks.find((t) => t.id === muted)!.muted, 'the muted call').to.equal(true);
  expect(env.store.conversations!.get(unread)?.unread, 'the unread chat').to.equal(1);
  return { env, ids: { held, consulting, muted, wrapup } };
}

/** The task list's rows: each state's text and stripe, the offer's countdown, Accept and Decline. */
function measureTaskList(meter: Meter, provider: CcProvider, env: SimDesk): void {
  const root = shadow(provider, 'cc-task-list');
  const rows = [...root.querySelectorAll('[part~="task"]')];
  for (const [index, task] of env.store.tasks.entries()) {
    const row = rows[index];
    const part = `task (${task.state}${row?.matches('[part~="task-selected"]') ? ', selected' : ''})`;
    meter.text('cc-task-list', `${part} state`, row?.querySelector('[part="state"]'));
    meter.stripe('cc-task-list', part, row);
    if (task.state === 'OFFERED') meter.text('cc-task-list', `${part} countdown`, row?.querySelector('[part="timer"]'));
    const unread = row?.querySelector('[part="unread"]');
    if (unread) {
      meter.text('cc-task-list', `${part} unread count`, unread);
      meter.fill('cc-task-list', `${part} unread count`, unread);
    }
  }
}

/** The offer cards: the stripe (accent, warning for a consult), the countdown, Accept and Decline. */
function measureIncoming(meter: Meter, provider: CcProvider): void {
  const root = shadow(provider, 'cc-incoming-task');
  const offers = [...root.querySelectorAll('.offer')];
  expect(offers.length, 'offer cards').to.equal(2);
  for (const offer of offers) {
    const kind = offer.classList.contains('consult') ? 'consult offer' : 'offer';
    meter.stripe('cc-incoming-task', kind, offer);
    meter.text('cc-incoming-task', `${kind} countdown`, offer.querySelector('.countdown'));
    meter.text('cc-incoming-task', `${kind} accept`, offer.querySelector('[part="accept"]'));
    meter.fill('cc-incoming-task', `${kind} accept`, offer.querySelector('[part="accept"]'));
    meter.text('cc-incoming-task', `${kind} decline`, offer.querySelector('[part="decline"]'));
    meter.fill('cc-incoming-task', `${kind} decline`, offer.querySelector('[part="decline"]'));
  }
}

/** The control bar of the selected task: the status line's state and border, pressed toggles, End. */
function measureControls(meter: Meter, provider: CcProvider, label: string): void {
  const root = shadow(provider, 'cc-call-controls');
  meter.text('cc-call-controls', `${label} status state`, root.querySelector('[part="status"] .state'));
  meter.stripe('cc-call-controls', `${label} status`, root.querySelector('[part="status"]'));
  for (const pressed of root.querySelectorAll('button[aria-pressed="true"]:not([aria-disabled="true"])')) {
    const part = `${label} pressed ${(pressed as HTMLElement).dataset.slot}`;
    meter.text('cc-call-controls', part, pressed.querySelector('.label'));
    meter.icon('cc-call-controls', part, pressed.querySelector('svg'));
    meter.fill('cc-call-controls', part, pressed);
  }
  const end = root.querySelector('button[data-control="end"]:not([aria-disabled="true"])');
  if (end) {
    meter.text('cc-call-controls', `${label} end`, end.querySelector('.label'));
    meter.icon('cc-call-controls', `${label} end`, end.querySelector('svg'));
  }
}

/** The agent state: the dot, and the activity text (Engaged, Wrap-up) when shown. */
function measureAgent(meter: Meter, provider: CcProvider, label: string): void {
  const root = shadow(provider, 'cc-agent-state');
  meter.fill('cc-agent-state', `${label} indicator`, root.querySelector('[part="indicator"]'));
  const activity = root.querySelector('[part="activity"]');
  if (activity) meter.text('cc-agent-state', `${label} activity`, activity);
}

function expectReadable(meter: Meter): void {
  expect(meter.measures.length, `measurements (${meter.scheme})`).to.be.greaterThan(0);
  const failures = meter.failures;
  expect(failures.length, `below WCAG AA:\n${failures.join('\n')}`).to.equal(0);
}

describe('state colours: WCAG AA contrast of what the elements paint', () => {
  for (const scheme of SCHEMES) {
    it(`a busy desk: task rows, offers, controls on hold / consulting / muted / wrap-up, Engaged (${scheme})`, async () => {
      const { env, ids } = await busyDesk();
      const provider = await renderDesk(env, scheme);
      const meter = new Meter(scheme);
      measureTaskList(meter, provider, env);
      measureIncoming(meter, provider);
      measureAgent(meter, provider, 'Engaged');
      for (const [label, id] of Object.entries(ids)) {
        env.store.select(id);
        await settleDesk(provider, env);
        measureControls(meter, provider, label);
        // The selected row has the raised background: measure its state against it too.
        measureTaskList(meter, provider, env);
      }
      expect(meter.measures.map((m) => m.what)).to.include('cc-task-list task (CONNECTED) unread count fill');
      const pressed = meter.measures.filter((m) => / pressed (hold|toggleMute) fill$/.test(m.what)).length;
      expect(pressed, 'pressed Hold and Mute measured').to.equal(2);
      expectReadable(meter);
    });

    it(`the agent state: not ready, available, wrap-up (${scheme})`, async () => {
      const meter = new Meter(scheme);
      const idle = await simDesk({ startAvailable: false });
      measureAgent(meter, await renderDesk(idle, scheme), 'not ready');
      const available = await simDesk();
      measureAgent(meter, await renderDesk(available, scheme), 'available');
      const wrapping = await simDesk();
      await wrapping.store.end(await connected(wrapping, 'chat'));
      measureAgent(meter, await renderDesk(wrapping, scheme), 'wrap-up');
      expect(meter.measures.map((m) => m.what)).to.include('cc-agent-state wrap-up activity text');
      expectReadable(meter);
    });
  }
});
