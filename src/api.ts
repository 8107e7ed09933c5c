/**
 * The API every entry exports (src/cc-elements.ts for script tags, src/index.ts for bundlers,
 * src/desk.ts for the one-file desk): the model, the store, the provider and the element base
 * class, the loaders of the lazy chunks. No element of the desk but `<cc-provider>` is imported
 * here: each entry registers them its own way.
 * @module
 */
import './elements/provider/provider.js';
import { whenPresentDefined } from './elements/registry.js';

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

/**
 * Resolves once the elements in the document when this module ran are defined (their chunks
 * loaded; a chunk that failed to load is reported on the console and does not reject this). In
 * dist/cc-desk.js it does not wait for the wrap-up form, task details and conversation, which load
 * with the desk's first task.
 */
export const ready: Promise<void> = whenPresentDefined(document);

/** Load the simulated contact center (its own chunk). */
export const loadSimulator = () => import('./backends/simulated/index.js');

/**
 * Load the postMessage bridge service (its own chunk) — `<cc-provider bridge-origins>` does this
 * for you; call `startBridgeService(store, options)` from it to serve a store you made yourself.
 */
export const loadBridge = () => import('./bridge/service.js');
