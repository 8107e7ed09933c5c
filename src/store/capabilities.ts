/**
 * The store's OPTIONAL commands: what some backends can do and others cannot (per-channel
 * readiness, starting and stopping a recording, a signed agent token). Each is present exactly
 * when the backend implements it, so a caller (the bridge) can tell "not supported" at once.
 * Kept out of store.ts: these commands hold no state; their outcome shows in the task (recording)
 * or is answered by the backend (channels).
 * @module
 */
import type { ChannelStatus, ContactCenter } from '../backends/contact-center.js';
import { BackendError } from '../backends/contact-center.js';
import type { AgentView, Task } from '../model/domain.js';
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
}

/** What the capabilities read of the store. */
export interface CapabilityHost {
  tasks(): readonly Task[];
  agent(): AgentView;
}

const refuse = (code: string, message: string): Promise<never> => Promise.reject(new BackendError(message, code));

/** The capabilities `backend` has, checked against the store's view before the backend is called. */
export function capabilitiesOf(backend: ContactCenter, host: CapabilityHost): StoreCapabilities {
  const caps: StoreCapabilities = {};
  const call = (taskId: string, what: string, f: (id: string) => Promise<void>): Promise<void> => {
    const task = host.tasks().find((t) => t.id === taskId);
    if (!task) return refuse('NOT_FOUND', `no task "${taskId}"`);
    if (task.media !== 'telephony') return refuse('INVALID_PARAMETERS', `${what}: "${taskId}" is not a call`);
    if (!['CONNECTED', 'HELD', 'CONSULTING', 'CONFERENCING'].includes(task.state)) {
      return refuse('INVALID_STATE', `${what}: the call is ${task.state}`);
    }
    return f(taskId);
  };
  if (backend.channels) caps.channels = () => backend.channels!();
  if (backend.setChannelState) {
    caps.setChannelState = (channel, state, idleCodeId) => {
      const profile = host.agent().profile;
      if (!profile) return refuse('INVALID_STATE', 'not connected');
      if (idleCodeId !== undefined && (state !== 'Idle' || !profile.idleCodes.some((c) => c.id === idleCodeId && !c.isSystem))) {
        return refuse('INVALID_PARAMETERS', `unknown idle code ${JSON.stringify(idleCodeId)}`);
      }
      return backend.setChannelState!(channel, state, idleCodeId);
    };
  }
  if (backend.startRecording) caps.startRecording = (id) => call(id, 'start recording', (i) => backend.startRecording!(i));
  if (backend.stopRecording) caps.stopRecording = (id) => call(id, 'stop recording', (i) => backend.stopRecording!(i));
  if (backend.jwtToken) caps.jwtToken = () => backend.jwtToken!();
  return caps;
}
