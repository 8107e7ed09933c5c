#!/usr/bin/env node
/**
 * Per-element chunks, checked in Chromium on the built dist/ (run after `npm run build`; part of
 * `npm run e2e`). The page test/chunks/crm-two-elements.html is a CRM that places only
 * <cc-task-list> and <cc-call-controls> below a simulating <cc-provider>: it links
 * dist/cc-elements.css in its <head> and loads dist/cc-elements.js.
 *  1. Requests: every request the page makes is recorded. It must fetch the two elements' chunks
 *     and no other element's (no outdial, no consult picker, no agent state…), nor the bridge.
 *  2. No flash: the first painted frame (a requestAnimationFrame callback registered before
 *     anything else records what that frame paints) shows each element rendered, or an invisible
 *     box of exactly the height the element then renders at (src/elements/placeholders.ts), and
 *     Chromium reports no layout shift.
 *  3. Registration on first use: a <cc-outdial> added later by script gets its chunk and renders;
 *     loadElements('cc-consult-picker') resolves with the class; an unknown tag is refused.
 * Then the same page without its stylesheet link, the fallback (cc-elements.js adopts the same
 * rules when it runs, which Chromium may do after painting the first frame): its first frame and
 * layout shifts are printed for information, not checked.
 * And the one-file bundles, with the README's eight elements in the page before they are defined:
 *  4. Every element gets its provider's store, from dist/cc-desk.js (test/chunks/desk-one-file.html)
 *     and from the classic script dist/cc-elements.iife.js (test/chunks/desk-classic-script.html).
 *     Before its first task the desk page fetches cc-desk.js and the simulator only; the first
 *     task loads the wrap-up form, task details and conversation.
 *  5. Consult on a call fetches the consult picker's chunk then, and its filter gets the focus;
 *     End moves the focus to the wrap-up code; a <cc-consult-picker> placed on its own renders;
 *     nothing is reported on the console.
 * Prints PASS/FAIL per check; exits 1 when any failed.
 */
import { chromium } from 'playwright-core';
import { startStaticServer } from './static-server.mjs';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const PAGE = 'crm-two-elements.html';
const server = await startStaticServer({ dirs: ['dist', 'test'], port: 0 });
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
const pageUrl = `http://localhost:${server.port}/test/chunks/${process.env.CHUNKS_PAGE ?? PAGE}`;
const results = [];
const check = (name, ok, detail = '') => {
  results.push(ok);
  console.log(`${ok ? 'PASS' : 'FAIL'}  chunks: ${name}${detail ? ` — ${detail}` : ''}`);
};

/**
 * Opens the page in a fresh context (`withoutStylesheet`: its <link> to cc-elements.css taken out
 * of the HTML) and waits until both elements have rendered and the provider's store runs.
 */
async function open({ withoutStylesheet = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  if (withoutStylesheet) {
    await page.route(pageUrl, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/<link rel="stylesheet" href="[^"]*cc-elements\.css"[^>]*>/, '');
      await route.fulfill({ response, body });
    });
  }
  await page.goto(pageUrl);
  await page.waitForFunction(() =>
    ['cc-task-list', 'cc-call-controls'].every((t) => document.querySelector(t)?.shadowRoot?.childNodes.length),
  );
  // Let the provider start (the simulator chunk) and anything else settle.
  await page.waitForFunction(() => document.querySelector('cc-provider').store !== undefined);
  await page.waitForTimeout(500);
  return { context, page, errors, requested };
}

/**
 * What the first painted frame showed of each element below the provider, against the height it
 * renders at now (`flashes`: those neither rendered nor reserved at that height); the layout
 * shifts Chromium reported; when the first paint came (ms after navigation started).
 */
async function firstPaint(page) {
  const first = (await page.evaluate(() => window.firstFrame)).filter((e) => e.tag !== 'cc-provider');
  const rendered = await page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll('cc-provider *')].map((el) => [el.localName, el.getBoundingClientRect().height])),
  );
  const flashes = first.filter((e) => !e.rendered && Math.abs(e.height - rendered[e.tag]) > 0.5);
  const frame = first
    .map((e) => `${e.tag}: ${e.rendered ? 'rendered' : `not yet defined, ${e.height.toFixed(1)} px reserved of ${rendered[e.tag].toFixed(1)} px`}`)
    .join('; ');
  const shifts = (await page.evaluate(() => window.layoutShifts)).map((s) => `${s.value.toFixed(5)} (${s.moved.join(', ')})`);
  const paintedAt = await page.evaluate(() => performance.getEntriesByName('first-paint')[0]?.startTime ?? NaN);
  return { flashes, frame, shifts, paintedAt };
}

try {
  const { context, page, errors, requested } = await open();
  const elementChunks = requested.filter((p) => p.startsWith('/dist/elements/')).sort();
  check(
    'a page with <cc-task-list> and <cc-call-controls> fetches exactly their two chunks',
    JSON.stringify(elementChunks) === JSON.stringify(['/dist/elements/call-controls.js', '/dist/elements/task-list.js']),
    `element chunks fetched: ${elementChunks.join(', ') || 'none'}`,
  );
  const forbidden = requested.filter((p) => /outdial|consult-picker|service-|cc-desk|index\.js|iife/.test(p));
  check('no outdial, consult picker, bridge, one-file bundle', forbidden.length === 0, forbidden.join(', '));
  console.log(`      requests: ${requested.join(' ')}`);

  // The first painted frame shows each element rendered, or keeps exactly the height it then renders at.
  const linked = await firstPaint(page);
  check('the page loads cc-elements.css', requested.includes('/dist/cc-elements.css'));
  check(
    'with cc-elements.css linked, the first painted frame shows each element, or reserves the height it renders at',
    linked.flashes.length === 0,
    `${linked.frame} (first paint at ${linked.paintedAt.toFixed(0)} ms)`,
  );
  check('no layout shift', linked.shifts.length === 0, linked.shifts.length ? `shifts: ${linked.shifts.join('; ')}` : 'none reported');

  const later = await page.evaluate(async () => {
    const outdial = document.createElement('cc-outdial');
    document.querySelector('cc-provider').append(outdial);
    await customElements.whenDefined('cc-outdial');
    await outdial.updateComplete;
    const { loadElements } = await import('/dist/cc-elements.js');
    const [Picker] = await loadElements('cc-consult-picker');
    let refused = '';
    await loadElements('cc-nope').catch((e) => (refused = e.message));
    return {
      outdial: Boolean(outdial.shadowRoot?.childNodes.length),
      picker: Picker === customElements.get('cc-consult-picker'),
      refused,
    };
  });
  check('a <cc-outdial> added later loads its chunk and renders', later.outdial);
  check('loadElements() resolves with the class', later.picker);
  check('loadElements() refuses a tag that is not ours', /no element named <cc-nope>/.test(later.refused), later.refused);
  check('no script errors', errors.length === 0, errors.join('; '));
  await context.close();

  // The fallback, for information: Chromium may paint before cc-elements.js has adopted the rules.
  const fallback = await open({ withoutStylesheet: true });
  const unlinked = await firstPaint(fallback.page);
  check('without its link, the page loads no cc-elements.css', !fallback.requested.some((p) => p.endsWith('/cc-elements.css')));
  console.log(
    `      without cc-elements.css (the script adopts the rules when it runs), for information: first frame ${unlinked.frame}` +
      ` (first paint at ${unlinked.paintedAt.toFixed(0)} ms); layout shifts: ${unlinked.shifts.join('; ') || 'none'}`,
  );
  check('no script errors without the stylesheet', fallback.errors.length === 0, fallback.errors.join('; '));
  await fallback.context.close();
  await oneFileDesk();
  await classicScriptDesk();
} finally {
  await browser.close();
  await server.close();
}
process.exit(results.every(Boolean) ? 0 : 1);

/** The elements below the provider that did not get its store (they say "Place this element inside <cc-provider>."). */
function withoutStore(page) {
  return page.evaluate(() => [...document.querySelectorAll('cc-provider *')].filter((el) => !el.store).map((el) => el.localName));
}

/** Check 4 for the classic script: defined after the markup, every element still finds its provider. */
async function classicScriptDesk() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://localhost:${server.port}/test/chunks/desk-classic-script.html`);
  await page.waitForFunction(() => document.querySelector('cc-provider').store?.connection?.status === 'connected');
  const missing = await withoutStore(page);
  check('classic script: every element has its provider\'s store', missing.length === 0, missing.join(', '));
  check('classic script: no script errors', errors.length === 0, errors.join('; '));
  await context.close();
}

/** Checks 4 and 5: the one-file desk loads the consult picker when the agent first opens it. */
async function oneFileDesk() {
  const context = await browser.newContext({ viewport: { width: 900, height: 1400 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Console errors too: Chromium reports markup the minified templates broke there (an icon's path).
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(`http://localhost:${server.port}/test/chunks/desk-one-file.html`);
  await page.waitForFunction(() => document.querySelector('cc-provider').store?.connection?.status === 'connected');
  const heldTags = ['cc-conversation', 'cc-task-details', 'cc-wrapup-form'];
  const notYet = await page.evaluate(() =>
    [...document.querySelectorAll('cc-provider *')].filter((el) => !customElements.get(el.localName)).map((el) => el.localName),
  );
  check(
    'one-file desk: before its first task every placed tag is defined by cc-desk.js but the wrap-up form, task details and conversation',
    notYet.sort().join() === heldTags.join(),
    notYet.join(', '),
  );
  const scripts = requested.filter((p) => p.endsWith('.js'));
  const atStart = scripts.filter((p) => p !== '/dist/cc-desk.js' && !/^\/dist\/desk-chunks\/simulated-/.test(p));
  check('one-file desk: before its first task it fetches cc-desk.js and the simulator only', atStart.length === 0, scripts.join(' '));
  const reserved = await page.evaluate(() => document.querySelector('cc-conversation').getBoundingClientRect().height);
  check('one-file desk: the conversation not loaded yet keeps its first box (cc-elements.css)', reserved > 0, `${reserved} px`);

  // A call: its offer makes the first task, which loads the three held chunks.
  await page.evaluate(() => document.querySelector('cc-provider').backend.offerContact({ media: 'telephony' }));
  const heldLoaded = await page
    .waitForFunction((tags) => tags.every((tag) => customElements.get(tag)), heldTags, { timeout: 5000 })
    .then(() => true, () => false);
  const heldFetched = requested.filter((p) => /\/desk-chunks\/task-elements-/.test(p));
  check('one-file desk: the first task loads the wrap-up form, task details and conversation (one chunk)', heldLoaded && heldFetched.length === 1, heldFetched.join(' '));
  const missing = await withoutStore(page);
  check('one-file desk: every element has its provider\'s store', missing.length === 0, missing.join(', '));
  if (missing.length) return context.close();

  // The call accepted as the agent does; then Consult, by keyboard.
  await page.locator('cc-incoming-task').getByRole('button', { name: /^Accept/ }).click();
  const consult = page.locator('cc-call-controls').getByRole('button', { name: 'Consult', exact: true });
  await consult.waitFor({ state: 'visible' });
  await page.waitForFunction(() =>
    document.querySelector('cc-call-controls').shadowRoot.querySelector('button[data-control="consult"]')?.getAttribute('aria-disabled') === 'false',
  );
  const before = requested.filter((p) => p.includes('consult-picker')).length;
  await consult.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => customElements.get('cc-consult-picker') !== undefined);
  const pickerFetched = requested.filter((p) => p.includes('consult-picker'));
  check('one-file desk: Consult fetches the consult picker then', before === 0 && pickerFetched.length === 1, pickerFetched.join(' '));
  const focused = await page
    .waitForFunction(() => document.querySelector('cc-call-controls').shadowRoot.querySelector('cc-consult-picker')?.shadowRoot?.activeElement?.id === 'filter', null, {
      timeout: 5000,
    })
    .then(() => true, () => false);
  check('one-file desk: the lazily loaded picker takes the focus in its filter', focused);

  await page.keyboard.press('Escape');
  await page.locator('cc-call-controls').getByRole('button', { name: 'End', exact: true }).click();
  const wrapupFocused = await page
    .waitForFunction(() => document.querySelector('cc-wrapup-form').shadowRoot?.activeElement?.id === 'code', null, { timeout: 5000 })
    .then(() => true, () => false);
  check('one-file desk: after End the focus is on the wrap-up code', wrapupFocused);

  const standalone = await page.evaluate(async () => {
    const picker = document.createElement('cc-consult-picker');
    document.querySelector('cc-provider').append(picker);
    await picker.updateComplete;
    return Boolean(picker.shadowRoot?.childNodes.length);
  });
  check('one-file desk: a <cc-consult-picker> placed on its own renders', standalone);
  check('one-file desk: no script or console errors', errors.length === 0, errors.join('; '));
  await context.close();
}
