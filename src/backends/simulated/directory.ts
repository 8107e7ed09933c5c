/**
 * Who the simulated agent can consult and transfer to: buddy agents (each with a consult
 * behaviour), queues (with the agents who pick up consults to the queue) and entry points.
 * @module
 */
import type { BuddyAgent, Directory, EntryPoint, Queue } from '../../model/domain.js';

/** How a buddy answers a consult: accepts after `afterMs`, declines after `afterMs`, or never answers. */
export type ConsultBehaviour =
  | { kind: 'accept'; afterMs: number }
  | { kind: 'decline'; afterMs: number; reason: string }
  | { kind: 'noAnswer' };

export interface SimBuddy extends BuddyAgent {
  consult: ConsultBehaviour;
}

export interface SimQueue extends Queue {
  /** Agents who pick up a consult to this queue (the first accepts). */
  agents: { agentId: string; agentName: string }[];
}

/** Time before an agent of a queue accepts a consult to the queue. */
export const QUEUE_CONSULT_ANSWER_MS = 3000;
/** Time before a dialled number answers a consult. */
export const DIAL_CONSULT_ANSWER_MS = 1500;

export const BUDDIES: readonly SimBuddy[] = [
  { agentId: 'agent-ana', agentName: 'Ana Souza', state: 'Available', teamName: 'Frontline Support', consult: { kind: 'accept', afterMs: 2000 } },
  { agentId: 'agent-bjorn', agentName: 'Björn Lindqvist', state: 'Available', teamName: 'Billing', consult: { kind: 'accept', afterMs: 2500 } },
  {
    agentId: 'agent-chidi',
    agentName: 'Chidi Okafor',
    state: 'Available',
    teamName: 'Technical Support',
    consult: { kind: 'decline', afterMs: 2000, reason: 'Chidi Okafor declined the consult' },
  },
  { agentId: 'agent-dmitri', agentName: 'Dmitri Volkov', state: 'Available', teamName: 'Retention', consult: { kind: 'noAnswer' } },
  { agentId: 'agent-emi', agentName: 'Emi Tanaka', state: 'Idle', teamName: 'Frontline Support', consult: { kind: 'noAnswer' } },
];

export const QUEUES: readonly SimQueue[] = [
  { id: 'q-billing', name: 'Billing', waiting: 3, availableAgents: 1, agents: [{ agentId: 'agent-farah', agentName: 'Farah Haddad' }] },
  { id: 'q-tech', name: 'Technical Support', waiting: 7, availableAgents: 2, agents: [{ agentId: 'agent-goran', agentName: 'Goran Petrović' }] },
  { id: 'q-sales', name: 'Sales', waiting: 0, availableAgents: 4, agents: [{ agentId: 'agent-hana', agentName: 'Hana Kim' }] },
  { id: 'q-retention', name: 'Retention', waiting: 1, availableAgents: 0, agents: [{ agentId: 'agent-ines', agentName: 'Inês Carvalho' }] },
];

export const ENTRY_POINTS: readonly EntryPoint[] = [
  { id: 'ep-main', name: 'Main line' },
  { id: 'ep-spanish', name: 'Línea en español' },
  { id: 'ep-vip', name: 'VIP customers' },
];

/** The directory as the port returns it (fresh objects, without the simulator's behaviours). */
export function directoryView(): Directory {
  return {
    agents: BUDDIES.map(({ agentId, agentName, state, teamName }) => ({ agentId, agentName, state, teamName })),
    queues: QUEUES.map(({ id, name, waiting, availableAgents }) => ({ id, name, waiting, availableAgents })),
    entryPoints: ENTRY_POINTS.map((e) => ({ ...e })),
  };
}

export const findBuddy = (id: string): SimBuddy | undefined => BUDDIES.find((b) => b.agentId === id);
export const findQueue = (id: string): SimQueue | undefined => QUEUES.find((q) => q.id === id);
export const findEntryPoint = (id: string): EntryPoint | undefined => ENTRY_POINTS.find((e) => e.id === id);
