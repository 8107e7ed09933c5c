/**
 * Desk benchmarks, driven from bench/run.mjs through `window.bench`:
 * - firstRender(): provider and every element with 10 tasks, from insertion to every element updated;
 * - prepare(n) + eventToDom(): one backend event → every element updated, with n tasks listed;
 * - prepare(1000) + burst(): 10,000 events onto 1,000 tasks, one event per macrotask as a websocket
 *   delivers them (or all in one task), with renders counted per frame.
 * Times are performance.now() in the page; nothing here asserts on them.
 */
import { buildFixture } from './fixture.js';
import { scriptedBackend } from './scripted-backend.js';
import { createDesk, nextFrame, nextTask, once, rowState, settled, taskRows, untilRows } from './desk.js';
import { frameRecorder, installRenderCounter } from './render-counter.js';

/** Navigation start → this module evaluated (the bundle loaded, elements defined). */
const bundleReadyMs = performance.now();

/** Force style and layout of the whole page (what the next frame would have to do anyway). */
const layout = () => document.body.getBoundingClientRect().height;

let desk;
let backend;
let fixture;

async function mount(session) {
  backend = scriptedBackend(session);
  desk = createDesk({ backend });
  const ready = once(desk.provider, 'cc-ready');
  const t0 = performance.now();
  document.body.append(desk.provider);
  await ready;
  await settled(desk.elements);
  const t1 = performance.now();
  layout();
  const t2 = performance.now();
  return { t0, t1, t2 };
}

let firstSession;

/** Build the first-render fixture (not timed): 8 live tasks and 2 offers. */
async function prepareFirstRender() {
  firstSession = (await buildFixture(8, { offers: 2 })).session;
}

/** Cold first render (once on a fresh page, after prepareFirstRender()). */
async function firstRender() {
  const { t0, t1, t2 } = await mount(firstSession);
  const rows = taskRows(desk).length;
  if (rows !== 10) throw new Error(`first render shows ${rows} rows, not 10`);
  return { domMs: t1 - t0, layoutMs: t2 - t0, bundleReadyMs };
}

/** Mount the desk with `count` live tasks. */
async function prepare(count) {
  fixture = await buildFixture(count);
  await mount(fixture.session);
  return { rows: await untilRows(desk, count) };
}

/**
 * A fixed amount of script work (the same every call): the control sample. Its spread shows how
 * much the machine itself (other processes, the garbage collector) adds to a short measurement.
 */
function controlWork() {
  let x = 0;
  for (let i = 0; i < 400_000; i++) x = (x * 31 + i) % 1_000_003;
  return x;
}

/**
 * One hold or resume event at a time on voice tasks spread over the list (the selected first task
 * included), each sample after a painted frame. Returns per-sample times; with `control`, also
 * the times of a fixed piece of script run in the same rhythm.
 */
async function eventToDom({ samples, warmup, control = false }) {
  const voice = fixture.tasks.map((task, index) => ({ task, index, turn: 0 })).filter((v) => v.task.media === 'telephony');
  const dom = [];
  const withLayout = [];
  const store = [];
  const controls = [];
  for (let k = 0; k < warmup + samples; k++) {
    const target = voice[(k * 37) % voice.length];
    const before = rowState(desk, target.index);
    const event = target.task.events[target.turn];
    target.turn = 1 - target.turn;
    const t0 = performance.now();
    backend.push(event);
    const tStore = performance.now();
    await settled(desk.elements);
    const t1 = performance.now();
    layout();
    const t2 = performance.now();
    const after = rowState(desk, target.index);
    if (after === before) throw new Error(`row ${target.index} still shows "${before}" after ${event.type}`);
    if (k >= warmup) {
      dom.push(t1 - t0);
      withLayout.push(t2 - t0);
      store.push(tStore - t0);
    }
    await nextFrame();
    await nextTask();
    if (control) {
      const c0 = performance.now();
      controlWork();
      if (k >= warmup) controls.push(performance.now() - c0);
      await nextFrame();
      await nextTask();
    }
  }
  return { dom, withLayout, store, controls };
}

/** The burst's events: round robin over the tasks, each task alternating its two events. */
function burstEvents(total) {
  const n = fixture.tasks.length;
  const events = [];
  for (let j = 0; j < total; j++) events.push(fixture.tasks[j % n].events[Math.floor(j / n) % 2]);
  return events;
}

/**
 * `total` events onto the listed tasks. `mode: 'tasks'`: one event per macrotask (MessageChannel,
 * as websocket messages arrive); `mode: 'sync'`: all in one task; `mode: 'noop'`: the same messages
 * delivered but not pushed (what the delivery alone costs). Time from the first event to every
 * element updated after the last, renders per element, frames, and the most renders in one frame.
 */
async function burst({ total, mode, capMs = 60_000 }) {
  installRenderCounter();
  const events = burstEvents(total);
  // Back to the state the fixture started in (an even number of events per task leaves it so).
  await settled(desk.elements);
  await nextFrame();
  const recorder = frameRecorder();
  const t0 = performance.now();
  let delivered = 0;
  if (mode === 'sync') {
    for (const event of events) backend.push(event);
    delivered = events.length;
  } else {
    const channel = new MessageChannel();
    await new Promise((resolve) => {
      channel.port1.onmessage = ({ data }) => {
        if (mode !== 'noop') backend.push(events[data]);
        delivered++;
        if (delivered === events.length) resolve();
        else if (performance.now() - t0 > capMs) {
          channel.port1.onmessage = null;
          resolve();
        }
      };
      for (let j = 0; j < events.length; j++) channel.port2.postMessage(j);
    });
    channel.port1.close();
  }
  await settled(desk.elements);
  const t1 = performance.now();
  await nextFrame();
  const { frames, perTag } = recorder.stop();
  return { totalMs: t1 - t0, delivered, frames, perTag };
}

window.bench = { prepareFirstRender, firstRender, prepare, eventToDom, burst };
window.benchReady = true;
