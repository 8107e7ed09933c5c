/**
 * Counts renders (calls of each element class's `render()`, wrapped on its prototype) and frames
 * (a requestAnimationFrame loop), so a page can tell how many renders fell into one frame.
 */
import { ELEMENT_TAGS } from './desk.js';

const counts = new Map();
let installed = false;

/** Wrap `render()` of the provider and every element class (once per page). */
export function installRenderCounter() {
  if (installed) return;
  installed = true;
  for (const tag of ['cc-provider', ...ELEMENT_TAGS]) {
    const ctor = customElements.get(tag);
    if (!ctor) throw new Error(`${tag} is not defined`);
    const proto = ctor.prototype;
    const original = proto.render;
    counts.set(tag, 0);
    proto.render = function countedRender(...args) {
      counts.set(tag, counts.get(tag) + 1);
      return original.apply(this, args);
    };
  }
}

/** Renders so far, per tag. */
export const renderCounts = () => Object.fromEntries(counts);

/**
 * Record render counts at every animation frame until `stop()`; `stop()` answers the frames seen
 * and, per tag, the most renders between two consecutive frames and the total.
 */
export function frameRecorder() {
  const snapshots = [renderCounts()];
  let running = true;
  const loop = () => {
    if (!running) return;
    snapshots.push(renderCounts());
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  return {
    stop() {
      running = false;
      snapshots.push(renderCounts());
      const perTag = {};
      for (const tag of counts.keys()) {
        let max = 0;
        for (let i = 1; i < snapshots.length; i++) max = Math.max(max, snapshots[i][tag] - snapshots[i - 1][tag]);
        perTag[tag] = { total: snapshots.at(-1)[tag] - snapshots[0][tag], maxPerFrame: max };
      }
      return { frames: snapshots.length - 2, perTag };
    },
  };
}
