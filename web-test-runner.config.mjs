import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

/** Counts every test of every session (nested suites included). */
function count(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite?.suites ?? []) count(child, totals);
  return totals;
}

/** Ends the run with one plain line, `N passed, N failed, N skipped`, for CI and for people. */
const summaryReporter = () => ({
  onTestRunFinished({ sessions }) {
    const totals = { passed: 0, failed: 0, skipped: 0 };
    for (const session of sessions) {
      count(session.testResults, totals);
      // A file that failed to load has no results but must not pass silently.
      if (!session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length) totals.failed++;
    }
    // After the default reporter's last output.
    setTimeout(() => console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`));
  },
});

/**
 * Tests run in Debian's Chromium (see README). `CHROME_PATH` overrides the binary.
 * The server answers on every loopback name, so `localhost` and `127.0.0.1` serve the same
 * files as two different origins for the cross-frame tests.
 */
export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development', 'es2015'] },
  hostname: 'localhost',
  concurrency: 2,
  concurrentBrowsers: 1,
  testFramework: { config: { timeout: 10000 } },
  browserLogs: false,
  reporters: [defaultReporter(), summaryReporter()],
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: chromiumArgs,
      },
      // Test files run two at a time in one browser; a background page is "hidden" and never gets
      // animation frames (which fixtures wait for). Focus emulation keeps every page visible.
      createPage: async ({ context }) => {
        const page = await context.newPage();
        const cdp = await page.createCDPSession();
        await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
        return page;
      },
    }),
  ],
};
