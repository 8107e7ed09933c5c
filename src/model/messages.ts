/**
 * Conversations of digital tasks (chat, social, SMS, email): the messages of a transcript, the
 * typing indicator, and the pure rules around them — what a backend may send (checked, never
 * trusted), where a message goes in a transcript, what an agent may send, how a reply to an email
 * is addressed. Pure: no state, no clock.
 * @module
 */
import type { MediaChannel } from './seed-types.js';

/** Who wrote a message: the customer, an agent (this one or a colleague), or the contact center. */
export type MessageSender = 'customer' | 'agent' | 'system';

/** Messages the contact center writes itself; the elements translate these by kind. */
export type SystemMessageKind = 'customer-joined' | 'customer-left' | 'agent-joined';

/** One message of a conversation. All text is data: it is rendered as text, never as markup. */
export interface ChatMessage {
  /** Unique within the interaction; a repeat of a known id is ignored. */
  readonly id: string;
  readonly interactionId: string;
  readonly from: MessageSender;
  /** The author's display name (the customer's, the agent's; empty for the system). */
  readonly author: string;
  /** The message, or for an email its body. Plain text. */
  readonly text: string;
  /** When it was written (ms since epoch). */
  readonly at: number;
  /** An email's subject. */
  readonly subject?: string;
  /** A system message's kind, when it is one the elements can word themselves. */
  readonly kind?: SystemMessageKind;
}

/** The other side is (or stopped) writing. */
export interface TypingIndicator {
  readonly interactionId: string;
  readonly from: 'customer' | 'agent';
  readonly author: string;
  readonly typing: boolean;
  readonly at: number;
}

/** What a backend's message stream carries. */
export type ConversationEvent =
  | { readonly type: 'message'; readonly message: ChatMessage }
  | { readonly type: 'typing'; readonly typing: TypingIndicator };

/** What an agent sends: text, and for an email the subject. */
export interface OutgoingMessage {
  text: string;
  subject?: string;
}

/** The longest message an agent may send (characters). */
export const MAX_MESSAGE_LENGTH = 4000;
/** The longest text kept from a backend message (characters); the rest is cut. */
export const MAX_INCOMING_LENGTH = 20_000;
const MAX_SUBJECT_LENGTH = 300;

const SENDERS: ReadonlySet<string> = new Set<MessageSender>(['customer', 'agent', 'system']);
const KINDS: ReadonlySet<string> = new Set<SystemMessageKind>(['customer-joined', 'customer-left', 'agent-joined']);

/** Whether tasks of this media have a conversation (every media but voice). */
export const hasConversation = (media: MediaChannel | undefined): boolean =>
  media === 'chat' || media === 'email' || media === 'social';

const text = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' ? value.slice(0, max) : undefined;

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value !== '';

/**
 * A backend message, checked: the message, or undefined when it is not one (missing ids, an
 * unknown sender, text that is not a string, a time that is not a finite number). Long text is
 * cut at MAX_INCOMING_LENGTH; unknown fields are dropped.
 */
export function toChatMessage(raw: unknown): ChatMessage | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  const body = text(m.text, MAX_INCOMING_LENGTH);
  if (!nonEmpty(m.id) || !nonEmpty(m.interactionId) || !SENDERS.has(m.from as string) || body === undefined) return undefined;
  if (typeof m.at !== 'number' || !Number.isFinite(m.at)) return undefined;
  const subject = text(m.subject, MAX_SUBJECT_LENGTH);
  const kind = m.from === 'system' && KINDS.has(m.kind as string) ? (m.kind as SystemMessageKind) : undefined;
  return {
    id: m.id,
    interactionId: m.interactionId,
    from: m.from as MessageSender,
    author: text(m.author, 200) ?? '',
    text: body,
    at: m.at,
    ...(subject !== undefined ? { subject } : {}),
    ...(kind ? { kind } : {}),
  };
}

/** A backend typing indicator, checked (undefined when it is not one). */
export function toTypingIndicator(raw: unknown): TypingIndicator | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const t = raw as Record<string, unknown>;
  if (!nonEmpty(t.interactionId) || (t.from !== 'customer' && t.from !== 'agent') || typeof t.typing !== 'boolean') return undefined;
  if (typeof t.at !== 'number' || !Number.isFinite(t.at)) return undefined;
  return { interactionId: t.interactionId, from: t.from, author: text(t.author, 200) ?? '', typing: t.typing, at: t.at };
}

/**
 * The transcript with `message` in its place: in time order (a message written at the same time
 * as others goes after them), a known id ignored. Answers the same array when nothing changed.
 */
export function addMessage(transcript: readonly ChatMessage[], message: ChatMessage): readonly ChatMessage[] {
  if (transcript.some((m) => m.id === message.id)) return transcript;
  let i = transcript.length;
  while (i > 0 && transcript[i - 1].at > message.at) i--;
  return [...transcript.slice(0, i), message, ...transcript.slice(i)];
}

/** Why an agent cannot send this (an English reason), or undefined when it may be sent. */
export function messageProblem(message: OutgoingMessage | undefined): string | undefined {
  if (!message || typeof message.text !== 'string') return 'the message must be text';
  if (message.text.trim() === '') return 'the message is empty';
  if (message.text.length > MAX_MESSAGE_LENGTH) {
    return `the message is ${message.text.length} characters long; at most ${MAX_MESSAGE_LENGTH} can be sent`;
  }
  if (message.subject !== undefined && typeof message.subject !== 'string') return 'the subject must be text';
  if ((message.subject?.length ?? 0) > MAX_SUBJECT_LENGTH) return `the subject is longer than ${MAX_SUBJECT_LENGTH} characters`;
  return undefined;
}

/** The subject of a reply: "Re: " once in front of the original subject. */
export function replySubject(subject: string | undefined): string {
  const s = (subject ?? '').trim();
  return /^re:/i.test(s) ? s : `Re: ${s}`.trim();
}

/** The first message with a subject: the email a task is about. */
export const emailOf = (transcript: readonly ChatMessage[]): ChatMessage | undefined =>
  transcript.find((m) => m.subject !== undefined && m.from === 'customer');
