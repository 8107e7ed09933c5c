/**
 * First render side by side (bench/pages/first-render.*): at each list size, `samples` fresh pages
 * of ours, of the React 19 baseline and of the two floors (the same list as a bare Lit element and
 * as plain DOM, bench/baselines/floors.js), in turns, in one Chromium run. Figures: the time from
 * handing the data over until the rows are in the DOM with style and layout done (the frame that
 * shows them can be painted), the same until that frame was painted, the ratio ours ÷ React (of the
 * medians), the floors and the floor ÷ React, and the median of each of our phases.
 */
import { closePage, openPage } from './browser.mjs';
import { figure } from './stats.mjs';
import { buildBaselines } from './baselines.mjs';
import { quantile } from './stats.mjs';

const MS = 'ms';
const OFFERS = 2;

/** Our phases, in the order they happen (labels for the table). */
const PHASES = [
  ['start', 'provider start: first update, store made, start() → connect() called'],
  ['connect', 'connect() (the backend answers the session)'],
  ['store', 'store: session → tasks$ (reduce, validate, list)'],
  ['chunkOnPath', "task list's chunk, time it kept the rows waiting"],
  ['wait', 'wait between data ready and the list rendering it (frame gate, first-frame waits)'],
  ['listRender', 'task list render + commit with every row (per-row work)'],
  ['otherUpdates', "the provider's updates"],
  ['layout', 'style and layout'],
  ['settle', '(after: rows shown → every update complete, not counted)'],
];

export async function versusReactFigures(browser, base, { sizes, samples }) {
  const react = await buildBaselines();
  const url = (side) => `${base}first-render.html?side=${side}`;
  const setup = await openPage(browser, url('fixture'));
  const sessions = {};
  for (const n of sizes) sessions[n] = await setup.evaluate(([count, offers]) => window.bench.fixture(count, offers), [n, OFFERS]);
  await closePage(setup);

  const figures = [];
  for (const n of sizes) {
    /** One sample on a fresh page. */
    const sample = async (side, options) => {
      const page = await openPage(browser, url(side));
      await page.evaluate((s) => window.bench.setSession(s), sessions[n]);
      const result = await page.evaluate((o) => window.bench.run(o), options);
      if (page.benchErrors.length) throw new Error(`first render (${side}, ${n}): ${page.benchErrors.join('; ')}`);
      await closePage(page);
      return result;
    };
    const runs = { ours: [], react: [], 'react-hinted': [], lit: [], dom: [], cold: [] };
    const sides = ['ours', 'react', 'react-hinted', 'lit', 'dom'];
    for (let i = 0; i < samples; i++) {
      // Each side first in turn (a page opened first can find the machine busier or quieter).
      const k = i % sides.length;
      for (const side of [...sides.slice(k), ...sides.slice(0, k)]) runs[side].push(await sample(side));
      // At the smallest size also with the list's chunk fetched on first use (cold).
      if (n === sizes[0]) runs.cold.push(await sample('ours', { cold: true }));
    }
    const total = (side) => runs[side].map((r) => r.totalMs);
    const ratio = quantile(total('ours'), 0.5) / quantile(total('react'), 0.5);
    figures.push(
      figure({ id: `first-ours-${n}`, label: `first render, ${n} tasks: ours (provider start included)`, unit: MS, samples: total('ours') }),
      figure({ id: `first-react-${n}`, label: `  … React ${react} list, same rows (mount)`, unit: MS, samples: total('react') }),
      figure({
        id: `first-ratio-${n}`,
        label: '  … ours ÷ React (medians)',
        unit: '×',
        samples: [ratio],
        target: { max: 0.25, on: 'median', text: '≤ 0.25' },
      }),
      figure({ id: `first-ours-painted-${n}`, label: '  … ours until that frame is painted', unit: MS, samples: runs.ours.map((r) => r.paintedMs) }),
      figure({ id: `first-ours-all-${n}`, label: `  … ours until all ${n} rows are in the DOM`, unit: MS, samples: runs.ours.map((r) => r.allRowsMs) }),
      figure({ id: `first-react-painted-${n}`, label: '  … React until that frame is painted', unit: MS, samples: runs.react.map((r) => r.paintedMs) }),
      figure({
        id: `first-react-hinted-${n}`,
        label: "  … React with V8's compile hint, as our files have it",
        unit: MS,
        samples: total('react-hinted'),
      }),
      figure({
        id: `first-ratio-hinted-${n}`,
        label: '  … ours ÷ React with the hint (medians, like for like)',
        unit: '×',
        samples: [quantile(total('ours'), 0.5) / quantile(total('react-hinted'), 0.5)],
      }),
      figure({ id: `first-lit-${n}`, label: '  … floor: a bare Lit element, same rows (no store, provider, i18n)', unit: MS, samples: total('lit') }),
      figure({ id: `first-dom-${n}`, label: "  … floor: plain DOM, one innerHTML (the browser's own cost)", unit: MS, samples: total('dom') }),
      figure({
        id: `first-dom-ratio-${n}`,
        label: '  … plain DOM ÷ React (medians: no list renders below it)',
        unit: '×',
        samples: [quantile(total('dom'), 0.5) / quantile(total('react'), 0.5)],
      }),
    );
    if (runs.cold.length) {
      figures.push(
        figure({
          id: `first-ours-cold-${n}`,
          label: "  … ours, the list's chunk fetched on first use (on the critical path)",
          unit: MS,
          samples: runs.cold.map((r) => r.totalMs),
        }),
        figure({ id: `first-ours-cold-${n}-chunk`, label: "    that chunk's wait on the critical path", unit: MS, samples: runs.cold.map((r) => r.phases.chunkOnPath) }),
      );
    }
    for (const [key, label] of PHASES) {
      figures.push(figure({ id: `first-ours-${n}-${key}`, label: `    ours: ${label}`, unit: MS, samples: runs.ours.map((r) => r.phases[key]) }));
    }
    figures.push(
      figure({
        id: `first-ours-${n}-per-row`,
        label: '    ours: per row (render + commit ÷ rows rendered)',
        unit: MS,
        samples: runs.ours.map((r) => r.phases.listRender / r.phases.rowsRendered),
      }),
    );
  }
  return figures;
}
