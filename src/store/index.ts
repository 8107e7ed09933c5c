/**
 * The store room: the CcStore contract, the RxJS store, the context keys and the controller
 * elements read it through.
 * @module
 */
export type { CcStore, WrapupInput } from './types.js';
export { createStore, type StoreOptions } from './store.js';
export { storeContext, i18nContext } from './context.js';
export { ObserveController } from './observe-controller.js';
