/**
 * The simulated agent's default profile: idle and wrap-up codes, team, dial plan, outdial ANIs.
 * @module
 */
import type { AgentProfile } from '../../model/domain.js';

/** The system idle code an agent gets when an offer rings out (RONA). */
export const RONA_CODE_ID = 'idle-rona';

/**
 * E.164 numbers, or US numbers with or without the leading 1 (after stripping spaces, dashes,
 * dots and parentheses).
 */
export const E164_US_REGEX = '\\+[1-9]\\d{7,14}|1?[2-9]\\d{2}[2-9]\\d{6}';

/** The default profile; `overrides` replace whole top-level fields. */
export function defaultProfile(
  agentId: string,
  agentName: string,
  overrides: Partial<AgentProfile> = {},
): AgentProfile {
  return {
    agentId,
    agentName,
    teamId: 'team-frontline',
    teamName: 'Frontline Support',
    idleCodes: [
      { id: 'idle-break', name: 'Break', isDefault: true },
      { id: 'idle-lunch', name: 'Lunch' },
      { id: 'idle-meeting', name: 'Meeting' },
      { id: 'idle-training', name: 'Training' },
      { id: RONA_CODE_ID, name: 'RONA', isSystem: true },
    ],
    wrapUpCodes: [
      { id: 'wrap-resolved', name: 'Resolved', isDefault: true },
      { id: 'wrap-follow-up', name: 'Follow-up needed' },
      { id: 'wrap-escalated', name: 'Escalated' },
      { id: 'wrap-no-action', name: 'No action' },
    ],
    dialPlan: {
      enabled: true,
      entries: [{ id: 'dp-e164-us', name: 'E.164 and US numbers', regex: E164_US_REGEX, prefix: '', strippedChars: ' ()-.' }],
    },
    outdial: {
      enabled: true,
      entryPointId: 'ep-outdial',
      anis: [
        { id: 'ani-main', name: 'Main line', number: '+18005550100' },
        { id: 'ani-support', name: 'Support line', number: '+18005550199' },
      ],
    },
    autoWrapup: { enabled: false, timeoutSeconds: 60, allowCancel: true },
    userData: { editable: true },
    maxConferenceParticipants: 4,
    ...overrides,
  };
}

/**
 * The number as dialled (spaces, dashes, dots, parentheses removed) when the dial plan allows it,
 * else undefined. With the dial plan disabled any `+`, digits, `*` and `#` up to 20 digits pass.
 */
export function dialable(input: string, profile: AgentProfile): string | undefined {
  if (typeof input !== 'string') return undefined;
  const number = input.replace(/[\s().-]/g, '');
  if (!/^\+?[0-9*#]{1,20}$/.test(number)) return undefined;
  if (!profile.dialPlan.enabled) return number;
  return profile.dialPlan.entries.some((e) => new RegExp(`^(?:${e.regex})$`).test(number)) ? number : undefined;
}
