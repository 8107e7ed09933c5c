/**
 * What the simulated contact center refuses, and why: each check throws a BackendError with a
 * stable code and a sentence saying why (the command wrapper turns it into a rejection).
 * @module
 */
import type { AgentProfile, DestinationType, ErrorCode } from '../../model/domain.js';
import { BackendError } from '../contact-center.js';
import { findBuddy, findEntryPoint, findQueue } from './directory.js';
import { dialable } from './profile.js';
import { isVoice, stateOf, type InteractionState, type SimConsult, type SimTask } from './world.js';

/** Refuse: throw a BackendError. */
export function fail(message: string, code: ErrorCode): never {
  throw new BackendError(message, code);
}

/** States in which the agent is on the call. */
export const LIVE_CALL: readonly InteractionState[] = ['connected', 'hold', 'consulting', 'conference'];

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function requireState(task: SimTask, states: readonly InteractionState[], what: string): void {
  const state = stateOf(task);
  if (!states.includes(state)) fail(`Cannot ${what}: the task is ${state}`, 'INVALID_STATE');
}

export function requireVoice(task: SimTask, what: string): void {
  if (!isVoice(task)) fail(`${what} is for voice calls only (this is ${task.media})`, 'INVALID_STATE');
}

export function requirePrimary(task: SimTask, what: string): void {
  if (task.role === 'secondary') fail(`The consulted agent cannot ${what}`, 'INVALID_STATE');
}

/** The consult this agent started and the other party answered. */
export function requireAnsweredConsult(task: SimTask, what: string): SimConsult {
  requirePrimary(task, what);
  requireState(task, ['consulting'], what);
  const consult = task.consult!;
  if (!consult.accepted) fail(`Cannot ${what}: ${consult.destName} has not answered yet`, 'INVALID_STATE');
  return consult;
}

/** A user-data key the agent may write or delete on this task. */
export function checkUserDataKey(task: SimTask, key: string): void {
  if (typeof key !== 'string' || key === '' || FORBIDDEN_KEYS.has(key)) {
    fail(`Invalid user data key "${String(key)}"`, 'INVALID_PARAMETERS');
  }
  if (task.interaction.callAssociatedData?.[key]?.agentEditable === false) fail(`"${key}" is read-only`, 'FORBIDDEN');
}

/** The values of a setUserData call: an object of strings. */
export function checkUserData(task: SimTask, values: unknown): [string, string][] {
  if (!values || typeof values !== 'object' || Array.isArray(values)) {
    fail('User data must be an object of strings', 'INVALID_PARAMETERS');
  }
  const entries = Object.entries(values as Record<string, unknown>);
  for (const [key, value] of entries) {
    checkUserDataKey(task, key);
    if (typeof value !== 'string') fail(`The value of "${key}" must be a string`, 'INVALID_PARAMETERS');
  }
  return entries as [string, string][];
}

/** The destination of a consult or transfer, checked against the directory and the dial plan. */
export function resolveDestination(
  task: SimTask,
  type: DestinationType,
  to: string,
  what: string,
  profile: AgentProfile,
): { id: string; name: string } {
  switch (type) {
    case 'agent': {
      const buddy = findBuddy(to) ?? fail(`No agent "${to}" to ${what} to`, 'NOT_FOUND');
      if (buddy.state !== 'Available') fail(`${buddy.agentName} is not available`, 'INVALID_STATE');
      return { id: buddy.agentId, name: buddy.agentName };
    }
    case 'queue': {
      const queue = findQueue(to) ?? fail(`No queue "${to}"`, 'NOT_FOUND');
      return { id: queue.id, name: queue.name };
    }
    case 'entryPoint': {
      const ep = findEntryPoint(to) ?? fail(`No entry point "${to}"`, 'NOT_FOUND');
      return { id: ep.id, name: ep.name };
    }
    case 'dialNumber': {
      requireVoice(task, `A ${what} to a number`);
      const number = dialable(to, profile) ?? fail(`"${to}" is not a number the dial plan allows`, 'INVALID_PARAMETERS');
      return { id: number, name: number };
    }
    default:
      return fail(`Unknown destination type "${String(type)}"`, 'INVALID_PARAMETERS');
  }
}
