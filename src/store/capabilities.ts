/**
 * The store's OPTIONAL commands: what some backends can do and others cannot (per-channel
 * readiness, starting and stopping a recording, a signed agent token, stopping an automatic
 * wrap-up). Each is present exactly
 * when the backend implements it, so a caller (the bridge) can tell "not supported" at once.
 * Kept out of store.ts: these commands hold no state; their outcome shows in the task (recording)
 * or is answered by the backend (channels). Callers check their input before calling.
 * @module
 */
import type { ChannelStatus, ContactCenter } from '../backends/contact-center.js';
import type { MediaChannel } from '../model/seed-types.js';

/** The optional commands; an absent one means the backend cannot do it. */
export interface StoreCapabilities {
  /** Every channel of the agent with its readiness. */
  channels?(): Promise<ChannelStatus[]>;
  /** Ready (`Available`) or not ready (`Idle`, with an optional idle code) on one channel. */
  setChannelState?(channel: MediaChannel, state: 'Available' | 'Idle', idleCodeId?: string): Promise<void>;
  /** Start / stop recording a live call (the task's `recording` follows the backend's events). */
  startRecording?(taskId: string): Promise<void>;
  stopRecording?(taskId: string): Promise<void>;
  /** A signed token naming the agent, for third parties. */
  jwtToken?(): Promise<string>;
  /** Stop the automatic wrap-up of a task in wrap-up (the agent wraps up in their own time). */
  cancelAutoWrapup?(taskId: string): Promise<void>;
}

const OPTIONAL = ['channels', 'setChannelState', 'startRecording', 'stopRecording', 'jwtToken', 'cancelAutoWrapup'] as const;

/**
 * The capabilities `backend` has, bound to it. The store adds no checks of its own here (the
 * callers check their input: the bridge validates every parameter), which keeps this out of
 * the weight of the main bundle.
 */
export function capabilitiesOf(backend: ContactCenter): StoreCapabilities {
  const caps: Record<string, unknown> = {};
  for (const name of OPTIONAL) {
    const f = backend[name] as ((...a: never[]) => unknown) | undefined;
    if (typeof f === 'function') caps[name] = f.bind(backend);
  }
  return caps as StoreCapabilities;
}
