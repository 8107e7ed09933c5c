#!/usr/bin/env node
/**
 * Builds only the ES module bundle into a private temporary folder (never touching dist/, so
 * several people can measure at once) and runs the size check on it: the main-bundle budget and
 * the largest sources in it. Usage: node scripts/measure.mjs
 */
import { rollup } from 'rollup';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { esModuleConfig } from '../rollup.config.mjs';

const dir = mkdtempSync(join(tmpdir(), 'cc-measure-'));
try {
  const main = esModuleConfig(dir);
  const bundle = await rollup(main);
  await bundle.write(main.output);
  await bundle.close();
  const size = fileURLToPath(new URL('./size.mjs', import.meta.url));
  const result = spawnSync(process.execPath, [size, '--dist', dir], { stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
