/**
 * The API both entries export (src/cc-elements.ts for script tags, src/index.ts for bundlers):
 * the model, the store, the provider and the element base class, the loaders of the lazy chunks.
 * No element of the desk but `<cc-provider>` is imported here: each is its own chunk.
 * @module
 */
import './elements/provider/provider.js';

export * from './model/index.js';
export type * from './store/types.js';
export { createStore, type StoreOptions } from './store/store.js';
export { storeContext, i18nContext } from './store/context.js';
export { ObserveController } from './store/observe-controller.js';
export { BackendError } from './backends/contact-center.js';
export type * from './backends/contact-center.js';
export type { BridgeService, BridgeServiceOptions } from './bridge/service.js';
export { createTranslator, defaultTranslator, type Translator } from './i18n/translator.js';
export { loadCatalog, LOCALES, type Locale, type MessageKey } from './i18n/catalog.js';
export { CcElement } from './elements/base/cc-element.js';
export { CcProvider } from './elements/provider/provider.js';
export { loadElements, loadAllElements, type LazyTag } from './elements/registry.js';

/** Load the simulated contact center (its own chunk). */
export const loadSimulator = () => import('./backends/simulated/index.js');

/**
 * Load the postMessage bridge service (its own chunk) — `<cc-provider bridge-origins>` does this
 * for you; call `startBridgeService(store, options)` from it to serve a store you made yourself.
 */
export const loadBridge = () => import('./bridge/service.js');
