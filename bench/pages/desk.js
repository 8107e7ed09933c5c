/**
 * The agent desk the benchmark pages mount: `<cc-provider>` with every element below it, as a CRM
 * embeds it (see demo/index.html), every element's chunk loaded, plus helpers to wait until every element has finished updating.
 */
import { loadElements } from '/dist/cc-elements.js';

/** Every element tag below the provider (ARCHITECTURE.md, "Public contract"). */
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
];

// Every element's chunk is loaded before anything is measured, as on a desk whose markup names its
// tags at page load (the first-render comparison measures a chunk on the critical path separately).
await loadElements(...ELEMENT_TAGS);

/**
 * A provider with every element inside it (not yet in the document).
 * @param {{ backend?: object, attributes?: Record<string, string> }} options
 */
export function createDesk({ backend, attributes = {} } = {}) {
  const provider = document.createElement('cc-provider');
  for (const [name, value] of Object.entries(attributes)) provider.setAttribute(name, value);
  if (backend) provider.backend = backend;
  const main = document.createElement('main');
  const elements = ELEMENT_TAGS.map((tag) => main.appendChild(document.createElement(tag)));
  provider.append(main);
  return { provider, elements: [provider, ...elements] };
}

/** Resolves when `el` fires `name` (once). */
export const once = (el, name) => new Promise((resolve) => el.addEventListener(name, resolve, { once: true }));

/**
 * Resolves once no element has an update pending (an update may request another: loop until
 * quiet). Only microtasks pass unless an element schedules work later.
 */
export async function settled(elements) {
  for (let round = 0; round < 20; round++) {
    await Promise.all(elements.map((el) => el.updateComplete));
    if (!elements.some((el) => el.isUpdatePending)) return;
  }
  throw new Error('elements kept updating');
}

/** The next animation frame. */
export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** A macrotask turn (MessageChannel: not clamped like setTimeout). */
export function nextTask() {
  const channel = new MessageChannel();
  return new Promise((resolve) => {
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(0);
  });
}

/** The task list's rows. */
export const taskRows = (desk) =>
  desk.provider.querySelector('cc-task-list')?.shadowRoot?.querySelectorAll('[role="option"]') ?? [];

/** The state text of one row of the task list. */
export const rowState = (desk, index) => taskRows(desk)[index]?.querySelector('[part="state"]')?.textContent?.trim();

/**
 * Wait until the task list shows `count` rows: a long list renders its first rows at once and the
 * rest over the next frames. Throws when it does not within 100 frames.
 */
export async function untilRows(desk, count) {
  for (let frame = 0; frame < 100 && taskRows(desk).length < count; frame++) {
    await nextFrame();
    await settled(desk.elements);
  }
  const rows = taskRows(desk).length;
  if (rows !== count) throw new Error(`the list shows ${rows} rows, not ${count}`);
  return rows;
}
