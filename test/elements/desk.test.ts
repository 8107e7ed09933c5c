/**
 * The elements as one desk under one store (issue 11): one Accept / Decline pair per offer on
 * screen, a failure shown once where the agent acted, and the focus moving on — never to <body> —
 * after Accept, End, Complete transfer and Submit wrap-up.
 */
import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { renderProvided } from '../fixtures/provide.js';
import { nextTask, releaseSimDesks, settle, simDesk, type SimDesk } from '../fixtures/sim-desk.js';
import { present$ } from '../../src/elements/base/desk-roles.js';
import '../../src/elements/agent-state/agent-state.js';
import '../../src/elements/incoming-task/incoming-task.js';
import '../../src/elements/task-list/task-list.js';
import '../../src/elements/call-controls/call-controls.js';
import '../../src/elements/wrapup-form/wrapup-form.js';

afterEach(releaseSimDesks);

type Tag = 'cc-agent-state' | 'cc-incoming-task' | 'cc-task-list' | 'cc-call-controls' | 'cc-wrapup-form';
const ALL: readonly Tag[] = ['cc-agent-state', 'cc-incoming-task', 'cc-task-list', 'cc-call-controls', 'cc-wrapup-form'];

async function renderDesk(env: SimDesk, tags: readonly Tag[] = ALL) {
  const { wrapper } = await renderProvided<HTMLElement>(
    html`<div>
      ${tags.includes('cc-agent-state') ? html`<cc-agent-state></cc-agent-state>` : ''}
      ${tags.includes('cc-incoming-task') ? html`<cc-incoming-task></cc-incoming-task>` : ''}
      ${tags.includes('cc-task-list') ? html`<cc-task-list></cc-task-list>` : ''}
      ${tags.includes('cc-call-controls') ? html`<cc-call-controls></cc-call-controls>` : ''}
      ${tags.includes('cc-wrapup-form') ? html`<cc-wrapup-form></cc-wrapup-form>` : ''}
    </div>`,
    env.store,
  );
  const desk = wrapper.firstElementChild as HTMLElement;
  await settleDesk(desk, env);
  return desk;
}

/** Let the simulator's events arrive (after `ms`) and every element render. */
async function settleDesk(desk: HTMLElement, env: SimDesk, ms = 0): Promise<void> {
  await env.advance(ms);
  for (let i = 0; i < 3; i++) {
    await nextTask();
    for (const el of desk.children) await settle(el as HTMLElement & { updateComplete: Promise<unknown> });
  }
}

const el = (desk: HTMLElement, tag: Tag): HTMLElement => desk.querySelector(tag)!;
const inside = (desk: HTMLElement, tag: Tag, selector: string): HTMLElement[] => [...el(desk, tag).shadowRoot!.querySelectorAll<HTMLElement>(selector)];
/** Where the focus is: the tag of the element holding it and the focused node inside it. */
function focus(desk: HTMLElement): { tag?: string; node?: Element | null } {
  const active = document.activeElement;
  if (!active || active === document.body) return {};
  const host = [...desk.children].find((c) => c === active);
  return { tag: host?.localName, node: host?.shadowRoot?.activeElement };
}
const click = (button: HTMLElement): void => {
  button.focus();
  button.click();
};

describe('desk roles', () => {
  it('present$ is one observable per store and role (an element re-reads its source before each render and would subscribe again to a new one)', async () => {
    const desk = await simDesk();
    expect(present$(desk.store, 'incoming')).to.equal(present$(desk.store, 'incoming'));
    expect(present$(desk.store, 'incoming')).to.not.equal(present$(desk.store, 'controls'));
    const other = await simDesk();
    expect(present$(other.store, 'incoming')).to.not.equal(present$(desk.store, 'incoming'));
  });
});

describe('one desk: seen once, acted on once', () => {
  it('two offers: one Accept / Decline pair each, in <cc-incoming-task>; the list keeps rows and countdowns', async () => {
    const env = await simDesk();
    env.sim.offerContact({ media: 'telephony' });
    env.sim.offerContact({ media: 'chat' });
    env.clock.flush();
    const desk = await renderDesk(env);
    const accepts = ALL.flatMap((tag) => inside(desk, tag, '[part="accept"]'));
    expect(accepts.length).to.equal(2);
    expect(inside(desk, 'cc-incoming-task', '[part="accept"]').length).to.equal(2);
    expect(inside(desk, 'cc-task-list', '[part="accept"], [part="decline"]').length).to.equal(0);
    expect(inside(desk, 'cc-task-list', '[part="timer"]').map((t) => t.textContent)).to.deep.equal(['Answer within 0:30', 'Answer within 0:30']);

    // Without <cc-incoming-task> the list keeps the actions.
    el(desk, 'cc-incoming-task').remove();
    await settleDesk(desk, env);
    expect(inside(desk, 'cc-task-list', '[part="accept"]').length).to.equal(2);
  });

  it('a failed Accept shows once, where the agent acted, in words that say what happened and what to do', async () => {
    const env = await simDesk();
    env.sim.offerContact({ media: 'telephony' });
    env.clock.flush();
    const desk = await renderDesk(env);
    env.sim.failNext('accept', 1, 'No capacity');
    click(inside(desk, 'cc-incoming-task', '[part="accept"]')[0]!);
    await settleDesk(desk, env);
    const shown = ALL.flatMap((tag) => inside(desk, tag, '*')).filter((n) => n.children.length === 0 && n.textContent!.includes('No capacity'));
    expect(shown.length).to.equal(1);
    expect(shown[0]!.getAttribute('role')).to.equal('alert');
    expect(shown[0]!.textContent).to.equal(
      'The task could not be accepted. The contact center said: “No capacity”. Try again; if it keeps failing, tell your supervisor.',
    );
  });
});

describe('one desk: the focus never falls to <body>', () => {
  it('after Accept: on the accepted task, now selected, in <cc-call-controls>', async () => {
    const env = await simDesk();
    await liveCall(env, 'chat');
    const id = env.sim.offerContact({ media: 'telephony', force: true })!;
    env.clock.flush();
    const desk = await renderDesk(env);
    expect(env.store.selectedTask!.id).not.to.equal(id);
    click(inside(desk, 'cc-incoming-task', '[part="accept"]')[0]!);
    await settleDesk(desk, env);
    expect(env.store.selectedTask!.id).to.equal(id);
    const { tag, node } = focus(desk);
    expect(tag).to.equal('cc-call-controls');
    expect((node as HTMLElement).dataset.slot).to.equal('hold');
  });

  it('after Accept without call controls: on the task in the list', async () => {
    const env = await simDesk();
    const id = env.sim.offerContact({ media: 'chat' })!;
    env.clock.flush();
    const desk = await renderDesk(env, ['cc-incoming-task', 'cc-task-list']);
    click(inside(desk, 'cc-incoming-task', '[part="accept"]')[0]!);
    await settleDesk(desk, env);
    const { tag, node } = focus(desk);
    expect(tag).to.equal('cc-task-list');
    expect(node!.getAttribute('role')).to.equal('option');
    expect(env.store.tasks.findIndex((t) => t.id === id)).to.equal(Number(node!.id.replace('task-', '')));
  });

  it('after End: on the wrap-up code', async () => {
    const env = await simDesk();
    await liveCall(env);
    const desk = await renderDesk(env);
    click(inside(desk, 'cc-call-controls', 'button[data-control="end"]')[0]!);
    await settleDesk(desk, env);
    expect(env.store.selectedTask!.state).to.equal('WRAPPING_UP');
    const { tag, node } = focus(desk);
    expect(tag).to.equal('cc-wrapup-form');
    expect(node!.id).to.equal('code');
  });

  it('after Complete transfer: on the wrap-up code', async () => {
    const env = await simDesk();
    const id = await liveCall(env);
    const desk = await renderDesk(env);
    await env.store.consult(id, { type: 'agent', id: 'agent-ana', name: 'Ana Souza' });
    await settleDesk(desk, env, 2000);
    click(inside(desk, 'cc-call-controls', 'button[data-control="consultTransfer"]')[0]!);
    await settleDesk(desk, env);
    expect(env.store.selectedTask!.state).to.equal('WRAPPING_UP');
    const { tag, node } = focus(desk);
    expect(tag).to.equal('cc-wrapup-form');
    expect(node!.id).to.equal('code');
  });

  it('after Submit wrap-up: on the next task in the list, else on the agent state', async () => {
    const env = await simDesk();
    const chat = await liveCall(env, 'chat');
    const call = await liveCall(env);
    await env.store.end(call);
    env.clock.flush();
    env.store.select(call);
    const desk = await renderDesk(env);
    await submitWrapup(desk, env);
    expect(env.store.tasks.map((t) => t.id)).to.deep.equal([chat]);
    let { tag, node } = focus(desk);
    expect(tag).to.equal('cc-task-list');
    expect(node!.id).to.equal('task-0');

    await env.store.end(chat);
    await settleDesk(desk, env);
    await submitWrapup(desk, env);
    expect(env.store.tasks).to.deep.equal([]);
    ({ tag, node } = focus(desk));
    expect(tag).to.equal('cc-agent-state');
    expect(node!.localName).to.equal('select');
  });
});

async function liveCall(env: SimDesk, media: 'telephony' | 'chat' = 'telephony'): Promise<string> {
  const id = env.sim.offerContact({ media })!;
  env.clock.flush();
  await env.store.accept(id);
  env.clock.flush();
  await nextTask();
  env.store.select(id);
  return id;
}

async function submitWrapup(desk: HTMLElement, env: SimDesk): Promise<void> {
  const select = inside(desk, 'cc-wrapup-form', '#code')[0] as HTMLSelectElement;
  select.value = select.options[1]!.value;
  select.dispatchEvent(new Event('change'));
  await settleDesk(desk, env);
  click(inside(desk, 'cc-wrapup-form', '[part="submit"]')[0]!);
  await settleDesk(desk, env);
}
