/**
 * The Interaction projection (seed 004): a store `Task` as the vendor's `Interaction` object.
 * Pure functions, no state: the service decides when to project and what to send.
 * @module
 */
import type { EndReason, Task, TaskState } from '../model/domain.js';
import type { MediaChannel } from '../model/seed-types.js';
import type { BridgeInteraction, Contact, InteractionMedia, InteractionState, Party } from './protocol.js';

/** What the projection needs besides the task. */
export interface ProjectionOptions {
  /** The selected task's id (the selected case). */
  selectedId?: string;
  /** User-data keys a client may read; undefined = every key. */
  readAllowed?: readonly string[];
}

/** The vendor's media name for one of ours. */
export function mediaOf(media: MediaChannel): InteractionMedia {
  return media === 'telephony' ? 'voice' : media;
}

/** IN / OUT / UNKNOWN from the interaction's `contactDirection`. */
export function directionOf(task: Task): 'IN' | 'OUT' | 'UNKNOWN' {
  const t = task.data.interaction?.contactDirection?.type?.toUpperCase() ?? '';
  if (t.startsWith('IN') && !t.startsWith('INTERNAL')) return 'IN';
  if (t.startsWith('OUT')) return 'OUT';
  return 'UNKNOWN';
}

/**
 * Maps a task state to the vendor's interaction state. Voice: RINGING (DIALING for our own
 * outbound call), TALKING, HELD, IDLE. Other media: INVITED, ACCEPTED, IDLE (wrap-up),
 * COMPLETED, TRANSFER_COMPLETED, LEFT_CONFERENCE, REVOKED (ended before it was accepted).
 */
export function interactionStateOf(
  state: TaskState,
  media: MediaChannel,
  direction: 'IN' | 'OUT' | 'UNKNOWN' = 'IN',
  endReason?: EndReason,
): InteractionState {
  if (media === 'telephony') {
    switch (state) {
      case 'OFFERED':
        return direction === 'OUT' ? 'DIALING' : 'RINGING';
      case 'OFFERED_CONSULT':
        return 'RINGING';
      case 'CONNECTED':
      case 'CONSULTING':
      case 'CONFERENCING':
        return 'TALKING';
      case 'HELD':
        return 'HELD';
      case 'WRAPPING_UP':
      case 'COMPLETED':
      case 'TERMINATED':
        return 'IDLE';
    }
  }
  switch (state) {
    case 'OFFERED':
    case 'OFFERED_CONSULT':
      return 'INVITED';
    case 'CONNECTED':
    case 'HELD':
    case 'CONSULTING':
    case 'CONFERENCING':
      return 'ACCEPTED';
    case 'WRAPPING_UP':
      return 'IDLE';
    case 'COMPLETED':
      if (endReason === 'TRANSFERRED') return 'TRANSFER_COMPLETED';
      if (endReason === 'CONFERENCE_EXITED') return 'LEFT_CONFERENCE';
      return 'COMPLETED';
    case 'TERMINATED':
      return 'REVOKED';
  }
  return 'UNKNOWN';
}

/** The task's call-associated key/values (all keys, as strings). */
export function rawUserData(task: Task): Record<string, string> {
  const i = task.data.interaction;
  const out: Record<string, string> = {};
  if (i?.callAssociatedDetails) {
    for (const [k, v] of Object.entries(i.callAssociatedDetails)) if (v !== undefined && v !== null) out[k] = String(v);
  } else if (i?.callAssociatedData) {
    for (const [k, e] of Object.entries(i.callAssociatedData)) if (e && e.value !== undefined) out[k] = String(e.value);
  }
  return out;
}

/** User data filtered by a read allow-list (undefined = every key). */
export function filterUserData(data: Record<string, string>, readAllowed?: readonly string[]): Record<string, string> {
  if (!readAllowed) return { ...data };
  const out: Record<string, string> = {};
  for (const k of readAllowed) if (Object.prototype.hasOwnProperty.call(data, k)) out[k] = data[k]!;
  return out;
}

/** Is the task a consultation offered to (or accepted by) this agent? */
export function isConsultationTask(task: Task): boolean {
  if (task.state === 'OFFERED_CONSULT' || task.previousState === 'OFFERED_CONSULT') return true;
  if (task.data.isConsulted === true && task.data.isSecondaryAgent === true) return true;
  const cs = task.data.consultStatus;
  return cs === 'BEING_CONSULTED' || cs === 'BEING_CONSULTED_ACCEPTED';
}

function partiesOf(task: Task, customerName: string): Party[] {
  const ps = task.data.interaction?.participants ?? {};
  const out: Party[] = [];
  for (const p of Object.values(ps)) {
    if (!p || p.hasLeft) continue;
    const name = p.name || (p.pType === 'Customer' ? customerName : '') || p.id;
    if (name) out.push({ name: String(name) });
  }
  return out;
}

function contactOf(displayName: string, hasName: boolean): Contact {
  if (!hasName) return { displayName, firstName: '', lastName: '' };
  const parts = displayName.trim().split(/\s+/);
  return { displayName, firstName: parts[0] ?? '', lastName: parts.slice(1).join(' ') };
}

/**
 * Projects a task to the seed's `Interaction`. Voice-only attributes (callUuid, direction,
 * callType, ani, dnis, recordingState) are present only on voice interactions.
 */
export function toInteraction(task: Task, options: ProjectionOptions = {}): BridgeInteraction {
  const i = task.data.interaction;
  const cpd = i?.callProcessingDetails;
  const media = mediaOf(task.media);
  const direction = directionOf(task);
  const isConsultation = isConsultationTask(task);
  const customerName = cpd?.customerName || '';
  const displayName = customerName || cpd?.displayAni || cpd?.ani || '';
  const selected = options.selectedId === task.id;

  const out: BridgeInteraction = {
    interactionId: task.id,
    caseId: task.id,
    userData: filterUserData(rawUserData(task), options.readAllowed),
    state: interactionStateOf(task.state, task.media, direction, task.endReason),
    parties: partiesOf(task, displayName),
    isConsultation,
    isMainCaseInteraction: !isConsultation,
    isCaseSelected: selected,
    isCaseExpanded: selected,
    interactionUUID: task.id,
    contact: contactOf(displayName, customerName !== ''),
    media,
  };
  const parent = i?.parentInteractionId || cpd?.parentInteractionId;
  if (parent) out.parentInteractionId = parent;
  if (task.previousState) {
    out.previousState = interactionStateOf(task.previousState, task.media, direction);
  }
  if (media === 'voice') {
    const callUuid = i?.media?.[task.id]?.mediaResourceId || task.id;
    out.callUuid = callUuid;
    out.interactionUUID = callUuid;
    out.direction = direction;
    const ct = i?.contactDirection?.type?.toUpperCase() ?? '';
    out.callType = isConsultation
      ? 'CONSULT'
      : ct.includes('INTERNAL')
        ? 'INTERNAL'
        : direction === 'IN'
          ? 'INBOUND'
          : direction === 'OUT'
            ? 'OUTBOUND'
            : 'UNKNOWN';
    if (cpd?.ani) out.ani = cpd.ani;
    if (cpd?.dnis) out.dnis = cpd.dnis;
    out.recordingState = task.recording;
  }
  if (task.endReason === 'RONA') {
    // RONA puts the contact back in queue (REDIRECTED) unless the contact is gone.
    out.ronaCallState = i?.isTerminated ? 'NO_ANSWER' : 'REDIRECTED';
  }
  return out;
}
