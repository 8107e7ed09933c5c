/**
 * Message catalogs. English is built in; other languages load on demand (their own chunks).
 * Every catalog must translate every English key: the type checker enforces it.
 * @module
 */
import en from './en/index.js';

export type MessageKey = keyof typeof en;
export type Catalog = Readonly<Record<MessageKey, string>>;

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
