#!/usr/bin/env node
/**
 * Runs before `npm start`, `npm test` and `npm run bench`: installs the locked dependencies when
 * they are missing (so a fresh clone needs no separate install step), and says clearly when the
 * browser the tests and benchmarks need is missing. Uses nothing but Node itself.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const needsBrowser = process.argv.includes('--browser');

if (!existsSync(`${root}/node_modules/.package-lock.json`)) {
  // `npm ci` installs exactly the committed lock and leaves it untouched.
  console.log('Installing the locked dependencies (npm ci)…');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (needsBrowser) {
  const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chrome)) {
    console.error(`No Chromium at ${chrome}.
Install Debian's Chromium:   sudo apt-get update && sudo apt-get install -y chromium
or point CHROME_PATH at a Chromium or Chrome binary:   CHROME_PATH=/path/to/chrome npm test`);
    process.exit(1);
  }
}
