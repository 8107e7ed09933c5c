/**
 * cc-elements for script tags (dist/cc-elements.js): the shared core (lit, rxjs, the store, the
 * model, the element base and `<cc-provider>`) and a registry that loads each other element's
 * chunk when its tag is first used in the page (see src/elements/registry.ts). A CRM that places
 * `<cc-task-list>` and `<cc-call-controls>` downloads those two chunks and nothing else.
 * @module
 */
// First: the registry knows every chunk before `<cc-provider>` is defined (and connects).
import './elements/element-chunks.js';
import { reserveSpace } from './elements/placeholders.js';
import { watchForElements } from './elements/registry.js';

export * from './api.js';

// Tags whose chunk is still loading keep the height they will first have: nothing jumps.
reserveSpace(document);
watchForElements(document);
