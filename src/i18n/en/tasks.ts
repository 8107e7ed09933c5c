/** Strings of the task elements: `<cc-incoming-task>`, `<cc-task-list>`, `<cc-task-details>`. */
export default {
  'incomingTask.from.telephony': 'Call from {customer}',
  'incomingTask.from.chat': 'Chat from {customer}',
  'incomingTask.from.email': 'Email from {customer}',
  'incomingTask.from.social': 'Social message from {customer}',
} as const;

/**
 * The sentences of this part that are written in English where they are used (`t('…')`):
 * each is its own message id, so English needs no table for them. Type only — no bytes in
 * the bundle; the other languages must translate every one.
 */
export type Sentences =
  | 'Incoming tasks'
  | 'Consult request from {agent}'
  | 'About {customer}'
  | 'another agent'
  | 'Queue: {queue}'
  | 'Answer within {time}'
  | 'Accept'
  | 'Decline'
  | 'Accepting…'
  | 'Declining…'
  | 'Tasks'
  | 'No tasks right now.'
  | 'Handle time {time}'
  | 'On hold {time}'
  | 'Offer actions'
  | 'Task details'
  | 'Customer'
  | 'Number'
  | 'Address'
  | 'Media'
  | 'State'
  | 'Queue'
  | 'Entry point'
  | 'Dialed number'
  | 'IVR path'
  | 'Call-associated data'
  | 'No call-associated data.'
  | 'Save'
  | 'Saving…'
  | '{key} saved.';
