/**
 * Fuzzing the bridge service with 12,000 generated malformed messages (seeded PRNG): no uncaught
 * error, every message of ours carrying a string referenceId answered once with an errorMessage,
 * nothing else answered, no event sent, and the store untouched (no command, same state).
 */
import { expect } from '@open-wc/testing';
import { ALL_METHODS } from '../../src/bridge/protocol.js';
import { startBridgeService } from '../../src/bridge/service.js';
import { FakeStore, PortClient, settle, task } from '../fixtures/fake-store.js';

const ORIGIN = 'https://crm.example';
const COUNT = 12_000;

/** mulberry32: a small seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Gen = () => unknown;

function generator(seed: number): { next(i: number): unknown } {
  const rnd = prng(seed);
  const int = (n: number): number => Math.floor(rnd() * n);
  const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const chance = (p: number): boolean => rnd() < p;

  const nest = (depth: number, leaf: unknown): unknown => {
    let v = leaf;
    for (let i = 0; i < depth; i++) v = chance(0.5) ? [v] : { k: v };
    return v;
  };

  /** Values that are never a valid argument in position 0 of any method (nor a live id, nor a phone number). */
  const badFirst: Gen[] = [
    () => int(1000) - 500,
    () => rnd(),
    () => `zz-${int(1e6)}`,
    () => '',
    () => 'x'.repeat(300 + int(100)),
    () => ({ id: `zz-${int(100)}` }),
    () => [`zz-${int(100)}`],
    () => true,
    () => ({ target: 'AGENT' }),
  ];
  /** Any JSON-ish or not value for later positions. */
  const anything: Gen[] = [
    ...badFirst,
    () => null,
    () => undefined,
    () => 'i-1',
    () => ({ account: 'x' }),
    () => ({ __proto__: null, a: 1 }),
    () => nest(int(12), 'deep'),
    () => NaN,
    () => Infinity,
    () => () => 1,
    () => Symbol('s'),
    () => 10n,
    () => new Date(0),
    () => new Map([[1, 2]]),
    () => JSON.parse('{"__proto__": {"polluted": true}}'),
    () => ({ constructor: { prototype: { polluted: true } } }),
  ];

  const validBase = (): Record<string, unknown> => {
    const base: Record<string, unknown> = {
      request: pick(['interaction.accept', 'interaction.markdone', 'interaction.setUserData', 'voice.hold', 'agent.setState', 'interaction.getInteractions']),
      parameters: pick([['i-2'], ['i-1'], ['i-1', { account: '1' }], [], ['Available']]),
      userAgent: 'WWE Client',
      protocolVersion: 2,
    };
    return base;
  };

  /** Breaks an otherwise plausible message at the envelope level. */
  const breakers: ((m: Record<string, unknown>) => void)[] = [
    (m) => (m.request = pick([`interaction.${'x'.repeat(int(5) + 1)}`, 'admin.shutdown', 'interaction', '', '__proto__.x', 'interaction.constructor', 'interaction.hasOwnProperty'])),
    (m) => (m.request = pick(anything)()),
    (m) => (m.request = pick([1, null, {}, [], true])),
    (m) => (m.parameters = pick(['i-1', 1, { 0: 'i-1' }, true])),
    (m) => ((m.parameters as unknown[]).push(() => 1)),
    (m) => (m.parameters = [nest(9 + int(20), 'i-1')]),
    (m) => (m.parameters = ['x'.repeat(65 * 1024)]),
    (m) => (m.parameters = [JSON.parse('{"__proto__": {"isAdmin": true}}')]),
    (m) => (m.parameters = [{ a: { b: { constructor: 1 } } }]),
    (m) => (m.parameters = [{ prototype: 1 }]),
    (m) => Object.defineProperty(m, '__proto__', { value: { x: 1 }, enumerable: true, writable: true, configurable: true }),
    (m) => Object.defineProperty(m, 'constructor', { value: 'x', enumerable: true, writable: true, configurable: true }),
    (m) => (m.protocolVersion = pick([1, 3, '2', null])),
    (m) => (m.userAgent = pick([1, {}, []])),
    (m) => (m.event = 'subscribe'),
    (m) => (m.parameters = [NaN]),
    (m) => (m.parameters = [10n]),
    (m) => (m.parameters = [Symbol('x')]),
    (m) => ((m as Record<symbol, unknown>)[Symbol('k')] = 1),
    (m) =>
      Object.defineProperty(m, 'parameters', {
        enumerable: true,
        get() {
          throw new Error('getter ran');
        },
      }),
    (m) => (m.parameters = new Array(70_000).fill(0)),
  ];

  const LENIENT_FIRST: ReadonlySet<string> = new Set([
    'interaction.getByInteractionId',
    'agent.setState',
    'media.getMediaByName',
    'messenger.broadcastMessage',
    'configuration.getOption',
  ]);

  /** A real method with parameters that must be refused (first one always bad). */
  const badParams = (): Record<string, unknown> => {
    const request = pick(ALL_METHODS);
    const parameters = [pick(badFirst)(), ...Array.from({ length: int(6) }, () => pick(anything)())];
    // Where any first parameter may be a valid question (an unknown id or media name is answered
    // null, a number is a state index, any word a channel or an option pattern): too many parameters.
    if (LENIENT_FIRST.has(request)) parameters.push('extra', 'extra', 'extra');
    return { request, parameters };
  };

  const badEvent = (): Record<string, unknown> =>
    pick<() => Record<string, unknown>>([
      () => ({ event: 'subscribe', data: pick([[], [1], 'nope', ['interaction', 'nope'], null, {}, nest(10, 'x')]) }),
      () => ({ event: 'unsubscribe', data: pick([undefined, '', 1, 'sub-unknown', ['x'], 'x'.repeat(300)]) }),
      () => ({ event: pick(['interaction', 'agent', 'markdone', 'explode', '', 'Subscribe']), data: {} }),
      () => ({ event: pick([1, null, {}, []]) }),
    ])();

  const foreign = (): unknown =>
    pick<() => unknown>([
      () => null,
      () => undefined,
      () => int(100),
      () => 'interaction.accept',
      () => ['request', 'interaction.accept'],
      () => ({ type: 'webpackOk', data: int(10) }),
      () => ({ referenceId: `echo-${int(100)}`, data: null, userAgent: 'WWE', protocolVersion: 2 }),
      () => ({ request: 'interaction.accept', parameters: ['i-2'], referenceId: 'r', errorMessage: 'echo' }),
      () => ({ event: 'subscribe', data: 'interaction', referenceId: 'r', subscriptionId: 'echo' }),
      () => Object.create({ request: 'interaction.accept', parameters: ['i-2'], referenceId: 'inherited' }),
      () => new Date(),
      () => ({ request: 'interaction.accept', parameters: ['i-2'] }), // ours, no referenceId: cannot be answered
      () => ({ request: 'interaction.accept', parameters: ['i-2'], referenceId: int(10) }),
    ])();

  return {
    next(i: number): unknown {
      const kind = int(10);
      let m: Record<string, unknown>;
      if (kind === 0) return foreign();
      if (kind <= 4) {
        m = validBase();
        pick(breakers)(m);
      } else if (kind <= 7) m = badParams();
      else m = badEvent();
      // The referenceId: almost always a unique string; sometimes odd.
      const r = int(40);
      if (r === 0) delete m.referenceId;
      else if (r === 1) m.referenceId = int(100);
      else if (r === 2) m.referenceId = `${i}-${'r'.repeat(300)}`;
      else if (r === 3) m.referenceId = '';
      else Object.defineProperty(m, 'referenceId', { value: `fz-${i}`, enumerable: true, writable: true, configurable: true });
      return m;
    },
  };
}

/** The oracle: should the service answer this message (with an error)? */
function answerable(m: unknown): string | undefined {
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return undefined;
  const proto = Object.getPrototypeOf(m) as unknown;
  if (proto !== Object.prototype && proto !== null) return undefined;
  const has = (k: string): boolean => Object.prototype.hasOwnProperty.call(m, k);
  if (!has('request') && !has('event')) return undefined;
  if (has('subscriptionId') || has('errorMessage') || has('errorCode')) return undefined;
  const ref = Object.getOwnPropertyDescriptor(m, 'referenceId')?.value as unknown;
  return typeof ref === 'string' ? ref : undefined;
}

describe('bridge service: fuzz', () => {
  it(`survives ${COUNT} malformed messages: every answerable one answered with an error, nothing changed`, async () => {
    const store = new FakeStore([
      task('i-1', {}, { callAssociatedDetails: { account: '42' } }),
      task('i-2', { state: 'OFFERED' }),
      task('w-1', { state: 'WRAPPING_UP', wrapUpRequired: true }),
    ]);
    const before = JSON.stringify({ tasks: store.tasks, agent: store.agent, selected: store.selectedTask?.id });
    const service = startBridgeService(store, {
      origins: ORIGIN,
      rateLimit: { perSecond: 1e9, burst: 1e9, quarantineMs: 0 },
      now: () => 0,
    });
    const client = new PortClient(ORIGIN);
    const uncaught: unknown[] = [];
    const onError = (e: ErrorEvent): void => void uncaught.push(e.error ?? e.message);
    const onRejection = (e: PromiseRejectionEvent): void => void uncaught.push(e.reason);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    const consoleError = console.error;
    const logged: unknown[] = [];
    console.error = (...args: unknown[]) => void logged.push(args);

    const expected = new Map<string, number>();
    const gen = generator(0xc0ffee);
    try {
      for (let i = 0; i < COUNT; i++) {
        const m = gen.next(i);
        const ref = answerable(m);
        if (ref !== undefined) expected.set(ref, (expected.get(ref) ?? 0) + 1);
        try {
          client.send(m); // dispatchEvent would rethrow nothing, but a throwing listener reports to onerror
        } catch (e) {
          uncaught.push(e);
        }
      }
      for (let i = 0; i < 5; i++) await settle();
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      console.error = consoleError;
      service.stop();
    }

    expect(uncaught, 'uncaught errors').to.deep.equal([]);
    expect(logged, 'bugs logged by the service').to.deep.equal([]);
    expect(expected.size).to.be.greaterThan(COUNT / 2);
    // Plain checks (chai is too slow for ten thousand assertions); problems collected, then asserted.
    const got = new Map<string, number>();
    const problems: string[] = [];
    for (const p of client.posted) {
      const m = p.message;
      const ok =
        !('event' in m) &&
        (p.options as { targetOrigin?: unknown }).targetOrigin === ORIGIN &&
        typeof m.errorMessage === 'string' &&
        m.errorMessage !== '' &&
        typeof m.errorCode === 'string' &&
        typeof m.userAgent === 'string' &&
        m.userAgent.includes('WWE') &&
        m.protocolVersion === 2;
      if (!ok && problems.length < 5) problems.push(JSON.stringify(m).slice(0, 200));
      got.set(m.referenceId as string, (got.get(m.referenceId as string) ?? 0) + 1);
    }
    expect(problems, 'every answer is an error answer to the origin').to.deep.equal([]);
    const missing = [...expected].filter(([ref, n]) => got.get(ref) !== n).slice(0, 5);
    expect(missing, 'answered exactly the answerable ones').to.deep.equal([]);
    expect(got.size).to.equal(expected.size);
    expect(store.calls, 'no store command').to.deep.equal([]);
    expect(JSON.stringify({ tasks: store.tasks, agent: store.agent, selected: store.selectedTask?.id })).to.equal(before);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(({} as Record<string, unknown>).isAdmin).to.equal(undefined);
  });
});
