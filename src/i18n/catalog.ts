/**
 * Message catalogs. Two kinds of message id:
 * - an English sentence, written where it is used (`this.t('Retry')`, `this.t('Talk to {name}', …)`):
 *   English needs no table for it, and the source reads as the agent will;
 * - a key for a message chosen at run time (`media.chat`, `state.HELD`, `error.TIMEOUT`,
 *   `callControls.hold` …), looked up in the English table of `src/i18n/en/`.
 * English is built in; other languages load on demand (their own chunks) and must translate every
 * sentence and every key: the type checker enforces it. When one English sentence needs two
 * different translations in two places, give one of them a key.
 * @module
 */
import en, { type Sentence } from './en/index.js';

export type MessageKey = keyof typeof en | Sentence;
/** A language's messages; the built-in English table holds only the keyed ones. */
export type Catalog = Readonly<Partial<Record<MessageKey, string>>>;

export const english: Catalog = en;

/** The languages that ship, with their names in their own language. */
export const LOCALES = { en: 'English', de: 'Deutsch', fr: 'Français' } as const;
export type Locale = keyof typeof LOCALES;

/** Load a catalog; an unknown locale falls back to its language part, then English. */
export async function loadCatalog(locale: string): Promise<{ locale: Locale; catalog: Catalog }> {
  const lang = locale.toLowerCase().split(/[-_]/)[0];
  const catalog =
    lang === 'de' ? (await import('./de/index.js')).default : lang === 'fr' ? (await import('./fr/index.js')).default : undefined;
  return catalog ? { locale: lang as Locale, catalog } : { locale: 'en', catalog: english };
}
