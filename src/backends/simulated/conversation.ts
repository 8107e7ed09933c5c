/**
 * The simulated customers of digital tasks: what they write and when. A chat, social or SMS
 * customer greets once the agent accepts (after a typing phase), reads what the agent writes,
 * types an answer (sometimes hesitating, sometimes away for a while first) and, when the agent is
 * silent too long, asks whether anyone is still there. An email arrives with the offer, subject
 * and body; its customer answers a reply much later. Every choice comes from a random generator
 * seeded by the simulator's seed and the task id, so a seed always tells the same conversation.
 * @module
 */
import type { ChatMessage, ConversationEvent, OutgoingMessage, SystemMessageKind } from '../../model/messages.js';
import type { Clock } from './clock.js';
import { Random } from './random.js';
import type { Timers } from './timers.js';
import type { SimTask } from './world.js';

/** What the conversations need of the simulator. */
export interface ConversationHost {
  readonly clock: Clock;
  readonly timers: Timers;
  /** The agent's display name (the author of the agent's messages). */
  readonly agentName: string;
  /** Deliver an event after `delay` ms (dropped while the connection is down or the task gone). */
  post(event: ConversationEvent, delay: number): void;
}

/** What a customer is writing about: an opening, answers to the agent, and an email. */
interface Topic {
  subject: string;
  opening: string;
  answers: readonly string[];
  email: string;
}

const TOPICS: readonly Topic[] = [
  {
    subject: 'Order 48213 has not arrived',
    opening: 'Hi! My order 48213 was due on Monday and it still has not arrived.',
    answers: [
      'Sure, the order number is 48213 and the postcode is 10115.',
      'Oh, the tracking says it is stuck in the depot. Can you send it again?',
      'That would be great, thank you!',
      'No, that is all. Have a nice day!',
    ],
    email:
      'Hello,\n\nI ordered a kettle (order 48213) two weeks ago. It was due on Monday and has still not arrived. Could you tell me where it is?\n\nKind regards',
  },
  {
    subject: 'Charged twice for my subscription',
    opening: 'Hello, I was charged twice for my subscription this month.',
    answers: [
      'Both charges are from the 3rd, 12.99 each.',
      'Yes, the card ends in 4421.',
      'How long does the refund take?',
      'Perfect, thanks for your help.',
    ],
    email:
      'Hi,\n\nMy bank statement shows two charges of 12.99 for my subscription on the 3rd. Please refund one of them.\n\nThanks',
  },
  {
    subject: 'Cannot log in to my account',
    opening: 'Hi, I cannot log in to my account since yesterday.',
    answers: [
      'It says "invalid password", but I have not changed it.',
      'I tried the reset link but the email never came.',
      'Got it now, I can log in again!',
      'Thanks a lot, bye!',
    ],
    email:
      'Hello support,\n\nSince yesterday I cannot log in: the site says my password is invalid and the reset email never arrives. Can you help?\n\nBest',
  },
  {
    subject: 'Change my delivery address',
    opening: 'Good morning, can I still change the delivery address of my order?',
    answers: [
      'The new address is 12 Harbour Street, Dublin.',
      'Yes, same recipient.',
      'Great. Will the delivery date change?',
      'OK, thank you very much.',
    ],
    email:
      'Good morning,\n\nI am moving next week. Could you please send my order to 12 Harbour Street, Dublin instead?\n\nMany thanks',
  },
];

/** Nudges when the agent has been silent too long. */
const NUDGES = ['Hello? Are you still there?', 'Any news?', 'Sorry, I have to go soon. Can you help?'];
/** Answers to the agent's email reply. */
const EMAIL_ANSWERS = ['Thank you for the quick answer, that solves it.', 'Thanks. One more question: will I get a confirmation?'];

/** Milliseconds a customer types per character (about 40 words a minute). */
const TYPING_MS_PER_CHAR = 60;
/** After this long without a word from the agent, a chat customer asks whether anyone is there. */
export const NUDGE_AFTER_MS = 90_000;

/** One customer's side of a conversation. */
interface Talk {
  readonly task: SimTask;
  readonly rng: Random;
  readonly topic: Topic;
  readonly customer: string;
  readonly transcript: ChatMessage[];
  /** The next answer to give. */
  step: number;
  /** The message the customer is about to write (reading, or typing). */
  pending?: string;
  /** Whether the customer is shown typing. */
  typing: boolean;
  nudges: number;
  seq: number;
}

const key = (task: SimTask, what: string): string => `${task.id}:conversation-${what}`;

/** The customers of the simulator's digital tasks. */
export class SimConversations {
  private readonly talks = new Map<string, Talk>();

  constructor(
    private readonly host: ConversationHost,
    private readonly seed: number | string,
  ) {}

  /** A new digital task is offered: an email arrives with its subject and body. */
  offered(task: SimTask): void {
    if (task.media === 'telephony') return;
    const talk = this.talk(task);
    if (task.media === 'email') this.write(talk, 'customer', talk.topic.email, 0, talk.topic.subject);
  }

  /** The agent accepted: the chat opens and the customer greets (an email just waits for a reply). */
  accepted(task: SimTask, latency: number): void {
    if (task.media === 'telephony' || task.media === 'email') return;
    const talk = this.talk(task);
    this.write(talk, 'system', `${talk.customer} joined the conversation`, latency, undefined, 'customer-joined');
    this.customerWrites(talk, talk.topic.opening, latency + talk.rng.between(800, 2500));
  }

  /**
   * The agent writes: the message as the contact center keeps it (delivered after `latency`),
   * and the customer's answer scheduled. Throws when the task has no conversation.
   */
  agentWrites(task: SimTask, message: OutgoingMessage, latency: number): ChatMessage {
    const talk = this.talk(task);
    const sent = this.write(talk, 'agent', message.text, latency, task.media === 'email' ? message.subject : undefined);
    this.host.timers.clear(key(task, 'nudge'));
    if (task.media === 'email') {
      // An email customer answers a reply once, minutes later.
      if (talk.step === 0) {
        talk.step = 1;
        const answer = talk.rng.pick(EMAIL_ANSWERS);
        const subject = message.subject ?? `Re: ${talk.topic.subject}`;
        this.later(talk, 'reply', () => this.write(talk, 'customer', answer, 0, subject), talk.rng.between(120_000, 300_000));
      }
      return sent;
    }
    // A customer about to write goes on with that message; otherwise the next answer, if any.
    const answer = talk.pending ?? talk.topic.answers[talk.step++];
    if (answer === undefined) return sent; // said goodbye: nothing more to say
    if (talk.typing) this.typing(talk, false); // stops to read the new message
    // Reading the agent's message; now and then the customer is away for a while first.
    const away = talk.rng.next() < 0.2;
    const reading = latency + (away ? talk.rng.between(15_000, 40_000) : talk.rng.between(1000, 4000));
    this.customerWrites(talk, answer, reading);
    return sent;
  }

  /** The customer writes `text` at once (the control API: tests and the demo). */
  say(task: SimTask, text: string): void {
    this.write(this.talk(task), 'customer', text, 0);
  }

  /** The customer left (hung up): the conversation says so. */
  left(task: SimTask): void {
    const talk = this.talks.get(task.id);
    if (talk && task.media !== 'email') this.write(talk, 'system', `${talk.customer} left the conversation`, 0, undefined, 'customer-left');
  }

  /** The transcript the contact center holds for a task (copies). */
  transcript(taskId: string): ChatMessage[] {
    return [...(this.talks.get(taskId)?.transcript ?? [])];
  }

  /** The task is gone: forget its conversation (its timers went with the task's). */
  forget(taskId: string): void {
    this.talks.delete(taskId);
  }

  clear(): void {
    this.talks.clear();
  }

  // ── internals ───────────────────────────────────────────────────────────────────────

  private talk(task: SimTask): Talk {
    let talk = this.talks.get(task.id);
    if (!talk) {
      const rng = new Random(`${String(this.seed)}:${task.id}`);
      const customer = task.interaction.callProcessingDetails.customerName || task.customerId;
      talk = { task, rng, topic: rng.pick(TOPICS), customer, transcript: [], step: 0, nudges: 0, seq: 0, typing: false };
      this.talks.set(task.id, talk);
    }
    return talk;
  }

  /** After `readingMs`, the customer types `text` (sometimes pausing halfway), then sends it. */
  private customerWrites(talk: Talk, text: string, readingMs: number): void {
    talk.pending = text;
    const typingMs = Math.min(8000, Math.max(1500, text.length * TYPING_MS_PER_CHAR));
    const hesitates = talk.rng.next() < 0.25;
    this.later(talk, 'reply', () => {
      this.typing(talk, true);
      if (!hesitates) return this.later(talk, 'reply', () => this.send(talk, text), typingMs);
      // Types, stops to think, types again.
      this.later(talk, 'reply', () => {
        this.typing(talk, false);
        this.later(talk, 'reply', () => {
          this.typing(talk, true);
          this.later(talk, 'reply', () => this.send(talk, text), typingMs / 2);
        }, talk.rng.between(2000, 5000));
      }, typingMs / 2);
    }, readingMs);
  }

  /** The customer's message goes out; the customer then waits for the agent (and nudges). */
  private send(talk: Talk, text: string): void {
    talk.pending = undefined;
    if (talk.typing) this.typing(talk, false);
    this.write(talk, 'customer', text, 0);
    const nudge = NUDGES[talk.nudges];
    if (nudge === undefined) return;
    this.later(talk, 'nudge', () => {
      talk.nudges += 1;
      this.send(talk, nudge);
    }, NUDGE_AFTER_MS);
  }

  private typing(talk: Talk, typing: boolean): void {
    talk.typing = typing;
    const at = this.host.clock.now();
    this.host.post({ type: 'typing', typing: { interactionId: talk.task.id, from: 'customer', author: talk.customer, typing, at } }, 0);
  }

  private write(talk: Talk, from: ChatMessage['from'], text: string, delay: number, subject?: string, kind?: SystemMessageKind): ChatMessage {
    const author = from === 'customer' ? talk.customer : from === 'agent' ? this.host.agentName : '';
    const message: ChatMessage = {
      id: `${talk.task.id}:m${++talk.seq}`,
      interactionId: talk.task.id,
      from,
      author,
      text,
      at: this.host.clock.now() + delay,
      ...(subject !== undefined ? { subject } : {}),
      ...(kind ? { kind } : {}),
    };
    talk.transcript.push(message);
    this.host.post({ type: 'message', message }, delay);
    return message;
  }

  /** A timer of this task's conversation (a newer one of the same name replaces it). */
  private later(talk: Talk, what: string, fn: () => void, ms: number): void {
    this.host.timers.set(key(talk.task, what), fn, ms);
  }
}
