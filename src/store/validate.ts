/**
 * Parameter checks for store commands that take input from agents or host pages. Each returns
 * the reason the input is refused, or undefined when it is acceptable.
 * @module
 */
import type { Destination, DestinationType } from '../model/domain.js';

/** The destination types a consult or transfer may name. */
export const DESTINATION_TYPES: ReadonlySet<string> = new Set<DestinationType>(['agent', 'queue', 'dialNumber', 'entryPoint']);
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A consult or transfer destination: a known type and a non-empty id. */
export function destinationProblem(destination: unknown): string | undefined {
  if (!destination || typeof destination !== 'object') return 'a destination is required';
  const { type, id } = destination as Partial<Destination>;
  if (typeof type !== 'string' || !DESTINATION_TYPES.has(type)) return `unknown destination type ${JSON.stringify(type)}`;
  if (typeof id !== 'string' || id.trim() === '') return 'the destination has no id';
  return undefined;
}

/** A user-data key: a non-empty string that cannot pollute an object's prototype. */
export function keyProblem(key: unknown): string | undefined {
  if (typeof key !== 'string') return 'user-data keys must be strings';
  if (key.trim() === '') return 'user-data keys must not be empty';
  if (FORBIDDEN_KEYS.has(key)) return `"${key}" is not an allowed user-data key`;
  return undefined;
}

/** User data to set: a plain object with at least one entry, string keys and string values. */
export function userDataProblem(values: unknown): string | undefined {
  if (!values || typeof values !== 'object' || Array.isArray(values)) return 'user data must be an object of strings';
  const entries = Object.entries(values as Record<string, unknown>);
  if (entries.length === 0) return 'no user data given';
  for (const [key, value] of entries) {
    const problem = keyProblem(key);
    if (problem) return problem;
    if (typeof value !== 'string') return `the value of "${key}" must be a string`;
  }
  return undefined;
}
