/**
 * What the simulated contact center knows about one task: the interaction itself (mutated in
 * place as things happen, deep-copied into every event) plus the little the interaction does not
 * say (the consult in progress, mute, which side of a consult this agent is on).
 * @module
 */
import type { DestinationType } from '../../model/domain.js';
import type {
  Interaction,
  InteractionMedia,
  InteractionParticipant,
  MediaChannel,
} from '../../model/seed-types.js';

/** The `interaction.state` values the simulator sends (and the model rehydrates from). */
export type InteractionState = 'new' | 'consult' | 'connected' | 'hold' | 'consulting' | 'conference' | 'wrapUp';

/** A consult this agent started. */
export interface SimConsult {
  legId: string;
  destinationType: DestinationType;
  /** What the agent asked for (agent id, queue id, number). */
  to: string;
  /** Who is on the consult leg: the agent id (a queue's agent once one accepts), or the number. */
  destId: string;
  destName: string;
  accepted: boolean;
  /** Whether the customer was on hold before the consult (restored when the consult fails). */
  mainHeldBefore: boolean;
}

export interface SimTask {
  readonly id: string;
  readonly media: MediaChannel;
  readonly interaction: Interaction;
  readonly customerId: string;
  /** 'secondary' while this agent is the consulted one. */
  role: 'primary' | 'secondary';
  /** For a secondary: the agent who consults us. */
  primary?: { agentId: string; agentName: string };
  muted: boolean;
  consult?: SimConsult;
  ronaTimeoutSeconds: number;
}

export const isVoice = (task: SimTask): boolean => task.media === 'telephony';
export const stateOf = (task: SimTask): InteractionState => task.interaction.state as InteractionState;
export const setState = (task: SimTask, state: InteractionState): void => {
  task.interaction.state = state;
};

/** The customer's leg (keyed by the interaction id). */
export const mainLeg = (task: SimTask): InteractionMedia => task.interaction.media[task.id];
export const consultLeg = (task: SimTask): InteractionMedia | undefined =>
  task.consult ? task.interaction.media[task.consult.legId] : undefined;

export function setHold(leg: InteractionMedia, hold: boolean, now: number): void {
  leg.isHold = hold;
  leg.holdTimestamp = hold ? now : null;
}

/** Create or update a participant entry. */
export function upsertParticipant(
  task: SimTask,
  id: string,
  fields: Partial<InteractionParticipant> & Pick<InteractionParticipant, 'pType'>,
  now: number,
): InteractionParticipant {
  const current = task.interaction.participants[id];
  const next: InteractionParticipant = { ...(current ?? { id, type: fields.pType, hasJoined: false, hasLeft: false }), ...fields, lastUpdated: now };
  task.interaction.participants[id] = next;
  return next;
}

/** Add a media leg. */
export function addLeg(task: SimTask, legId: string, mType: string, participants: string[]): InteractionMedia {
  const main = mainLeg(task);
  const leg: InteractionMedia = {
    holdTimestamp: null,
    isHold: false,
    mType,
    mediaMgr: main.mediaMgr,
    mediaResourceId: legId,
    mediaType: task.media,
    participants,
  };
  task.interaction.media[legId] = leg;
  return leg;
}

export function removeLeg(task: SimTask, legId: string): void {
  delete task.interaction.media[legId];
}
