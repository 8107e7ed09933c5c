/**
 * Strings of the controls elements: `<cc-call-controls>`, `<cc-consult-picker>`, `<cc-wrapup-form>`.
 * `{name}`-style placeholders are filled with customer or directory data as plain text.
 */
export default {
  'callControls.hold': 'Hold',
  'callControls.resume': 'Resume',
  'callControls.toggleMute': 'Mute',
  'callControls.pauseRecording': 'Pause recording',
  'callControls.resumeRecording': 'Resume recording',
  'callControls.consult': 'Consult',
  'callControls.transfer': 'Transfer',
  'callControls.endConsult': 'End consult',
  'callControls.consultTransfer': 'Complete transfer',
  'callControls.consultConference': 'Merge to conference',
  'callControls.exitConference': 'Leave conference',
  'callControls.end': 'End',
  'callControls.consult.CONSULT_INITIATED': 'Calling {name}…',
  'callControls.consult.CONSULT_ACCEPTED': 'Consulting with {name}',
  'callControls.consult.BEING_CONSULTED': 'Consult request from {name}',
  'callControls.consult.BEING_CONSULTED_ACCEPTED': 'Being consulted by {name}',
  'callControls.consult.CONNECTED': 'Connected with {name}',
  'callControls.consult.CONFERENCE': 'In conference with {name}',
  'callControls.consult.CONSULT_COMPLETED': 'Consult with {name} completed',
  'callControls.leg.main': 'Talking to the customer; {name} is on hold.',
  'callControls.leg.consult': 'Talking to {name}; the customer is on hold.',
  'callControls.pickerLabel.consult': 'Consult destination',
  'callControls.pickerLabel.transfer': 'Transfer destination',

  'consultPicker.title.consult': 'Consult',
  'consultPicker.title.transfer': 'Transfer',
  'consultPicker.kind.agent': 'Agents',
  'consultPicker.kind.queue': 'Queues',
  'consultPicker.kind.entryPoint': 'Entry points',
  'consultPicker.kind.dialNumber': 'Dial number',
  'consultPicker.dial.submit.consult': 'Consult number',
  'consultPicker.dial.submit.transfer': 'Transfer to number',
  'consultPicker.dial.EMPTY': 'Enter a number.',
  'consultPicker.dial.INVALID_CHARACTERS': 'Use only digits, a leading +, * and #.',
  'consultPicker.dial.TOO_LONG': 'The number is too long (at most 20 digits).',
  'consultPicker.dial.NOT_IN_DIAL_PLAN': 'Your dial plan does not allow this number.',
  'consultPicker.unavailable.consult': 'Consulting is not possible for this task right now.',
  'consultPicker.unavailable.transfer': 'Transferring is not possible for this task right now.',
  'consultPicker.done.consult': 'Consult requested: {name}.',
  'consultPicker.done.transfer': 'Transfer requested: {name}.',
  // Keyed: the same English as the task details' "Number", translated differently.
  'consultPicker.dial.label': 'Number',
} as const;

/**
 * The sentences of this part that are written in English where they are used (`t('…')`):
 * each is its own message id, so English needs no table for them. Type only — no bytes in
 * the bundle; the other languages must translate every one.
 */
export type Sentences =
  | 'Task controls'
  | 'Talk to customer'
  | 'Talk to {name}'
  | 'Microphone muted'
  | 'Recording paused'
  | '{count} agents in the conference'
  | 'Destination type'
  | 'Filter'
  | 'Type to narrow the list; press the down arrow to move into it.'
  | 'Loading destinations…'
  | 'Could not load the destinations.'
  | 'No destinations.'
  | 'Nothing matches “{filter}”.'
  | '{count} destinations'
  | '1 destination'
  | '{state} · {team}'
  | 'Wrap-up code'
  | 'Choose a code'
  | 'Choose a wrap-up code.'
  | 'Submit wrap-up'
  | 'Automatic wrap-up in {time}'
  | 'Wrapping up automatically…'
  | 'Cancel countdown'
  | 'Countdown hidden. The contact center may still wrap up this task automatically with the default code.'
  | 'Automatic wrap-up cancelled. Choose a code and submit when you are ready.'
  | 'The automatic wrap-up could not be cancelled. Choose a code and submit, or it wraps up with the default code.'
  | 'Wrap-up is blocked by your application:'
  | 'Wrap-up submitted.';
