/**
 * `<cc-conversation>`: the written conversation of the selected digital task, and the reply.
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { state } from 'lit/decorators.js';
import { CcElement } from '../base/cc-element.js';
import { tokens } from '../base/tokens.js';
import { define } from '../base/define.js';
import { emailOf, hasConversation, replySubject, type ChatMessage, type OutgoingMessage } from '../../model/messages.js';
import type { CcError, Task } from '../../model/index.js';
import { LIVE, OVER } from '../../model/final.js';
import type { Conversation } from '../../store/types.js';
import { ObserveController } from '../../store/observe-controller.js';
import type { MessageKey } from '../../i18n/catalog.js';
import { customerLabel } from '../incoming-task/task-text.js';
import { styles } from './conversation.styles.js';

declare global {
  interface HTMLElementEventMap {
    /** The agent's message was sent (the contact center accepted it). */
    'cc-message-sent': CustomEvent<{ taskId: string; text: string; subject?: string }>;
  }
}

/** A name isolated for bidirectional text (FSI … PDI), so a right-to-left name never reorders the sentence around it. */
const iso = (name: string): string => `\u2068${name}\u2069`;

const EMPTY: ReadonlyMap<string, Conversation> = new Map();

/**
 * @tagname cc-conversation
 * @summary The transcript of the selected chat, social or email task — customer, agent and
 * system messages with their times, always as plain text — with the customer's typing indicator
 * and a reply box: Enter sends and Shift+Enter starts a new line (for an email, Enter starts a new
 * line and Ctrl+Enter sends). An email shows its subject and body and is answered with a subject
 * ("Re: …") and a body. New customer messages are announced politely. A message that could not
 * be sent stays in the box with the reason. A call gets a short note instead.
 *
 * @fires cc-message-sent - `{ taskId, text, subject? }` after the contact center accepted the agent's message.
 * @fires cc-error - the `CcError` when a message could not be sent (also shown inline).
 *
 * @csspart base - the conversation region.
 * @csspart email - an email's subject, sender and body.
 * @csspart subject - an email's subject.
 * @csspart transcript - the list of messages.
 * @csspart message - one message; also `message-customer`, `message-agent` or `message-system`.
 * @csspart author - a message's author.
 * @csspart time - a message's time.
 * @csspart text - a message's text.
 * @csspart typing - the typing indicator.
 * @csspart reply - the reply form.
 * @csspart subject-input - the subject of an email reply.
 * @csspart input - the reply text box.
 * @csspart send - the Send button.
 * @csspart error - why the last message was not sent.
 * @csspart empty - the text shown without a task, for a call, or without messages.
 *
 * @cssproperty --cc-color-surface - background, and the agent's messages.
 * @cssproperty --cc-color-surface-raised - the customer's messages.
 * @cssproperty --cc-color-text - text colour.
 * @cssproperty --cc-color-text-muted - authors, times, system messages, the typing indicator.
 * @cssproperty --cc-color-border - borders.
 * @cssproperty --cc-color-accent - the agent's messages' edge and the Send button.
 * @cssproperty --cc-color-danger - the failure text.
 * @cssproperty --cc-color-focus - focus ring.
 * @cssproperty --cc-radius - corner radius.
 * @cssproperty --cc-space - spacing unit.
 * @cssproperty --cc-font-family - font.
 * @cssproperty --cc-font-size - base font size.
 * @cssproperty --cc-conversation-max-height - the transcript's height before it scrolls (default 24em).
 */
export class CcConversation extends CcElement {
  static override styles = [tokens, styles];

  readonly #selected = this.observe((s) => s.selectedTask$);
  readonly #all = new ObserveController(this, () => this.store?.conversations?.all$);
  /** Unsent text and email subjects, by task id. */
  readonly #drafts = new Map<string, string>();
  readonly #subjects = new Map<string, string>();
  /** The polite announcement of the latest customer message. */
  @state() private announcement = '';
  /** Why the last try sent nothing: an empty box, or the store's refusal (kept as the error, said in the current language). */
  @state() private refused?: CcError | 'empty';
  /** The task whose conversation is shown (reading it), with the release of that. */
  #shown?: { id: string; release: () => void };
  /** The newest message seen per task, so only later ones are announced. */
  #last?: { id: string; count: number };
  /** Another task, or new messages: the transcript scrolls to its end after this render. */
  #toEnd = false;

  get #task(): Task | undefined {
    const task = this.#selected.value;
    return task && hasConversation(task.media) ? task : undefined;
  }

  get #conversation(): Conversation | undefined {
    const task = this.#task;
    return task && (this.#all.value ?? EMPTY).get(task.id);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#shown?.release();
    this.#shown = undefined;
  }

  protected override willUpdate(): void {
    const task = this.#task;
    const messages = this.#conversation?.messages ?? [];
    // Announce customer messages that arrive while this task is shown (not what was there before).
    if (task && this.#last?.id === task.id && messages.length > this.#last.count) {
      const fresh = messages.slice(this.#last.count).filter((m) => m.from === 'customer').at(-1);
      if (fresh) this.announcement = this.t('New message from {name}: {text}', { name: iso(fresh.author || this.#customer(task)), text: fresh.text });
    }
    if (task?.id !== this.#last?.id) {
      this.announcement = '';
      this.refused = undefined;
    }
    // Only then: an agent scrolled up to read stays there while the timer or a draft re-renders.
    this.#toEnd ||= task?.id !== this.#last?.id || messages.length !== this.#last?.count;
    this.#last = task ? { id: task.id, count: messages.length } : undefined;
  }

  protected override updated(): void {
    // Reading: the selected task's conversation is on screen.
    const id = this.#task?.id;
    if (id !== this.#shown?.id) {
      this.#shown?.release();
      const conversations = this.store?.conversations;
      this.#shown = id && conversations ? { id, release: conversations.show(id) } : undefined;
    }
    if (!this.#toEnd) return;
    this.#toEnd = false;
    const list = this.renderRoot.querySelector('[part="transcript"]');
    if (list) list.scrollTop = list.scrollHeight;
  }

  protected override render(): TemplateResult {
    const selected = this.#selected.value;
    const empty = (key: MessageKey) => html`<p class="empty muted" part="empty">${this.t(key)}</p>`;
    if (!this.store) return empty('Place this element inside <cc-provider>.');
    if (!selected) return empty('No task selected.');
    const task = this.#task;
    if (!task) return empty('Calls have no written conversation: chats, emails and social messages show theirs here.');
    const conversation = this.#conversation;
    const messages = conversation?.messages ?? [];
    const email = task.media === 'email' ? emailOf(messages) : undefined;
    const rest = email ? messages.filter((m) => m !== email) : messages;
    const customer = this.#customer(task);
    const typing = conversation?.typing;
    return html`<section class="conversation" part="base" aria-label=${this.t('Conversation with {customer}', { customer: iso(customer) })}>
      ${email ? this.#renderEmail(email) : nothing}
      ${rest.length
        ? html`<ol class="transcript" part="transcript" tabindex="0" aria-label=${this.t('Conversation with {customer}', { customer: iso(customer) })}>
            ${rest.map((m) => this.#renderMessage(m, customer))}
          </ol>`
        : email
          ? nothing
          : empty('No messages yet.')}
      <p class="typing muted" part="typing" ?hidden=${!typing}>${typing ? this.t('{name} is typing…', { name: iso(typing.author || customer) }) : ''}</p>
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.#renderReply(task, conversation, email)}
    </section>`;
  }

  #renderEmail(email: ChatMessage): TemplateResult {
    return html`<article class="email" part="email">
      <h3 class="subject" part="subject" dir="auto">${email.subject}</h3>
      <p class="meta muted">${this.t('From {name}', { name: iso(email.author) })} · <time part="time" datetime=${new Date(email.at).toISOString()}>${this.#time(email.at)}</time></p>
      <p class="body" part="text" dir="auto">${email.text}</p>
    </article>`;
  }

  #renderMessage(m: ChatMessage, customer: string): TemplateResult {
    const time = html`<time part="time" datetime=${new Date(m.at).toISOString()}>${this.#time(m.at)}</time>`;
    if (m.from === 'system') {
      const text = m.kind ? this.t(`conversation.${m.kind}`, { name: iso(m.kind === 'agent-joined' ? m.author : customer) }) : m.text;
      return html`<li class="message system" part="message message-system"><span part="text">${text}</span> ${time}</li>`;
    }
    const mine = m.from === 'agent' && m.author === this.store?.agent.profile?.agentName;
    return html`<li class="message ${m.from}" part="message message-${m.from}">
      <p class="meta"><bdi part="author">${mine ? this.t('You') : m.author || customer}</bdi> ${time}</p>
      ${m.subject !== undefined ? html`<p class="subject" part="subject" dir="auto">${m.subject}</p>` : nothing}
      <p class="text" part="text" dir="auto">${m.text}</p>
    </li>`;
  }

  #renderReply(task: Task, conversation: Conversation | undefined, email: ChatMessage | undefined): TemplateResult {
    if (!LIVE.has(task.state)) {
      return html`<p class="empty muted" part="empty">${this.t(OVER.has(task.state) ? 'The conversation has ended.' : 'Accept the task to reply.')}</p>`;
    }
    const isEmail = task.media === 'email';
    const sending = conversation?.sending;
    const failed = conversation?.failed;
    const draft = this.#draft(task.id);
    const label = isEmail ? this.t('Reply to {name}', { name: iso(this.#customer(task)) }) : this.t('Reply');
    const refused = this.refused;
    const problem = failed ? this.#notSent(failed.error) : refused === 'empty' ? this.t('Write a message first.') : refused ? this.#notSent(refused) : '';
    return html`<form class="reply" part="reply" @submit=${this.#onSubmit}>
      ${isEmail
        ? html`<label for="subject">${this.t('Subject')}</label>
            <input id="subject" part="subject-input" maxlength="300" .value=${live(this.#subjects.get(task.id) ?? replySubject(email?.subject))}
              ?disabled=${!!sending} @input=${(e: Event) => this.#subjects.set(task.id, (e.target as HTMLInputElement).value)} />`
        : nothing}
      <label for="reply">${label}</label>
      <textarea id="reply" part="input" rows=${isEmail ? 6 : 2} maxlength="4000" aria-describedby="keys${problem ? ' problem' : ''}"
        aria-invalid=${problem ? 'true' : 'false'} ?readonly=${!!sending} .value=${live(sending?.text ?? draft)}
        @input=${this.#onInput} @keydown=${this.#onKeyDown}></textarea>
      <p id="keys" class="muted keys">${this.t(isEmail ? 'Ctrl+Enter sends.' : 'Enter sends, Shift+Enter starts a new line.')}</p>
      ${problem ? html`<p id="problem" class="error" part="error" role="alert">${problem}</p>` : nothing}
      <button class="primary" part="send" type="submit" ?disabled=${!!sending}>${this.t(sending ? 'Sending…' : 'Send')}</button>
    </form>`;
  }

  /** A failure as every element says it (the contact center's own words quoted, as text), and that the text stays. */
  #notSent(error: CcError): string {
    return `${this.i18n.error(error)} ${this.t('Your text is kept.')}`;
  }

  /** What the box holds: the agent's draft, else the text of the message that failed. */
  #draft(taskId: string): string {
    return this.#drafts.get(taskId) ?? this.#conversation?.failed?.message.text ?? '';
  }

  #customer(task: Task): string {
    return customerLabel(task) ?? this.t('the customer');
  }

  #time(at: number): string {
    return new Date(at).toLocaleTimeString(this.i18n.locale, { hour: '2-digit', minute: '2-digit' });
  }

  #onInput(e: Event): void {
    const task = this.#task;
    if (!task) return;
    this.#drafts.set(task.id, (e.target as HTMLTextAreaElement).value);
    if (this.refused) this.refused = undefined;
  }

  #onKeyDown(e: KeyboardEvent): void {
    if (e.key !== 'Enter' || e.isComposing) return;
    const email = this.#task?.media === 'email';
    if (email ? !(e.ctrlKey || e.metaKey) : e.shiftKey) return; // a new line
    e.preventDefault();
    void this.#send();
  }

  #onSubmit(e: Event): void {
    e.preventDefault();
    void this.#send();
  }

  async #send(): Promise<void> {
    const task = this.#task;
    const conversations = this.store?.conversations;
    if (!task || !conversations || this.#conversation?.sending) return;
    const text = this.#draft(task.id);
    if (text.trim() === '') {
      this.refused = 'empty';
      return;
    }
    const message: OutgoingMessage =
      task.media === 'email' ? { text, subject: this.#subjects.get(task.id) ?? replySubject(emailOf(this.#conversation?.messages ?? [])?.subject) } : { text };
    try {
      await conversations.send(task.id, message);
      this.#drafts.delete(task.id);
      this.#subjects.delete(task.id);
      this.requestUpdate();
      this.emit('cc-message-sent', { taskId: task.id, ...message });
    } catch (failure) {
      const error = failure as CcError;
      // A refusal (nothing was sent) is not kept on the conversation: say it here.
      if (this.#conversation?.failed?.error !== error) this.refused = error;
      this.requestUpdate();
      this.emit('cc-error', error);
    }
  }
}

define('cc-conversation', CcConversation);

declare global {
  interface HTMLElementTagNameMap {
    'cc-conversation': CcConversation;
  }
}
