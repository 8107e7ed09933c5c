/**
 * Memory benchmarks, driven from bench/run.mjs (which collects garbage and reads the heap through
 * the DevTools protocol between the steps):
 * - setupLifecycles() + lifecycles(): tasks from offer to wrap-up through the real store, the
 *   simulated contact center (virtual clock, no latency), every element and the bridge service;
 * - providerCycles(): a desk (provider with every element, the simulator, the bridge) put in the
 *   document, given an offer, and removed, again and again.
 */
import { loadSimulator } from '/dist/cc-elements.js';
import { createDesk, nextFrame, nextTask, once, settled, taskRows } from './desk.js';

const MEDIA = ['telephony', 'chat', 'email', 'social'];
const WRAP_UP_CODE = 'wrap-resolved';

let desk;
let sim;
let clock;
let lifecyclesDone = 0;

/** The long-lived desk of the lifecycle benchmark. */
async function setupLifecycles() {
  const simulator = await loadSimulator();
  clock = new simulator.VirtualClock(Date.now());
  sim = new simulator.SimulatedContactCenter({ seed: 7, clock, latencyMs: 0, startAvailable: true });
  desk = createDesk({ backend: sim, attributes: { 'bridge-origins': location.origin } });
  const ready = once(desk.provider, 'cc-ready');
  document.body.append(desk.provider);
  await ready;
  await settled(desk.elements);
  return { tasks: desk.provider.store.tasks.length };
}

/** Run one store command on each task, let the simulator confirm, and let the elements render. */
async function step(ids, command) {
  const store = desk.provider.store;
  const calls = ids.map((id) => command(store, id));
  clock.flush();
  await Promise.all(calls);
  await settled(desk.elements);
  await nextTask();
}

/**
 * `total` task lifecycles, `batch` tasks at a time (media rotating): offer, accept, end (into
 * wrap-up), wrap up. Every task must have left the list at the end.
 */
async function lifecycles({ total, batch = 10 }) {
  const store = desk.provider.store;
  for (let done = 0; done < total; done += batch) {
    const ids = [];
    for (let i = 0; i < batch; i++) ids.push(sim.offerContact({ force: true, media: MEDIA[(done + i) % MEDIA.length] }));
    clock.flush();
    await settled(desk.elements);
    if (taskRows(desk).length !== batch) throw new Error(`${taskRows(desk).length} rows after ${batch} offers`);
    await step(ids, (s, id) => s.accept(id));
    await step(ids, (s, id) => s.end(id));
    if (store.tasks.some((t) => t.state !== 'WRAPPING_UP')) throw new Error('a task did not go to wrap-up');
    await step(ids, (s, id) => s.wrapup(id, { auxCodeId: WRAP_UP_CODE }));
    if ((done / batch) % 50 === 49) await nextFrame();
  }
  if (store.tasks.length !== 0) throw new Error(`${store.tasks.length} tasks left after the lifecycles`);
  lifecyclesDone += total;
  return { lifecycles: lifecyclesDone };
}

/**
 * `total` times: a new desk on the simulator (and the bridge) goes into the document, starts, shows
 * an offer, and is removed (the provider stops its store on removal).
 */
async function providerCycles({ total }) {
  for (let i = 0; i < total; i++) {
    const cycle = createDesk({ attributes: { simulate: '', seed: String(i + 1), 'bridge-origins': location.origin } });
    const ready = once(cycle.provider, 'cc-ready');
    document.body.append(cycle.provider);
    await ready;
    cycle.provider.backend.offerContact({ force: true, media: MEDIA[i % MEDIA.length] });
    for (let wait = 0; taskRows(cycle).length === 0; wait++) {
      if (wait > 100) throw new Error('the offer never showed');
      await new Promise((resolve) => setTimeout(resolve, 0)); // the simulator's real-clock timer
    }
    await settled(cycle.elements);
    cycle.provider.remove();
    await nextTask();
    if ((i + 1) % 50 === 0) await nextFrame();
  }
  await nextFrame();
  return { cycles: total, left: document.querySelectorAll('cc-provider').length };
}

window.bench = { setupLifecycles, lifecycles, providerCycles };
window.benchReady = true;
