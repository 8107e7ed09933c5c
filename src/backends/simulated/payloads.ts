/**
 * Realistic payloads: seeded customers, new interactions (callProcessingDetails, call-associated
 * data, media legs, participants) and the `AgentContact` messages built from a task.
 * @module
 */
import type { TaskMessage } from '../../model/domain.js';
import type {
  CallAssociatedData,
  CallProcessingDetails,
  Interaction,
  InteractionParticipant,
  MediaChannel,
} from '../../model/seed-types.js';
import type { SimQueue } from './directory.js';
import type { Random } from './random.js';
import { mainLeg, type SimTask } from './world.js';

export const ORG_ID = 'org-cc-elements-sim';
export const TENANT_ID = 'tenant-sim';
/** The number customers dial. */
export const SUPPORT_DNIS = '+18005550100';

/** Who the customer is and how they reached us. */
export interface Customer {
  /** The participant id: the phone number for voice, the address otherwise. */
  id: string;
  name: string;
  number: string;
  /** Email, chat or social address (the phone number for voice). */
  address: string;
  region: string;
}

interface Person {
  name: string;
  handle: string;
  region: string;
}

/** Seed customers; several names are not ASCII on purpose. */
const PEOPLE: readonly Person[] = [
  { name: 'Zoë Müller', handle: 'zoe.mueller', region: 'DE' },
  { name: 'José Álvarez', handle: 'jose.alvarez', region: 'ES' },
  { name: 'Łukasz Żółkiewski', handle: 'lukasz.z', region: 'PL' },
  { name: '李小龙', handle: 'li.xiaolong', region: 'CN' },
  { name: 'Nguyễn Thị Mai', handle: 'mai.nguyen', region: 'VN' },
  { name: 'Αλέξανδρος Παππάς', handle: 'alex.pappas', region: 'GR' },
  { name: 'فاطمة الزهراء', handle: 'fatima.z', region: 'MA' },
  { name: 'Siobhán O’Connor', handle: 'siobhan.oc', region: 'IE' },
  { name: 'Mary Johnson', handle: 'mary.johnson', region: 'US' },
  { name: 'James Smith', handle: 'jsmith', region: 'US' },
  { name: 'Aarav Sharma', handle: 'aarav.sharma', region: 'IN' },
  { name: 'Ngozi Adeyemi', handle: 'ngozi.a', region: 'NG' },
  { name: '佐藤 美咲', handle: 'misaki.sato', region: 'JP' },
  { name: 'Olivia Brown', handle: 'olivia.b', region: 'CA' },
];

const MEDIA_MANAGER: Record<MediaChannel, string> = { telephony: 'vmm', chat: 'cmm', email: 'emm', social: 'smm' };
const MEDIA_CHANNEL: Record<MediaChannel, string> = { telephony: 'broadcloud', chat: 'web', email: 'email', social: 'facebook' };
const ENTRY_ADDRESS: Record<MediaChannel, string> = {
  telephony: SUPPORT_DNIS,
  chat: 'support-chat@cc-elements.example',
  email: 'support@cc-elements.example',
  social: 'facebook:cc-elements-support',
};
const IVR_PATHS = ['Main Menu > Billing > Agent', 'Main Menu > Technical Support > Agent', 'Main Menu > Orders > Agent', 'Main Menu > Operator'];
const TIERS = ['Gold', 'Silver', 'Bronze'];
const LANGUAGES = ['en-US', 'es-ES', 'de-DE', 'fr-FR', 'pt-BR'];

/** A US number in E.164. */
export const usNumber = (rng: Random): string => `+1${rng.between(2, 9)}${rng.digits(2)}${rng.between(2, 9)}${rng.digits(6)}`;

/** A seeded customer for `media`; `name` overrides the name (it is data, never markup). */
export function newCustomer(rng: Random, media: MediaChannel, name?: string): Customer {
  const person = rng.pick(PEOPLE);
  const number = usNumber(rng);
  const handle = name === undefined ? person.handle : `guest${rng.digits(4)}`;
  const address =
    media === 'telephony'
      ? number
      : media === 'social'
        ? `facebook:${handle}`
        : `${handle}@${media === 'chat' ? 'chat.' : ''}example.com`;
  return { id: address, name: name ?? person.name, number, address, region: person.region };
}

/** Seed 002 `callAssociatedData`: some keys the agent may edit, some not. */
function associatedData(rng: Random): CallAssociatedData {
  const entry = (name: string, displayName: string, value: string, agentEditable: boolean) => ({ name, displayName, value, agentEditable, type: 'STRING' });
  return {
    accountNumber: entry('accountNumber', 'Account number', `AC-${rng.digits(8)}`, false),
    customerTier: entry('customerTier', 'Customer tier', rng.pick(TIERS), false),
    language: entry('language', 'Language', rng.pick(LANGUAGES), false),
    caseId: entry('caseId', 'Case', `CS-${rng.digits(6)}`, true),
    notes: entry('notes', 'Notes', '', true),
  };
}

/** Seed 002 `callAssociatedDetails`: the same data as plain key/values. */
export function associatedDetails(data: CallAssociatedData): Record<string, string> {
  const details: Record<string, string> = {};
  for (const [key, entry] of Object.entries(data)) details[key] = entry.value;
  return details;
}

export interface NewInteraction {
  id: string;
  media: MediaChannel;
  customer: Customer;
  queue: SimQueue;
  /** The agent the interaction is with (owner). */
  owner: string;
  direction: 'INBOUND' | 'OUTBOUND';
  ronaTimeoutSeconds: number;
  now: number;
}

/** A new interaction, as the contact center holds it when it offers it to an agent. */
export function newInteraction(rng: Random, n: NewInteraction): Interaction {
  const { id, media, customer, queue, now } = n;
  const voice = media === 'telephony';
  const outbound = n.direction === 'OUTBOUND';
  const data = associatedData(rng);
  const cpd: CallProcessingDetails = {
    IvrPath: outbound ? '' : rng.pick(IVR_PATHS),
    QMgrName: 'aqm',
    QueueId: queue.id,
    ROUTING_TYPE: outbound ? 'OUTDIAL' : 'QUEUE',
    EP_ID: outbound ? 'ep-outdial' : 'ep-main',
    ani: voice ? (outbound ? SUPPORT_DNIS : customer.number) : customer.address,
    displayAni: voice ? customer.number : customer.address,
    dnis: outbound ? customer.number : ENTRY_ADDRESS[media],
    appUser: 'cc-sim',
    category: voice ? 'VOICE' : media.toUpperCase(),
    customerName: customer.name,
    customerNumber: customer.number,
    customerRegion: customer.region,
    fromAddress: customer.address,
    pathId: `path-${rng.digits(6)}`,
    priority: '10',
    reason: '',
    reasonCode: '',
    ronaTimeout: String(n.ronaTimeoutSeconds),
    sourceNumber: voice ? customer.number : '',
    sourcePage: media === 'chat' ? 'https://cc-elements.example/help' : '',
    taskToBeSelfServiced: 'false',
    tenantId: TENANT_ID,
    virtualTeamName: queue.name,
    vteamId: queue.id,
    workflowName: outbound ? 'Outdial' : `${queue.name} inbound`,
    pauseResumeEnabled: voice,
    recordingStarted: voice,
    recordInProgress: voice,
    isPaused: false,
  };
  const customerEntry: InteractionParticipant = {
    id: customer.id,
    pType: 'Customer',
    type: 'Customer',
    name: customer.name,
    hasJoined: true,
    hasLeft: false,
    joinTimestamp: now,
    lastUpdated: now,
  };
  return {
    interactionId: id,
    orgId: ORG_ID,
    owner: n.owner,
    mediaType: media,
    mediaChannel: MEDIA_CHANNEL[media],
    contactDirection: { type: n.direction },
    ...(outbound ? { outboundType: 'OUTDIAL' } : {}),
    createdTimestamp: now,
    queuedTimestamp: outbound ? null : now - 1000 * rng.between(5, 90),
    currentVTeam: queue.id,
    previousVTeams: [],
    isFcManaged: false,
    isTerminated: false,
    isMediaForked: false,
    state: 'new',
    callProcessingDetails: cpd,
    callAssociatedData: data,
    callAssociatedDetails: associatedDetails(data),
    media: {
      [id]: {
        holdTimestamp: null,
        isHold: false,
        mType: 'mainCall',
        mediaMgr: MEDIA_MANAGER[media],
        mediaResourceId: id,
        mediaType: media,
        participants: [customer.id],
      },
    },
    participants: { [customer.id]: customerEntry },
    workflowManager: null,
  };
}

/** The envelope fields of one event. */
export interface Envelope {
  agentId: string;
  trackingId: string;
  eventTime: number;
}

/**
 * An `AgentContact` message of `type` for the task as it stands now (the interaction is deep-copied,
 * so later changes to the task do not leak into an event already built).
 */
export function toMessage(task: SimTask, type: string, env: Envelope, extra: Partial<TaskMessage> = {}): TaskMessage {
  const i = task.interaction;
  const legId = task.role === 'secondary' && task.consult ? task.consult.legId : mainLeg(task).mediaResourceId;
  return {
    type,
    eventType: 'RoutingMessage',
    agentId: env.agentId,
    interactionId: task.id,
    mediaResourceId: legId,
    consultMediaResourceId: task.consult?.legId ?? '',
    destAgentId: task.consult?.destId ?? '',
    // As on the wire (JSON), a field without a value is absent, not undefined.
    ...(task.consult && { destinationType: task.consult.destinationType }),
    ...(task.primary && { consultingAgentId: task.primary.agentId }),
    owner: i.owner,
    queueMgr: 'aqm',
    queueName: i.callProcessingDetails.virtualTeamName,
    orgId: i.orgId,
    trackingId: env.trackingId,
    eventTime: env.eventTime,
    isConferencing: i.state === 'conference',
    isConsulted: task.role === 'secondary',
    isWebCallMute: task.muted,
    ronaTimeout: task.ronaTimeoutSeconds,
    interaction: structuredClone(i),
    ...extra,
  };
}
