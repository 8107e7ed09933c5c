/**
 * The agent profile and status as the desk knows them, from what the Webex SDK's `register()`
 * and `stationLogin()` answer, and what each login type lets the desk do.
 * @module
 */
import type { AgentProfile, AgentStatus, AuxCode, DeviceCapabilities, OutdialAni } from '../../model/domain.js';
import type { WebexLoginOption, WebexProfile } from './sdk.js';

/** The aux code id Webex uses for Available. */
export const AVAILABLE_CODE = '0';

/**
 * What each login type lets the desk do. Only a WebRTC (browser, "Desktop") login answers,
 * declines and mutes calls in the page; with an Extension or Dial-number login the phone rings
 * and the agent answers and mutes on it (the SDK's `accept` is a no-op for those calls and its
 * `decline` only drops a WebRTC call). Digital offers (chat, email, social) cannot be declined
 * on Webex at all: they are accepted or time out (RONA).
 */
export function capabilitiesFor(login: WebexLoginOption | undefined): DeviceCapabilities {
  const browser = login === 'BROWSER';
  return { acceptCalls: browser, decline: browser ? ['telephony'] : [], mute: browser };
}

const aux = (code: { id: string; name: string; isSystem?: boolean; isDefault?: boolean }): AuxCode => ({
  id: String(code.id),
  name: String(code.name),
  isSystem: code.isSystem === true,
  isDefault: code.isDefault === true,
});

export interface ProfileInput {
  profile: WebexProfile;
  login?: WebexLoginOption;
  teamId?: string;
  anis?: OutdialAni[];
}

/** The desk's AgentProfile from the SDK's Profile. */
export function toAgentProfile({ profile, login, teamId, anis = [] }: ProfileInput): AgentProfile {
  const teams = profile.teams ?? [];
  const team = teams.find((t) => t.teamId === (teamId ?? profile.currentTeamId)) ?? teams[0];
  const props = profile.wrapUpData?.wrapUpProps;
  const wrapUps = profile.wrapupCodes?.length ? profile.wrapupCodes : (props?.wrapUpReasonList ?? []);
  const entries = (profile.dialPlan?.dialPlanEntity ?? []).map((e, i) => ({
    id: e.name || String(i),
    name: e.name,
    regex: e.regex,
    prefix: e.prefix ?? '',
    strippedChars: e.strippedChars ?? '',
  }));
  const interval = props?.autoWrapupInterval ?? 0;
  return {
    agentId: profile.agentId,
    agentName: profile.agentName,
    teamId: team?.teamId ?? teamId ?? '',
    teamName: team?.teamName ?? '',
    idleCodes: (profile.idleCodes ?? []).map(aux),
    wrapUpCodes: wrapUps.map(aux),
    dialPlan: { enabled: entries.length > 0, entries },
    outdial: {
      enabled: profile.isOutboundEnabledForAgent === true && profile.isOutboundEnabledForTenant !== false && Boolean(profile.outDialEp),
      ...(profile.outDialEp ? { entryPointId: profile.outDialEp } : {}),
      anis,
    },
    // The SDK's auto wrap-up interval is in milliseconds; the SDK itself wraps up when it runs out.
    autoWrapup: { enabled: props?.autoWrapup === true, timeoutSeconds: Math.round(interval / 1000), allowCancel: props?.allowCancelAutoWrapup === true },
    // 3.12.0 has no API to write call-associated data.
    userData: { editable: false },
    // The SDK does not say; the contact center refuses a conference beyond its own limit.
    maxConferenceParticipants: Number.MAX_SAFE_INTEGER,
    capabilities: capabilitiesFor(login ?? profile.deviceType),
  };
}

/** Available or Idle (with its code) from an aux code id and a timestamp. */
export function statusOf(auxCodeId: string | undefined, since: number | undefined, now: number): AgentStatus {
  const at = typeof since === 'number' && since > 0 ? since : now;
  if (auxCodeId === undefined || auxCodeId === '') return { state: 'Idle', since: at };
  return auxCodeId === AVAILABLE_CODE ? { state: 'Available', since: at } : { state: 'Idle', idleCodeId: auxCodeId, since: at };
}
