/** Strings of the agent elements: `<cc-provider>`, `<cc-agent-state>`, `<cc-outdial>`. */
export default {
  'outdial.invalid.EMPTY': 'Enter a number to dial.',
  'outdial.invalid.INVALID_CHARACTERS': 'Use digits, a leading +, * and # only.',
  'outdial.invalid.TOO_LONG': 'That number is too long (at most 20 digits).',
  'outdial.invalid.NOT_IN_DIAL_PLAN': 'Your dial plan does not allow this number.',
} as const;

/**
 * The sentences of this part that are written in English where they are used (`t('…')`):
 * each is its own message id, so English needs no table for them. Type only — no bytes in
 * the bundle; the other languages must translate every one.
 */
export type Sentences =
  | 'The agent desk could not start: {message}'
  | 'The host-page connection is off: {message}'
  | 'Messages from connected applications'
  | 'Dismiss notification'
  | 'Show'
  | 'Dismiss'
  | 'Close dialog'
  | 'Agent state'
  | 'Idle'
  | 'Time in state'
  | 'Changing to {state}…'
  | 'You missed an offer. No new offers arrive until you are available again.'
  | 'Become available'
  | 'Outbound call'
  | 'Number to dial'
  | 'Keypad'
  | 'Delete last digit'
  | 'Caller ID'
  | 'Default caller ID'
  | '{name} ({number})'
  | 'Dial'
  | 'Dialing {number}…'
  | 'Calling {number}.'
  | 'Finish the current call before dialing out.'
  | 'Outbound calls are not enabled for your profile.'
  | 'Waiting for the contact center…';
