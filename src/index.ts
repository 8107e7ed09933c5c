/**
 * cc-elements for bundlers (`import { CcTaskList } from 'cc-elements'`, dist/index.js) and the
 * one-file classic script (dist/cc-elements.iife.js, global `CcElements`): every element,
 * registered on import (guarded, so a second copy of the bundle on a page does not throw), and the
 * API of src/api.ts. A page that should download only the elements it uses loads
 * dist/cc-elements.js instead, or imports elements one by one (`import 'cc-elements/task-list'`).
 * The simulated contact center is not in this module: `<cc-provider simulate>` (or
 * `loadSimulator()`) loads it as a separate chunk only when used.
 * @module
 */
// The provider first (src/api.ts): elements defined after the markup is parsed ask for their
// provider's store as they upgrade, and a provider defined after them would not be asked.
export * from './api.js';
export { CcAgentState } from './elements/agent-state/agent-state.js';
export { CcIncomingTask } from './elements/incoming-task/incoming-task.js';
export { CcTaskList } from './elements/task-list/task-list.js';
export { CcCallControls } from './elements/call-controls/call-controls.js';
export { CcConsultPicker } from './elements/consult-picker/consult-picker.js';
export { CcWrapupForm } from './elements/wrapup-form/wrapup-form.js';
export { CcTaskDetails } from './elements/task-details/task-details.js';
export { CcOutdial } from './elements/outdial/outdial.js';
export { CcConversation } from './elements/conversation/conversation.js';
