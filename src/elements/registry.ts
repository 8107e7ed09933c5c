/**
 * Registration on first use. Every element of the desk except `<cc-provider>` is its own chunk;
 * this module (in the entry) knows where each one lives and loads a tag's chunk once the tag shows
 * up in the page:
 * - at start-up it looks through the document for the tags already there (a module script runs
 *   after the document is parsed, so a CRM's markup is complete by then);
 * - a MutationObserver on the document, and each `<cc-provider>` on its own children (a provider
 *   may sit in a shadow root the document's observer cannot see), catch tags added later;
 * - `loadElements('cc-task-list', …)` loads tags explicitly (elements created inside other shadow
 *   roots, or to have them ready before they are placed). It resolves with the classes.
 * An element that embeds another loads it itself (`<cc-call-controls>` loads the consult picker
 * when its picker first opens). With every tag defined, the document's observer disconnects.
 * @module
 */

/** Each lazily registered tag and its chunk (importing the chunk defines the tag). */
export const ELEMENT_CHUNKS = {
  'cc-agent-state': () => import('./agent-state/agent-state.js'),
  'cc-incoming-task': () => import('./incoming-task/incoming-task.js'),
  'cc-task-list': () => import('./task-list/task-list.js'),
  'cc-call-controls': () => import('./call-controls/call-controls.js'),
  'cc-consult-picker': () => import('./consult-picker/consult-picker.js'),
  'cc-wrapup-form': () => import('./wrapup-form/wrapup-form.js'),
  'cc-task-details': () => import('./task-details/task-details.js'),
  'cc-outdial': () => import('./outdial/outdial.js'),
  'cc-conversation': () => import('./conversation/conversation.js'),
} as const;

export type LazyTag = keyof typeof ELEMENT_CHUNKS;

const TAGS = Object.keys(ELEMENT_CHUNKS) as LazyTag[];
const loading = new Map<LazyTag, Promise<CustomElementConstructor>>();

const isLazyTag = (tag: string): tag is LazyTag => Object.hasOwn(ELEMENT_CHUNKS, tag);

/** Load (once) and define one tag; resolves with its class. Unknown tags are a TypeError. */
function loadOne(tag: string): Promise<CustomElementConstructor> {
  if (!isLazyTag(tag)) return Promise.reject(new TypeError(`cc-elements: no element named <${tag}>`));
  let pending = loading.get(tag);
  if (!pending) {
    // Defined already (the one-file bundle defines every tag up front, or another copy did).
    const defined = customElements.get(tag);
    pending = defined
      ? Promise.resolve(defined)
      : ELEMENT_CHUNKS[tag]().then(() => customElements.whenDefined(tag));
    loading.set(tag, pending);
    // A chunk that failed to load (offline, say) may be tried again on the next use.
    pending.catch(() => loading.delete(tag));
  }
  return pending;
}

/**
 * Load and define the named tags now (each chunk once). Resolves with their classes in order;
 * rejects with the loading error of a chunk that could not be fetched, or a TypeError for a tag
 * that is not ours.
 */
export function loadElements(...tags: string[]): Promise<CustomElementConstructor[]> {
  return Promise.all(tags.map(loadOne));
}

/** Load every element of the desk (what the one-file bundle does up front). */
export const loadAllElements = (): Promise<CustomElementConstructor[]> => loadElements(...TAGS);

/** The tags of ours not yet loading, as one selector (empty when all are). */
const pendingSelector = (): string => TAGS.filter((tag) => !loading.has(tag)).join(',');

/** Load the chunks of our tags found in `root` (itself included). Loading failures are reported to the console once. */
export function loadUsedIn(root: ParentNode | Element): void {
  const selector = pendingSelector();
  if (!selector) return;
  const found = new Set<string>();
  if ('localName' in root && isLazyTag(root.localName) && !loading.has(root.localName)) found.add(root.localName);
  for (const el of root.querySelectorAll(selector)) found.add(el.localName);
  for (const tag of found) loadOne(tag).catch((error: unknown) => console.error(`cc-elements: <${tag}> could not load`, error));
}

/**
 * Watch `root` for our tags being added (and load those already there). Returns the observer;
 * it disconnects by itself once every tag is loading.
 */
export function watchForElements(root: Node & ParentNode): MutationObserver {
  loadUsedIn(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node.nodeType === 1) loadUsedIn(node as Element);
    }
    if (!pendingSelector()) observer.disconnect();
  });
  if (pendingSelector()) observer.observe(root, { childList: true, subtree: true });
  return observer;
}

/** Resolves once every tag of ours present in `root` now is defined (or failed to load). */
export async function whenPresentDefined(root: ParentNode): Promise<void> {
  const present = new Set<string>();
  for (const el of root.querySelectorAll(TAGS.join(','))) present.add(el.localName);
  await Promise.allSettled([...present].map(loadOne));
}
