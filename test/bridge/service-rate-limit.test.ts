/**
 * Per-origin rate limiting with quarantine, on an injected clock.
 */
import { expect } from '@open-wc/testing';
import { RateLimiter } from '../../src/bridge/rate-limit.js';
import { startBridgeService, type BridgeService } from '../../src/bridge/service.js';
import { FakeStore, PortClient, settle, task } from '../fixtures/fake-store.js';

const A = 'https://a.example';
const B = 'https://b.example';

describe('bridge rate limiter', () => {
  it('allows a burst, refills per second, and quarantines an origin that empties its bucket', () => {
    let t = 0;
    const rl = new RateLimiter({ perSecond: 2, burst: 3, quarantineMs: 1000 }, () => t);
    expect([rl.take('a'), rl.take('a'), rl.take('a')]).to.deep.equal([true, true, true]);
    expect(rl.take('a')).to.equal(false); // empty: quarantined from now
    expect(rl.isQuarantined('a')).to.equal(true);
    expect(rl.take('b')).to.equal(true); // other keys are not affected
    t = 999;
    expect(rl.take('a')).to.equal(false); // still quarantined although tokens would have refilled
    t = 1000;
    expect(rl.isQuarantined('a')).to.equal(false);
    expect([rl.take('a'), rl.take('a'), rl.take('a'), rl.take('a')]).to.deep.equal([true, true, true, false]);
  });

  it('refills at perSecond up to burst', () => {
    let t = 0;
    const rl = new RateLimiter({ perSecond: 10, burst: 2, quarantineMs: 0 }, () => t);
    rl.take('a');
    rl.take('a');
    t = 100; // one token back
    expect(rl.take('a')).to.equal(true);
    t = 10_000; // full, not more than burst
    expect([rl.take('a'), rl.take('a')]).to.deep.equal([true, true]);
  });

  it('rejects nonsense settings', () => {
    expect(() => new RateLimiter({ perSecond: 0, burst: 1, quarantineMs: 0 }, () => 0)).to.throw();
    expect(() => new RateLimiter({ perSecond: 1, burst: 0, quarantineMs: 0 }, () => 0)).to.throw();
    expect(() => new RateLimiter({ perSecond: 1, burst: 1, quarantineMs: -1 }, () => 0)).to.throw();
  });
});

describe('bridge service: rate limit and quarantine', () => {
  let store: FakeStore;
  let service: BridgeService;
  let now: number;
  beforeEach(() => {
    now = 10_000;
    store = new FakeStore([task('i-1'), task('i-2', { state: 'OFFERED' })]);
    service = startBridgeService(store, {
      origins: `${A} ${B}`,
      rateLimit: { perSecond: 1, burst: 3, quarantineMs: 5000 },
      now: () => now,
    });
  });
  afterEach(() => service.stop());

  it('answers RATE_LIMITED (and does nothing) while an origin is quarantined; others are served', async () => {
    const a = new PortClient(A);
    const b = new PortClient(B);
    for (let i = 0; i < 3; i++) expect(await a.call('interaction.getInteractions')).not.to.have.property('errorMessage');
    const limited = await a.call('interaction.accept', ['i-2']);
    expect(limited).to.include({ errorCode: 'RATE_LIMITED' });
    expect(limited!.errorMessage).to.be.a('string');
    expect(await b.call('interaction.getInteractions')).not.to.have.property('errorMessage');
    now += 4999;
    expect(await a.call('interaction.accept', ['i-2'])).to.include({ errorCode: 'RATE_LIMITED' });
    expect(await a.subscribe('interaction')).to.include({ errorCode: 'RATE_LIMITED' });
    expect(store.calls).to.deep.equal([]);
    now += 1;
    expect(await a.call('interaction.accept', ['i-2'])).not.to.have.property('errorMessage');
    expect(store.calls).to.deep.equal([{ method: 'accept', args: ['i-2'] }]);
  });

  it('counts invalid messages that carry a referenceId, but not foreign chatter', async () => {
    const a = new PortClient(A);
    for (let i = 0; i < 20; i++) a.send({ type: 'not-ours', i });
    a.send({ request: 'interaction.explode', referenceId: 'x1' });
    a.send({ request: 'interaction.explode', referenceId: 'x2' });
    a.send({ request: 'interaction.explode', referenceId: 'x3' });
    a.send({ request: 'interaction.explode', referenceId: 'x4' });
    await settle();
    expect(a.responses().map((r) => r.errorCode)).to.deep.equal(['UNKNOWN_REQUEST', 'UNKNOWN_REQUEST', 'UNKNOWN_REQUEST', 'RATE_LIMITED']);
  });

  it('never answers an origin that is not allowed, rate limit or not', async () => {
    const evil = new PortClient('https://evil.example');
    for (let i = 0; i < 10; i++) evil.send({ request: 'interaction.getInteractions', referenceId: `e${i}` });
    await settle();
    expect(evil.posted).to.deep.equal([]);
  });
});
