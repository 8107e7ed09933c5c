/**
 * Test helpers: tasks in every state, reached through the reducer by realistic event sequences,
 * and the message for any event about a task as it stands.
 */
import type { Task, TaskMessage } from '../../src/model/domain.js';
import type { MediaChannel } from '../../src/model/seed-types.js';
import { step, type ReduceContext } from '../../src/model/state-machine.js';
import { AGENT, contact, T0, type ContactOptions, type InteractionStateName } from '../fixtures/contacts.js';

export const ctx: ReduceContext = { agentId: AGENT };

/** Apply messages in order from no task; every one must be applied. */
export function play(...msgs: TaskMessage[]): Task {
  let task: Task | undefined;
  for (const msg of msgs) {
    const result = step(task, msg, ctx);
    if (result.ignored !== undefined) throw new Error(`${msg.type} was ignored: ${result.ignored}`);
    task = result.task;
  }
  if (!task) throw new Error('no task');
  return task;
}

/** The scenarios the tables cover: each task state, plus consult variants. */
export const SCENARIOS = [
  'OFFERED',
  'OFFERED_CONSULT',
  'CONNECTED',
  'HELD',
  'CONSULTING',
  'CONSULTING_ACCEPTED',
  'CONSULTING_SECONDARY',
  'CONFERENCING',
  'CONFERENCING_SECONDARY',
  'WRAPPING_UP',
  'COMPLETED',
  'TERMINATED',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** The `interaction.state` and role of the payload describing a task in each scenario. */
export const PAYLOAD: Readonly<Record<Scenario, Pick<ContactOptions, 'state' | 'role'>>> = {
  OFFERED: { state: 'new' },
  OFFERED_CONSULT: { state: 'consult', role: 'secondary' },
  CONNECTED: { state: 'connected' },
  HELD: { state: 'hold' },
  CONSULTING: { state: 'consulting', role: 'primary' },
  CONSULTING_ACCEPTED: { state: 'consulting', role: 'primary' },
  CONSULTING_SECONDARY: { state: 'consulting', role: 'secondary' },
  CONFERENCING: { state: 'conference', role: 'primary' },
  CONFERENCING_SECONDARY: { state: 'conference', role: 'secondary' },
  WRAPPING_UP: { state: 'wrapUp' },
  COMPLETED: { state: 'wrapUp' },
  TERMINATED: { state: 'new' },
};

const at = (n: number): number => T0 + n * 1000;

/** The events that bring a task into each scenario, in order. */
export function sequence(scenario: Scenario, media: MediaChannel = 'telephony'): TaskMessage[] {
  const m = (type: string, state: InteractionStateName, n: number, extra: ContactOptions = {}): TaskMessage =>
    contact(type, { media, state, eventTime: at(n), ...extra });
  const connected = [m('AgentOfferContact', 'new', 0), m('AgentContactAssigned', 'connected', 5)];
  const consultOffer = [m('AgentOfferConsult', 'consult', 0, { role: 'secondary' })];
  const consulting = [...connected, m('AgentConsultCreated', 'consulting', 20, { consultTo: { joined: false } })];
  const accepted = [...consulting, m('AgentConsulting', 'consulting', 25)];
  const secondary = [...consultOffer, m('AgentConsulting', 'consulting', 4, { role: 'secondary' })];
  const wrapping = [...connected, m('ContactEnded', 'wrapUp', 60, { agentsPendingWrapUp: [AGENT], customerLeft: true })];
  switch (scenario) {
    case 'OFFERED':
      return connected.slice(0, 1);
    case 'OFFERED_CONSULT':
      return consultOffer;
    case 'CONNECTED':
      return connected;
    case 'HELD':
      return [...connected, m('AgentContactHeld', 'hold', 10)];
    case 'CONSULTING':
      return consulting;
    case 'CONSULTING_ACCEPTED':
      return accepted;
    case 'CONSULTING_SECONDARY':
      return secondary;
    case 'CONFERENCING':
      return [...accepted, m('AgentConsultConferenced', 'conference', 30)];
    case 'CONFERENCING_SECONDARY':
      return [...secondary, m('AgentConsultConferenced', 'conference', 30, { role: 'secondary' })];
    case 'WRAPPING_UP':
      return wrapping;
    case 'COMPLETED':
      return [...wrapping, m('AgentWrappedUp', 'wrapUp', 90, { agentsPendingWrapUp: [] })];
    case 'TERMINATED':
      return [m('AgentOfferContact', 'new', 0), m('AgentOfferContactRona', 'new', 30)];
  }
}

/** A task in `scenario`, built by the reducer. */
export const taskIn = (scenario: Scenario, media: MediaChannel = 'telephony'): Task => play(...sequence(scenario, media));

/** A message of `type` about a task in `scenario`, describing the task as it stands, 100 s in. */
export const messageFor = (scenario: Scenario, type: string, media: MediaChannel = 'telephony', extra: ContactOptions = {}): TaskMessage =>
  contact(type, { media, eventTime: at(100), ...PAYLOAD[scenario], ...extra });
