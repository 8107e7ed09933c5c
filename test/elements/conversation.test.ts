import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { VirtualTimeScheduler } from 'rxjs';
import '../../src/elements/conversation/conversation.js';
import type { CcConversation } from '../../src/elements/conversation/conversation.js';
import type { CcStore } from '../../src/store/types.js';
import type { MediaChannel } from '../../src/model/index.js';
import { createTranslator } from '../../src/i18n/translator.js';
import { renderProvided } from '../fixtures/provide.js';
import {
  THEMES,
  XSS_PAYLOAD,
  expectInert,
  liveTask,
  recordEvents,
  releaseSimDesks,
  settle,
  simDesk,
  type SimDesk,
  type SimDeskOptions,
} from '../fixtures/sim-desk.js';

afterEach(releaseSimDesks);

async function render(store: CcStore | undefined, options: { dark?: boolean } = {}) {
  return renderProvided<CcConversation>(html`<cc-conversation></cc-conversation>`, store, options);
}

const root = (el: CcConversation) => el.shadowRoot!;
/** The text as read, without the bidi isolates around names. */
const text = (node: Element | null | undefined) => node?.textContent?.replace(/[\u2068\u2069]/g, '').replace(/\s+/g, ' ').trim() ?? '';
const $ = <T extends Element = HTMLElement>(el: CcConversation, selector: string) => root(el).querySelector<T>(selector);
const messages = (el: CcConversation) => [...root(el).querySelectorAll('[part~="message"]')];
const customerTexts = (el: CcConversation) => messages(el).filter((m) => m.matches('.customer')).map((m) => text(m.querySelector('[part="text"]')));
const box = (el: CcConversation) => $<HTMLTextAreaElement>(el, 'textarea')!;

/** A desk with an accepted task of `media`, and the element on it. */
async function chat(media: MediaChannel = 'chat', options: SimDeskOptions & { dark?: boolean } = {}) {
  const { dark, ...sim } = options;
  const desk = await simDesk(sim);
  const id = await liveTask(desk, media, 'Zoë Müller');
  const { el, setTranslator } = await render(desk.store, { dark });
  await settle(el, desk);
  return { desk, id, el, setTranslator };
}

/** Let virtual time pass in seconds until `done()`. */
async function until(el: CcConversation, desk: SimDesk, done: () => boolean): Promise<void> {
  for (let i = 0; i < 120 && !done(); i++) await settle(el, desk, 1000);
  expect(done(), 'the awaited conversation event came').to.equal(true);
}

/** Type into the reply box as the agent (focus, type, keys). */
async function type(el: CcConversation, value: string) {
  box(el).focus();
  await sendKeys({ type: value });
}

/** Enter with a modifier held. */
async function chord(modifier: 'Shift' | 'Control') {
  await sendKeys({ down: modifier });
  await sendKeys({ press: 'Enter' });
  await sendKeys({ up: modifier });
}

describe('<cc-conversation>', () => {
  describe('accessibility (axe)', () => {
    it('passes for a chat with messages and the reply box, light and dark', async () => {
      for (const { dark } of THEMES) {
        const { el, desk } = await chat('chat', { dark });
        await until(el, desk, () => customerTexts(el).length === 1);
        await expect(el).to.be.accessible();
      }
    });

    it('passes for an email, a call, a failure, and without a task, light and dark', async () => {
      for (const { dark } of THEMES) {
        const email = await chat('email', { dark });
        await expect(email.el).to.be.accessible();
        email.desk.sim.failNext('sendMessage', 1, 'Mail server down');
        await type(email.el, 'Hello');
        $<HTMLButtonElement>(email.el, '[part="send"]')!.click();
        await settle(email.el, email.desk);
        expect($(email.el, '[part="error"]')).to.not.equal(null);
        await expect(email.el).to.be.accessible();
        const call = await chat('telephony', { dark });
        await expect(call.el).to.be.accessible();
        const { el } = await render((await simDesk()).store, { dark });
        await expect(el).to.be.accessible();
      }
    });
  });

  describe('rendering', () => {
    it('shows the transcript with authors and times, the typing indicator, and announces the greeting', async () => {
      const { el, desk } = await chat();
      expect(text($(el, '[part~="message-system"]'))).to.contain('Zoë Müller joined the conversation');
      await until(el, desk, () => !$(el, '[part="typing"]')!.hidden);
      expect(text($(el, '[part="typing"]'))).to.equal('Zoë Müller is typing…');
      await until(el, desk, () => customerTexts(el).length === 1);
      expect($(el, '[part="typing"]')!.hidden).to.equal(true);
      const greeting = messages(el).find((m) => m.matches('.customer'))!;
      expect(text(greeting.querySelector('[part="author"]'))).to.equal('Zoë Müller');
      expect(greeting.querySelector('time')!.getAttribute('datetime')).to.match(/^2025-01-06T09:00:\d\d/);
      const status = $(el, '[role="status"]')!;
      expect(status.getAttribute('aria-live')).to.equal('polite');
      expect(text(status)).to.equal(`New message from Zoë Müller: ${customerTexts(el)[0]}`);
      expect(status.textContent, 'the name is isolated for right-to-left text').to.contain('\u2068Zoë Müller\u2069');
    });

    it('shows an email with subject, sender and body, and a reply with "Re:" subject', async () => {
      const { el, desk } = await chat('email');
      const subject = text($(el, '[part="email"] [part="subject"]'));
      expect(subject).to.not.equal('');
      expect(text($(el, '[part="email"]'))).to.contain('From Zoë Müller');
      expect($(el, '[part="email"] [part="text"]')!.textContent).to.contain('\n');
      expect($<HTMLInputElement>(el, '[part="subject-input"]')!.value).to.equal(`Re: ${subject}`);
      expect(text(root(el).querySelector('label[for="reply"]'))).to.equal('Reply to Zoë Müller');
      await type(el, 'Dear Zoë,');
      await sendKeys({ press: 'Enter' });
      await sendKeys({ type: 'it is on its way.' });
      expect(box(el).value, 'Enter is a new line in an email').to.equal('Dear Zoë,\nit is on its way.');
      await chord('Control');
      await settle(el, desk);
      const reply = messages(el).find((m) => m.matches('.agent'))!;
      expect(text(reply.querySelector('[part="subject"]'))).to.equal(`Re: ${subject}`);
      expect(reply.querySelector('[part="text"]')!.textContent).to.equal('Dear Zoë,\nit is on its way.');
    });

    it('says a call has no conversation, and asks for a provider or a task', async () => {
      const { el } = await chat('telephony');
      expect(text($(el, '[part="empty"]'))).to.match(/^Calls have no written conversation/);
      expect($(el, 'textarea')).to.equal(null);
      const alone = await render(undefined);
      expect(text($(alone.el, '[part="empty"]'))).to.equal('Place this element inside <cc-provider>.');
      const idle = await render((await simDesk()).store);
      expect(text($(idle.el, '[part="empty"]'))).to.equal('No task selected.');
    });

    it('offers no reply before the accept nor after the end', async () => {
      const desk = await simDesk();
      desk.sim.offerContact({ media: 'chat' });
      const { el } = await render(desk.store);
      await settle(el, desk);
      expect(text($(el, '.reply, [part="empty"]:last-child'))).to.equal('Accept the task to reply.');
      const id = desk.store.tasks[0].id;
      await desk.store.accept(id);
      await settle(el, desk);
      expect(box(el)).to.not.equal(null);
      await desk.store.end(id);
      await settle(el, desk);
      expect($(el, 'textarea')).to.equal(null);
      expect(text(root(el).querySelector('section > [part="empty"]:last-child'))).to.equal('The conversation has ended.');
    });

    it('speaks German', async () => {
      const { el, desk, setTranslator } = await chat();
      setTranslator(createTranslator('de', (await import('../../src/i18n/de/index.js')).default));
      await until(el, desk, () => customerTexts(el).length === 1);
      expect(text($(el, '[part="send"]'))).to.equal('Senden');
      expect(text($(el, '[part~="message-system"] [part="text"]'))).to.equal('Zoë Müller ist dem Gespräch beigetreten');
      expect(text($(el, '#keys'))).to.equal('Eingabe sendet, Umschalt+Eingabe beginnt eine neue Zeile.');
    });
  });

  describe('keyboard and events', () => {
    it('sends with Enter (Shift+Enter is a new line), fires cc-message-sent, empties the box; the customer answers', async () => {
      const { el, desk, id } = await chat();
      await until(el, desk, () => customerTexts(el).length === 1);
      const log = recordEvents(document, ['cc-message-sent', 'cc-error']);
      await type(el, 'Hello Zoë,');
      await chord('Shift');
      await sendKeys({ type: 'let me check.' });
      expect(box(el).value).to.equal('Hello Zoë,\nlet me check.');
      await sendKeys({ press: 'Enter' });
      await settle(el, desk);
      log.stop();
      expect(log.events).to.deep.equal([{ type: 'cc-message-sent', detail: { taskId: id, text: 'Hello Zoë,\nlet me check.' } }]);
      expect(box(el).value).to.equal('');
      const mine = messages(el).find((m) => m.matches('.agent'))!;
      expect(text(mine.querySelector('[part="author"]'))).to.equal('You');
      await until(el, desk, () => customerTexts(el).length === 2);
      expect(desk.store.conversations!.get(id)!.unread, 'read while shown').to.equal(0);
    });

    it('the transcript follows new messages to its end, and stays where the agent scrolled while nothing new came', async () => {
      const { el, desk } = await chat();
      el.style.setProperty('--cc-conversation-max-height', '3em');
      await until(el, desk, () => customerTexts(el).length === 1);
      const transcript = $(el, '[part="transcript"]')!;
      expect(transcript.scrollHeight, 'the transcript overflows').to.be.greaterThan(transcript.clientHeight);
      expect(transcript.scrollTop + transcript.clientHeight, 'at the end').to.be.closeTo(transcript.scrollHeight, 2);

      transcript.scrollTop = 0;
      el.requestUpdate();
      await settle(el, desk);
      expect(transcript.scrollTop, 'a render with nothing new keeps the place').to.equal(0);

      await type(el, 'One moment, please.');
      await sendKeys({ press: 'Enter' });
      await settle(el, desk);
      expect(transcript.scrollTop + transcript.clientHeight, 'a new message: at the end again').to.be.closeTo(transcript.scrollHeight, 2);
    });

    it('refuses an empty message with a hint, without sending', async () => {
      const { el, desk, id } = await chat();
      box(el).focus();
      await sendKeys({ press: 'Enter' });
      await settle(el, desk);
      expect(text($(el, '[part="error"]'))).to.equal('Write a message first.');
      expect(box(el).getAttribute('aria-invalid')).to.equal('true');
      expect(desk.store.conversations!.get(id)?.messages.some((m) => m.from === 'agent') ?? false).to.equal(false);
    });
  });

  describe('failure', () => {
    it('keeps the text and says why when a message is not sent; the next try sends it', async () => {
      const { el, desk, id } = await chat();
      desk.sim.failNext('sendMessage', 1, 'Chat server unavailable');
      const log = recordEvents(document, ['cc-message-sent', 'cc-error']);
      await type(el, 'Are you still there?');
      await sendKeys({ press: 'Enter' });
      await settle(el, desk);
      expect(box(el).value).to.equal('Are you still there?');
      const error = $(el, '[part="error"]')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(text(error)).to.equal(
        'The message could not be sent. The contact center said: “Chat server unavailable”. Try again; if it keeps failing, tell your supervisor. Your text is kept.',
      );
      $<HTMLButtonElement>(el, '[part="send"]')!.click();
      await settle(el, desk);
      log.stop();
      expect(log.names).to.deep.equal(['cc-error', 'cc-message-sent']);
      expect((log.events[0].detail as { command: string }).command).to.equal('sendMessage');
      expect($(el, '[part="error"]')).to.equal(null);
      expect(desk.store.conversations!.get(id)!.messages.filter((m) => m.from === 'agent').map((m) => m.text)).to.deep.equal(['Are you still there?']);
    });
  });

  describe('failure, in every language', () => {
    const languages = async () => ({
      de: createTranslator('de', (await import('../../src/i18n/de/index.js')).default),
      fr: createTranslator('fr', (await import('../../src/i18n/fr/index.js')).default),
    });

    /** The alert (the live region that announces it) and the box, after the agent sends "Hello" and it fails. */
    async function failedSend(sendMessage: () => Promise<never>, scheduler?: VirtualTimeScheduler) {
      const desk = await chat('chat', { scheduler });
      desk.desk.sim.sendMessage = sendMessage;
      await type(desk.el, 'Hello');
      await sendKeys({ press: 'Enter' });
      scheduler?.flush(); // the store waited in vain
      await settle(desk.el, desk.desk);
      expect($(desk.el, '[part="error"]'), 'the failure is shown').to.not.equal(null);
      return desk;
    }

    it('says a timeout in English, German and French, and keeps the text', async () => {
      const { el, setTranslator } = await failedSend(() => new Promise<never>(() => undefined), new VirtualTimeScheduler());
      const alert = () => $(el, '[part="error"]');
      expect(alert()!.getAttribute('role')).to.equal('alert');
      expect(box(el).value).to.equal('Hello');
      expect(text(alert())).to.equal(
        'The message could not be sent. The contact center did not confirm in time; check the task before you try again. Your text is kept.',
      );
      const { de, fr } = await languages();
      setTranslator(de);
      await el.updateComplete;
      expect(text(alert())).to.equal(
        'Die Nachricht konnte nicht gesendet werden. Das Contact Center hat nicht rechtzeitig bestätigt; prüfen Sie die Aufgabe, bevor Sie es erneut versuchen. Ihr Text bleibt erhalten.',
      );
      setTranslator(fr);
      await el.updateComplete;
      expect(text(alert())).to.equal(
        'Le message n’a pas pu être envoyé. Le centre de contact n’a pas confirmé à temps ; vérifiez la tâche avant de réessayer. Votre texte est conservé.',
      );
      expect(text(alert()), 'no English wording of the store').to.not.match(/answer|contact center|send/i);
    });

    it('quotes a refusal\'s own words, markup as text, inside the translated sentence', async () => {
      const refusal = Object.assign(new Error('<b>x</b>'), { code: 'FORBIDDEN' });
      const { el, setTranslator } = await failedSend(() => Promise.reject(refusal));
      const alert = () => $(el, '[part="error"]')!;
      expect(text(alert())).to.equal(
        'The message could not be sent. The contact center said: “<b>x</b>”. Your profile does not allow this; ask your supervisor. Your text is kept.',
      );
      expect(alert().children.length, 'the reason is text, not markup').to.equal(0);
      const { de, fr } = await languages();
      setTranslator(de);
      await el.updateComplete;
      expect(text(alert())).to.equal(
        'Die Nachricht konnte nicht gesendet werden. Das Contact Center meldet: „<b>x</b>“. Ihr Profil erlaubt das nicht; fragen Sie Ihre Teamleitung. Ihr Text bleibt erhalten.',
      );
      setTranslator(fr);
      await el.updateComplete;
      expect(text(alert())).to.equal(
        'Le message n’a pas pu être envoyé. Le centre de contact indique : « <b>x</b> ». Votre profil ne le permet pas ; demandez à votre superviseur. Votre texte est conservé.',
      );
      expect(alert().children.length).to.equal(0);
      expect(box(el).value).to.equal('Hello');
    });

    it('says the store\'s refusal (nothing sent, nothing kept on the conversation) in the language shown now', async () => {
      const { el, desk, id, setTranslator } = await chat();
      const conversations = desk.store.conversations!;
      const refusal = { code: 'INVALID_STATE', command: 'sendMessage', message: 'Send refused: a message is still being sent', taskId: id, at: 0 } as const;
      conversations.send = () => Promise.reject(refusal);
      await type(el, 'Hello');
      await sendKeys({ press: 'Enter' });
      await settle(el, desk);
      expect(conversations.get(id)?.failed).to.equal(undefined);
      expect(text($(el, '[part="error"]'))).to.equal('The message could not be sent. The task changed meanwhile; check it and try again. Your text is kept.');
      setTranslator((await languages()).de);
      await el.updateComplete;
      expect(text($(el, '[part="error"]'))).to.equal(
        'Die Nachricht konnte nicht gesendet werden. Die Aufgabe hat sich inzwischen geändert; prüfen Sie sie und versuchen Sie es erneut. Ihr Text bleibt erhalten.',
      );
      expect(box(el).value).to.equal('Hello');
    });

    it('says "write a message first" in the language shown now', async () => {
      const { el, desk, setTranslator } = await chat();
      box(el).focus();
      await sendKeys({ press: 'Enter' });
      await settle(el, desk);
      setTranslator((await languages()).fr);
      await el.updateComplete;
      expect(text($(el, '[part="error"]'))).to.equal('Écrivez d’abord un message.');
    });
  });

  describe('hostile text', () => {
    it('renders markup from the customer and the agent as inert text', async () => {
      const desk = await simDesk();
      const id = await liveTask(desk, 'chat', XSS_PAYLOAD);
      const { el } = await render(desk.store);
      await until(el, desk, () => customerTexts(el).length === 1);
      await desk.store.conversations!.send(id, { text: XSS_PAYLOAD });
      await settle(el, desk);
      expect(text(messages(el).find((m) => m.matches('.agent'))!.querySelector('[part="text"]'))).to.equal(XSS_PAYLOAD);
      expect(text($(el, '[part~="message-system"] [part="text"]'))).to.contain(XSS_PAYLOAD);
      expectInert(root(el));
    });
  });
});
