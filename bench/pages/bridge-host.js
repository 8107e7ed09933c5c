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

/**
 * `samples` pairs (after `warmup` pairs), echo and bridge alternating so both see the same
 * conditions. Answers per-sample times in ms and the projection that came back.
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
    await echo();
    const t1 = performance.now();
    answered = await client.interaction.getByInteractionId(ids[k % ids.length]);
    const t2 = performance.now();
    if (answered?.interactionId !== ids[k % ids.length]) throw new Error('getByInteractionId answered another interaction');
    if (k >= warmup) {
      raw.push(t1 - t0);
      bridge.push(t2 - t1);
    }
  }
  return { bridge, raw, responseBytes: JSON.stringify(answered).length };
}

window.bench = { roundTrips };
window.benchReady = true;
