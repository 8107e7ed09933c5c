/**
 * The whole desk in one ES module (dist/cc-desk.js), for pages that place all of it: every element
 * that shows before the desk's first task, registered on import, and the API of src/api.ts. What
 * shows only on the agent's demand or once there is a task is in chunks of its own, loaded then
 * (src/elements/desk-chunks.ts: the consult picker; the wrap-up form, task details and
 * conversation). The simulated contact center, the bridge and the de/fr catalogs load only when
 * used, as from the other entries.
 * @module
 */
// First: the registry knows the lazily loaded chunks before `<cc-provider>` is defined (and connects).
import './elements/desk-chunks.js';
import { watchForElements } from './elements/registry.js';
// Then the provider (src/api.ts): elements defined after the markup is parsed ask for their
// provider's store as they upgrade, and a provider defined after them would not be asked.
export * from './api.js';

export { CcAgentState } from './elements/agent-state/agent-state.js';
export { CcIncomingTask } from './elements/incoming-task/incoming-task.js';
export { CcTaskList } from './elements/task-list/task-list.js';
export { CcCallControls } from './elements/call-controls/call-controls.js';
export { CcOutdial } from './elements/outdial/outdial.js';

watchForElements(document);
