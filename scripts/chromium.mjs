/**
 * How every tool here starts Chromium (TOOLCHAIN.md): Debian's build unless CHROME_PATH names
 * another, headless, with the flags that keep it off the network these machines do not have.
 * Used by the test runner, the end-to-end check and the benchmarks.
 */
export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
