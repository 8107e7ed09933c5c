/**
 * `targetQuery` (seed 004) to a store `Destination`: a string is a CUSTOM_CONTACT phone number;
 * an object names its kind in `target` (the vendor's docs) or `type` (the vendor's sample) and
 * its `destination` (an agent id, a queue / entry point id or name, a phone number).
 * @module
 */
import type { Destination } from '../../model/domain.js';
import type { CcStore } from '../../store/types.js';
import type { JsonValue } from '../protocol.js';
import { BridgeFailure } from './context.js';

/** The target kinds of seed 004. */
export const TARGET_KINDS = ['AGENT', 'AGENT_GROUP', 'SKILL', 'INTERACTION_QUEUE', 'ROUTING_POINT', 'CUSTOM_CONTACT'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** A parsed, not yet resolved target. */
export interface ParsedTarget {
  kind: TargetKind;
  destination: string;
  /** The vendor's media name, if the caller gave one. */
  media?: string;
}

const PHONE = /^\+?[0-9*#][0-9*#().\- ]{0,40}$/;

function checkPhone(s: string): string {
  const n = s.trim();
  if (!PHONE.test(n)) throw new BridgeFailure('INVALID_PARAMETERS', `"${s.slice(0, 50)}" is not a phone number`);
  return n;
}

const isKind = (s: string): s is TargetKind => (TARGET_KINDS as readonly string[]).includes(s);

/** Checks the shape of a targetQuery (no store access). */
export function parseTarget(q: JsonValue | undefined): ParsedTarget {
  if (typeof q === 'string') return { kind: 'CUSTOM_CONTACT', destination: checkPhone(q) };
  if (typeof q !== 'object' || q === null || Array.isArray(q)) {
    throw new BridgeFailure('INVALID_PARAMETERS', 'targetQuery must be a phone number or an object { target, destination }');
  }
  const target = q.target;
  const type = q.type;
  if (target !== undefined && typeof target !== 'string') throw new BridgeFailure('INVALID_PARAMETERS', 'targetQuery.target must be a string');
  if (type !== undefined && typeof type !== 'string') throw new BridgeFailure('INVALID_PARAMETERS', 'targetQuery.type must be a string');
  if (target !== undefined && type !== undefined && target !== type) {
    throw new BridgeFailure('INVALID_PARAMETERS', 'targetQuery.target and targetQuery.type disagree');
  }
  const kind = (target ?? type)?.toUpperCase();
  if (!kind || !isKind(kind)) {
    throw new BridgeFailure('INVALID_PARAMETERS', `targetQuery.target must be one of ${TARGET_KINDS.join(', ')}`);
  }
  const destination = q.destination;
  if (typeof destination !== 'string' || destination.trim() === '' || destination.length > 256) {
    throw new BridgeFailure('INVALID_PARAMETERS', 'targetQuery.destination must be a non-empty string');
  }
  const media = q.media;
  if (media !== undefined && media !== null && typeof media !== 'string') {
    throw new BridgeFailure('INVALID_PARAMETERS', 'targetQuery.media must be a string');
  }
  const parsed: ParsedTarget = {
    kind,
    destination: kind === 'CUSTOM_CONTACT' ? checkPhone(destination) : destination.trim(),
  };
  if (typeof media === 'string') parsed.media = media.toLowerCase();
  return parsed;
}

/** Finds by id first, then by name (case-insensitive). */
function byIdOrName<T>(list: readonly T[], id: (t: T) => string, name: (t: T) => string, q: string): T | undefined {
  const lower = q.toLowerCase();
  return list.find((t) => id(t) === q) ?? list.find((t) => name(t).toLowerCase() === lower);
}

/**
 * Resolves a parsed target against the directory (loading it when the list needed is empty).
 * NOT_FOUND when no queue / entry point matches; an unlisted agent id is passed on as it is.
 */
export async function resolveTarget(store: CcStore, t: ParsedTarget): Promise<Destination> {
  if (t.kind === 'CUSTOM_CONTACT') return { type: 'dialNumber', id: t.destination, name: t.destination };
  const listFor = (): readonly unknown[] => {
    const d = store.directory;
    if (t.kind === 'AGENT') return d.agents;
    if (t.kind === 'ROUTING_POINT') return d.entryPoints;
    return d.queues;
  };
  if (listFor().length === 0) {
    try {
      await store.refreshDirectory();
    } catch (e) {
      throw new BridgeFailure('BACKEND_ERROR', `could not load the directory: ${(e as { message?: string })?.message ?? 'unknown error'}`);
    }
  }
  const d = store.directory;
  if (t.kind === 'AGENT') {
    // The vendor's destination is the agent's id; a name is resolved when the directory knows it.
    // An id the directory does not list goes to the contact center as it is: it decides.
    const a = byIdOrName(d.agents, (x) => x.agentId, (x) => x.agentName, t.destination);
    return a ? { type: 'agent', id: a.agentId, name: a.agentName } : { type: 'agent', id: t.destination };
  }
  if (t.kind === 'ROUTING_POINT') {
    const e = byIdOrName(d.entryPoints, (x) => x.id, (x) => x.name, t.destination);
    if (!e) throw new BridgeFailure('NOT_FOUND', `no routing point "${t.destination}"`);
    return { type: 'entryPoint', id: e.id, name: e.name };
  }
  const q = byIdOrName(d.queues, (x) => x.id, (x) => x.name, t.destination);
  if (!q) throw new BridgeFailure('NOT_FOUND', `no queue "${t.destination}"`);
  return { type: 'queue', id: q.id, name: q.name };
}
