#!/usr/bin/env node
/**
 * `npm start`: builds the bundles the demo loads when there are none or the sources changed since
 * they were built (one rollup run, no type declarations or manifest: the demo needs neither), then
 * serves the demo and prints its URLs. A second start with nothing changed serves at once.
 * Usage: node scripts/start.mjs [--port 8000] [--rebuild]
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './static-server.mjs';

/** What the bundles are made from: a change to any of these means building again. */
const INPUTS = ['src', 'rollup.config.mjs', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
/** What the demo pages load from dist/. */
const OUTPUTS = ['cc-elements.js', 'cc-elements.css', 'cc-elements.iife.js', 'cc-host.js', 'gadget.js', 'gadget.html'];

/** The newest modification time of a file or of any file below a folder. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** The oldest modification time of the demo's bundles, or -Infinity when one is missing. */
function oldestOutput() {
  try {
    return Math.min(...OUTPUTS.map((name) => statSync(join(projectRoot, 'dist', name)).mtimeMs));
  } catch {
    return -Infinity;
  }
}

const sourcesChanged = () => Math.max(...INPUTS.map((name) => newest(join(projectRoot, name)))) > oldestOutput();

if (process.argv.includes('--rebuild') || sourcesChanged()) {
  const started = performance.now();
  console.log('Building the bundles (dist/)…');
  await import('./clean.mjs');
  // Rollup loads only when there is something to build.
  const { rollup } = await import('rollup');
  const { loadConfigFile } = await import('rollup/loadConfigFile');
  const { options, warnings } = await loadConfigFile(join(projectRoot, 'rollup.config.mjs'));
  warnings.flush();
  for (const config of options) {
    const bundle = await rollup(config);
    await Promise.all(config.output.map((output) => bundle.write(output)));
    await bundle.close();
  }
  console.log(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} else {
  console.log('The bundles in dist/ are up to date with src/ (npm start -- --rebuild builds them anyway).');
}

await import('./serve.mjs');
