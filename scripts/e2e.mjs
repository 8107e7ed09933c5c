#!/usr/bin/env node
/**
 * End-to-end check of the demo pages in Chromium (playwright-core; run after `npm run build`).
 *
 * Serves demo/ and dist/ itself (as scripts/serve.mjs does), then runs each scenario in a fresh
 * browser context:
 *  - the mock CRM: a call start to finish by clicking (offer, Accept, Hold, Resume, Consult a
 *    colleague who accepts, Merge to conference, End, wrap-up code, Submit) until the task list is
 *    empty again;
 *  - the mock CRM: a call consulted and then transferred to the consulted colleague; a call
 *    transferred blind to a queue; a chat and an email, each from offer to wrap-up; a chat
 *    conversation (the greeting read, a reply sent with Enter, the customer's answer seen);
 *  - the mock CRM: a caller named `<img onerror>` shows as text, nothing runs, no dialog opens;
 *  - the mock CRM under a strict Content-Security-Policy (no inline script or style): offers'
 *    actions sit beside their rows in the task list, a chat ends into wrap-up, nothing is blocked;
 *  - the workspace page: the gadget on the other origin, driven through postMessage by the host
 *    client (agent Available, an offer arrives, accept, user data, markdone blocked and allowed);
 *  - the gallery: every desk set up, no script errors;
 *  - the README's script-tag snippet, exactly as written there, in an otherwise empty page: the agent
 *    goes Available and the first offer arrives by itself within 10 s and is accepted.
 * Every scenario also fails on an uncaught page error or a request the server answers with an error (a 404).
 * A failed step leaves a screenshot in /tmp and a clear message. Prints one PASS/FAIL line per
 * scenario; exits 1 when any failed.
 *
 * Usage: node scripts/e2e.mjs [scenario-name-substring…]
 * Environment: CHROME_PATH (default /usr/bin/chromium), E2E_HEADED=1 to watch.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { projectRoot, startStaticServer } from './static-server.mjs';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const STEP_TIMEOUT_MS = 10_000;
/** A policy with no inline script or style at all (what a careful CRM sends). */
const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";
const executablePath = chromiumPath;

/**
 * The demo deployment's gadget configuration (as scripts/serve.mjs serves it): the two loopback
 * origins may embed and drive the gadget. The desk also offers a contact every 2 s while the agent
 * is Available, so the workspace page has something to accept.
 */
const gadgetConfigRoute = {
  '/dist/gadget.config.json': (port) => ({
    type: 'application/json; charset=utf-8',
    body: JSON.stringify({
      origins: [`http://127.0.0.1:${port}`, `http://localhost:${port}`],
      provider: {
        'offer-every': '2',
        seed: '11',
        'bridge-dialog-origins': `http://127.0.0.1:${port} http://localhost:${port}`,
        'bridge-options': JSON.stringify({ 'voice.dial-prefix': '0', 'crm.case-url': 'https://crm.example/case/' }),
      },
    }),
  }),
};

/**
 * The README's script-tag snippet (the html block after its `readme-snippet` marker), exactly as
 * written, in an otherwise empty page; only the CDN addresses of dist/ files (the script, the
 * stylesheet) become this server's.
 */
function readmeSnippetPage() {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  const marker = readme.indexOf('<!-- readme-snippet');
  const block = marker < 0 ? null : /```html\n([\s\S]*?)```/.exec(readme.slice(marker));
  if (!block) throw new Error('README.md has no html block after a <!-- readme-snippet … --> marker');
  const snippet = block[1].replace(/(src|href)="[^"]*(\/dist\/[^"]+)"/g, '$1="$2"');
  if (!snippet.includes('src="/dist/cc-elements.js"')) throw new Error('the README snippet does not load dist/cc-elements.js');
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>README snippet</title></head>\n<body>\n${snippet}</body></html>\n`;
}

/** What the server answers besides demo/ and dist/. */
const routes = {
  ...gadgetConfigRoute,
  '/readme-snippet.html': () => ({ type: 'text/html; charset=utf-8', body: readmeSnippetPage() }),
  // An empty page asks for /favicon.ico; any web server answers it, so does this one.
  '/favicon.ico': () => ({ type: 'image/svg+xml', body: readFileSync(join(projectRoot, 'demo/favicon.svg'), 'utf8') }),
};

class StepError extends Error {}

/** Runs `fn` as a named step; on failure saves a screenshot and rethrows with both in the message. */
function stepper(page, scenario) {
  let n = 0;
  return async function step(name, fn) {
    n++;
    try {
      return await fn();
    } catch (error) {
      if (error instanceof StepError) throw error;
      const slug = `${scenario}-${n}-${name}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 80);
      const shot = `/tmp/cc-e2e-${slug}.png`;
      await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
      const reason = String(error?.message ?? error).split('\n').slice(0, 6).join('\n    ');
      throw new StepError(`step ${n} "${name}" failed: ${reason}\n    screenshot: ${shot}`);
    }
  };
}

const expectVisible = (locator, timeout = STEP_TIMEOUT_MS) => locator.first().waitFor({ state: 'visible', timeout });

/** Waits until the mock CRM's provider runs its simulated contact center. */
async function crmReady(page) {
  await page.waitForFunction(() => document.getElementById('provider')?.store?.connection?.status === 'connected', null, {
    timeout: STEP_TIMEOUT_MS,
  });
}

/** The desk of the mock CRM, as a person finds it on the page. */
function crmDesk(page) {
  const controls = page.locator('cc-call-controls');
  return {
    offer: page.locator('cc-incoming-task'),
    list: page.locator('cc-task-list'),
    controls,
    control: (name) => controls.getByRole('button', { name, exact: true }),
    picker: controls.locator('cc-consult-picker'),
    form: page.locator('cc-wrapup-form'),
  };
}

/** Opens the mock CRM, brings in a contact with the strip button `offerButton`, and accepts it. */
async function acceptOffer(page, step, base, offerButton) {
  const desk = crmDesk(page);
  await step('open the mock CRM', async () => {
    await page.goto(`${base}/demo/`);
    await crmReady(page);
  });
  await step(`click "${offerButton}"`, () => page.getByRole('button', { name: offerButton }).click());
  await step('Accept the offer', async () => {
    await desk.offer.getByRole('button', { name: /^Accept/ }).click();
    await expectVisible(desk.list.getByText('Connected', { exact: true }));
  });
  return desk;
}

/** Wrap-up with a code, Submit, and the desk is empty again (the task left the store). */
async function wrapUpAndFinish(page, step, desk) {
  await step('choose a wrap-up code and Submit', async () => {
    await expectVisible(desk.form.getByLabel('Wrap-up code'));
    await desk.form.getByLabel('Wrap-up code').selectOption({ label: 'Resolved' });
    await desk.form.getByRole('button', { name: 'Submit wrap-up' }).click();
  });
  await step('the task list is empty again', async () => {
    await expectVisible(desk.list.getByText('No tasks right now.'));
    const left = await page.evaluate(() => document.getElementById('provider').store.tasks.length);
    if (left !== 0) throw new Error(`the store still holds ${left} task(s)`);
  });
}

// ── scenarios ─────────────────────────────────────────────────────────────────────────────────

const scenarios = [
  {
    name: 'crm: a call consulted and transferred to the consulted agent, by clicking',
    async run({ page, base, step }) {
      const desk = await acceptOffer(page, step, base, 'Incoming call');
      await step('Consult → Ana Souza (accepts)', async () => {
        await desk.control('Consult').click();
        await desk.picker.getByRole('button', { name: /Ana Souza/ }).click();
        await expectVisible(desk.controls.getByText('Consulting with Ana Souza'));
      });
      await step('Complete transfer', () => desk.control('Complete transfer').click());
      await wrapUpAndFinish(page, step, desk);
    },
  },
  {
    name: 'crm: a call transferred blind to a queue, by clicking',
    async run({ page, base, step }) {
      const desk = await acceptOffer(page, step, base, 'Incoming call');
      await step('Transfer → Queues → Billing', async () => {
        await desk.control('Transfer').click();
        await desk.picker.getByLabel('Destination type').selectOption({ label: 'Queues' });
        await desk.picker.getByRole('button', { name: /Billing/ }).click();
      });
      await wrapUpAndFinish(page, step, desk);
    },
  },
  {
    name: 'crm: a chat start to finish by clicking',
    async run({ page, base, step }) {
      const desk = await acceptOffer(page, step, base, 'Incoming chat');
      await step('no voice-only controls on a chat', async () => {
        if ((await desk.control('Hold').count()) !== 0) throw new Error('a chat shows Hold');
      });
      await step('End', () => desk.control('End').click());
      await wrapUpAndFinish(page, step, desk);
    },
  },
  {
    name: 'crm: a chat conversation: read the greeting, reply, see the answer',
    async run({ page, base, step }) {
      const desk = await acceptOffer(page, step, base, 'Incoming chat');
      const conversation = page.locator('cc-conversation');
      const customerLines = conversation.locator('[part~="message-customer"]');
      await step('the customer greets', () => expectVisible(customerLines, 20_000));
      await step('reply with Enter', async () => {
        const box = conversation.getByRole('textbox', { name: 'Reply', exact: true });
        await box.fill('Hello, I am looking into it.');
        await box.press('Enter');
        await expectVisible(conversation.locator('[part~="message-agent"]').getByText('Hello, I am looking into it.'));
        if ((await box.inputValue()) !== '') throw new Error('the reply box was not emptied');
      });
      await step("the customer answers", () =>
        page.waitForFunction(() => document.querySelector('cc-conversation').shadowRoot.querySelectorAll('[part~="message-customer"]').length >= 2, null, { timeout: 30_000 }),
      );
      await step('End', () => desk.control('End').click());
      await wrapUpAndFinish(page, step, desk);
    },
  },
  {
    name: 'crm: an email start to finish by clicking',
    async run({ page, base, step }) {
      const desk = await acceptOffer(page, step, base, 'Incoming email');
      await step('End', () => desk.control('End').click());
      await wrapUpAndFinish(page, step, desk);
    },
  },
  {
    name: 'crm: a call start to finish by clicking',
    async run({ page, base, step }) {
      const desk = await acceptOffer(page, step, base, 'Incoming call');
      await step('Hold', async () => {
        await desk.control('Hold').click();
        await expectVisible(desk.list.getByText('On hold', { exact: true }));
      });
      // Hold is a toggle (issue 11): pressed while on hold, and pressing it again resumes.
      await step('Resume (the pressed Hold)', async () => {
        await desk.controls.getByRole('button', { name: 'Hold', exact: true, pressed: true }).click();
        await expectVisible(desk.controls.getByRole('button', { name: 'Hold', exact: true, pressed: false }));
        await expectVisible(desk.list.getByText('Connected', { exact: true }));
      });
      await step('Consult → Ana Souza (accepts)', async () => {
        await desk.control('Consult').click();
        await desk.picker.getByRole('button', { name: /Ana Souza/ }).click();
        await expectVisible(desk.controls.getByText('Consulting with Ana Souza'));
      });
      await step('Merge to conference', async () => {
        await desk.control('Merge to conference').click();
        await expectVisible(desk.list.getByText('Conference', { exact: true }));
      });
      await step('End', () => desk.control('End').click());
      await wrapUpAndFinish(page, step, desk);
    },
  },
  {
    name: 'crm: a caller named <img onerror> shows as text',
    async run({ page, base, step }) {
      const dialogs = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await step('open the mock CRM', async () => {
        await page.goto(`${base}/demo/`);
        await crmReady(page);
      });
      await step('click "Caller named <img onerror>"', () => page.getByRole('button', { name: 'Caller named <img onerror>' }).click());
      await step('the name shows as text in the offer and the task list', async () => {
        await expectVisible(page.locator('cc-incoming-task').getByText('<img src=x onerror=alert(1)>'));
        await expectVisible(page.locator('cc-task-list').getByText('<img src=x onerror=alert(1)>'));
      });
      await step('Accept: the name shows as text in the details and the CRM record', async () => {
        await page.locator('cc-incoming-task').getByRole('button', { name: /^Accept/ }).click();
        await expectVisible(page.locator('cc-task-details').getByText('<img src=x onerror=alert(1)>'));
        await expectVisible(page.locator('#rec-customer', { hasText: '<img src=x onerror=alert(1)>' }));
      });
      await step('no element was made from the name, no script ran, no dialog opened', async () => {
        // Give a broken <img>'s onerror time to fire, were there one.
        await page.waitForTimeout(500);
        // Playwright's CSS engine pierces open shadow roots.
        const made = await page.locator('cc-provider img, cc-provider script').count();
        if (made) throw new Error(`${made} <img>/<script> element(s) were created inside the desk`);
        if (dialogs.length) throw new Error(`a dialog opened: ${dialogs.join(', ')}`);
      });
    },
  },
  {
    name: 'crm: under a strict Content-Security-Policy the desk lays out and works',
    async run({ page, base, step }) {
      // The page is served with a policy that allows no inline script or style; every violation is recorded.
      await page.route(`${base}/demo/`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': STRICT_CSP } });
      });
      await page.addInitScript(() => {
        window.cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`));
      });
      const desk = await acceptOffer(page, step, base, 'Incoming chat');
      await step('two more offers: one Accept each on the page, in <cc-incoming-task>', async () => {
        await page.getByRole('button', { name: 'Incoming call' }).click();
        await page.getByRole('button', { name: 'Incoming email' }).click();
        await expectVisible(desk.offer.getByRole('button', { name: /^Accept/ }).nth(1));
        const accepts = await page.getByRole('button', { name: /^Accept/ }).count();
        if (accepts !== 2) throw new Error(`expected 2 Accept buttons on the page, got ${accepts}`);
      });
      await step("alone, the list puts each row's Accept and Decline beside that row", async () => {
        await page.evaluate(() => document.querySelector('cc-incoming-task').remove());
        await expectVisible(desk.list.locator('.row-actions').nth(1));
        const placed = await desk.list.evaluate((list) => {
          const root = list.shadowRoot;
          const rows = [...root.querySelectorAll('[role=option]')].map((o) => o.getBoundingClientRect());
          return [...root.querySelectorAll('.row-actions')].map((a) => {
            const box = a.getBoundingClientRect();
            const row = rows.findIndex((r) => box.top >= r.top - 1 && box.bottom <= r.bottom + 1);
            return { gridRow: getComputedStyle(a).gridRowStart, row };
          });
        });
        if (placed.length !== 2) throw new Error(`expected 2 offer action groups, got ${placed.length}`);
        for (const { gridRow, row } of placed) {
          if (String(row + 1) !== gridRow) throw new Error(`actions placed on grid row ${gridRow} sit beside row ${row + 1}`);
        }
        if (placed[0].row === placed[1].row) throw new Error('both offers\' actions sit beside the same row');
      });
      await step('the chat still ends and wraps up', async () => {
        await desk.list.getByRole('option').filter({ hasText: 'Chat' }).click();
        await desk.control('End').click();
        await expectVisible(desk.form.getByLabel('Wrap-up code'));
      });
      await step('the policy blocked nothing', async () => {
        const violations = await page.evaluate(() => window.cspViolations);
        if (violations.length) throw new Error(`CSP violations: ${violations.slice(0, 5).join(' | ')}`);
      });
    },
  },
  {
    name: 'workspace: the gadget driven through postMessage',
    async run({ page, base, step }) {
      const log = page.locator('#log');
      /** The log entries matching `text` (a string or a RegExp), newest first. */
      const entry = (text) => log.locator('.entry', { hasText: text });
      const call = (method) => page.locator(`button[data-call="${method}"]`).click();
      await step('open the workspace and wait for the gadget', async () => {
        await page.goto(`${base}/demo/workspace.html`);
        await page.waitForFunction(() => document.documentElement.dataset.workspace === 'connected', null, { timeout: 20_000 });
        await expectVisible(entry('subscribed to interaction, agent, markdone'));
      });
      const gadgetUrl = await page.locator('#gadget').getAttribute('src');
      if (!gadgetUrl || new URL(gadgetUrl).origin === new URL(base).origin) {
        throw new StepError(`the gadget must come from the other origin, got ${gadgetUrl}`);
      }
      const gadget = page.frameLocator('#gadget');
      await step('the gadget shows the desk', () => expectVisible(gadget.locator('cc-agent-state')));
      await step('agent.setState Available (postMessage)', async () => {
        await page.locator('#agent-state').selectOption('Available');
        await call('agent.setState');
        await expectVisible(entry('← agent.setState ok'));
        await expectVisible(entry('event agent').filter({ hasText: '"state":"Available"' }));
      });
      let id;
      await step('an offer arrives as an interaction event', async () => {
        const offered = entry(/event interaction (RINGING|INVITED) /);
        await expectVisible(offered);
        id = await page.locator('#interaction-id').inputValue();
        if (!id) throw new Error('no interaction was chosen in the select');
      });
      await step('interaction.accept (postMessage) and see the event', async () => {
        await page.locator('#interaction-id').selectOption(id);
        await call('interaction.accept');
        await expectVisible(entry(`← interaction.accept ok`));
        await expectVisible(entry(new RegExp(`event interaction (TALKING|ACCEPTED) \\w+ ${id}`)));
        await expectVisible(gadget.locator('cc-task-list').getByText('Connected', { exact: true }));
      });
      await step('interaction.setUserData and see USER_DATA_UPDATED', async () => {
        await page.locator('#interaction-id').selectOption(id);
        await call('interaction.setUserData');
        await expectVisible(entry('← interaction.setUserData ok'));
        await expectVisible(entry(new RegExp(`event interaction USER_DATA_UPDATED \\w+ ${id} .*"ticket":"INC-4711"`)));
      });
      await step('blockMarkdone: markdone is refused and a markdone event arrives', async () => {
        await page.locator('#interaction-id').selectOption(id);
        await call('interaction.blockMarkdone');
        await expectVisible(entry('← interaction.blockMarkdone ok'));
        await call('interaction.markdone');
        await expectVisible(entry('← interaction.markdone failed: MARKDONE_BLOCKED'));
        await expectVisible(entry('event markdone').filter({ hasText: 'Save the ticket before you finish.' }));
      });
      await step('unblockMarkdone, then markdone finishes the interaction', async () => {
        await page.locator('#interaction-id').selectOption(id);
        await call('interaction.unblockMarkdone');
        await expectVisible(entry('← interaction.unblockMarkdone ok'));
        await call('interaction.markdone');
        await expectVisible(entry('← interaction.markdone ok'));
        await expectVisible(entry(new RegExp(`event interaction (COMPLETED|IDLE) \\w+ ${id}`)));
      });
      await step('system.popupToast shows a toast in the desk; its button comes back as a system event', async () => {
        await call('system.popupToast');
        await expectVisible(entry('← system.popupToast ok'));
        const toast = gadget.locator('cc-bridge-ui [part=toast]');
        await expectVisible(toast.getByText('Case INC-4711'));
        await toast.getByRole('button', { name: 'Open case' }).click();
        await expectVisible(entry('event system').filter({ hasText: 'TOAST_BUTTON_CLICKED' }));
        await call('system.closeToast');
        await expectVisible(entry('← system.closeToast ok'));
      });
      await step('every other request of the Service Client table is answered', async () => {
        const names = await page.locator('button[data-call]').evaluateAll((buttons) => buttons.map((b) => b.dataset.call));
        for (const name of names.filter((n) => !n.startsWith('interaction.'))) {
          await call(name);
          await expectVisible(entry(new RegExp(`← ${name.replace('.', '\\.')} (ok|failed: [A-Z_]+) `)).first());
        }
      });
    },
  },
  {
    name: "readme: the script-tag snippet in an empty page brings an offer within 10 s of going Available",
    async run({ page, base, step }) {
      await step('open the page holding only the README snippet', async () => {
        await page.goto(`${base}/readme-snippet.html`);
        await page.waitForFunction(() => document.querySelector('cc-provider')?.store?.connection?.status === 'connected', null, {
          timeout: STEP_TIMEOUT_MS,
        });
      });
      await step('go Available in <cc-agent-state>', () =>
        page.locator('cc-agent-state').getByLabel('Agent state').selectOption({ label: 'Available' }),
      );
      await step('an offer arrives by itself within 10 s and is accepted', async () => {
        const accept = page.locator('cc-incoming-task').getByRole('button', { name: /^Accept/ });
        await accept.first().waitFor({ state: 'visible', timeout: 10_000 });
        await accept.first().click();
        await page.waitForFunction(
          () => document.querySelector('cc-provider').store.tasks.some((t) => t.state !== 'OFFERED' && t.state !== 'OFFERED_CONSULT'),
          null,
          { timeout: STEP_TIMEOUT_MS },
        );
      });
    },
  },
  {
    name: 'gallery: every desk set up in en/de/fr, light and dark',
    async run({ page, base, step }) {
      await step('open the gallery and wait for every desk', async () => {
        await page.goto(`${base}/demo/gallery.html`);
        await page.waitForFunction(() => document.documentElement.dataset.gallery, null, { timeout: 30_000 });
      });
      await step('every column is ready', async () => {
        const states = await page.locator('.gallery-col').evaluateAll((cols) => cols.map((c) => c.dataset.state));
        const bad = states.filter((s) => s !== 'ready').length;
        if (states.length !== 30 || bad) {
          const notes = await page.locator('.setup-error').allTextContents();
          throw new Error(`${states.length} columns, ${bad} not ready: ${notes.slice(0, 3).join(' | ')}`);
        }
      });
      await step('each language renders its own strings', async () => {
        await expectVisible(page.locator('#lang-de cc-wrapup-form').getByText('Notizen zur Nachbearbeitung', { exact: true }));
        await expectVisible(page.locator('#lang-fr cc-call-controls').getByRole('button', { name: 'Fusionner en conférence' }));
        await expectVisible(page.locator('#lang-en cc-incoming-task').getByText('Consult request from', { exact: false }));
      });
    },
  },
];

// ── runner ────────────────────────────────────────────────────────────────────────────────────

async function main() {
  for (const file of ['dist/cc-elements.js', 'dist/cc-host.js', 'dist/gadget.html', 'dist/gadget.js']) {
    if (!existsSync(join(projectRoot, file))) {
      console.error(`e2e: ${file} is missing — run \`npm run build\` first.`);
      return 1;
    }
  }
  const filters = process.argv.slice(2);
  const chosen = scenarios.filter((s) => !filters.length || filters.some((f) => s.name.includes(f)));
  const server = await startStaticServer({ dirs: ['demo', 'dist'], port: 0, index: '/demo/', routes });
  // The CRM and the gallery on localhost; the workspace on 127.0.0.1 frames the gadget from localhost.
  const origins = { crm: `http://localhost:${server.port}`, workspace: `http://127.0.0.1:${server.port}` };
  let browser;
  const results = [];
  try {
    browser = await chromium.launch({
      executablePath,
      headless: !process.env.E2E_HEADED,
      args: chromiumArgs,
    });
    for (const scenario of chosen) {
      const started = Date.now();
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const page = await context.newPage();
      page.setDefaultTimeout(STEP_TIMEOUT_MS);
      const pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      const failedRequests = [];
      page.on('response', (response) => response.status() >= 400 && failedRequests.push(`${response.status()} ${response.url()}`));
      const base = scenario.name.startsWith('workspace') ? origins.workspace : origins.crm;
      const step = stepper(page, scenario.name.split(':')[0]);
      let error;
      try {
        await scenario.run({ page, base, step });
        if (pageErrors.length) throw new StepError(`uncaught page error(s): ${pageErrors.slice(0, 3).join(' | ')}`);
        if (failedRequests.length) throw new StepError(`request(s) answered with an error: ${failedRequests.slice(0, 3).join(' | ')}`);
      } catch (e) {
        error = e;
      }
      await context.close();
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      results.push({ name: scenario.name, ok: !error });
      console.log(`${error ? 'FAIL' : 'PASS'}  ${scenario.name}  (${seconds} s)`);
      if (error) console.log(`    ${error instanceof StepError ? error.message : (error?.stack ?? error)}`);
    }
  } finally {
    await browser?.close();
    await server.close();
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(failed ? `e2e: ${failed} of ${results.length} scenarios failed` : `e2e: all ${results.length} scenarios passed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`e2e: could not run: ${error?.stack ?? error}`);
    process.exit(1);
  },
);
