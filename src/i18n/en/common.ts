/** Strings every element shares: task states, media, errors, durations. */
export default {
  'media.telephony': 'Call',
  'media.chat': 'Chat',
  'media.email': 'Email',
  'media.social': 'Social',
  'state.OFFERED': 'Incoming',
  'state.OFFERED_CONSULT': 'Consult request',
  'state.CONNECTED': 'Connected',
  'state.HELD': 'On hold',
  'state.CONSULTING': 'Consulting',
  'state.CONFERENCING': 'Conference',
  'state.WRAPPING_UP': 'Wrap-up',
  'state.COMPLETED': 'Completed',
  'state.TERMINATED': 'Ended',
  'agent.Available': 'Available',
  'agent.Idle': 'Idle',
  'agent.RONA': 'Missed offer (RONA)',
  'agent.Engaged': 'Engaged',
} as const;

/**
 * The sentences of this part that are written in English where they are used (`t('…')`):
 * each is its own message id, so English needs no table for them. Type only — no bytes in
 * the bundle; the other languages must translate every one.
 */
export type Sentences =
  | 'Reconnecting to the contact center…'
  | 'Not connected to the contact center.'
  | 'Place this element inside <cc-provider>.'
  | 'No task selected.'
  | 'Unknown customer'
  | 'Retry'
  | 'Working…';
