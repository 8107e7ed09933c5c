/**
 * The store's conversations: the transcript of every digital task, who is typing, how many
 * customer messages the agent has not read yet, and the agent's messages being sent (or that
 * failed, their text kept). Fed by the backend's optional `messages$`, written through its
 * optional `sendMessage`; a backend without them simply has no conversations.
 *
 * A customer message counts as unread unless its task is selected and an element shows its
 * conversation (`show(taskId)`); showing the selected task's conversation reads it.
 *
 * It follows the task list by the tasks that change (`taskChanges$`: a task new to the list may
 * bring its transcript along, a task that left takes its conversation with it) and the selection,
 * so an event costs the same however many tasks are listed.
 * @module
 */
import { BehaviorSubject, Subject, type Observable, type Subscription, type Unsubscribable } from 'rxjs';
import type { ContactCenter } from '../backends/contact-center.js';
import type { CcError, ErrorCode, Task } from '../model/domain.js';
import { LIVE } from '../model/final.js';
import {
  addMessage,
  hasConversation,
  messageProblem,
  toChatMessage,
  toTypingIndicator,
  type ChatMessage,
  type ConversationEvent,
  type OutgoingMessage,
  type TypingIndicator,
} from '../model/messages.js';
import { rejection } from './errors.js';
import type { StoreState } from './state.js';

/** One task's conversation as the elements see it. Immutable: every change is a new object. */
export interface Conversation {
  readonly taskId: string;
  /** In time order. */
  readonly messages: readonly ChatMessage[];
  /** The customer is writing. */
  readonly typing?: TypingIndicator;
  /** Customer messages the agent has not seen. */
  readonly unread: number;
  /** The agent's message on its way. */
  readonly sending?: OutgoingMessage;
  /** The agent's last message that could not be sent: its text, kept, and why. */
  readonly failed?: { readonly message: OutgoingMessage; readonly error: CcError };
}

export interface Conversations {
  /** Whether the backend can send messages at all. */
  readonly canSend: boolean;
  /** Every conversation, by task id. Replays the current value. */
  readonly all$: Observable<ReadonlyMap<string, Conversation>>;
  /** Each new message as it arrives (no replay): what the bridge tells its subscribers. */
  readonly added$: Observable<ChatMessage>;
  get(taskId: string): Conversation | undefined;
  /**
   * Send the agent's message. Refused (rejecting with a CcError, nothing sent) when the task has
   * no live conversation, the text is empty or too long, or another message is still on its way;
   * a failure keeps the message on the conversation (`failed`) and rejects with the CcError.
   */
  send(taskId: string, message: OutgoingMessage): Promise<void>;
  /** An element shows the task's conversation until the returned function is called. */
  show(taskId: string): () => void;
}

const EMPTY = (taskId: string): Conversation => ({ taskId, messages: [], unread: 0 });

/** What a send may wait for: the store's scheduler, and how long before it fails with TIMEOUT. */
export interface SendTiming {
  readonly timers: { schedule(work: () => void, delay: number): Unsubscribable };
  readonly timeoutMs: number;
}

export class ConversationStore implements Conversations {
  readonly canSend: boolean;
  readonly #all = new BehaviorSubject<ReadonlyMap<string, Conversation>>(new Map());
  readonly #added = new Subject<ChatMessage>();
  readonly all$: Observable<ReadonlyMap<string, Conversation>> = this.#all.asObservable();
  readonly added$: Observable<ChatMessage> = this.#added.asObservable();

  readonly #state: StoreState;
  readonly #backend: ContactCenter;
  readonly #timing: SendTiming | undefined;
  /** The listed tasks this store has seen arrive (and asked the backend's transcript of). */
  readonly #seen = new Set<string>();
  /** How many elements show each task's conversation. */
  readonly #shown = new Map<string, number>();
  #selected: string | undefined;
  readonly #subscriptions: Subscription[] = [];
  #stopped = false;

  /** Conversations on `backend`, following `state`'s task list; `timing` bounds a send's wait. */
  constructor(state: StoreState, backend: ContactCenter, timing?: SendTiming) {
    this.#state = state;
    this.#backend = backend;
    this.#timing = timing;
    this.canSend = typeof backend.sendMessage === 'function';
    if (backend.messages$) this.#subscriptions.push(backend.messages$.subscribe((event) => this.#onEvent(event)));
    this.#subscriptions.push(
      state.taskChanges$.subscribe((task) => this.#onTaskChanged(task)),
      state.selectedTask$.subscribe((task) => {
        this.#selected = task?.id;
        this.#markRead();
      }),
    );
  }

  get(taskId: string): Conversation | undefined {
    return this.#all.value.get(taskId);
  }

  /** The store stopped: all$ and added$ complete; nothing changes any more. */
  stop(): void {
    this.#stopped = true;
    for (const s of this.#subscriptions) s.unsubscribe();
    this.#all.complete();
    this.#added.complete();
  }

  #read(id: string): boolean {
    return id === this.#selected && (this.#shown.get(id) ?? 0) > 0;
  }

  /** Replace conversations (undefined removes) and publish them. */
  #put(...changes: [string, Conversation | undefined][]): void {
    const next = new Map(this.#all.value);
    for (const [id, c] of changes) if (c) next.set(id, c); else next.delete(id);
    this.#all.next(next);
  }

  #change(id: string, update: (c: Conversation) => Conversation): void {
    this.#put([id, update(this.get(id) ?? EMPTY(id))]);
  }

  #add(message: ChatMessage): void {
    const before = this.get(message.interactionId) ?? EMPTY(message.interactionId);
    const messages = addMessage(before.messages, message);
    if (messages === before.messages) return;
    const customer = message.from === 'customer';
    this.#put([message.interactionId, {
      ...before,
      messages,
      typing: customer ? undefined : before.typing,
      unread: before.unread + (customer && !this.#read(message.interactionId) ? 1 : 0),
    }]);
    this.#added.next(message);
  }

  #onEvent(event: ConversationEvent): void {
    if (this.#stopped || !event) return;
    if (event.type === 'message') {
      const message = toChatMessage(event.message);
      if (message) this.#add(message);
    } else if (event.type === 'typing') {
      const typing = toTypingIndicator(event.typing);
      if (typing?.from === 'customer') this.#change(typing.interactionId, (c) => ({ ...c, typing: typing.typing ? typing : undefined }));
    }
  }

  /** A task changed: one new to the list may bring its story so far; one that left takes its conversation. */
  #onTaskChanged({ id, media }: Task): void {
    const seen = this.#seen;
    if (!this.#state.list.get(id)) {
      if (seen.delete(id) && this.get(id)) this.#put([id, undefined]);
      return;
    }
    if (seen.has(id)) return;
    seen.add(id);
    if (!hasConversation(media) || !this.#backend.transcript) return;
    this.#backend.transcript(id).then(
      (history) => {
        if (this.#stopped || !Array.isArray(history)) return;
        for (const raw of history as unknown[]) {
          const message = toChatMessage(raw);
          if (message?.interactionId === id) this.#add(message);
        }
      },
      () => undefined,
    );
  }

  /** Mark the selected, shown conversation read. */
  #markRead(): void {
    const c = this.#selected === undefined ? undefined : this.get(this.#selected);
    if (c?.unread && this.#read(c.taskId)) this.#put([c.taskId, { ...c, unread: 0 }]);
  }

  #refusal(code: ErrorCode, message: string, taskId: string): CcError {
    return { code, command: 'sendMessage', message: `Send refused: ${message}`, taskId, at: this.#state.now() };
  }

  send(taskId: string, input: OutgoingMessage): Promise<void> {
    const backend = this.#backend;
    const task = this.#state.list.get(taskId);
    const problem = messageProblem(input);
    const refused =
      this.#stopped || !backend.sendMessage
        ? this.#refusal('INVALID_STATE', 'this contact center has no conversations', taskId)
        : !task || !hasConversation(task.media)
          ? this.#refusal('NOT_FOUND', `no live chat, social or email task ${JSON.stringify(String(taskId))}`, taskId)
          : problem
            ? this.#refusal('INVALID_PARAMETERS', problem, taskId)
            : !LIVE.has(task.state)
              ? this.#refusal('INVALID_STATE', `messages cannot be sent while the task is ${task.state}`, taskId)
              : this.get(taskId)?.sending
                ? this.#refusal('INVALID_STATE', 'a message is still being sent', taskId)
                : undefined;
    if (refused) return Promise.reject(refused);
    const message: OutgoingMessage = input.subject === undefined ? { text: input.text } : { text: input.text, subject: input.subject };
    this.#change(taskId, (c) => ({ ...c, sending: message, failed: undefined }));
    const settle = (failed?: Conversation['failed']) => {
      if (!this.#stopped && this.get(taskId)) this.#change(taskId, (c) => ({ ...c, sending: undefined, failed }));
    };
    const timing = this.#timing;
    return new Promise<void>((resolve, reject) => {
      const fail = (code: ErrorCode, reason: string): void => {
        const error: CcError = { code, command: 'sendMessage', message: `Send failed: ${reason}`, taskId, at: this.#state.now() };
        settle({ message, error });
        reject(error);
      };
      // No answer in time: the text goes back to the agent (a late success still lands below).
      let timedOut = false;
      const timer = timing?.timers.schedule(() => {
        timedOut = true;
        fail('TIMEOUT', `no answer from the contact center in ${Math.round(timing.timeoutMs / 1000)} s`);
      }, timing.timeoutMs);
      new Promise<ChatMessage>((ok) => ok(backend.sendMessage!(taskId, message))).then(
        (sent) => {
          timer?.unsubscribe();
          const checked = toChatMessage(sent);
          settle();
          if (checked && !this.#stopped) this.#add(checked);
          resolve();
        },
        (cause: unknown) => {
          timer?.unsubscribe();
          if (timedOut) return;
          const { code, reason } = rejection(cause);
          fail(code, reason);
        },
      );
    });
  }

  show(taskId: string): () => void {
    const shown = this.#shown;
    shown.set(taskId, (shown.get(taskId) ?? 0) + 1);
    this.#markRead();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const n = (shown.get(taskId) ?? 1) - 1;
      if (n > 0) shown.set(taskId, n);
      else shown.delete(taskId);
    };
  }
}
