/**
 * Strings of the desk as a whole: what failed and what to do (every command, every error code),
 * why a control is disabled, why a contact ended, the agent state while handling tasks.
 */
export default {
  'failed.accept': 'The task could not be accepted.',
  'failed.decline': 'The task could not be declined.',
  'failed.hold': 'The call could not be put on hold.',
  'failed.resume': 'The call could not be taken off hold.',
  'failed.toggleMute': 'The microphone could not be muted or unmuted.',
  'failed.pauseRecording': 'The recording could not be paused.',
  'failed.resumeRecording': 'The recording could not be resumed.',
  'failed.consult': 'The consult could not be started.',
  'failed.endConsult': 'The consult could not be ended.',
  'failed.consultTransfer': 'The transfer could not be completed.',
  'failed.consultConference': 'The conference could not be started.',
  'failed.exitConference': 'You could not leave the conference.',
  'failed.switchLeg': 'The call could not be switched.',
  'failed.transfer': 'The task could not be transferred.',
  'failed.end': 'The task could not be ended.',
  'failed.wrapup': 'The wrap-up could not be submitted.',
  'failed.setUserData': 'The value could not be saved.',
  'failed.deleteUserData': 'The value could not be deleted.',
  'failed.setAgentState': 'Your state could not be changed.',
  'failed.outdial': 'The call could not be placed.',
  'failed.connect': 'The desk could not reach the contact center.',
  'failed.directory': 'The destinations could not be loaded.',
  'failed.sendMessage': 'The message could not be sent.',
  'fix.BACKEND_ERROR': 'Try again; if it keeps failing, tell your supervisor.',
  'fix.INVALID_STATE': 'The task changed meanwhile; check it and try again.',
  'fix.NOT_FOUND': 'The task is no longer there.',
  'fix.INVALID_PARAMETERS': 'Check what you entered and try again.',
  'fix.TIMEOUT': 'The contact center did not confirm in time; check the task before you try again.',
  'fix.CONNECTION': 'The connection is down; try again once it is back.',
  'fix.FORBIDDEN': 'Your profile does not allow this; ask your supervisor.',
  'fix.MARKDONE_BLOCKED': 'Do what your application asks, then submit again.',
  'fix.NOT_SUPPORTED': 'This contact center does not offer that.',
  'said.MARKDONE_BLOCKED': 'Your application says: “{reason}”.',
  'said.other': 'The contact center said: “{reason}”.',
  'reason.pending': 'Waiting for the contact center to confirm the last action.',
  'reason.offer': 'Accept the task first.',
  'reason.ended': 'The contact has ended.',
  'reason.held': 'Resume the call first.',
  'reason.consulting': 'Finish the consult first.',
  'reason.conference': 'Not available in a conference.',
  'reason.consultWaiting': 'Wait until your colleague answers.',
  'reason.conferenceFull': 'The conference is full.',
  'reason.secondary': 'Only the agent who started the consult can do this.',
  'reason.notRecorded': 'This call is not being recorded.',
  'reason.phoneMute': 'Mute on your phone: with this login your calls are on the phone.',
  'reason.notNow': 'Not available for this task right now.',
  'ending.customerHungUp': 'Customer hung up',
  'ending.customerLeft': 'Customer left',
  'ending.youEnded': 'You ended the contact',
  'ending.transferred': 'Transferred',
  'ending.conferenceLeft': 'You left the conference',
  'agent.WrapUp': 'Wrap-up',
} as const;

/**
 * The sentences of this part that are written in English where they are used (`t('…')`).
 * Type only — no bytes in the bundle; the other languages must translate every one.
 */
export type Sentences =
  | 'Wrap-up notes'
  | 'Saved with the wrap-up (not a task data field).'
  | 'Finish: {media} with {name}'
  | 'Waiting: {count}'
  | 'Agents available: {count}'
  | 'Connection'
  | '{state} for {time}'
  | 'Consult controls';
