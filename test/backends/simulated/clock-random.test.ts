import { expect } from '@open-wc/testing';
import { VirtualClock, VIRTUAL_EPOCH } from '../../../src/backends/simulated/clock.js';
import { Random } from '../../../src/backends/simulated/random.js';

describe('VirtualClock', () => {
  it('starts at a fixed instant and only moves when advanced', () => {
    const clock = new VirtualClock();
    expect(clock.now()).to.equal(VIRTUAL_EPOCH);
    clock.advance(250);
    expect(clock.now()).to.equal(VIRTUAL_EPOCH + 250);
  });

  it('runs due timers in due order, ties in the order they were set, with now() at their due time', () => {
    const clock = new VirtualClock(0);
    const ran: string[] = [];
    clock.setTimeout(() => ran.push(`b@${clock.now()}`), 20);
    clock.setTimeout(() => ran.push(`a@${clock.now()}`), 10);
    clock.setTimeout(() => ran.push(`c@${clock.now()}`), 20);
    clock.setTimeout(() => ran.push('late'), 31);
    clock.advance(30);
    expect(ran).to.deep.equal(['a@10', 'b@20', 'c@20']);
    expect(clock.pending).to.equal(1);
  });

  it('runs timers set by timers when they fall due within the same advance', () => {
    const clock = new VirtualClock(0);
    const ran: number[] = [];
    clock.setTimeout(() => clock.setTimeout(() => ran.push(clock.now()), 5), 5);
    clock.advance(10);
    expect(ran).to.deep.equal([10]);
  });

  it('clears timers', () => {
    const clock = new VirtualClock(0);
    let ran = false;
    const id = clock.setTimeout(() => (ran = true), 5);
    clock.clearTimeout(id);
    clock.advance(10);
    expect(ran).to.equal(false);
    expect(clock.pending).to.equal(0);
  });
});

describe('Random', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const seq = (seed: number | string) => {
      const r = new Random(seed);
      return [r.next(), r.next(), r.uuid(), r.int(1000)];
    };
    expect(seq(7)).to.deep.equal(seq(7));
    expect(seq('demo')).to.deep.equal(seq('demo'));
    expect(seq(7)).not.to.deep.equal(seq(8));
    expect(seq('demo')).not.to.deep.equal(seq('demo2'));
  });

  it('stays in range and makes v4-shaped uuids', () => {
    const r = new Random(3);
    for (let i = 0; i < 200; i++) {
      const x = r.next();
      expect(x).to.be.at.least(0).and.below(1);
      expect(r.between(2, 4)).to.be.oneOf([2, 3, 4]);
    }
    expect(r.uuid()).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('picks by weight and never picks a zero weight', () => {
    const r = new Random(11);
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 1000; i++) counts[r.weighted({ a: 3, b: 1, c: 0 })!]++;
    expect(counts.c).to.equal(0);
    expect(counts.a).to.be.greaterThan(counts.b);
    expect(r.weighted({ a: 0 })).to.equal(undefined);
  });
});
