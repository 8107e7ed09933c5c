/**
 * Desk figures (bench/pages/desk-bench.*): first render, backend event → DOM at several list sizes,
 * and the 10,000-event burst.
 */
import { closePage, openPage } from './browser.mjs';
import { cdpFor, cpuOf } from './cdp.mjs';
import { figure } from './stats.mjs';

const MS = 'ms';

/** First render, each on a fresh page (cold: templates and styles prepared for the first time). */
export async function firstRenderFigures(browser, base, { pages }) {
  const dom = [];
  const layout = [];
  const cpu = [];
  const bundle = [];
  for (let i = 0; i < pages; i++) {
    const page = await openPage(browser, `${base}desk-bench.html`);
    await page.evaluate(() => window.bench.prepareFirstRender());
    const cdp = await cdpFor(page);
    const { result, cpuMs } = await cpuOf(cdp, () => page.evaluate(() => window.bench.firstRender()));
    dom.push(result.domMs);
    layout.push(result.layoutMs);
    bundle.push(result.bundleReadyMs);
    cpu.push(cpuMs);
    await closePage(page);
  }
  return [
    figure({ id: 'first-render', label: 'first render: provider + 8 elements, 10 tasks', unit: MS, samples: dom }),
    figure({ id: 'first-render-layout', label: '  … including style and layout', unit: MS, samples: layout }),
    figure({ id: 'first-render-cpu', label: '  … main-thread CPU (incl. layout)', unit: MS, samples: cpu }),
    figure({ id: 'bundle-ready', label: 'page load → bundle evaluated (local server)', unit: MS, samples: bundle }),
  ];
}

/** Backend event → every element updated, with `size` tasks listed (one fresh page per size). */
export async function eventFigures(browser, base, { sizes, samplesFor, warmup }) {
  const figures = [];
  for (const size of sizes) {
    const page = await openPage(browser, `${base}desk-bench.html`);
    await page.evaluate((n) => window.bench.prepare(n), size);
    const cdp = await cdpFor(page);
    const samples = samplesFor(size);
    const { result, cpuMs } = await cpuOf(cdp, () =>
      page.evaluate((o) => window.bench.eventToDom(o), { samples, warmup, control: size === 200 }),
    );
    const target = size === 200 ? { max: 4, on: 'p95', text: 'p95 ≤ 4 ms' } : undefined;
    figures.push(
      figure({ id: `event-dom-${size}`, label: `event → DOM updated, ${size} tasks`, unit: MS, samples: result.dom, target }),
      figure({ id: `event-store-${size}`, label: '  … of which store (reducer, list, emit)', unit: MS, samples: result.store }),
      figure({ id: `event-layout-${size}`, label: '  … DOM + style and layout', unit: MS, samples: result.withLayout }),
      figure({
        id: `event-cpu-${size}`,
        label: '  … main-thread CPU per event (incl. its frame)',
        unit: MS,
        samples: [cpuMs / (samples + warmup)],
        note: 'mean over the run',
      }),
    );
    if (result.controls.length > 0) {
      figures.push(
        figure({
          id: 'control-200',
          label: '  control: fixed script work, same rhythm',
          unit: MS,
          samples: result.controls,
          note: 'the same work every time: its p95 ÷ median is what the machine adds',
        }),
      );
    }
    await closePage(page);
  }
  return figures;
}

/**
 * The burst: `total` events onto `tasks` tasks, one websocket-like macrotask each, on `runs` fresh
 * pages; renders counted per frame. Also the same events delivered in one task (store throughput).
 */
export async function burstFigures(browser, base, { runs, tasks, total, capMs }) {
  const wall = [];
  const cpu = [];
  const maxPerFrame = [];
  const listRenders = [];
  const allRenders = [];
  const frames = [];
  const sync = [];
  const delivery = [];
  const details = [];
  for (let i = 0; i < runs; i++) {
    const page = await openPage(browser, `${base}desk-bench.html`);
    await page.evaluate((n) => window.bench.prepare(n), tasks);
    // First all in one task (it always completes and leaves every task as it was), then the real burst.
    const once = await page.evaluate((o) => window.bench.burst(o), { total, mode: 'sync' });
    sync.push(once.totalMs);
    const idle = await page.evaluate((o) => window.bench.burst(o), { total, mode: 'noop' });
    delivery.push(idle.totalMs);
    const cdp = await cdpFor(page);
    const { result, cpuMs } = await cpuOf(cdp, () =>
      page.evaluate((o) => window.bench.burst(o), { total, mode: 'tasks', capMs }),
    );
    const complete = result.delivered === total;
    // A capped run delivered only part of the burst: extrapolate its time to the whole burst.
    const scale = complete ? 1 : total / Math.max(1, result.delivered);
    wall.push(result.totalMs * scale);
    cpu.push(cpuMs * scale);
    maxPerFrame.push(Math.max(...Object.values(result.perTag).map((t) => t.maxPerFrame)));
    listRenders.push(result.perTag['cc-task-list'].total);
    allRenders.push(Object.values(result.perTag).reduce((n, t) => n + t.total, 0));
    frames.push(result.frames);
    details.push({ ...result, complete, cpuMs });
    await closePage(page);
    // A run that hit the time cap says enough; repeating it would only make the whole run long.
    if (!complete) break;
  }
  const capped = details.some((d) => !d.complete);
  return [
    figure({
      id: 'burst-total',
      label: `burst: ${total.toLocaleString('en')} events onto ${tasks.toLocaleString('en')} tasks, total`,
      unit: MS,
      samples: wall,
      target: { max: 1000, on: 'median', text: '≤ 1 s' },
      note: capped
        ? `stopped after ${capMs / 1000} s, not repeated; time extrapolated from the events delivered`
        : undefined,
      extra: { runs: details },
    }),
    figure({ id: 'burst-cpu', label: '  … main-thread CPU', unit: MS, samples: cpu }),
    figure({
      id: 'burst-renders-per-frame',
      label: '  … most renders of one element in one frame',
      unit: 'renders',
      samples: maxPerFrame,
      target: { max: 1, on: 'p95', text: '≤ 1 per frame' },
    }),
    figure({ id: 'burst-list-renders', label: '  … <cc-task-list> renders', unit: 'renders', samples: listRenders }),
    figure({ id: 'burst-renders', label: '  … renders, all 9 elements', unit: 'renders', samples: allRenders }),
    figure({ id: 'burst-frames', label: '  … frames during the burst', unit: 'frames', samples: frames }),
    figure({ id: 'burst-sync', label: '  same events in one task (store throughput)', unit: MS, samples: sync }),
    figure({ id: 'burst-delivery', label: '  same messages, not pushed (delivery alone)', unit: MS, samples: delivery }),
  ];
}
