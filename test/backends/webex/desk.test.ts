/**
 * The whole desk on the Webex adapter: the elements under a <cc-provider> whose backend is a
 * WebexContactCenter over the published SDK (offline, see sdk-harness.ts). The agent clicks;
 * the SDK posts; an injected frame answers; the DOM follows.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/index.js';
import { WebexContactCenter } from '../../../src/backends/webex/index.js';
import type { CcProvider } from '../../../src/elements/provider/provider.js';
import { settle, THEMES } from '../../fixtures/sim-desk.js';
import { AGENT, freshId, offerFrames, webexFrame, webexProfile, webexSdk, type Sdk } from './sdk-harness.js';

interface Desk {
  sdk: Sdk;
  provider: CcProvider;
  /** An element of the desk by tag. */
  el(tag: string): HTMLElement & { updateComplete: Promise<unknown> };
  /** Something in an element's shadow root. */
  $(tag: string, selector: string): HTMLElement | null;
  settle(): Promise<void>;
}

/** Let the SDK's promise chains run and every element of the desk render. */
async function settleAll(provider: CcProvider): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 0));
    for (const child of provider.querySelectorAll('*')) await settle(child as HTMLElement & { updateComplete: Promise<unknown> });
  }
}

async function desk(loginOption: 'BROWSER' | 'EXTENSION', dark = false): Promise<Desk> {
  const sdk = await webexSdk();
  const profile = webexProfile({ deviceType: loginOption, isAgentLoggedIn: true, lastStateAuxCodeId: '0' });
  sdk.agentSession(profile, loginOption);
  sdk.answer(/outdial-ani/, { body: { data: [{ id: 'ani-1', name: 'Main line', number: '+14155550000' }] } });
  const backend = new WebexContactCenter(sdk.cc, { profile });
  const provider = await fixture<CcProvider>(html`
    <cc-provider theme=${dark ? 'dark' : 'light'} locale="en" .backend=${backend}>
      <cc-agent-state></cc-agent-state>
      <cc-incoming-task></cc-incoming-task>
      <cc-task-list></cc-task-list>
      <cc-call-controls></cc-call-controls>
      <cc-wrapup-form></cc-wrapup-form>
      <cc-outdial></cc-outdial>
    </cc-provider>
  `);
  const d: Desk = {
    sdk,
    provider,
    el: (tag) => provider.querySelector(tag) as HTMLElement & { updateComplete: Promise<unknown> },
    $: (tag, selector) => d.el(tag).shadowRoot!.querySelector(selector),
    settle: () => settleAll(provider),
  };
  await d.settle();
  return d;
}

const click = (el: HTMLElement | null): void => {
  if (!el) throw new Error('nothing to click');
  el.click();
};

before(async function () {
  this.timeout(120_000);
  await webexSdk();
});

describe('the desk on Webex Contact Center', () => {
  for (const { dark, theme } of THEMES) {
    it(`is accessible with a Webex call on it (${theme})`, async function () {
      this.timeout(30_000);
      const d = await desk('EXTENSION', dark);
      const id = freshId();
      offerFrames(d.sdk, id);
      d.sdk.frame(webexFrame('AgentContactAssigned', { interactionId: id, state: 'connected' }));
      await d.settle();
      await expect(d.provider).to.be.accessible();
    });
  }

  it('Extension login: a call rings on the phone (no accept button); hold, resume, end and wrap up from the desk', async () => {
    const d = await desk('EXTENSION');
    expect(d.el('cc-agent-state').shadowRoot!.textContent).to.contain('Available');
    const id = freshId();
    offerFrames(d.sdk, id, { customerName: 'Zoë Müller' });
    await d.settle();
    expect(d.el('cc-incoming-task').shadowRoot!.textContent).to.contain('Zoë Müller');
    expect(d.$('cc-incoming-task', 'button[part~="accept"]')).to.equal(null);
    expect(d.$('cc-incoming-task', 'button[part~="decline"]')).to.equal(null);

    // The agent answers on the phone: the contact center says so.
    d.sdk.frame(webexFrame('AgentContactAssigned', { interactionId: id, state: 'connected' }));
    await d.settle();
    // Mute keeps its place in the bar, disabled: on an Extension login the phone mutes, not the desk,
    // and its description (for assistive technology) says so. Strings only: a failing assertion on
    // an element reachable from the SDK's objects hangs the page.
    const mute = d.$('cc-call-controls', '[data-control="toggleMute"]');
    expect(mute?.getAttribute('aria-disabled')).to.equal('true');
    const reason = d.$('cc-call-controls', `#${mute?.getAttribute('aria-describedby') ?? 'none'}`)?.textContent;
    expect(reason).to.equal('Mute on your phone: with this login your calls are on the phone.');
    expect(mute?.title).to.equal(reason);

    click(d.$('cc-call-controls', '[data-control="hold"]'));
    const hold = await d.sdk.request(new RegExp(`${id}/hold`));
    expect(hold.method).to.equal('POST');
    d.sdk.frame(webexFrame('AgentContactHeld', { interactionId: id, state: 'hold' }));
    await d.settle();
    click(d.$('cc-call-controls', '[data-control="resume"]'));
    await d.sdk.request(new RegExp(`${id}/unhold`));
    d.sdk.frame(webexFrame('AgentContactUnheld', { interactionId: id, state: 'connected' }));
    await d.settle();

    click(d.$('cc-call-controls', '[data-control="end"]'));
    await d.sdk.request(new RegExp(`${id}/end`));
    d.sdk.frame(webexFrame('ContactEnded', { interactionId: id, state: 'wrapUp', wrapUp: true, agentsPendingWrapUp: [AGENT] }));
    await d.settle();
    d.sdk.frame(webexFrame('AgentWrapup', { interactionId: id, state: 'wrapUp', wrapUp: true, agentsPendingWrapUp: [AGENT] }));
    await d.settle();

    const select = d.$('cc-wrapup-form', 'select[part="code"]') as HTMLSelectElement;
    select.value = 'wu-callback';
    select.dispatchEvent(new Event('change'));
    await d.settle();
    click(d.$('cc-wrapup-form', 'button[part="submit"]'));
    const wrap = await d.sdk.request(new RegExp(`${id}/wrapup`));
    expect(wrap.body).to.deep.equal({ auxCodeId: 'wu-callback', wrapUpReason: 'Callback needed' });
    d.sdk.frame(webexFrame('AgentWrappedUp', { interactionId: id, state: 'wrapUp' }));
    await d.settle();
    expect(d.provider.querySelector('cc-task-list')!.shadowRoot!.textContent).not.to.contain('Zoë Müller');
  });

  it('Browser login: a chat offer is accepted with the button (POST accept), then shows its controls', async () => {
    const d = await desk('BROWSER');
    const id = freshId();
    offerFrames(d.sdk, id, { media: 'chat', customerName: 'José Álvarez' });
    await d.settle();
    click(d.$('cc-incoming-task', 'button[part~="accept"]'));
    await d.sdk.request(new RegExp(`${id}/accept`));
    d.sdk.frame(webexFrame('AgentContactAssigned', { interactionId: id, media: 'chat', state: 'connected' }));
    await d.settle();
    expect(d.$('cc-call-controls', '[data-control="end"]')).not.to.equal(null);
    expect(d.$('cc-incoming-task', 'button[part~="accept"]')).to.equal(null);
  });

  it('a refused hold shows the contact center reason, and the call stays connected', async () => {
    const d = await desk('EXTENSION');
    const id = freshId();
    offerFrames(d.sdk, id);
    d.sdk.frame(webexFrame('AgentContactAssigned', { interactionId: id, state: 'connected' }));
    await d.settle();
    click(d.$('cc-call-controls', '[data-control="hold"]'));
    await d.sdk.request(new RegExp(`${id}/hold`));
    d.sdk.frame(webexFrame('AgentContactHoldFailed', { interactionId: id, state: 'connected', reason: 'MEDIA_NOT_READY' }));
    await d.settle();
    expect(d.$('cc-call-controls', '[part="error"]')!.textContent).to.contain('MEDIA_NOT_READY');
    expect(d.$('cc-call-controls', '[data-control="hold"]')).not.to.equal(null);
  });

  it('reload mid-call: a hydrated held call is back on the desk with its resume control', async () => {
    const d = await desk('EXTENSION');
    const id = freshId();
    d.sdk.frame(webexFrame('AgentContact', { interactionId: id, state: 'hold', customerName: 'Ngozi Adeyemi' }));
    await d.settle();
    expect(d.el('cc-task-list').shadowRoot!.textContent).to.contain('Ngozi Adeyemi');
    expect(d.$('cc-call-controls', '[data-control="resume"]')).not.to.equal(null);
  });

  it('outdial from the keypad form: startOutdial with the chosen caller id; a failure shows its reason', async () => {
    const d = await desk('EXTENSION');
    const input = d.$('cc-outdial', 'input[part="input"]') as HTMLInputElement;
    input.value = '+14155550100';
    input.dispatchEvent(new Event('input'));
    const ani = d.$('cc-outdial', 'select[part="ani"]') as HTMLSelectElement;
    ani.value = 'ani-1';
    ani.dispatchEvent(new Event('change'));
    await d.settle();
    click(d.$('cc-outdial', 'button[part="dial-button"]'));
    const call = await d.sdk.request(/^\/v1\/tasks\/?$/);
    expect(call.body).to.include({ destination: '+14155550100', origin: '+14155550000', entryPointId: 'ep-outdial' });
    d.sdk.frame(webexFrame('AgentOutboundFailed', { interactionId: freshId(), reason: 'CUSTOMER_BUSY' }));
    await d.settle();
    expect(d.$('cc-outdial', '[part="error"]')!.textContent).to.contain('CUSTOMER_BUSY');
  });

  it('multi-login: another session taking the login over shows the desk disconnected', async () => {
    const d = await desk('EXTENSION');
    d.sdk.frame({ type: 'AgentMultiLoginCloseSession', agentId: AGENT }, 'AGENT_MULTI_LOGIN');
    await d.settle();
    const backend = d.provider.backend!;
    let status = '';
    backend.connection$.subscribe((c) => (status = c.status)).unsubscribe();
    expect(status).to.equal('disconnected');
  });
});
