/**
 * The host page of the bridge benchmark (http://localhost:PORT): it frames the widget on the other
 * origin (http://127.0.0.1:PORT) and times, alternately, `interaction.getByInteractionId` through
 * the host client (dist/cc-host.js) and a raw postMessage echo between the same two frames.
 */
import { createHostClient } from '/dist/cc-host.js';

const widgetOrigin = `http://127.0.0.1:${location.port}`;
const frame = document.createElement('iframe');

const widgetReady = new Promise((resolve) => {
  addEventListener('message', function onReady(event) {
    if (event.origin === widgetOrigin && event.data?.benchWidgetReady) {
      removeEventListener('message', onReady);
      resolve();
    }
  });
});
frame.src = `${widgetOrigin}/bench/pages/bridge-widget.html`;
frame.style.cssText = 'width: 1000px; height: 800px; border: 0';
document.body.append(frame);
await widgetReady;

const client = createHostClient({ target: frame.contentWindow, targetOrigin: widgetOrigin });

let echoSeq = 0;
/** One raw round trip: post, and resolve on the echo. */
function echo() {
  const id = ++echoSeq;
  return new Promise((resolve) => {
    const onMessage = (event) => {
      if (event.origin !== widgetOrigin || event.data?.benchEcho !== id) return;
      removeEventListener('message', onMessage);
      resolve();
    };
    addEventListener('message', onMessage);
    frame.contentWindow.postMessage({ benchEcho: id }, widgetOrigin);
  });
}

/** Round trips per timed sample: performance.now() is coarsened to 0.1 ms here (no cross-origin isolation). */
const BATCH = 10;

/**
 * `samples` pairs (after `warmup` pairs), echo and bridge alternating so both see the same
 * conditions; each sample is BATCH sequential round trips, reported per round trip (ms).
 * Answers the per-sample times and the size of the projection that came back.
 */
async function roundTrips({ samples, warmup }) {
  const interactions = await client.interaction.getInteractions();
  if (interactions.length !== 10) throw new Error(`the service lists ${interactions.length} interactions, not 10`);
  const ids = interactions.map((i) => i.interactionId);
  const bridge = [];
  const raw = [];
  let answered;
  for (let k = 0; k < warmup + samples; k++) {
    const t0 = performance.now();
    for (let b = 0; b < BATCH; b++) await echo();
    const t1 = performance.now();
    for (let b = 0; b < BATCH; b++) {
      const id = ids[(k + b) % ids.length];
      answered = await client.interaction.getByInteractionId(id);
      if (answered?.interactionId !== id) throw new Error('getByInteractionId answered another interaction');
    }
    const t2 = performance.now();
    if (k >= warmup) {
      raw.push((t1 - t0) / BATCH);
      bridge.push((t2 - t1) / BATCH);
    }
  }
  return { bridge, raw, batch: BATCH, responseBytes: JSON.stringify(answered).length };
}

window.bench = { roundTrips };
window.benchReady = true;
