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
