/**
 * Dial-number validation for outdial and consult/transfer to a number, against the agent's dial plan.
 * @module
 */
import type { AgentProfile } from './domain.js';

export type DialCheck =
  | { ok: true; number: string }
  | { ok: false; reason: 'EMPTY' | 'INVALID_CHARACTERS' | 'TOO_LONG' | 'NOT_IN_DIAL_PLAN' };

/** Most dialable characters (digits, `*`, `#`) a number may have, not counting a leading `+`. */
export const MAX_DIAL_DIGITS = 20;

/** Formatting agents type and dial plans ignore: whitespace, dashes, dots, parentheses. */
const FORMATTING = /[\s\-.()]/g;

function matchesEntry(number: string, regex: string): boolean {
  try {
    return new RegExp(`^(?:${regex})$`).test(number);
  } catch {
    return false; // a broken entry in the profile matches nothing
  }
}

/**
 * Clean and check a number: strips spaces, dashes, dots and parentheses; allows one leading `+`
 * then digits, `*` and `#`; at most 20 of those; and when the profile's dial plan is enabled the
 * cleaned number must match one entry's regex as a whole. The cleaned number is what to dial.
 */
export function validateDialNumber(input: string, profile: AgentProfile | undefined): DialCheck {
  const number = (typeof input === 'string' ? input : '').replace(FORMATTING, '');
  const body = number.startsWith('+') ? number.slice(1) : number;
  if (body === '') return { ok: false, reason: 'EMPTY' };
  if (!/^[0-9*#]+$/.test(body)) return { ok: false, reason: 'INVALID_CHARACTERS' };
  if (body.length > MAX_DIAL_DIGITS) return { ok: false, reason: 'TOO_LONG' };
  const plan = profile?.dialPlan;
  if (plan?.enabled && !(plan.entries ?? []).some((entry) => matchesEntry(number, entry.regex))) {
    return { ok: false, reason: 'NOT_IN_DIAL_PLAN' };
  }
  return { ok: true, number };
}
