/**
 * Context keys shared by `<cc-provider>` and every element below it. `Symbol.for` keys, so two
 * copies of the bundle on one page still find each other's provider.
 * @module
 */
import { createContext } from '@lit/context';
import type { CcStore } from './types.js';
import type { Translator } from '../i18n/translator.js';

/** The store of the nearest `<cc-provider>`. */
export const storeContext = createContext<CcStore | undefined>(Symbol.for('cc-elements.store'));

/** The active language of the nearest `<cc-provider>`. */
export const i18nContext = createContext<Translator>(Symbol.for('cc-elements.i18n'));
