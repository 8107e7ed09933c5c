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

/** Remove the consult leg; the consulted party leaves unless `keep` (transfer, conference). */
export function dropConsult(task: SimTask, agentId: string, now: number, keep = false): void {
  const consult = task.consult;
  if (!consult) return;
  removeLeg(task, consult.legId);
  const dest = task.interaction.participants[consult.destId];
  if (dest && !keep) {
    if (dest.hasJoined) upsertParticipant(task, consult.destId, { pType: dest.pType, hasLeft: true, consultState: 'consultCompleted' }, now);
    else delete task.interaction.participants[consult.destId];
  }
  upsertParticipant(task, agentId, { pType: 'Agent', consultState: undefined }, now);
  const cpd = task.interaction.callProcessingDetails;
  cpd.ctqInProgress = false;
  delete cpd.consultDestinationAgentName;
  delete cpd.consultDestinationAgentJoined;
  task.consult = undefined;
}

/** Agent `agentId` leaves the call; `newOwner` (if any) keeps it. */
export function leave(task: SimTask, agentId: string, newOwner: string, now: number): void {
  const main = mainLeg(task);
  main.participants = main.participants.filter((p) => p !== agentId);
  if (newOwner && !main.participants.includes(newOwner)) main.participants = [...main.participants, newOwner];
  setHold(main, false, now);
  upsertParticipant(task, agentId, { pType: 'Agent', hasLeft: true }, now);
  if (newOwner) task.interaction.owner = newOwner;
}

/** Agents (and dialled parties) on the call. */
export const partiesIn = (task: SimTask): InteractionParticipant[] =>
  Object.values(task.interaction.participants).filter(
    (p) => (p.pType === 'Agent' || p.pType === 'DN') && p.hasJoined && !p.hasLeft,
  );

export interface Party {
  agentId: string;
  agentName: string;
  teamName: string;
}

/**
 * Turn a new inbound task into a consult offered to `me` by `primary`, who holds the customer and
 * calls us on a consult leg.
 */
export function offeredAsConsult(task: SimTask, primary: Party, me: Party, legId: string, now: number): void {
  task.role = 'secondary';
  task.primary = { agentId: primary.agentId, agentName: primary.agentName };
  task.consult = {
    legId,
    destinationType: 'agent',
    to: me.agentId,
    destId: me.agentId,
    destName: me.agentName,
    accepted: false,
    mainHeldBefore: false,
  };
  const main = mainLeg(task);
  main.participants = [...main.participants, primary.agentId];
  if (isVoice(task)) setHold(main, true, now);
  addLeg(task, legId, 'consult', [primary.agentId]);
  const { agentId, agentName, teamName } = primary;
  upsertParticipant(task, agentId, { pType: 'Agent', name: agentName, teamName, hasJoined: true, joinTimestamp: now, consultState: 'consultInitiated' }, now);
  upsertParticipant(task, me.agentId, { pType: 'Agent', consultState: 'consultReceived' }, now);
  Object.assign(task.interaction.callProcessingDetails, {
    consultDestinationAgentName: me.agentName,
    consultDestinationAgentJoined: false,
    parent_Agent_Name: primary.agentName,
    parent_Agent_TeamName: primary.teamName,
  });
  setState(task, 'consult');
}
