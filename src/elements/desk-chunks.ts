/**
 * The element dist/cc-desk.js loads on first use instead of up front: the consult picker, which
 * shows only once the agent opens Consult or Transfer (`<cc-call-controls>` loads it then) or
 * where a page places it on its own. src/desk.ts imports this module first (see `loadOnFirstUse`).
 * @module
 */
import { loadOnFirstUse } from './registry.js';

loadOnFirstUse({ 'cc-consult-picker': () => import('./consult-picker/consult-picker.js') });
