#!/usr/bin/env node
/**
 * `npm run bench` (after `npm run build`): serves dist/ and bench/ on loopback, drives headless
 * Chromium through playwright-core, prints the figures (median, p95, target, pass/miss) and the
 * dist/ sizes, and writes bench/results.json. See bench/README.md for what each figure measures.
 *
 * Options: --quick (few repetitions, for trying changes; not for reporting),
 *          --only=sizes,first,react,event,burst,bridge,memory (a subset).
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { projectRoot, startStaticServer } from '../scripts/static-server.mjs';
import { bridgeFigures } from './lib/bridge-figures.mjs';
import { launch } from './lib/browser.mjs';
import { burstFigures, eventFigures, firstRenderFigures } from './lib/desk-figures.mjs';
import { versusReactFigures } from './lib/first-render-figures.mjs';
import { memoryFigures } from './lib/memory-figures.mjs';
import { webexFigures } from './lib/webex-figures.mjs';
import { distSizes, sizeRows } from './lib/sizes.mjs';
import { figureTable, sizeTable } from './lib/table.mjs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : undefined;
const wanted = (section) => !only || only.has(section);

/** How often each figure is measured (chosen to keep the run to a few minutes on 2 shared cores). */
const REPETITIONS = quick
  ? {
      firstRenderPages: 3,
      versusReact: { sizes: [10, 200, 1000], samples: 3 },
      eventSamples: { 10: 40, 200: 40, 1000: 15 },
      eventWarmup: 5,
      burst: { runs: 1, tasks: 1000, total: 10_000, capMs: 10_000 },
      bridge: { samples: 20, warmup: 3 },
      memory: { lifecycles: 1000, lifecycleWarmup: 200, cycles: 100, cycleWarmup: 20, runs: 1, steps: 2 },
    }
  : {
      firstRenderPages: 15,
      versusReact: { sizes: [10, 200, 1000], samples: 5 },
      eventSamples: { 10: 300, 200: 300, 1000: 100 },
      eventWarmup: 20,
      burst: { runs: 3, tasks: 1000, total: 10_000, capMs: 20_000 },
      bridge: { samples: 150, warmup: 15 },
      memory: { lifecycles: 10_000, lifecycleWarmup: 1000, cycles: 1000, cycleWarmup: 100, runs: 1, steps: 4 },
    };

const dist = join(projectRoot, 'dist');
if (!existsSync(join(dist, 'cc-elements.js'))) {
  console.error('dist/cc-elements.js is missing: run `npm run build` first (or `npm run bench`, which builds).');
  process.exit(1);
}

const log = (text) => process.stderr.write(`${text}\n`);
const started = Date.now();
const loadStart = loadavg();
const server = await startStaticServer({ dirs: ['dist', 'bench'], port: 0 });
const base = `http://localhost:${server.port}/bench/pages/`;
const browser = await launch();
const figures = [];

async function section(name, run) {
  if (!wanted(name)) return;
  const t = Date.now();
  log(`bench: ${name} …`);
  figures.push(...(await run()));
  log(`bench: ${name} done in ${((Date.now() - t) / 1000).toFixed(0)} s (load average ${loadavg()[0].toFixed(1)})`);
}

try {
  const r = REPETITIONS;
  await section('first', () => firstRenderFigures(browser, base, { pages: r.firstRenderPages }));
  await section('react', () => versusReactFigures(browser, base, r.versusReact));
  await section('event', () =>
    eventFigures(browser, base, { sizes: [10, 200, 1000], samplesFor: (n) => r.eventSamples[n], warmup: r.eventWarmup }),
  );
  await section('burst', () => burstFigures(browser, base, r.burst));
  await section('bridge', () => bridgeFigures(browser, base, r.bridge));
  await section('memory', () => memoryFigures(browser, base, r.memory));
  await section('webex', () => webexFigures(browser, { samples: quick ? 40 : 300, warmup: quick ? 5 : 20 }));
} finally {
  await browser.close().catch(() => undefined);
  await server.close();
}

const sizes = wanted('sizes') ? await distSizes(dist) : [];
const chromium = browser.version();
const results = {
  date: new Date().toISOString(),
  chromium,
  machine: {
    cores: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: { start: loadStart[0], end: loadavg()[0] },
  },
  quick,
  repetitions: REPETITIONS,
  durationSeconds: Math.round((Date.now() - started) / 1000),
  figures,
  sizes,
};
await writeFile(join(projectRoot, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

console.log(`cc-elements benchmarks — Chromium ${chromium}, ${results.machine.cores} cores, ` +
  `load average ${loadStart[0].toFixed(1)} → ${results.machine.loadAverage.end.toFixed(1)}${quick ? ' (--quick)' : ''}\n`);
if (figures.length > 0) console.log(`${figureTable(figures)}\n`);
if (sizes.length > 0) console.log(`${sizeTable(sizeRows(sizes))}\n`);
const missed = figures.filter((f) => f.target && !f.target.met);
console.log(
  `${figures.filter((f) => f.target).length - missed.length} targets met, ${missed.length} missed` +
    `${missed.length ? `: ${missed.map((f) => f.id).join(', ')}` : ''}. Written: bench/results.json (${results.durationSeconds} s).`,
);
