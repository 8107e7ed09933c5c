/**
 * Event sequences that bring task `t1` into each state, built with the fake backend's messages.
 * @module
 */
import type { TaskMessage } from '../../src/model/index.js';
import { AGENT_ID, contact, type MessageOptions } from '../fixtures/fake-backend.js';

export const ID = 't1';
/** The consult leg's media resource id. */
export const LEG = 'c1';

const consultLeg: MessageOptions = { consultLeg: LEG, destAgentId: 'agent-2', held: true };

export const offered = (options: MessageOptions = {}): TaskMessage[] => [
  contact('AgentOfferContact', ID, { interactionState: 'new', ...options }),
];
export const connected = (options: MessageOptions = {}): TaskMessage[] => [
  ...offered(options),
  contact('AgentContactAssigned', ID, options),
];
export const held = (): TaskMessage[] => [...connected(), contact('AgentContactHeld', ID, { held: true })];
export const recording = (): TaskMessage[] => connected({ recording: true });
export const paused = (): TaskMessage[] => [...recording(), contact('ContactRecordingPaused', ID, { recording: true })];
/** Consulting agent-2, who has accepted; the agent talks on the consult leg. */
export const consulting = (): TaskMessage[] => [
  ...connected(),
  contact('AgentConsultCreated', ID, consultLeg),
  contact('AgentConsulting', ID, consultLeg),
];
export const conferencing = (): TaskMessage[] => [
  ...consulting(),
  contact('AgentConsultConferenced', ID, { consultLeg: LEG, destAgentId: 'agent-2', conference: true }),
];
export const wrappingUp = (): TaskMessage[] => [
  ...connected(),
  contact('ContactEnded', ID, { agentsPendingWrapUp: [AGENT_ID] }),
];
