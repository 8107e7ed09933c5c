/**
 * The bridge service driven by real postMessage from same-page iframes: a same-origin frame on
 * the allow-list is served (answers and events arrive in its window), an opaque-origin
 * (sandboxed) frame is not answered at all.
 */
import { expect } from '@open-wc/testing';
import { startBridgeService, type BridgeService } from '../../src/bridge/service.js';
import { FakeStore, settle, task } from '../fixtures/fake-store.js';

type Poster = (message: unknown, targetOrigin: string) => void;

/** Waits (real time, briefly) until `done()` holds. */
async function until(done: () => boolean, turns = 100): Promise<void> {
  for (let i = 0; i < turns && !done(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe('bridge service: real postMessage from iframes', () => {
  let store: FakeStore;
  let service: BridgeService;
  let frame: HTMLIFrameElement;
  afterEach(() => {
    service.stop();
    frame.remove();
  });

  it('serves a same-origin frame on the allow-list: replies and events reach its window', async () => {
    store = new FakeStore([task('i-1'), task('i-2', { state: 'OFFERED' })]);
    service = startBridgeService(store, { origins: location.origin });
    frame = document.createElement('iframe');
    document.body.append(frame);
    const child = frame.contentWindow!;
    const received: Record<string, unknown>[] = [];
    child.addEventListener('message', (e) => {
      if (e.origin === location.origin) received.push(e.data as Record<string, unknown>);
    });
    // A function of the frame's realm: its postMessage has the frame as event.source.
    const post = new (child as unknown as { Function: FunctionConstructor }).Function('m', 'o', 'parent.postMessage(m, o)') as Poster;

    post({ request: 'interaction.getInteractions', referenceId: 'f1', userAgent: 'WWE frame', protocolVersion: 2 }, location.origin);
    post({ event: 'subscribe', data: ['interaction'], referenceId: 'f2', userAgent: 'WWE frame', protocolVersion: 2 }, location.origin);
    post({ request: 'interaction.accept', parameters: ['i-2'], referenceId: 'f3' }, location.origin);
    await until(() => received.some((m) => m.referenceId === 'f3'));

    const byRef = (r: string): Record<string, unknown> | undefined => received.find((m) => m.referenceId === r);
    expect((byRef('f1')!.data as unknown[]).length).to.equal(2);
    expect(byRef('f1')!.userAgent).to.include('WWE');
    expect(byRef('f2')!.subscriptionId).to.be.a('string');
    expect(byRef('f3')).to.include({ data: null });
    expect(received.filter((m) => m.event === 'interaction')).to.have.length(2);
    expect(store.calls).to.deep.equal([{ method: 'accept', args: ['i-2'] }]);

    store.patch('i-1', { state: 'HELD' });
    await until(() => received.filter((m) => m.event === 'interaction').length === 3);
    const last = received.filter((m) => m.event === 'interaction').pop()!;
    expect(last.data).to.include({ interactionId: 'i-1', state: 'HELD' });
  });

  it('does not serve a same-origin frame when its origin is not on the list', async () => {
    store = new FakeStore([task('i-2', { state: 'OFFERED' })]);
    service = startBridgeService(store, { origins: 'https://crm.example' });
    frame = document.createElement('iframe');
    document.body.append(frame);
    const child = frame.contentWindow!;
    const received: unknown[] = [];
    child.addEventListener('message', (e) => received.push(e.data));
    let arrived = false;
    const spy = (e: MessageEvent): void => {
      if ((e.data as { referenceId?: string })?.referenceId === 'n1') arrived = true;
    };
    window.addEventListener('message', spy);
    const post = new (child as unknown as { Function: FunctionConstructor }).Function('m', 'o', 'parent.postMessage(m, o)') as Poster;
    post({ request: 'interaction.accept', parameters: ['i-2'], referenceId: 'n1' }, location.origin);
    await until(() => arrived);
    for (let i = 0; i < 5; i++) await settle();
    window.removeEventListener('message', spy);
    expect(arrived).to.equal(true);
    expect(received).to.deep.equal([]);
    expect(store.calls).to.deep.equal([]);
  });

  it('never answers an opaque-origin (sandboxed) frame, and does nothing for it', async () => {
    store = new FakeStore([task('i-2', { state: 'OFFERED' })]);
    // Even an allow-list naming this very origin does not admit "null".
    service = startBridgeService(store, { origins: location.origin });
    const seen: Record<string, unknown>[] = [];
    const spy = (e: MessageEvent): void => {
      if (e.origin === 'null') seen.push(e.data as Record<string, unknown>);
    };
    window.addEventListener('message', spy);
    frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    // The frame forwards anything it receives, so an answer from the service would show up here.
    frame.srcdoc = `<script>
      const P = ${JSON.stringify(location.origin)};
      addEventListener('message', (e) => parent.postMessage({ forwarded: e.data }, P));
      parent.postMessage({ request: 'interaction.accept', parameters: ['i-2'], referenceId: 's1', protocolVersion: 2 }, P);
      parent.postMessage({ event: 'subscribe', data: 'interaction', referenceId: 's2' }, P);
    </script>`;
    document.body.append(frame);
    await until(() => seen.some((m) => m.referenceId === 's2'));
    store.patch('i-2', { state: 'CONNECTED' });
    for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 10));
    window.removeEventListener('message', spy);
    expect(seen.map((m) => m.referenceId)).to.deep.equal(['s1', 's2']);
    expect(seen.filter((m) => 'forwarded' in m)).to.deep.equal([]);
    expect(store.calls).to.deep.equal([]);
  });
});
