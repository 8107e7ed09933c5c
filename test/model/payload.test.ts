import { expect } from '@open-wc/testing';
import { defined } from '../../src/model/payload.js';

describe('defined (a copy without undefined values and skipped keys)', () => {
  it('leaves out undefined values and the skipped keys, keeps every other value (null, false, 0, "" too)', () => {
    const input = { a: 1, gone: undefined, skipped: 'x', none: null, no: false, zero: 0, empty: '' };
    expect(defined(input, new Set(['skipped']))).to.deep.equal({ a: 1, none: null, no: false, zero: 0, empty: '' });
    expect(Object.keys(defined(input))).to.deep.equal(['a', 'skipped', 'none', 'no', 'zero', 'empty']);
  });

  it('always returns a new object and never changes its input, with or without anything to leave out', () => {
    for (const input of [{ a: 1, b: { c: 2 } }, { a: 1, b: undefined }]) {
      const before = { ...input };
      const copy = defined(input);
      expect(copy).not.to.equal(input);
      expect(input).to.deep.equal(before);
      (copy as Record<string, unknown>).a = 9;
      expect(input.a).to.equal(1);
    }
  });

  it('keeps the keys in their order when nothing is left out', () => {
    expect(Object.keys(defined({ z: 1, a: 2, m: 3 }))).to.deep.equal(['z', 'a', 'm']);
  });
});
