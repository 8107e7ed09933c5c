/**
 * The `media` namespace: the agent's channels (voice, chat, email, social) with each one's
 * readiness and capacity, and setting one channel ready or not. Per-channel readiness comes from
 * the backend's optional `channels` capability; without it every channel reports the agent's
 * overall state (`perChannel: false`) and `setState` is NOT_SUPPORTED.
 * @module
 */
import type { ChannelStatus } from '../../backends/contact-center.js';
import { isFinal } from '../../model/final.js';
import type { MediaChannel } from '../../model/seed-types.js';
import { mediaOf } from '../projection.js';
import type { BridgeMedia, JsonValue } from '../protocol.js';
import { checkArity, reqString } from '../validate.js';
import { chooseState, stateListOf } from './agent.js';
import { BridgeFailure, type MethodContext, type MethodHandler } from './context.js';

const CHANNELS: readonly MediaChannel[] = ['telephony', 'chat', 'email', 'social'];

/** `voice` → telephony; `chat`, `email`, `social` as they are (case-insensitive); undefined otherwise. */
export function channelOf(name: string): MediaChannel | undefined {
  const n = name.trim().toLowerCase();
  if (n === 'voice' || n === 'telephony') return 'telephony';
  return CHANNELS.find((c) => c === n);
}

/** Every channel as the bridge reports it. */
export async function mediaList(ctx: MethodContext): Promise<BridgeMedia[]> {
  const { store } = ctx;
  const agent = store.agent;
  const codes = agent.profile?.idleCodes ?? [];
  const active = (c: MediaChannel): number => store.tasks.filter((t) => t.media === c && !isFinal(t)).length;
  const agentReady = agent.status.state === 'Available' || agent.status.state === 'Engaged';
  const statuses: ChannelStatus[] = store.capabilities.channels
    ? await store.capabilities.channels()
    : CHANNELS.map((channel) => ({ channel, ready: agentReady, capacity: 0, auxCodeId: agentReady ? undefined : agent.status.idleCodeId }));
  const perChannel = store.capabilities.channels !== undefined;
  return statuses.map((s) => {
    const m: BridgeMedia = {
      name: mediaOf(s.channel),
      available: s.ready && agentReady,
      state: s.ready ? 'Ready' : 'NotReady',
      capacity: s.capacity,
      activeInteractions: active(s.channel),
      perChannel,
    };
    if (!s.ready && s.auxCodeId !== undefined) {
      m.reasonCodeId = s.auxCodeId;
      const code = codes.find((c) => c.id === s.auxCodeId);
      if (code) m.reasonCodeName = code.name;
    }
    return m;
  });
}

const mediaName = (p: readonly (JsonValue | undefined)[]): MediaChannel => {
  const name = reqString(p, 0, 'mediaName', 32);
  const channel = channelOf(name);
  if (!channel) throw new BridgeFailure('NOT_FOUND', `no media "${name}" (voice, chat, email or social)`);
  return channel;
};

/** The `media.*` handlers. */
export const mediaMethods: Record<string, MethodHandler> = {
  async getMediaList(p, ctx) {
    checkArity('media.getMediaList', p, 0);
    return mediaList(ctx);
  },
  async getMediaByName(p, ctx) {
    checkArity('media.getMediaByName', p, 1);
    const channel = channelOf(reqString(p, 0, 'mediaName', 32));
    if (!channel) return null;
    return (await mediaList(ctx)).find((m) => m.name === mediaOf(channel)) ?? null;
  },
  async setState(p, ctx) {
    checkArity('media.setState', p, 3);
    const channel = mediaName(p);
    const chosen = chooseState(stateListOf(ctx.store.agent), p, 1, 'media.setState');
    await ctx.store.capabilities.setChannelState!(channel, chosen.state, chosen.reasonCodeId);
    const media = (await mediaList(ctx)).find((m) => m.name === mediaOf(channel)) ?? null;
    if (media) ctx.emit('media', media as unknown as JsonValue);
    return media;
  },
};
