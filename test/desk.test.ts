import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { ready, loadElements } from '../src/desk.js';
import type { CcCallControls } from '../src/elements/call-controls/call-controls.js';
import { renderProvided } from './fixtures/provide.js';
import { liveTask, releaseSimDesks, settle, simDesk } from './fixtures/sim-desk.js';

afterEach(releaseSimDesks);

/** The tags src/desk.ts registers on import: all but the consult picker. */
const UP_FRONT = [
  'cc-provider',
  'cc-agent-state',
  'cc-incoming-task',
  'cc-task-list',
  'cc-call-controls',
  'cc-wrapup-form',
  'cc-task-details',
  'cc-outdial',
  'cc-conversation',
];

// The order matters: the first test sees the picker before anything loaded it.
describe('the one-file desk (src/desk.ts, dist/cc-desk.js)', () => {
  it('registers every element that shows before the agent acts on import, not the consult picker', async () => {
    await ready;
    for (const tag of UP_FRONT) expect(customElements.get(tag), tag).not.to.equal(undefined);
    expect(customElements.get('cc-consult-picker')).to.equal(undefined);
  });

  it('Transfer loads the picker on first use and gives its filter the focus', async () => {
    const env = await simDesk();
    await liveTask(env);
    const { el } = await renderProvided<CcCallControls>(html`<cc-call-controls></cc-call-controls>`, env.store);
    await settle(el, env);
    const transfer = el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-control="transfer"]')!;
    transfer.focus();
    await sendKeys({ press: 'Enter' });
    await customElements.whenDefined('cc-consult-picker');
    const picker = () => el.shadowRoot!.querySelector('cc-consult-picker');
    await waitUntil(() => picker()?.shadowRoot?.activeElement?.id === 'filter', 'the picker’s filter never got the focus');
    expect(picker()!.mode).to.equal('transfer');
    expect(transfer.getAttribute('aria-expanded')).to.equal('true');
  });

  it('loadElements resolves the elements registered up front and refuses a tag that is not ours', async () => {
    const [list, picker] = await loadElements('cc-task-list', 'cc-consult-picker');
    expect(list).to.equal(customElements.get('cc-task-list'));
    expect(picker).to.equal(customElements.get('cc-consult-picker'));
    let error: unknown;
    await loadElements('cc-nope').catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(TypeError);
  });
});
