/**
 * Where each element's chunk is, for dist/cc-elements.js, which registers every element but
 * `<cc-provider>` on first use. src/cc-elements.ts imports this module first (see
 * `loadOnFirstUse`). Importing a chunk defines its tag.
 * @module
 */
import { loadOnFirstUse, type ChunkLoader, type LazyTag } from './registry.js';

export const ELEMENT_CHUNKS: Record<LazyTag, ChunkLoader> = {
  'cc-agent-state': () => import('./agent-state/agent-state.js'),
  'cc-incoming-task': () => import('./incoming-task/incoming-task.js'),
  'cc-task-list': () => import('./task-list/task-list.js'),
  'cc-call-controls': () => import('./call-controls/call-controls.js'),
  'cc-consult-picker': () => import('./consult-picker/consult-picker.js'),
  'cc-wrapup-form': () => import('./wrapup-form/wrapup-form.js'),
  'cc-task-details': () => import('./task-details/task-details.js'),
  'cc-outdial': () => import('./outdial/outdial.js'),
  'cc-conversation': () => import('./conversation/conversation.js'),
};

loadOnFirstUse(ELEMENT_CHUNKS);
