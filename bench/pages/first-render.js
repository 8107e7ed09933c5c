/**
 * First render, ours and React's, driven from bench/lib/first-render-figures.mjs through
 * `window.bench` (one fresh page per sample; `?side=ours|react|fixture`):
 * - fixture: builds the sessions (the simulator's own payloads, bench/pages/fixture.js);
 * - ours: `<cc-provider>` with `<cc-task-list>` appended, its backend handing over the session
 *   (provider start, connect(), the store, every wait included; the list's chunk loaded before, as
 *   React's component is, or with `cold` on first use), until the list shows the rows that fill
 *   the viewport (every row, or the first rows of a long list, which renders the rest in the next
 *   frames; when all are in the DOM is reported too); the phases come from timestamps taken around the real code (connect()
 *   wrapped, each element class's update() wrapped when it is defined, the store's tasks$);
 * - react: the React 19 list (bench/baselines/task-list.jsx) mounted with the same session, until
 *   React committed it (react-hinted: the same bundle with V8's compile hint, as our files have it);
 * - lit, dom: the floors (bench/baselines/floors.js), the same list as a bare Lit element (until
 *   Lit committed it) and as one innerHTML.
 * Both then force style and layout (what the frame that shows the rows has to do), and wait for
 * that frame to be painted. Times are performance.now(); nothing here asserts on them.
 */
const side = new URLSearchParams(location.search).get('side');
const now = () => performance.now();
const layout = () => document.body.getBoundingClientRect().height;
/** The next animation frame, then a task: that frame has been painted. */
const painted = () =>
  new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    }),
  );

/** Update timings of our elements: every update() call (start, end, rows shown after it). */
const updates = [];
let onRows;
if (side === 'ours') {
  // Wrap each element's update() as it is defined (before any instance updates).
  const define = customElements.define.bind(customElements);
  customElements.define = (name, ctor, options) => {
    const update = ctor.prototype.update;
    ctor.prototype.update = function (changed) {
      const start = now();
      update.call(this, changed);
      const end = now();
      const options = this.shadowRoot?.querySelectorAll('[role="option"]') ?? [];
      updates.push({ tag: name, start, end, rows: options.length });
      if (name === 'cc-task-list') onRows?.(options, end);
    };
    return define(name, ctor, options);
  };
}

async function fixture(count, offers) {
  const { buildFixture } = await import('./fixture.js');
  return (await buildFixture(count - offers, { offers })).session;
}

/**
 * Whether the rows that fill the viewport are there: every row, or (a long list renders its first
 * rows first) the last one rendered reaches below the viewport. (Reads layout only while waiting.)
 */
const fillsViewport = (options, count) =>
  options.length === count || (options.length > 0 && options[options.length - 1].getBoundingClientRect().top >= innerHeight);

/** The heights of the list's rows in the window (reads layout: only outside the timed spans). */
const heightsInSight = (list) =>
  [...(list.shadowRoot?.querySelectorAll('[role="option"]') ?? [])]
    .map((row) => row.getBoundingClientRect())
    .filter((box) => box.top < innerHeight)
    .map((box) => box.height);

async function runOurs(session, { cold = false } = {}) {
  const { loadElements } = await import('/dist/cc-elements.js');
  // Like React's component, the list's code is loaded before the data comes (a CRM's markup names
  // its tags at page load); `cold` fetches the chunk on first use instead, on the critical path.
  if (!cold) await loadElements('cc-task-list');
  const { scriptedBackend } = await import('./scripted-backend.js');
  const count = session.tasks.length;
  const t = {};
  const backend = scriptedBackend(session, { clone: false });
  const connect = backend.connect;
  backend.connect = () => {
    t.connectCalled = now();
    provider.store.tasks$.subscribe((tasks) => {
      if (tasks.length === count && t.tasks === undefined) t.tasks = now();
    });
    return connect().then((s) => ((t.connectResolved = now()), s));
  };
  const provider = document.createElement('cc-provider');
  provider.backend = backend;
  const list = provider.appendChild(document.createElement('cc-task-list'));
  void customElements.whenDefined('cc-task-list').then(() => (t.defined = now()));
  let all;
  const allShown = new Promise((resolve) => (all = resolve));
  const shown = new Promise((resolve) => {
    onRows = (options, at) => {
      if (options.length === count) all(at);
      if (fillsViewport(options, count)) resolve(at);
    };
  });
  t.start = now();
  document.body.append(provider);
  t.rows = await shown;
  // The rows are in the DOM: style and layout are what the frame that shows them still needs.
  layout();
  t.layout = now();
  const measured = heightsInSight(list);
  // (Updates the elements still have pending, such as one deferred to the next frame, come after.)
  await list.updateComplete;
  t.settled = now();
  await painted();
  t.painted = now();
  // The layout measured must be the one painted: a row skipping layout (content-visibility) would
  // show a placeholder height at first, and its real layout would come after the measurement.
  const final = heightsInSight(list).slice(0, measured.length);
  if (final.join() !== measured.join()) throw new Error(`rows in sight changed height after the measurement: ${measured} → ${final}`);
  t.allRows = await allShown;
  const listUpdates = updates.filter((u) => u.tag === 'cc-task-list');
  const full = listUpdates.find((u) => u.end === t.rows);
  const ready = Math.max(t.tasks, t.defined);
  return {
    totalMs: t.layout - t.start,
    paintedMs: t.painted - t.start,
    allRowsMs: t.allRows - t.start,
    phases: {
      start: t.connectCalled - t.start,
      connect: t.connectResolved - t.connectCalled,
      store: t.tasks - t.connectResolved,
      chunk: t.defined - t.start,
      chunkOnPath: Math.max(0, t.defined - t.tasks),
      wait: full.start - ready,
      listRender: full.end - full.start,
      rowsRendered: full.rows,
      listUpdates: listUpdates.length,
      otherUpdates: updates.filter((u) => u.tag !== 'cc-task-list').reduce((sum, u) => sum + u.end - u.start, 0),
      layout: t.layout - t.rows,
      settle: t.settled - t.layout,
    },
  };
}

async function runReact(session, hinted = false) {
  const { mountTaskList } = await import(hinted ? '../build/react-task-list-hinted.js' : '../build/react-task-list.js');
  const container = document.body.appendChild(document.createElement('div'));
  const t0 = now();
  await mountTaskList(container, session);
  const t1 = now();
  const rows = container.querySelectorAll('[role="option"]').length;
  if (rows !== session.tasks.length) throw new Error(`React shows ${rows} rows, not ${session.tasks.length}`);
  layout();
  const t2 = now();
  await painted();
  const t3 = now();
  return { totalMs: t2 - t0, paintedMs: t3 - t0, phases: { mount: t1 - t0, layout: t2 - t1 } };
}

async function runFloor(session, kind) {
  const { mountLit, mountDom } = await import('../build/floors.js');
  const container = document.body.appendChild(document.createElement('div'));
  const t0 = now();
  const root = kind === 'lit' ? await mountLit(container, session) : mountDom(container, session);
  const t1 = now();
  const rows = root.querySelectorAll('[role="option"]').length;
  if (rows !== session.tasks.length) throw new Error(`the ${kind} floor shows ${rows} rows, not ${session.tasks.length}`);
  layout();
  const t2 = now();
  await painted();
  const t3 = now();
  return { totalMs: t2 - t0, paintedMs: t3 - t0, phases: { mount: t1 - t0, layout: t2 - t1 } };
}

const RUN = {
  react: () => runReact(session),
  'react-hinted': () => runReact(session, true),
  lit: () => runFloor(session, 'lit'),
  dom: () => runFloor(session, 'dom'),
};

/**
 * Hand the data over (the session, not timed) and run this page's side once. The session is
 * structured-cloned, as postMessage delivers it (JSON.parse gives the same kind of objects): the
 * objects Playwright builds from an evaluate() argument are dictionary-mode objects, slow to
 * iterate. No contact center hands those over; with them, our store's session load took twice as
 * long at 200 tasks, while React's list (which reads a few fields of each task) did not change.
 */
let session;
window.bench = {
  fixture,
  setSession: (s) => void (session = structuredClone(s)),
  run: (options) => (RUN[side] ?? (() => runOurs(session, options)))(),
};
window.benchReady = true;
