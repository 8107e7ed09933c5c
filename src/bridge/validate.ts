/**
 * Envelope validation for the bridge service: sorts an incoming `message` event's data into
 * "not ours" (dropped silently), "invalid" (answered with an error when it carries a string
 * `referenceId`), or a well-formed request / subscribe / unsubscribe. Pure; never throws on
 * hostile input (cycles, getters, proxies, huge or deep payloads are all classified).
 * @module
 */
import {
  isEventNamespace,
  isMethodName,
  PROTOCOL_VERSION,
  type BridgeErrorCode,
  type EventNamespace,
  type JsonValue,
  type MethodName,
} from './protocol.js';

/** Largest accepted message, in characters of its JSON serialization. */
export const MAX_MESSAGE_CHARS = 64 * 1024;
/** Deepest accepted nesting of objects and arrays, the message itself counting as 1. */
export const MAX_DEPTH = 8;
/** Longest accepted `referenceId`. */
export const MAX_REFERENCE_ID = 256;
/** Keys refused anywhere in a message. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The outcome of classifying one message. */
export type Classified =
  | { kind: 'ignore' }
  | { kind: 'invalid'; referenceId: string; code: BridgeErrorCode; message: string }
  | { kind: 'request'; referenceId: string; method: MethodName; parameters: (JsonValue | undefined)[] }
  | { kind: 'subscribe'; referenceId: string; namespaces: EventNamespace[] }
  | { kind: 'unsubscribe'; referenceId: string; subscriptionId: string };

class Invalid extends Error {
  constructor(
    message: string,
    readonly code: BridgeErrorCode = 'INVALID_PARAMETERS',
  ) {
    super(message);
  }
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** A plain object (Object.prototype or null prototype), not an array. */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Walks a value and checks that it is JSON (plain objects, arrays, strings, finite numbers,
 * booleans, null), not too deep, not too big, with no forbidden keys and no accessors.
 * `allowUndefinedItems` lets the top-level `parameters` array hold `undefined` (an omitted
 * optional argument, as vendor clients send). Returns the approximate serialized size.
 */
function checkJson(value: unknown, path: string, depth: number, budget: { left: number }, allowUndefinedItems = false): void {
  const spend = (n: number): void => {
    budget.left -= n;
    if (budget.left < 0) throw new Invalid(`message is larger than ${MAX_MESSAGE_CHARS} characters`);
  };
  switch (typeof value) {
    case 'string':
      spend(value.length + 2);
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new Invalid(`${path} is not a finite number`);
      spend(8);
      return;
    case 'boolean':
      spend(5);
      return;
    case 'object':
      break;
    default:
      throw new Invalid(`${path} is not a JSON value (${typeof value})`);
  }
  if (value === null) {
    spend(4);
    return;
  }
  if (depth > MAX_DEPTH) throw new Invalid(`message is nested deeper than ${MAX_DEPTH} levels`);
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) throw new Invalid(`${path} is not a plain array`);
    spend(2);
    const len = value.length;
    if (len > MAX_MESSAGE_CHARS) throw new Invalid(`message is larger than ${MAX_MESSAGE_CHARS} characters`);
    for (let i = 0; i < len; i++) {
      const d = Object.getOwnPropertyDescriptor(value, i);
      if (d && !('value' in d)) throw new Invalid(`${path}[${i}] is an accessor`);
      const item: unknown = d?.value;
      spend(1);
      if (item === undefined && allowUndefinedItems) continue;
      checkJson(item, `${path}[${i}]`, depth + 1, budget);
    }
    return;
  }
  if (!isPlainObject(value)) throw new Invalid(`${path} is not a plain object`);
  if (Object.getOwnPropertySymbols(value).length > 0) throw new Invalid(`${path} has symbol keys`);
  spend(2);
  for (const key of Object.getOwnPropertyNames(value)) {
    if (FORBIDDEN_KEYS.has(key)) throw new Invalid(`${path} has the forbidden key "${key}"`);
    const d = Object.getOwnPropertyDescriptor(value, key);
    if (!d || !('value' in d)) throw new Invalid(`${path}.${key} is an accessor`);
    spend(key.length + 3);
    checkJson(d.value, `${path}.${key}`, depth + 1, budget);
  }
}

/** Reads an own data property without running getters. */
function own(o: Record<string, unknown>, key: string): unknown {
  const d = Object.getOwnPropertyDescriptor(o, key);
  return d && 'value' in d ? d.value : undefined;
}

/** Is this a message for us at all? (A plain object with its own `request` or `event` key.) */
function isOurs(data: unknown): data is Record<string, unknown> {
  if (!isPlainObject(data)) return false;
  if (!hasOwn(data, 'request') && !hasOwn(data, 'event')) return false;
  // A response (ours or another service's) echoed back: never a request.
  if (hasOwn(data, 'subscriptionId') || hasOwn(data, 'errorMessage') || hasOwn(data, 'errorCode')) return false;
  return true;
}

/**
 * The cheap first step: is the message ours, and which `referenceId` does it carry?
 * `undefined` = not ours (drop silently). `referenceId` is null when it has none we can answer to.
 */
export function envelopeOf(data: unknown): { referenceId: string | null } | undefined {
  try {
    if (!isOurs(data)) return undefined;
    const ref = own(data, 'referenceId');
    return { referenceId: typeof ref === 'string' ? ref : null };
  } catch {
    return undefined;
  }
}

/**
 * Classifies a message fully. Messages that are ours but carry no string `referenceId` cannot
 * be answered and are ignored.
 */
export function classify(data: unknown): Classified {
  let env: { referenceId: string | null } | undefined;
  try {
    env = envelopeOf(data);
    if (!env || env.referenceId === null) return { kind: 'ignore' };
    return classifyOurs(data as Record<string, unknown>, env.referenceId);
  } catch (e) {
    if (!env || env.referenceId === null) return { kind: 'ignore' };
    if (e instanceof Invalid) return { kind: 'invalid', referenceId: env.referenceId, code: e.code, message: e.message };
    return { kind: 'invalid', referenceId: env.referenceId, code: 'INVALID_PARAMETERS', message: 'malformed message' };
  }
}

function classifyOurs(m: Record<string, unknown>, referenceId: string): Classified {
  if (referenceId.length === 0) throw new Invalid('referenceId is empty');
  if (referenceId.length > MAX_REFERENCE_ID) throw new Invalid(`referenceId is longer than ${MAX_REFERENCE_ID} characters`);
  checkJsonMessage(m);

  const ua = own(m, 'userAgent');
  if (ua !== undefined && typeof ua !== 'string') throw new Invalid('userAgent must be a string');
  const pv = own(m, 'protocolVersion');
  if (pv !== undefined && pv !== PROTOCOL_VERSION) throw new Invalid(`protocolVersion must be ${PROTOCOL_VERSION}`);
  const frameId = own(m, 'frameId');
  if (frameId !== undefined && typeof frameId !== 'string' && typeof frameId !== 'number') {
    throw new Invalid('frameId must be a string');
  }

  const hasRequest = hasOwn(m, 'request');
  const hasEvent = hasOwn(m, 'event');
  if (hasRequest && hasEvent) throw new Invalid('a message has either "request" or "event", not both');

  if (hasRequest) {
    const request = own(m, 'request');
    if (typeof request !== 'string') throw new Invalid('request must be a string "<namespace>.<method>"');
    if (!isMethodName(request)) throw new Invalid(`unknown request "${request.slice(0, 80)}"`, 'UNKNOWN_REQUEST');
    const params = hasOwn(m, 'parameters') ? own(m, 'parameters') : [];
    if (params !== undefined && params !== null && !Array.isArray(params)) {
      throw new Invalid('parameters must be an array');
    }
    return { kind: 'request', referenceId, method: request, parameters: (params ?? []) as (JsonValue | undefined)[] };
  }

  const event = own(m, 'event');
  if (typeof event !== 'string') throw new Invalid('event must be a string ("subscribe" or "unsubscribe")');
  const d = own(m, 'data');
  if (event === 'subscribe') {
    const list = typeof d === 'string' ? [d] : d;
    if (!Array.isArray(list) || list.length === 0) {
      throw new Invalid('subscribe data must be an event name or a non-empty array of event names');
    }
    const namespaces: EventNamespace[] = [];
    for (const ns of list) {
      if (typeof ns !== 'string') throw new Invalid('subscribe data must hold strings');
      if (!isEventNamespace(ns)) throw new Invalid(`unknown event "${ns.slice(0, 80)}"`, 'UNKNOWN_REQUEST');
      if (!namespaces.includes(ns)) namespaces.push(ns);
    }
    return { kind: 'subscribe', referenceId, namespaces };
  }
  if (event === 'unsubscribe') {
    if (typeof d !== 'string' || d.length === 0 || d.length > MAX_REFERENCE_ID) {
      throw new Invalid('unsubscribe data must be a subscriptionId');
    }
    return { kind: 'unsubscribe', referenceId, subscriptionId: d };
  }
  throw new Invalid(`unknown event "${event.slice(0, 80)}"`, 'UNKNOWN_REQUEST');
}

/** The whole message must be JSON (the `parameters` array may hold `undefined`). */
function checkJsonMessage(m: Record<string, unknown>): void {
  const budget = { left: MAX_MESSAGE_CHARS };
  if (Object.getOwnPropertySymbols(m).length > 0) throw new Invalid('message has symbol keys');
  for (const key of Object.getOwnPropertyNames(m)) {
    if (FORBIDDEN_KEYS.has(key)) throw new Invalid(`message has the forbidden key "${key}"`);
    const d = Object.getOwnPropertyDescriptor(m, key);
    if (!d || !('value' in d)) throw new Invalid(`message.${key} is an accessor`);
    budget.left -= key.length + 3;
    const v: unknown = d.value;
    if (v === undefined) continue;
    checkJson(v, key, 2, budget, key === 'parameters');
  }
}

// ---------------------------------------------------------------------------------------------
// Parameter checks used by the method handlers. Each throws a ParamError with a clear message.

/** A parameter that does not fit its method. */
export class ParamError extends Error {
  readonly code: BridgeErrorCode = 'INVALID_PARAMETERS';
}

/** Refuses more parameters than the method takes (trailing `undefined`/`null` are tolerated). */
export function checkArity(method: string, params: readonly unknown[], max: number): void {
  let n = params.length;
  while (n > max && (params[n - 1] === undefined || params[n - 1] === null)) n--;
  if (n > max) throw new ParamError(`${method} takes at most ${max} parameter${max === 1 ? '' : 's'}`);
}

/** A required non-empty string of at most `max` characters. */
export function reqString(params: readonly unknown[], i: number, name: string, max = 256): string {
  const v = params[i];
  if (typeof v !== 'string' || v.length === 0) throw new ParamError(`${name} must be a non-empty string`);
  if (v.length > max) throw new ParamError(`${name} is longer than ${max} characters`);
  return v;
}

/** An optional string (undefined/null = absent). */
export function optString(params: readonly unknown[], i: number, name: string, max = 256): string | undefined {
  const v = params[i];
  if (v === undefined || v === null) return undefined;
  return reqString(params, i, name, max);
}

/** An optional plain object (undefined/null = absent). */
export function optObject(params: readonly unknown[], i: number, name: string): Record<string, JsonValue> | undefined {
  const v = params[i];
  if (v === undefined || v === null) return undefined;
  if (!isPlainObject(v)) throw new ParamError(`${name} must be an object`);
  return v as Record<string, JsonValue>;
}

/** Key/value user data: string keys, string / finite number / boolean values (sent as strings). */
export function userDataOf(obj: Record<string, JsonValue>, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k.length === 0 || k.length > 256) throw new ParamError(`${name} has an empty or too long key`);
    if (typeof v === 'string') out[k] = v;
    else if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') out[k] = String(v);
    else throw new ParamError(`${name}.${k} must be a string, number or boolean`);
  }
  return out;
}
