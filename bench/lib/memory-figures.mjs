/**
 * Memory figures (bench/pages/memory-bench.*): heap retained after many task lifecycles and after
 * many provider connect/disconnect cycles, after garbage collection, against a baseline taken after
 * a warm-up (so compiled code and the browser's bounded performance-entry buffers are already in it).
 */
import { closePage, openPage } from './browser.mjs';
import { cdpFor, heapAfterGc } from './cdp.mjs';
import { figure } from './stats.mjs';

const MB = 1_000_000;

/** Run `work` in `steps` equal parts, reading the heap after each: growth per step shows a trend. */
async function retained(cdp, warm, work, steps) {
  await warm();
  const baseline = await heapAfterGc(cdp);
  const checkpoints = [];
  for (let i = 0; i < steps; i++) {
    await work();
    const now = await heapAfterGc(cdp);
    checkpoints.push({
      heap: now.heap - baseline.heap,
      nodes: now.nodes - baseline.nodes,
      listeners: now.listeners - baseline.listeners,
    });
  }
  return { baseline, checkpoints, last: checkpoints.at(-1) };
}

export async function memoryFigures(browser, base, { lifecycles, lifecycleWarmup, cycles, cycleWarmup, runs, steps }) {
  const life = [];
  const cyc = [];
  for (let run = 0; run < runs; run++) {
    let page = await openPage(browser, `${base}memory-bench.html`);
    let cdp = await cdpFor(page);
    await page.evaluate(() => window.bench.setupLifecycles());
    life.push(
      await retained(
        cdp,
        () => page.evaluate((n) => window.bench.lifecycles({ total: n }), lifecycleWarmup),
        () => page.evaluate((n) => window.bench.lifecycles({ total: n }), lifecycles / steps),
        steps,
      ),
    );
    await closePage(page);

    page = await openPage(browser, `${base}memory-bench.html`);
    cdp = await cdpFor(page);
    cyc.push(
      await retained(
        cdp,
        () => page.evaluate((n) => window.bench.providerCycles({ total: n }), cycleWarmup),
        () => page.evaluate((n) => window.bench.providerCycles({ total: n }), cycles / steps),
        steps,
      ),
    );
    await closePage(page);
  }
  const target = { max: 1 * MB, on: 'median', text: '≤ 1 MB' };
  return [
    figure({
      id: 'heap-lifecycles',
      label: `heap retained after ${lifecycles.toLocaleString('en')} task lifecycles`,
      unit: 'bytes',
      samples: life.map((r) => r.last.heap),
      target,
      extra: { runs: life },
    }),
    figure({ id: 'nodes-lifecycles', label: '  … DOM nodes retained', unit: 'nodes', samples: life.map((r) => r.last.nodes) }),
    figure({
      id: 'listeners-lifecycles',
      label: '  … JS event listeners retained',
      unit: 'listeners',
      samples: life.map((r) => r.last.listeners),
    }),
    figure({
      id: 'heap-provider-cycles',
      label: `heap retained after ${cycles.toLocaleString('en')} provider connect/disconnect cycles`,
      unit: 'bytes',
      samples: cyc.map((r) => r.last.heap),
      target,
      extra: { runs: cyc },
    }),
    figure({ id: 'nodes-provider-cycles', label: '  … DOM nodes retained', unit: 'nodes', samples: cyc.map((r) => r.last.nodes) }),
    figure({
      id: 'listeners-provider-cycles',
      label: '  … JS event listeners retained',
      unit: 'listeners',
      samples: cyc.map((r) => r.last.listeners),
    }),
  ];
}
