import { expect } from '@open-wc/testing';
import { BehaviorSubject } from 'rxjs';
import { Outbox } from '../../src/store/outbox.js';

describe('Outbox', () => {
  it('delivers a change made during delivery after the current one, so every subscriber ends on the latest value', () => {
    const outbox = new Outbox();
    const subject = new BehaviorSubject(0);
    const seenByA: number[] = [];
    const seenByB: number[] = [];
    subject.subscribe((value) => {
      seenByA.push(value);
      if (value === 1) outbox.post(() => subject.next(2));
    });
    subject.subscribe((value) => seenByB.push(value));
    outbox.post(() => subject.next(1));
    expect(seenByA).to.deep.equal([0, 1, 2]);
    expect(seenByB).to.deep.equal([0, 1, 2]);
  });

  it('delivers in the order posted', () => {
    const outbox = new Outbox();
    const order: string[] = [];
    outbox.post(() => {
      order.push('a');
      outbox.post(() => order.push('c'));
      order.push('b');
    });
    outbox.post(() => order.push('d'));
    expect(order).to.deep.equal(['a', 'b', 'c', 'd']);
  });
});
