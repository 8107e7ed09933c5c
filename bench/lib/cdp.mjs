/**
 * DevTools-protocol measurements of a page: main-thread CPU time (immune to other processes on a
 * shared machine, unlike wall time), and the heap after garbage collection with DOM node and
 * listener counts.
 */

/** A CDP session on `page` with performance metrics reported in thread (CPU) time. */
export async function cdpFor(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return cdp;
}

/** The page's performance metrics by name (seconds for times, bytes for sizes). */
export async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** Main-thread CPU ms and wall ms of `run()`. */
export async function cpuOf(cdp, run) {
  const before = await metrics(cdp);
  const result = await run();
  const after = await metrics(cdp);
  return {
    result,
    cpuMs: (after.ThreadTime - before.ThreadTime) * 1000,
    wallMs: (after.Timestamp - before.Timestamp) * 1000,
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The heap after letting pending timers run and collecting garbage three times: V8's used heap
 * (Runtime.getHeapUsage), DOM nodes, JS event listeners, documents.
 */
export async function heapAfterGc(cdp) {
  await sleep(300);
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const m = await metrics(cdp);
  return { heap: usedSize, nodes: m.Nodes, listeners: m.JSEventListeners, documents: m.Documents };
}
