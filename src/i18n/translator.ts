/**
 * The Translator every element gets from `<cc-provider>` through context.
 * @module
 */
import { english, type Catalog, type Locale, type MessageKey } from './catalog.js';
import type { CcError, MediaChannel, TaskState, AgentStateName } from '../model/index.js';
import { errorParts } from '../model/desk.js';

export type Params = Readonly<Record<string, string | number>>;

export interface Translator {
  readonly locale: Locale;
  /** The message for `key`, with `{name}` placeholders filled from `params` (as plain text). */
  t(key: MessageKey, params?: Params): string;
  /** A duration as m:ss or h:mm:ss. */
  duration(ms: number): string;
  media(media: MediaChannel): string;
  state(state: TaskState): string;
  agentState(state: AgentStateName | 'WrapUp'): string;
  /** What failed, the contact center's own words when it gave any, and what to do. */
  error(error: CcError): string;
}

const two = (n: number): string => String(n).padStart(2, '0');

export function createTranslator(locale: Locale, catalog: Catalog): Translator {
  /** `{name}` placeholders are filled from `params` (as plain text); unknown ones stay. */
  const t = (key: MessageKey, params?: Params): string =>
    (catalog[key] ?? english[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => String(params?.[name] ?? whole));
  /** The message of `prefix` + a value (a media channel, a state …). */
  const named = (prefix: string) => (value: string) => t(`${prefix}${value}` as MessageKey);
  return {
    locale,
    t,
    duration(ms: number): string {
      const total = Math.max(0, Math.floor(ms / 1000));
      const h = Math.floor(total / 3600);
      const m = Math.floor((total % 3600) / 60);
      const s = total % 60;
      return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
    },
    media: named('media.'),
    state: named('state.'),
    agentState: named('agent.'),
    error(error) {
      const { command, code, reason } = errorParts(error);
      const said = reason ? t(code === 'MARKDONE_BLOCKED' ? 'said.MARKDONE_BLOCKED' : 'said.other', { reason }) : '';
      return [t(`failed.${command}`), said, t(`fix.${code}`)].filter(Boolean).join(' ');
    },
  };
}

/** English, for elements used before (or without) a provider. */
export const defaultTranslator: Translator = createTranslator('en', english);
