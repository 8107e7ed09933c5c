import { expect } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/elements/task-list/task-list.js';
import '../../src/elements/conversation/conversation.js';
import type { CcTaskList } from '../../src/elements/task-list/task-list.js';
import { renderProvided } from '../fixtures/provide.js';
import { THEMES, liveTask, releaseSimDesks, settle, simDesk } from '../fixtures/sim-desk.js';

afterEach(releaseSimDesks);

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const badges = (el: CcTaskList) => [...el.shadowRoot!.querySelectorAll('[part="task"], [part~="task"]')].map((row) => text(row.querySelector('[part="unread"] .visually-hidden')));

describe('<cc-task-list>: unread messages', () => {
  it('counts customer messages of a task not shown, accessibly, until it is read (axe light and dark)', async () => {
    for (const { dark } of THEMES) {
      const desk = await simDesk();
      const chat = await liveTask(desk, 'chat', 'Zoë Müller');
      const social = await liveTask(desk, 'social', 'José Álvarez');
      const { el } = await renderProvided<CcTaskList>(html`<cc-task-list></cc-task-list>`, desk.store, { dark });
      for (let i = 0; i < 20; i++) await settle(el, desk, 1000);
      const unread = desk.store.conversations!;
      expect([unread.get(chat)!.unread, unread.get(social)!.unread]).to.deep.equal([1, 1]);
      expect(badges(el)).to.deep.equal(['1 unread messages', '1 unread messages']);
      await expect(el).to.be.accessible();
      // The selected task's conversation is shown: it is read, its badge goes.
      const conversation = document.createElement('cc-conversation');
      el.parentElement!.append(conversation);
      await settle(el, desk);
      await settle(conversation, desk);
      expect(desk.store.selectedTask!.id).to.equal(chat);
      expect(badges(el)).to.deep.equal(['', '1 unread messages']);
      conversation.remove();
    }
  });

  it('shows no badge for a call', async () => {
    const desk = await simDesk();
    await liveTask(desk, 'telephony');
    const { el } = await renderProvided<CcTaskList>(html`<cc-task-list></cc-task-list>`, desk.store);
    await settle(el, desk, 30_000);
    expect(badges(el)).to.deep.equal(['']);
  });
});

describe('<cc-task-list>: a row with an unread count', () => {
  it('keeps every fact beside the media, one per line (the count adds a line, the timer stays in its column)', async () => {
    const desk = await simDesk();
    const chat = await liveTask(desk, 'chat', 'Zoë Müller');
    desk.sim.customerSays(chat, 'Hello?');
    await liveTask(desk, 'telephony'); // selected: the chat's messages stay unread
    const { el } = await renderProvided<CcTaskList>(html`<cc-task-list></cc-task-list>`, desk.store);
    await settle(el, desk);
    const row = el.shadowRoot!.querySelector('[part~="task"]')!;
    expect(text(row.querySelector('[part="unread"] .visually-hidden'))).to.equal('1 unread messages');
    const box = (part: string) => row.querySelector(`[part="${part}"]`)!.getBoundingClientRect();
    const media = box('media');
    const facts = ['customer', 'unread', 'queue', 'state', 'timer'].map((part) => ({ part, ...box(part).toJSON() as DOMRect }));
    // Beside the media, each below the one before.
    expect(facts.filter((f) => f.left < media.right).map((f) => f.part), 'facts under the media').to.deep.equal([]);
    expect(facts.every((f, i) => i === 0 || f.top >= facts[i - 1]!.bottom - 1), 'one fact per line').to.equal(true);
  });
});
