/**
 * The real websocket event names (`AgentContact.type`) the task state machine is driven by,
 * and the agent-state events. Names as the Webex Contact Center websocket sends them.
 * @module
 */

export const TASK_EVENTS = [
  // offers
  'AgentOfferContact',
  'AgentOfferConsult',
  'AgentOfferContactRona',
  // assignment and hold
  'AgentContactAssigned',
  'AgentContactAssignFailed',
  'AgentContactHeld',
  'AgentContactHoldFailed',
  'AgentContactUnheld',
  'AgentContactUnHoldFailed',
  // consult
  'AgentConsultCreated',
  'AgentConsulting',
  'AgentConsultFailed',
  'AgentConsultEnded',
  'AgentConsultEndFailed',
  'AgentCtqCancelled',
  // conference
  'AgentConsultConferenced',
  'AgentConsultConferenceFailed',
  'ParticipantJoinedConference',
  'ParticipantLeftConference',
  'ParticipantLeftConferenceFailed',
  'AgentConsultConferenceEnded',
  // transfers
  'AgentConsultTransferred',
  'AgentConsultTransferFailed',
  'AgentBlindTransferred',
  'AgentBlindTransferFailedEvent',
  'AgentVteamTransferred',
  'AgentVteamTransferFailed',
  // recording
  'ContactRecordingPaused',
  'ContactRecordingPauseFailed',
  'ContactRecordingResumed',
  'ContactRecordingResumeFailed',
  // end and wrap-up
  'ContactEnded',
  'AgentContactEndFailed',
  'AgentWrapup',
  'AgentWrappedUp',
  'AgentWrapupFailed',
  // call-associated data changed (user data set or deleted)
  'ContactUpdated',
  'ContactUpdateFailed',
  // outdial
  'AgentOutboundFailed',
  // a live task as it stands, sent on (re)connection so the store can rehydrate
  'AgentContact',
] as const;

export type TaskEventName = (typeof TASK_EVENTS)[number];

export const AGENT_STATE_EVENTS = ['AgentStateChange', 'AgentStateChangeFailed'] as const;
export type AgentStateEventName = (typeof AGENT_STATE_EVENTS)[number];

const taskEventSet: ReadonlySet<string> = new Set(TASK_EVENTS);
export const isTaskEventName = (type: string): type is TaskEventName => taskEventSet.has(type);
