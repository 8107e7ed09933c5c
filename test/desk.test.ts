import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { ready, loadElements } from '../src/desk.js';
import type { CcCallControls } from '../src/elements/call-controls/call-controls.js';
import type { CcProvider } from '../src/elements/provider/provider.js';
import { contact, FakeBackend } from './fixtures/fake-backend.js';
import { renderProvided } from './fixtures/provide.js';
import { liveTask, releaseSimDesks, settle, simDesk } from './fixtures/sim-desk.js';

afterEach(releaseSimDesks);

/** The tags src/desk.ts registers on import: all but the consult picker and the three below. */
const UP_FRONT = ['cc-provider', 'cc-agent-state', 'cc-incoming-task', 'cc-task-list', 'cc-call-controls', 'cc-outdial'];
/** The elements about the selected task: loaded with the desk's first task. */
const WITH_FIRST_TASK = ['cc-wrapup-form', 'cc-task-details', 'cc-conversation'];
const defined = (tag: string) => customElements.get(tag) !== undefined;

// The order matters: the first test sees the picker before anything loaded it.
describe('the one-file desk (src/desk.ts, dist/cc-desk.js)', () => {
  it('registers every element that shows before the first task on import, not the consult picker', async () => {
    await ready;
    for (const tag of UP_FRONT) expect(customElements.get(tag), tag).not.to.equal(undefined);
    expect([...WITH_FIRST_TASK, 'cc-consult-picker'].filter(defined)).to.deep.equal([]);
  });

  it('loads the wrap-up form, task details and conversation with the first task, not before', async () => {
    const backend = new FakeBackend();
    const desk = await fixture<CcProvider>(html`<cc-provider .backend=${backend}>
      <cc-task-list></cc-task-list>
      <cc-wrapup-form></cc-wrapup-form>
      <cc-task-details></cc-task-details>
      <cc-conversation></cc-conversation>
    </cc-provider>`);
    if (!desk.store) await oneEvent(desk, 'cc-ready');
    // `ready` is about what shows before a task: it does not wait for these three.
    await ready;
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setTimeout(resolve));
    expect(WITH_FIRST_TASK.filter(defined)).to.deep.equal([]);

    backend.emit(contact('AgentOfferContact', 'task-1', { media: 'chat' }));
    await Promise.all(WITH_FIRST_TASK.map((tag) => customElements.whenDefined(tag)));
    desk.store!.select('task-1');
    const details = desk.querySelector('cc-task-details')!;
    await waitUntil(() => details.shadowRoot?.textContent?.includes('Cy Customer'), 'the details never showed the task');
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
