/**
 * A minimal fake service for the cross-origin plumbing: answers every request from the
 * origin named by `?allow=` (default: http://localhost:<same port>) with `{ echo: request }`.
 */
const allow = new URLSearchParams(location.search).get('allow') ?? `http://localhost:${location.port}`;
addEventListener('message', (e: MessageEvent) => {
  const m = e.data as { referenceId?: unknown; request?: unknown; parameters?: unknown };
  if (e.origin !== allow || typeof m?.referenceId !== 'string') return;
  (e.source as Window).postMessage(
    { referenceId: m.referenceId, data: { echo: m.request, parameters: m.parameters ?? null, origin: location.origin }, userAgent: 'echo (WWE fake)', protocolVersion: 2 },
    e.origin,
  );
});
