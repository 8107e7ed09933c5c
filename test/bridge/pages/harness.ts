/**
 * Test-side helpers for the cross-origin bridge tests: open the service page on the other
 * origin (http://127.0.0.1:<port>) in a real iframe, and talk to its test-only control channel.
 */
export const OTHER_ORIGIN = `http://127.0.0.1:${location.port}`;
export const SERVICE_PAGE = `${OTHER_ORIGIN}/test/bridge/pages/service-page.html`;

/** The store's view of a task, as the service page's control channel reports it. */
export interface TaskView {
  id: string;
  state: string;
  media: string;
  rev: number;
  pending: string | null;
  markdoneBlocked: string | null;
  consultStatus: string | null;
  muted: boolean;
}
export interface StoreView {
  agent: string;
  selected: string | null;
  tasks: TaskView[];
}

/** Appends an iframe with the service page (not waiting for it to load). */
export function openServicePage(query = ''): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.src = `${SERVICE_PAGE}${query}`;
  document.body.append(frame);
  return frame;
}

let nextId = 0;

/** The test-only control channel of one service page (retried until the page listens). */
export class Control {
  constructor(private readonly win: Window) {}

  call<T = unknown>(command: string, args: Record<string, unknown> = {}): Promise<T> {
    const id = `ctl-${++nextId}`;
    return new Promise<T>((resolve, reject) => {
      const onMessage = (e: MessageEvent): void => {
        const m = e.data as { ccTestReply?: string; result?: T; error?: string } | null;
        if (e.source !== this.win || e.origin !== OTHER_ORIGIN || m?.ccTestReply !== id) return;
        clearInterval(retry);
        removeEventListener('message', onMessage);
        if (m.error !== undefined) reject(new Error(m.error));
        else resolve(m.result as T);
      };
      addEventListener('message', onMessage);
      const send = (): void => this.win.postMessage({ ccTest: command, id, args }, OTHER_ORIGIN);
      const retry = setInterval(send, 50);
      send();
    });
  }

  /** Offers a contact (`media`: telephony, chat, email, social); resolves with its id. */
  offer(media = 'telephony', extra: Record<string, unknown> = {}): Promise<string> {
    return this.call<string>('offer', { media, ...extra });
  }

  view(): Promise<StoreView> {
    return this.call<StoreView>('tasks');
  }

  async task(id: string): Promise<TaskView | undefined> {
    return (await this.view()).tasks.find((t) => t.id === id);
  }

  /** Polls the store until `test` holds; fails with `what` after a while. */
  async until(what: string, test: (v: StoreView) => boolean): Promise<StoreView> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const v = await this.view();
      if (test(v)) return v;
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}: ${JSON.stringify(v)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Waits until the task is in `state` with nothing pending (or gone, for state 'GONE'). */
  untilTask(id: string, state: string, extra: (t: TaskView) => boolean = () => true): Promise<StoreView> {
    return this.until(`${id} ${state}`, (v) => {
      const t = v.tasks.find((x) => x.id === id);
      return state === 'GONE' ? !t : !!t && t.state === state && !t.pending && extra(t);
    });
  }
}

/** Settles a promise into a value or its error, for asserting on failures. */
export const outcome = <T>(p: Promise<T>): Promise<{ value?: T; error?: { code?: string; message?: string } }> =>
  p.then(
    (value) => ({ value }),
    (error: { code?: string; message?: string }) => ({ error }),
  );

/** Records the events a subscription receives; waits for one that matches. */
export class EventLog<E extends { event: string; data: unknown }> {
  readonly events: E[] = [];
  private waiters: Array<() => void> = [];

  readonly handler = (e: E): void => {
    this.events.push(e);
    this.waiters.splice(0).forEach((w) => w());
  };

  async until(what: string, test: (e: E) => boolean): Promise<E> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const hit = this.events.find(test);
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`no event ${what}; got ${JSON.stringify(this.events.map((e) => e.data))}`);
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 200);
      });
    }
  }
}
