/**
 * Small, defensive readers of an AgentContact payload (a `TaskMessage` or a task's merged
 * `TaskData`): the media legs, who is in the call, whether wrap-up is owed, the recording and
 * RONA settings. Payloads come from the wire, so every reader tolerates missing pieces.
 * @module
 */
import type { Destination, DestinationType, RecordingState } from './domain.js';
import type {
  AgentContact,
  InteractionMedia,
  InteractionParticipant,
  MediaChannel,
} from './seed-types.js';

/** The fields of a payload these readers look at. */
export type Payload = Partial<
  Pick<AgentContact, 'interaction' | 'interactionId' | 'consultMediaResourceId' | 'owner' | 'destAgentId' | 'destinationType'>
> & {
  agentsPendingWrapUp?: string[];
  ronaTimeout?: number;
};

const MEDIA: ReadonlySet<string> = new Set<MediaChannel>(['telephony', 'chat', 'email', 'social']);

/** A plain object (not null, not an array). */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `obj` has `key` of its own (not inherited, so `toString` is never a match). */
export const hasOwn = (obj: object, key: string): boolean => Object.prototype.hasOwnProperty.call(obj, key);

/**
 * Copy without undefined values (wire payloads and optional task fields stay deep-equal comparable),
 * and without the keys in `skip`.
 */
export function defined<T extends object>(obj: T, skip?: ReadonlySet<string>): T {
  const from = obj as Record<string, unknown>;
  const keys = Object.keys(from);
  // Usually there is nothing to leave out: then one spread copies the object, shape and all, at
  // once (the store's session load of 1,000 tasks: 18 → 13 ms, bench/README.md). Otherwise a plain
  // loop (deleting keys from the copy instead would turn it into a slow dictionary object).
  if (!keys.some((key) => from[key] === undefined || skip?.has(key))) return { ...obj };
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = from[key];
    if (value !== undefined && !skip?.has(key)) out[key] = value;
  }
  return out as T;
}

/** `true` for `true` and `'true'` (some payload flags arrive as strings). */
export const isTrue = (v: unknown): boolean => v === true || v === 'true';

/** The media channel of the interaction, or undefined when it is not one we support. */
export function mediaOf(p: Payload): MediaChannel | undefined {
  const type = p.interaction?.mediaType;
  return typeof type === 'string' && MEDIA.has(type) ? (type as MediaChannel) : undefined;
}

/** The object values of a map from the wire (anything else: none). */
const entries = <T>(map: unknown): T[] => (isObject(map) ? (Object.values(map).filter(isObject) as unknown as T[]) : []);

const legs = (p: Payload): InteractionMedia[] => entries(p.interaction?.media);

/** The customer's leg: `mType: 'mainCall'`, else the leg keyed by the interaction id, else the first non-consult leg. */
export function mainLeg(p: Payload): InteractionMedia | undefined {
  const all = legs(p);
  return (
    all.find((l) => l.mType === 'mainCall') ??
    all.find((l) => l.mediaResourceId === p.interactionId) ??
    all.find((l) => l.mType !== 'consult' && l.mediaResourceId !== p.consultMediaResourceId)
  );
}

/** The consult leg, when there is one. */
export function consultLeg(p: Payload): InteractionMedia | undefined {
  const all = legs(p);
  return (
    all.find((l) => l.mType === 'consult') ??
    (p.consultMediaResourceId ? all.find((l) => l.mediaResourceId === p.consultMediaResourceId) : undefined)
  );
}

/** Whether the customer's leg is on hold. */
export const isMainHeld = (p: Payload): boolean => isTrue(mainLeg(p)?.isHold);

/** One participant entry by id. */
export function participant(p: Payload, id: string): InteractionParticipant | undefined {
  const map = p.interaction?.participants;
  const entry = isObject(map) && hasOwn(map, id) ? map[id] : undefined;
  return isObject(entry) ? (entry as unknown as InteractionParticipant) : undefined;
}

/** Participants of a kind who are in the customer's leg (when it lists anyone) and have not left. */
function present(p: Payload, kind: 'agent' | 'customer'): InteractionParticipant[] {
  const listed = mainLeg(p)?.participants;
  const inMain = Array.isArray(listed) && listed.length > 0 ? listed : undefined;
  return entries<InteractionParticipant>(p.interaction?.participants).filter(
    (x) =>
      String(x.pType ?? x.type ?? '').toLowerCase() === kind &&
      x.hasJoined !== false &&
      !isTrue(x.hasLeft) &&
      (!inMain || inMain.includes(x.id)),
  );
}

/** Ids of the agents in the customer's call (joined, not left); a consulted agent on the consult leg is not counted. */
export const agentsInCall = (p: Payload): string[] => present(p, 'agent').map((x) => x.id);

/** Whether a customer is present in the customer's leg. */
export const customerInCall = (p: Payload): boolean => present(p, 'customer').length > 0;

/** The wrap-up rule of `TaskMessage`: the agent is in `agentsPendingWrapUp`, or its participant entry says `isWrapUp`. */
export function wrapUpOwed(p: Payload, agentId: string): boolean {
  const pending = p.agentsPendingWrapUp;
  return (Array.isArray(pending) && pending.includes(agentId)) || isTrue(participant(p, agentId)?.isWrapUp);
}

/** The recording state a payload announces (voice only; other media never record). */
export function recordingOf(p: Payload, media: MediaChannel): RecordingState {
  const cpd = p.interaction?.callProcessingDetails;
  return media !== 'telephony' ? 'STOPPED' : isTrue(cpd?.recordInProgress) ? 'RECORDING' : isTrue(cpd?.recordingStarted) ? 'PAUSED' : 'STOPPED';
}

/** Whether the agent may pause and resume recording (absent means yes; `false` or `'false'` means no). */
export function pauseResumeAllowed(p: Payload): boolean {
  const allowed: unknown = p.interaction?.callProcessingDetails?.pauseResumeEnabled;
  return allowed !== false && allowed !== 'false';
}

/**
 * RONA timeout in seconds: the message's `ronaTimeout`, else `callProcessingDetails.ronaTimeout`
 * (a number or a numeric string); only finite positive values count.
 */
export function ronaTimeoutOf(p: Payload): number | undefined {
  const raw = p.interaction?.callProcessingDetails?.ronaTimeout;
  return [p.ronaTimeout, typeof raw === 'string' ? Number(raw) : raw].find((n): n is number => Number.isFinite(n) && (n as number) > 0);
}

/** The interaction owner (the primary agent), from the interaction or the message. */
export const ownerOf = (p: Payload): string | undefined => p.interaction?.owner || p.owner || undefined;

/** `interaction.state`, lower-cased. */
export const interactionStateOf = (p: Payload): string => String(p.interaction?.state ?? '').toLowerCase();

/** A wire destination type (any case, any punctuation; `dn`, `ep`, `epdn` too); anything else is an agent. */
function destinationType(raw: string | undefined): DestinationType {
  const key = (raw ?? '').toLowerCase().replace(/[^a-z]/g, '');
  return key === 'queue'
    ? 'queue'
    : /^(dialnumber|dn)$/.test(key)
      ? 'dialNumber'
      : /^(entrypoint|ep(dn)?)$/.test(key)
        ? 'entryPoint'
        : 'agent';
}

/**
 * The consult destination a message names (`destAgentId`, `destinationType`,
 * `callProcessingDetails.consultDestinationAgentName`), completing `known` (what the store recorded
 * when it issued the consult) rather than replacing it.
 */
export function destinationOf(p: Payload, known?: Destination): Destination {
  const name = p.interaction?.callProcessingDetails?.consultDestinationAgentName || undefined;
  if (known) return known.name || !name ? known : { ...known, name };
  const id = p.destAgentId ?? '';
  const shown = name ?? (id ? participant(p, id)?.name : undefined);
  const dest: Destination = { type: destinationType(p.destinationType), id };
  return shown ? { ...dest, name: shown } : dest;
}
