/**
 * Bridge figures (bench/pages/bridge-*.{html,js}): `interaction.getByInteractionId` through
 * postMessage between two origins (host page on localhost, widget frame on 127.0.0.1) against a raw
 * postMessage echo between the same two frames.
 */
import { closePage, openPage } from './browser.mjs';
import { figure, quantile } from './stats.mjs';

/** `samples` timed samples (each several round trips) after `warmup` ones. */
export async function bridgeFigures(browser, base, { samples, warmup }) {
  const page = await openPage(browser, `${base}bridge-host.html`);
  const { bridge, raw, batch, responseBytes } = await page.evaluate((o) => window.bench.roundTrips(o), { samples, warmup });
  await closePage(page);
  // Ratio of each adjacent pair (same moment, same conditions), and of the medians.
  const ratios = bridge.map((b, i) => b / raw[i]);
  const medianRatio = quantile(bridge, 0.5) / quantile(raw, 0.5);
  return [
    figure({
      id: 'bridge-round-trip',
      label: 'bridge: getByInteractionId round trip (2 origins)',
      unit: 'ms',
      samples: bridge,
      extra: { responseBytes, roundTripsPerSample: batch },
    }),
    figure({ id: 'bridge-echo', label: '  raw postMessage echo, same frames', unit: 'ms', samples: raw }),
    figure({
      id: 'bridge-ratio',
      label: '  bridge ÷ echo (per adjacent pair)',
      unit: '×',
      samples: ratios,
      target: { max: 1.5, on: 'median', text: '≤ 1.5' },
      extra: { ratioOfMedians: medianRatio },
    }),
  ];
}
