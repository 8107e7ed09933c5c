/**
 * Test page: the real store on the SimulatedContactCenter with the real bridge service, loaded
 * in an iframe from http://127.0.0.1:<port> by tests running on http://localhost:<port>.
 *
 * Test harness knobs (this page only — the gadget never reads its URL):
 * - `?allow=<bridge origins spec>`: the service's allow-list (default http://localhost:<port>);
 * - `?offerEveryMs=<ms>`: automatic offers from the simulator (default none);
 * - `?writeAllowed=k1,k2`: the user-data write allow-list.
 *
 * A test-only control channel, separate from the bridge and accepted only from
 * http://localhost:<port>: `{ ccTest: <command>, id, args }` → `{ ccTestReply: id, result | error }`.
 * Commands: offer, offerConsult, hangup, say, failNext, tasks (the store's view, to check what changed).
 */
import { SimulatedContactCenter, type OfferOptions } from '../../../src/backends/simulated/index.js';
import { startBridgeService } from '../../../src/bridge/service.js';
import { createStore } from '../../../src/store/store.js';
import type { SimCommand } from '../../../src/backends/simulated/faults.js';

const params = new URLSearchParams(location.search);
const tester = `http://localhost:${location.port}`;
const writeAllowed = params.get('writeAllowed');

const sim = new SimulatedContactCenter({
  seed: 'bridge-tests',
  latencyMs: 10,
  startAvailable: true,
  offerEveryMs: Number(params.get('offerEveryMs') ?? 0),
});
const store = createStore(sim);

type Args = Record<string, unknown>;
const commands: Record<string, (a: Args) => unknown> = {
  offer: (a) => sim.offerContact({ force: true, ...(a as OfferOptions) }) ?? null,
  offerConsult: (a) => sim.offerConsult({ force: true, ...a }) ?? null,
  hangup: (a) => sim.customerHangup(String(a.interactionId)),
  say: (a) => sim.customerSays(String(a.interactionId), String(a.text)),
  failNext: (a) => sim.failNext(a.command as SimCommand, 1, String(a.message ?? 'simulated failure')) ?? null,
  tasks: () => ({
    agent: store.agent.status.state,
    selected: store.selectedTask?.id ?? null,
    tasks: store.tasks.map((t) => ({
      id: t.id,
      state: t.state,
      media: t.media,
      rev: t.rev,
      pending: t.pending?.command ?? null,
      markdoneBlocked: t.markdoneBlocked ?? null,
      consultStatus: t.consult?.status ?? null,
      muted: t.muted,
    })),
  }),
  // The bridge's toasts and dialogs, as the agent sees them (text only), and the agent's actions on them.
  toasts: () =>
    [...(ui()?.querySelectorAll('[part=toast]') ?? [])].map((el) => ({
      text: el.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      html: el.querySelector('b, img:not([alt=""]), script') !== null,
      width: (el as HTMLElement).style.inlineSize,
      buttons: [...el.querySelectorAll('.buttons button')].map((b) => b.textContent?.trim() ?? ''),
      live: el.parentElement?.getAttribute('aria-live') ?? null,
    })),
  pressToast: (a) => {
    const toast = ui()?.querySelectorAll('[part=toast]')[Number(a.toast ?? 0)];
    (toast?.querySelectorAll('.buttons button')[Number(a.button ?? 0)] as HTMLElement | undefined)?.click();
    return toast ? true : null;
  },
  escapeToast: (a) => {
    const toast = ui()?.querySelectorAll('[part=toast]')[Number(a.toast ?? 0)];
    toast?.querySelector('button')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    return toast ? true : null;
  },
  dialogs: () => [...(ui()?.querySelectorAll('dialog') ?? [])].map((d) => ({ src: d.querySelector('iframe')?.src ?? '', open: d.open })),
  pressDialogClose: () => {
    (ui()?.querySelector('dialog button.close') as HTMLElement | null)?.click();
    return true;
  },
};

/** The shadow root of the bridge's `<cc-bridge-ui>`, rendered up to date. */
const ui = (): ShadowRoot | null | undefined => document.querySelector('cc-bridge-ui')?.shadowRoot;

/** Replies by command id: the tester retries until answered, and a retry must not act twice. */
const replies = new Map<unknown, Record<string, unknown>>();
addEventListener('message', (e: MessageEvent) => {
  const m = e.data as { ccTest?: unknown; id?: unknown; args?: Args } | null;
  if (e.origin !== tester || !m || typeof m.ccTest !== 'string' || !(m.ccTest in commands)) return;
  let reply = replies.get(m.id);
  if (!reply) {
    try {
      reply = { ccTestReply: m.id, result: commands[m.ccTest](m.args ?? {}) };
    } catch (err) {
      reply = { ccTestReply: m.id, error: String(err) };
    }
    replies.set(m.id, reply);
  }
  (e.source as Window).postMessage(reply, e.origin);
});

void store.start().then(() => {
  startBridgeService(store, {
    origins: params.get('allow') ?? tester,
    window,
    ...(writeAllowed !== null ? { userData: { writeAllowed: writeAllowed.split(',') } } : {}),
    ui: document.body,
    dialogOrigins: [tester],
    options: { 'voice.dial-prefix': '0', 'voice.caller-id': 'main', 'MySection/greeting': 'Hello <b>there</b>', 'crm.url': 'https://crm.example' },
  });
  document.documentElement.dataset.ready = '';
});
