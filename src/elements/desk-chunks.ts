/**
 * What dist/cc-desk.js loads later instead of up front:
 * - the consult picker, which shows only once the agent opens Consult or Transfer
 *   (`<cc-call-controls>` loads it then), or where a page places it on its own;
 * - the elements about the selected task — the wrap-up form, the task details and the
 *   conversation — which have nothing to show before the desk's first task but an empty state
 *   ("No task selected."): their chunk (one for the three, src/elements/task-elements.ts) loads
 *   when its store first lists one (`loadWithFirstTask`), before the agent can have accepted it,
 *   let alone reached wrap-up.
 * src/desk.ts imports this module first (see `loadOnFirstUse`).
 * @module
 */
import { loadOnFirstUse, loadWithFirstTask } from './registry.js';

loadOnFirstUse({ 'cc-consult-picker': () => import('./consult-picker/consult-picker.js') });
// One chunk for the three (a natural group: they load at the same moment).
const taskElements = () => import('./task-elements.js');
loadWithFirstTask({ 'cc-wrapup-form': taskElements, 'cc-task-details': taskElements, 'cc-conversation': taskElements });
