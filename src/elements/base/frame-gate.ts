/**
 * At most one render per element per painted frame, for updates that arrive in separate tasks
 * (a burst of backend events, one websocket message each). An element's first render in a frame runs
 * as Lit schedules it (a microtask: an isolated event reaches the DOM at once), and so do follow-up
 * renders in the same task (start-up: context, store, session in one go). An update requested from a
 * later task in the same frame waits until that frame has been painted; Lit coalesces every request
 * made meanwhile into that one update, and `updateComplete` waits for it.
 * Hidden documents get no animation frames: a timer ends the wait there.
 * @module
 */

interface PostTaskScheduler {
  postTask(callback: () => void, options: { priority: 'user-blocking' }): Promise<unknown>;
}

/** Run `callback` in a new task, ahead of ordinary queued tasks (messages, timers) where the browser can. */
function soon(callback: () => void): void {
  const scheduler = (globalThis as { scheduler?: PostTaskScheduler }).scheduler;
  if (scheduler?.postTask) {
    void scheduler.postTask(callback, { priority: 'user-blocking' });
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(undefined);
}

/** Resolves once the current frame has been painted (or after 100 ms without frames). */
const afterPaint = (): Promise<void> =>
  new Promise((resolve) => {
    // The fallback is cleared once the frame painted: no timer outlives the frame it guards.
    const timer = setTimeout(resolve, 100);
    // A task queued from an animation-frame callback runs after that frame's style, layout and paint.
    requestAnimationFrame(() =>
      soon(() => {
        clearTimeout(timer);
        resolve();
      }),
    );
  });

/**
 * One per element. Returns the gate: call it from `scheduleUpdate()` with the update, which runs
 * now or after the current frame is painted (then it returns the promise of that).
 */
export function frameGate(): (update: () => void) => void | Promise<void> {
  /** Set while this element has rendered in the frame not yet painted. */
  let painted: Promise<void> | undefined;
  /** Whether the task that rendered is still running (its microtask follow-ups may render too). */
  let sameTask = false;
  const render = (update: () => void): void => {
    if (!sameTask) {
      sameTask = true;
      soon(() => (sameTask = false));
    }
    painted ??= afterPaint().then(() => {
      painted = undefined;
    });
    update();
  };
  return (update) => (painted && !sameTask ? painted.then(() => render(update)) : render(update));
}
