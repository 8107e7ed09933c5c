/**
 * The store's conversations: the transcript of every digital task, who is typing, how many
 * customer messages the agent has not read yet, and the agent's messages being sent (or that
 * failed, their text kept). Fed by the backend's optional `messages$`, written through its
 * optional `sendMessage`; a backend without them simply has no conversations.
 *
 * A customer message counts as unread unless its task is selected and an element shows its
 * conversation (`show(taskId)`); showing the selected task's conversation reads it.
 * @module
 */
import { Observable, type Subscriber, type Subscription, type Unsubscribable } from 'rxjs';
import type { ContactCenter } from '../backends/contact-center.js';
import type { CcError, ErrorCode, Task } from '../model/domain.js';
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
import { isErrorCode } from './errors.js';

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

/** The live states a message can be sent in. */
const LIVE: ReadonlySet<string> = new Set(['CONNECTED', 'HELD', 'CONSULTING', 'CONFERENCING']);

const EMPTY = (taskId: string): Conversation => ({ taskId, messages: [], unread: 0 });

/**
 * Conversations on `backend`, following the store's task list (`list$`, completed when the
 * store stops). `now` is the store's clock; with `timing`, a send unanswered after `timeoutMs`
 * fails with TIMEOUT (its text kept).
 */
export function createConversations(
  backend: ContactCenter,
  list$: Observable<{ readonly tasks: readonly Task[]; readonly selected: Task | undefined }>,
  now: () => number,
  timing?: { timers: { schedule(work: () => void, delay: number): Unsubscribable }; timeoutMs: number },
): Conversations {
  let all: ReadonlyMap<string, Conversation> = new Map();
  let tasks: readonly Task[] = [];
  let selected: string | undefined;
  const seen = new Set<string>();
  const shown = new Map<string, number>();
  const watchers = new Set<Subscriber<ReadonlyMap<string, Conversation>>>();
  const listeners = new Set<Subscriber<ChatMessage>>();
  let stopped = false;

  const read = (id: string): boolean => id === selected && (shown.get(id) ?? 0) > 0;

  /** Replace conversations (undefined removes) and tell the watchers. */
  const put = (...changes: [string, Conversation | undefined][]): void => {
    const next = new Map(all);
    for (const [id, c] of changes) if (c) next.set(id, c); else next.delete(id);
    all = next;
    for (const w of [...watchers]) w.next(all);
  };
  const change = (id: string, update: (c: Conversation) => Conversation): void => put([id, update(all.get(id) ?? EMPTY(id))]);

  const add = (message: ChatMessage): void => {
    const before = all.get(message.interactionId) ?? EMPTY(message.interactionId);
    const messages = addMessage(before.messages, message);
    if (messages === before.messages) return;
    const customer = message.from === 'customer';
    put([message.interactionId, {
      ...before,
      messages,
      typing: customer ? undefined : before.typing,
      unread: before.unread + (customer && !read(message.interactionId) ? 1 : 0),
    }]);
    for (const l of [...listeners]) l.next(message);
  };

  const onEvent = (event: ConversationEvent): void => {
    if (stopped || !event) return;
    if (event.type === 'message') {
      const message = toChatMessage(event.message);
      if (message) add(message);
    } else if (event.type === 'typing') {
      const typing = toTypingIndicator(event.typing);
      if (typing?.from === 'customer') change(typing.interactionId, (c) => ({ ...c, typing: typing.typing ? typing : undefined }));
    }
  };

  /** Mark the selected, shown conversation read. */
  const markRead = (): void => {
    const c = selected === undefined ? undefined : all.get(selected);
    if (c?.unread && read(c.taskId)) put([c.taskId, { ...c, unread: 0 }]);
  };

  const subscriptions: Subscription[] = [];
  const stop = (): void => {
    stopped = true;
    for (const s of subscriptions) s.unsubscribe();
    for (const w of [...watchers, ...listeners]) w.complete();
    watchers.clear();
    listeners.clear();
  };

  const onList = (state: { readonly tasks: readonly Task[]; readonly selected: Task | undefined }): void => {
    tasks = state.tasks;
    selected = state.selected?.id;
    const live = new Set(tasks.map((t) => t.id));
    // A task that left the list takes its conversation with it.
    const gone = [...seen].filter((id) => !live.has(id));
    for (const id of gone) seen.delete(id);
    if (gone.length) put(...gone.map((id): [string, undefined] => [id, undefined]));
    for (const task of tasks) {
      if (seen.has(task.id)) continue;
      seen.add(task.id);
      // A task the session brought along: its story so far, where the backend keeps one.
      if (hasConversation(task.media) && backend.transcript) {
        backend.transcript(task.id).then(
          (history) => {
            if (stopped || !Array.isArray(history)) return;
            for (const raw of history as unknown[]) {
              const message = toChatMessage(raw);
              if (message?.interactionId === task.id) add(message);
            }
          },
          () => undefined,
        );
      }
    }
    markRead();
  };

  if (backend.messages$) subscriptions.push(backend.messages$.subscribe(onEvent));
  subscriptions.push(list$.subscribe({ next: onList, complete: stop }));

  const refusal = (code: ErrorCode, message: string, taskId: string): CcError => ({
    code,
    command: 'sendMessage',
    message: `Send refused: ${message}`,
    taskId,
    at: now(),
  });

  return {
    canSend: typeof backend.sendMessage === 'function',
    all$: new Observable((subscriber) => {
      if (stopped) return subscriber.complete();
      watchers.add(subscriber);
      subscriber.next(all);
      return () => watchers.delete(subscriber);
    }),
    added$: new Observable((subscriber) => {
      if (stopped) return subscriber.complete();
      listeners.add(subscriber);
      return () => listeners.delete(subscriber);
    }),
    get: (taskId) => all.get(taskId),

    send(taskId, input) {
      const task = tasks.find((t) => t.id === taskId);
      const problem = messageProblem(input);
      const refused =
        stopped || !backend.sendMessage
          ? refusal('INVALID_STATE', 'this contact center has no conversations', taskId)
          : !task || !hasConversation(task.media)
            ? refusal('NOT_FOUND', `no live chat, social or email task ${JSON.stringify(String(taskId))}`, taskId)
            : problem
              ? refusal('INVALID_PARAMETERS', problem, taskId)
              : !LIVE.has(task.state)
                ? refusal('INVALID_STATE', `messages cannot be sent while the task is ${task.state}`, taskId)
                : all.get(taskId)?.sending
                  ? refusal('INVALID_STATE', 'a message is still being sent', taskId)
                  : undefined;
      if (refused) return Promise.reject(refused);
      const message: OutgoingMessage = input.subject === undefined ? { text: input.text } : { text: input.text, subject: input.subject };
      change(taskId, (c) => ({ ...c, sending: message, failed: undefined }));
      const settle = (failed?: Conversation['failed']) => {
        if (!stopped && all.has(taskId)) change(taskId, (c) => ({ ...c, sending: undefined, failed }));
      };
      return new Promise<void>((resolve, reject) => {
        const fail = (code: ErrorCode, reason: string): void => {
          const error: CcError = { code, command: 'sendMessage', message: `Send failed: ${reason}`, taskId, at: now() };
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
            if (checked && !stopped) add(checked);
            resolve();
          },
          (cause: unknown) => {
            timer?.unsubscribe();
            if (timedOut) return;
            const c = cause as { code?: unknown; message?: unknown } | undefined;
            fail(isErrorCode(c?.code) ? c.code : 'BACKEND_ERROR', typeof c?.message === 'string' ? c.message : String(cause));
          },
        );
      });
    },

    show(taskId) {
      shown.set(taskId, (shown.get(taskId) ?? 0) + 1);
      markRead();
      let done = false;
      return () => {
        if (done) return;
        done = true;
        const n = (shown.get(taskId) ?? 1) - 1;
        if (n > 0) shown.set(taskId, n);
        else shown.delete(taskId);
      };
    },
  };
}
