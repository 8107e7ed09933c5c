/**
 * Types of the contact center's task payloads, field for field from the seeds
 * (`AgentContact`, `Interaction`, `TaskData`). Optional exactly where the seeds say so.
 * @module
 */

/** The media channels a task can arrive on. */
export type MediaChannel = 'telephony' | 'chat' | 'email' | 'social';

/** The websocket envelope (`Msg<T>` in the seed). */
export interface Msg<T> {
  type: string;
  orgId: string;
  trackingId: string;
  data: T;
}

/** One media leg of an interaction. */
export interface InteractionMedia {
  holdTimestamp: number | null;
  isHold: boolean;
  mType: string;
  mediaMgr: string;
  mediaResourceId: string;
  mediaType: MediaChannel;
  participants: string[];
}

/** One participant of an interaction (agent, customer, supervisor, …). */
export interface InteractionParticipant {
  id: string;
  pType: 'Agent' | 'Customer' | 'Supervisor' | 'VVA' | 'DN' | 'EpDn' | string;
  type?: string;
  name?: string;
  hasJoined?: boolean;
  hasLeft?: boolean;
  isWrapUp?: boolean;
  isWrappedUp?: boolean;
  consultState?: string;
  joinTimestamp?: number;
  lastUpdated?: number;
  teamName?: string;
  dn?: string;
}

export type InteractionParticipants = Record<string, InteractionParticipant>;

/** A flow parameter (seed: `callFlowParams`). */
export interface FlowParameter {
  name: string;
  qualifier?: string;
  description?: string;
  valueDataType?: string;
  value: string;
}

/** Detailed call-associated data (seed: `callAssociatedData`). */
export interface CallAssociatedDataEntry {
  agentEditable: boolean;
  displayName: string;
  name: string;
  type: string;
  value: string;
}
export type CallAssociatedData = Record<string, CallAssociatedDataEntry>;

/** Simplified call-associated key/value pairs (seed: `callAssociatedDetails`). */
export type CallAssociatedDetails = Record<string, string>;

export interface CallProcessingDetails {
  BLIND_TRANSFER_IN_PROGRESS?: boolean;
  CONTINUE_RECORDING_ON_TRANSFER?: string;
  EP_ID?: string;
  IvrPath: string;
  QMgrName: string;
  QueueId: string;
  ROUTING_TYPE?: string;
  ani: string;
  appUser: string;
  category: string;
  childInteractionId?: string;
  consultDestinationAgentJoined?: boolean | string;
  consultDestinationAgentName?: string;
  convIvrTranscript?: string;
  ctqInProgress?: boolean;
  customerName: string;
  customerNumber: string;
  customerRegion?: string;
  displayAni: string;
  dnis: string;
  fcDesktopView?: string;
  fceRegisteredEvents?: string;
  flowTagId?: string;
  fromAddress: string;
  isConferencing?: string;
  isParked?: string;
  isPaused?: boolean;
  mohFileName?: string;
  monitorType?: string;
  monitoringInvisibleMode?: string;
  monitoringRequestId?: string;
  monitoringState?: string;
  outdialAgentId?: string;
  outdialTransferToQueueEnabled?: boolean;
  parentInteractionId?: string;
  parent_ANI?: string;
  parent_Agent_DN?: string;
  parent_Agent_Name?: string;
  parent_Agent_TeamName?: string;
  parent_DNIS?: string;
  participantInviteTimeout?: string;
  pathId: string;
  pauseDuration?: string;
  pauseResumeEnabled?: boolean;
  priority?: string;
  reason: string;
  reasonCode: string;
  recordInProgress?: boolean;
  recordingStarted?: boolean;
  relationshipType?: string;
  ronaTimeout: string;
  routingStrategyId?: string;
  sourceNumber: string;
  sourcePage: string;
  taskToBeSelfServiced: string;
  tenantId: string;
  virtualTeamName: string;
  vteamId: string;
  workflowId?: string;
  workflowName?: string;
}

/** The interaction inside an AgentContact payload (seed 002). */
export interface Interaction {
  callAssociatedData?: CallAssociatedData;
  callAssociatedDetails?: CallAssociatedDetails;
  callFlowParams?: Record<string, FlowParameter>;
  callProcessingDetails: CallProcessingDetails;
  contactDirection: { type: string };
  createdTimestamp?: number;
  currentVTeam: string;
  flowProperties?: Record<string, unknown> | null;
  interactionId: string;
  isFcManaged: boolean;
  isMediaForked?: boolean;
  isTerminated: boolean;
  isWrapUpAssist?: boolean;
  mainInteractionId?: string;
  media: Record<string, InteractionMedia>;
  mediaChannel: string;
  mediaProperties?: Record<string, unknown> | null;
  mediaType: MediaChannel;
  orgId: string;
  outboundType?: string;
  owner: string;
  parentInteractionId?: string;
  participants: InteractionParticipants;
  previousVTeams: string[];
  queuedTimestamp?: number | null;
  state: string;
  workflowManager?: string | null;
}

/**
 * The agent contact message (seed 001): what arrives on every `Agent*` websocket event.
 * `type` is the real event name (`AgentOfferContact`, `AgentContactAssigned`, …).
 */
export interface AgentContact {
  agentId: string;
  autoResumed?: boolean;
  childInteractionId?: string;
  consultMediaResourceId: string;
  consultingAgentId?: string;
  destAgentId: string;
  destinationType?: string;
  eventTime?: number;
  eventType: string;
  fromOwner?: boolean;
  id?: string;
  interaction: Interaction;
  interactionId: string;
  isConferencing: boolean;
  isConsulted?: boolean;
  isWebCallMute?: boolean;
  mediaResourceId: string;
  monitorType?: string;
  monitoringState?: { type: string };
  orgId: string;
  owner: string;
  participantId?: string;
  queueMgr: string;
  queueName?: string;
  reason?: string;
  reasonCode?: string | number;
  reservationInteractionId?: string;
  reservedAgentChannelId?: string;
  ronaTimeout?: number;
  supervisorDN?: string;
  supervisorId?: string;
  supervisorName?: string;
  task?: Interaction;
  taskId?: string;
  toOwner?: boolean;
  trackingId: string;
  type: string;
  updatedBy?: string;
}

/** Consult status values of seed 000 (derived from the state machine). */
export type ConsultStatus =
  | 'CONSULT_INITIATED'
  | 'CONSULT_ACCEPTED'
  | 'BEING_CONSULTED'
  | 'BEING_CONSULTED_ACCEPTED'
  | 'CONNECTED'
  | 'CONFERENCE'
  | 'CONSULT_COMPLETED';

/**
 * The task payload of seed 000: the AgentContact fields plus the derived flags a UI needs.
 * The derived flags are computed by the model (`deriveFlags`), never trusted from the wire.
 */
export interface TaskData extends Omit<AgentContact, 'ronaTimeout'> {
  /** Agents who still owe a wrap-up for this task. */
  agentsPendingWrapUp?: string[];
  /** Count of conference participants (agents only); used to tell if the maximum is reached. */
  conferenceParticipantsCount?: number;
  consultStatus?: ConsultStatus;
  isAutoAnswering?: boolean;
  isConferenceInProgress?: boolean;
  isConsultInProgress?: boolean;
  isCustomerInCall?: boolean;
  isIncomingTask?: boolean;
  isOnHold?: boolean;
  isSecondaryAgent?: boolean;
  isSecondaryEpDnAgent?: boolean;
  /** Task state for multi-party conference scenarios (participant consultState mapped to task state). */
  mpcState?: string;
  ronaTimeout?: number;
  wrapUpRequired?: boolean;
}
