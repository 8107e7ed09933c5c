/**
 * Registration on first use. An entry names the elements it does not register up front and where
 * each one's chunk is (`loadOnFirstUse`: dist/cc-elements.js every element but `<cc-provider>`,
 * dist/cc-desk.js the consult picker); this module loads a tag's chunk once the tag shows up in
 * the page:
 * - at start-up the entry looks through the document for the tags already there (a module script
 *   runs after the document is parsed, so a CRM's markup is complete by then);
 * - a MutationObserver on the document, and each `<cc-provider>` on its own children (a provider
 *   may sit in a shadow root the document's observer cannot see), catch tags added later;
 * - `loadElements('cc-task-list', …)` loads tags explicitly (elements created inside other shadow
 *   roots, or to have them ready before they are placed). It resolves with the classes, also for
 *   the tags an entry registered up front.
 * An element that embeds another loads it itself (`<cc-call-controls>` loads the consult picker
 * when its picker first opens). Once every such tag is loading, the observers disconnect.
 *
 * An entry may also hold a tag's chunk until the desk has its first task (`loadWithFirstTask`:
 * dist/cc-desk.js the wrap-up form, the task details and the conversation, which show at most an
 * empty state before one).
 * `<cc-provider>` says when its store first lists a task (`firstTaskCame`); from then on such tags
 * load like the others.
 * @module
 */

/** Every element of the desk but `<cc-provider>` (which is in every entry). */
export const ELEMENT_TAGS = [
  'cc-agent-state',
  'cc-incoming-task',
  'cc-task-list',
  'cc-call-controls',
  'cc-consult-picker',
  'cc-wrapup-form',
  'cc-task-details',
  'cc-outdial',
  'cc-conversation',
] as const;

export type LazyTag = (typeof ELEMENT_TAGS)[number];

/** Imports the module that defines a tag. */
export type ChunkLoader = () => Promise<unknown>;

/** The chunks of the tags this page's entry did not register up front. */
const chunks = new Map<LazyTag, ChunkLoader>();
const loading = new Map<LazyTag, Promise<CustomElementConstructor>>();
/** The tags whose chunk waits for the desk's first task, until it comes (then empty). */
const heldForFirstTask = new Set<LazyTag>();

const isOurTag = (tag: string): tag is LazyTag => (ELEMENT_TAGS as readonly string[]).includes(tag);

/**
 * Load these tags' chunks on first use. An entry calls this in the first module it imports, before
 * `<cc-provider>` is defined: a provider already in the page connects (and starts watching its
 * children) as soon as it is.
 */
export function loadOnFirstUse(loaders: Partial<Record<LazyTag, ChunkLoader>>): void {
  for (const [tag, load] of Object.entries(loaders)) chunks.set(tag as LazyTag, load);
}

/**
 * Load these tags' chunks once the desk has its first task (and the tag is in the page), not
 * before: for elements that show at most an empty state until then. Until they load, the
 * placeholder rules of cc-elements.css keep their box.
 */
export function loadWithFirstTask(loaders: Partial<Record<LazyTag, ChunkLoader>>): void {
  loadOnFirstUse(loaders);
  for (const tag of Object.keys(loaders)) heldForFirstTask.add(tag as LazyTag);
}

/**
 * The store of `provider` lists its first task: load the held chunks of the tags in the page (the
 * document, and the provider's children where it sits in a shadow root); those placed later load
 * as they show up.
 */
export function firstTaskCame(provider: Element): void {
  if (heldForFirstTask.size === 0) return;
  heldForFirstTask.clear();
  loadUsedIn(provider.ownerDocument);
  loadUsedIn(provider);
}

/** Load (once) and define one tag; resolves with its class. Unknown tags are a TypeError. */
function loadOne(tag: string): Promise<CustomElementConstructor> {
  if (!isOurTag(tag)) return Promise.reject(new TypeError(`cc-elements: no element named <${tag}>`));
  let pending = loading.get(tag);
  if (!pending) {
    // Defined already (the entry registers it up front, or another copy of the bundle did).
    const defined = customElements.get(tag);
    const load = chunks.get(tag);
    pending = defined
      ? Promise.resolve(defined)
      : (load?.() ?? Promise.resolve()).then(() => customElements.whenDefined(tag));
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

/** Load every element of the desk (what the one-file bundles do up front). */
export const loadAllElements = (): Promise<CustomElementConstructor[]> => loadElements(...ELEMENT_TAGS);

/** The lazily loaded tags not yet loading, as one selector (empty when all are). */
const pendingSelector = (): string => [...chunks.keys()].filter((tag) => !loading.has(tag)).join(',');

/** Load the chunks of our tags found in `root` (itself included). Loading failures are reported to the console once. */
export function loadUsedIn(root: ParentNode | Element): void {
  const selector = pendingSelector();
  if (!selector) return;
  const found = new Set<string>();
  if ('localName' in root && chunks.has(root.localName as LazyTag) && !loading.has(root.localName as LazyTag)) found.add(root.localName);
  for (const el of root.querySelectorAll(selector)) found.add(el.localName);
  for (const tag of heldForFirstTask) found.delete(tag);
  for (const tag of found) loadOne(tag).catch((error: unknown) => console.error(`cc-elements: <${tag}> could not load`, error));
}

/**
 * Watch `root` for our lazily loaded tags being added (and load those already there). Returns the
 * observer; it disconnects by itself once every such tag is loading (at once when there is none).
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

/**
 * Resolves once every tag of ours present in `root` now is defined (or failed to load), but for
 * those held until the first task (see `loadWithFirstTask`).
 */
export async function whenPresentDefined(root: ParentNode): Promise<void> {
  const present = new Set<string>();
  for (const el of root.querySelectorAll(ELEMENT_TAGS.join(','))) present.add(el.localName);
  for (const tag of heldForFirstTask) present.delete(tag);
  await Promise.allSettled([...present].map(loadOne));
}
