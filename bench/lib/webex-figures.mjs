/**
 * Webex figures (bench/pages/webex-bench.*): the desk on the Webex adapter over the published SDK,
 * websocket frame → every element updated, with 200 tasks listed. Compare with `event-dom-200`
 * (the same tasks and events pushed straight into the store by a scripted backend): the
 * difference is the SDK (it parses each frame four times) plus the adapter.
 * Serves its own origin: the page loads the SDK's UMD build from node_modules. The page is
 * cross-origin isolated, so its clock resolves microseconds (the SDK's and the adapter's shares
 * are far below the 0.1 ms a normal page's clock shows).
 */
import { startStaticServer } from '../../scripts/static-server.mjs';
import { closePage, openPage } from './browser.mjs';
import { figure } from './stats.mjs';

export async function webexFigures(browser, { samples, warmup, size = 200 }) {
  const server = await startStaticServer({ dirs: ['dist', 'bench', 'node_modules'], port: 0, isolated: true });
  try {
    const page = await openPage(browser, `http://localhost:${server.port}/bench/pages/webex-bench.html`);
    if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('the Webex bench page is not cross-origin isolated');
    await page.evaluate((n) => window.bench.prepare(n), size);
    const result = await page.evaluate((o) => window.bench.frameToDom(o), { samples, warmup });
    await closePage(page);
    return [
      figure({ id: `webex-frame-dom-${size}`, label: `Webex: websocket frame → DOM updated, ${size} tasks`, unit: 'ms', samples: result.dom, note: 'compare with event-dom-200' }),
      figure({ id: `webex-frame-sync-${size}`, label: '  … of which SDK + adapter + store (synchronous)', unit: 'ms', samples: result.sync }),
      figure({ id: `webex-frame-sdk-${size}`, label: '  … of which the SDK (frame text → its parsed data handed out)', unit: 'ms', samples: result.sdkPart }),
      figure({ id: `webex-frame-adapter-${size}`, label: '  … of which the adapter (SDK data → port event)', unit: 'ms', samples: result.adapterPart, target: { max: 0.1, on: 'p95', text: 'p95 ≤ 0.1 ms' } }),
      figure({ id: `webex-frame-layout-${size}`, label: '  … DOM + style and layout', unit: 'ms', samples: result.withLayout }),
    ];
  } finally {
    await server.close();
  }
}
