/**
 * The widget frame of the bridge benchmark (served on http://127.0.0.1:PORT): the desk with 10
 * tasks and the postMessage bridge service for the host page's origin (http://localhost:PORT, the
 * same deployment's other name), plus a raw postMessage echo for the same origin to compare with.
 * The service gets a rate limit far above the benchmark's pace: the round trip is measured, not
 * the limiter's refusals (its per-message check still runs).
 */
import { loadBridge } from '/dist/cc-elements.js';
import { buildFixture } from './fixture.js';
import { scriptedBackend } from './scripted-backend.js';
import { createDesk, once, settled } from './desk.js';

const hostOrigin = `http://localhost:${location.port}`;

// The raw echo: the same listener shape a minimal service would have, no validation, no work.
addEventListener('message', (event) => {
  if (event.origin !== hostOrigin || typeof event.data?.benchEcho !== 'number') return;
  event.source.postMessage({ benchEcho: event.data.benchEcho }, { targetOrigin: event.origin });
});

const { session } = await buildFixture(8, { offers: 2 });
const desk = createDesk({ backend: scriptedBackend(session) });
const ready = once(desk.provider, 'cc-ready');
document.body.append(desk.provider);
await ready;
await settled(desk.elements);
const { startBridgeService } = await loadBridge();
startBridgeService(desk.provider.store, {
  origins: [hostOrigin],
  rateLimit: { perSecond: 1_000_000, burst: 1_000_000, quarantineMs: 0 },
});
// Tell the host the service listens (the host client's handshake would also find out).
parent.postMessage({ benchWidgetReady: true }, { targetOrigin: hostOrigin });
