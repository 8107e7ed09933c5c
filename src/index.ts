/**
 * cc-elements: the public entry. Importing it registers every element (guarded, so a second copy
 * of the bundle on a page does not throw) and exports the API for scripts and bundlers.
 * The simulated contact center is not in this module: `<cc-provider simulate>` (or
 * `loadSimulator()`) loads it as a separate chunk only when used.
 * @module
 */
import './elements/provider/provider.js';
import './elements/agent-state/agent-state.js';
import './elements/incoming-task/incoming-task.js';
import './elements/task-list/task-list.js';
import './elements/call-controls/call-controls.js';
import './elements/consult-picker/consult-picker.js';
import './elements/wrapup-form/wrapup-form.js';
import './elements/task-details/task-details.js';
import './elements/outdial/outdial.js';
import './elements/conversation/conversation.js';

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
export { CcAgentState } from './elements/agent-state/agent-state.js';
export { CcIncomingTask } from './elements/incoming-task/incoming-task.js';
export { CcTaskList } from './elements/task-list/task-list.js';
export { CcCallControls } from './elements/call-controls/call-controls.js';
export { CcConsultPicker } from './elements/consult-picker/consult-picker.js';
export { CcWrapupForm } from './elements/wrapup-form/wrapup-form.js';
export { CcTaskDetails } from './elements/task-details/task-details.js';
export { CcOutdial } from './elements/outdial/outdial.js';
export { CcConversation } from './elements/conversation/conversation.js';

/** Load the simulated contact center (its own chunk). */
export const loadSimulator = () => import('./backends/simulated/index.js');

/**
 * Load the postMessage bridge service (its own chunk) — `<cc-provider bridge-origins>` does this
 * for you; call `startBridgeService(store, options)` from it to serve a store you made yourself.
 */
export const loadBridge = () => import('./bridge/service.js');
