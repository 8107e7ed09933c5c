/** Strings of `<cc-conversation>`. */
export default {
  'conversation.customer-joined': '{name} joined the conversation',
  'conversation.customer-left': '{name} left the conversation',
  'conversation.agent-joined': '{name} joined the conversation',
} as const;

/**
 * The sentences of this part that are written in English where they are used (`t('…')`).
 * Type only; the other languages must translate every one.
 */
export type Sentences =
  | 'Conversation with {customer}'
  | 'Calls have no written conversation: chats, emails and social messages show theirs here.'
  | 'No messages yet.'
  | '{name} is typing…'
  | 'New message from {name}: {text}'
  | 'Reply'
  | 'Send'
  | 'Sending…'
  | 'Subject'
  | 'From {name}'
  | 'Reply to {name}'
  | 'Enter sends, Shift+Enter starts a new line.'
  | 'Ctrl+Enter sends.'
  | 'Accept the task to reply.'
  | 'The conversation has ended.'
  | 'Your text is kept.'
  | 'Write a message first.'
  | 'You'
  | 'the customer'
  | '{count} unread messages';
