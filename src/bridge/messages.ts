/**
 * New conversation messages on the `interaction` event stream. The vendor's protocol has no
 * chat-message event; ours is the interaction as projected, with `state: "MESSAGE_ADDED"`, the
 * interaction's own state as `previousState` (as USER_DATA_UPDATED does) and the message, all
 * plain text, under `message`.
 * @module
 */
import type { ChatMessage } from '../model/messages.js';
import type { BridgeInteraction, BridgeMessage } from './protocol.js';

/** The message as subscribers receive it (only known fields; text stays text). */
export function toBridgeMessage(m: ChatMessage): BridgeMessage {
  const out: BridgeMessage = { id: m.id, from: m.from, author: m.author, text: m.text, at: m.at };
  if (m.subject !== undefined) out.subject = m.subject;
  return out;
}

/** The `interaction` event for a new message on the projected interaction `proj`. */
export const messageAdded = (proj: BridgeInteraction, m: ChatMessage): BridgeInteraction => ({
  ...proj,
  state: 'MESSAGE_ADDED',
  previousState: proj.state,
  message: toBridgeMessage(m),
});
