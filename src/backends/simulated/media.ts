/**
 * Per-channel readiness in the simulated contact center: the agent may be ready on some channels
 * and not on others (the `ContactCenter.channels` / `setChannelState` capability). Offers only
 * come on ready channels; the agent's overall state is unchanged by a channel's.
 * @module
 */
import type { AuxCode } from '../../model/domain.js';
import type { MediaChannel } from '../../model/seed-types.js';
import type { ChannelStatus } from '../contact-center.js';
import { fail } from './rules.js';

/** The channels in the order they are listed. */
export const CHANNELS: readonly MediaChannel[] = ['telephony', 'chat', 'email', 'social'];

/** Each channel's readiness. Every channel starts ready. */
export class ChannelReadiness {
  private readonly notReady = new Map<MediaChannel, string | undefined>();

  constructor(private readonly capacity: (channel: MediaChannel) => number) {}

  isReady(channel: MediaChannel): boolean {
    return !this.notReady.has(channel);
  }

  list(): ChannelStatus[] {
    return CHANNELS.map((channel) => {
      const code = this.notReady.get(channel);
      const status: ChannelStatus = { channel, ready: this.isReady(channel), capacity: this.capacity(channel) };
      if (code !== undefined) status.auxCodeId = code;
      return status;
    });
  }

  /** Sets a channel's readiness; throws a BackendError on an unknown channel or idle code. */
  set(channel: MediaChannel, state: 'Available' | 'Idle', auxCodeId: string | undefined, idleCodes: readonly AuxCode[]): void {
    if (!CHANNELS.includes(channel)) fail(`"${String(channel)}" is not one of the agent's channels`, 'INVALID_PARAMETERS');
    if (state === 'Available') {
      this.notReady.delete(channel);
      return;
    }
    if (state !== 'Idle') fail(`unknown state ${JSON.stringify(state)}`, 'INVALID_PARAMETERS');
    if (auxCodeId !== undefined && !idleCodes.some((c) => c.id === auxCodeId && !c.isSystem)) {
      fail(`unknown idle code ${JSON.stringify(auxCodeId)}`, 'INVALID_PARAMETERS');
    }
    this.notReady.set(channel, auxCodeId);
  }
}
