/**
 * Launches Debian's Chromium headless through playwright-core (TOOLCHAIN.md), with the garbage
 * collector exposed and precise memory figures, and opens benchmark pages on the static server.
 */
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

/** The shared flags, plus the garbage collector and precise memory figures the memory figures need. */
export const CHROME_ARGS = [...chromiumArgs, '--js-flags=--expose-gc', '--enable-precise-memory-info'];

/** The browser (close it when done). */
export function launch() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: CHROME_ARGS,
  });
}

/**
 * A fresh page (its own context) on `url`, once the page script has set `window.benchReady`.
 * Page errors and console errors are collected in `page.benchErrors`.
 */
export async function openPage(browser, url, { waitFor = 'window.benchReady === true' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.benchErrors = errors;
  await page.goto(url);
  await page.waitForFunction(waitFor, undefined, { timeout: 60_000 });
  return page;
}

/** Close a page and its context. */
export async function closePage(page) {
  await page.context().close();
}
