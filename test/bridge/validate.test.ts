import { expect } from '@open-wc/testing';
import { classify, envelopeOf, MAX_DEPTH, MAX_MESSAGE_CHARS, MAX_REFERENCE_ID } from '../../src/bridge/validate.js';

const req = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  request: 'interaction.accept',
  parameters: ['i-1'],
  referenceId: 'r1',
  userAgent: 'WWE Client',
  protocolVersion: 2,
  ...extra,
});

/** Builds an object nested `n` levels deep (the innermost being `{}`). */
const nest = (n: number): unknown => {
  let v: unknown = {};
  for (let i = 1; i < n; i++) v = { k: v };
  return v;
};

describe('bridge validate: what is ours', () => {
  it('drops messages that are not ours', () => {
    for (const data of [
      null,
      undefined,
      42,
      'interaction.accept',
      [],
      ['request'],
      {},
      { type: 'webpackOk' },
      { referenceId: 'r1', data: 1, userAgent: 'WWE', protocolVersion: 2 }, // a response echo
      { request: 'interaction.accept', referenceId: 'r1', errorMessage: 'x' }, // a failure echo
      { event: 'subscribe', referenceId: 'r1', subscriptionId: 's' }, // a subscribe answer echo
      new Date(),
      Object.create({ request: 'interaction.accept', referenceId: 'r1' }), // inherited keys do not count
    ]) {
      expect(envelopeOf(data), JSON.stringify(data)).to.equal(undefined);
      expect(classify(data).kind).to.equal('ignore');
    }
  });

  it('ignores ours without a string referenceId (it cannot be answered)', () => {
    expect(classify({ request: 'interaction.accept' }).kind).to.equal('ignore');
    expect(classify({ request: 'interaction.accept', referenceId: 7 }).kind).to.equal('ignore');
    expect(classify({ event: 'subscribe', data: 'interaction' }).kind).to.equal('ignore');
  });

  it('classifies a well-formed request, subscribe and unsubscribe', () => {
    expect(classify(req())).to.deep.equal({ kind: 'request', referenceId: 'r1', method: 'interaction.accept', parameters: ['i-1'] });
    expect(classify({ request: 'interaction.getInteractions', referenceId: 'r2' })).to.deep.equal({
      kind: 'request',
      referenceId: 'r2',
      method: 'interaction.getInteractions',
      parameters: [],
    });
    expect(classify({ event: 'subscribe', data: 'interaction', referenceId: 'r3' })).to.deep.equal({
      kind: 'subscribe',
      referenceId: 'r3',
      namespaces: ['interaction'],
    });
    expect(classify({ event: 'subscribe', data: ['agent', 'interaction', 'agent'], referenceId: 'r3' })).to.deep.equal({
      kind: 'subscribe',
      referenceId: 'r3',
      namespaces: ['agent', 'interaction'],
    });
    expect(classify({ event: 'unsubscribe', data: 'sub-1', referenceId: 'r4' })).to.deep.equal({
      kind: 'unsubscribe',
      referenceId: 'r4',
      subscriptionId: 'sub-1',
    });
  });

  it('accepts undefined parameters (omitted optional arguments) and a frameId', () => {
    const c = classify(req({ parameters: ['i-1', undefined, null], frameId: 'f1' }));
    expect(c.kind).to.equal('request');
  });
});

describe('bridge validate: invalid messages get a code and a message', () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['unknown method', req({ request: 'interaction.explode' }), 'UNKNOWN_REQUEST', /unknown request/],
    ['unknown namespace', req({ request: 'admin.get' }), 'UNKNOWN_REQUEST', /unknown request/],
    ['inherited method name', req({ request: 'interaction.constructor' }), 'UNKNOWN_REQUEST', /unknown request/],
    ['request not a string', req({ request: 5 }), 'INVALID_PARAMETERS', /request must be a string/],
    ['parameters not an array', req({ parameters: { 0: 'i-1' } }), 'INVALID_PARAMETERS', /parameters must be an array/],
    ['parameters a string', req({ parameters: 'i-1' }), 'INVALID_PARAMETERS', /parameters must be an array/],
    ['a function inside', req({ parameters: ['i-1', () => 1] }), 'INVALID_PARAMETERS', /not a JSON value/],
    ['NaN inside', req({ parameters: [NaN] }), 'INVALID_PARAMETERS', /finite/],
    ['a Date inside', req({ parameters: [new Date()] }), 'INVALID_PARAMETERS', /plain object/],
    ['a Map inside', req({ parameters: [new Map()] }), 'INVALID_PARAMETERS', /plain object/],
    ['undefined nested', req({ parameters: [{ a: undefined }] }), 'INVALID_PARAMETERS', /not a JSON value/],
    ['a bigint', req({ parameters: [10n] }), 'INVALID_PARAMETERS', /not a JSON value/],
    ['__proto__ key', req({ parameters: [JSON.parse('{"__proto__": {"x": 1}}')] }), 'INVALID_PARAMETERS', /__proto__/],
    ['constructor key', req({ parameters: [{ a: { constructor: 'x' } }] }), 'INVALID_PARAMETERS', /constructor/],
    ['prototype key at the top', req({ prototype: 1 }), 'INVALID_PARAMETERS', /prototype/],
    ['__proto__ at the top', { ...JSON.parse('{"__proto__": 1}'), ...req() }, 'INVALID_PARAMETERS', /__proto__/],
    ['too deep', req({ parameters: [nest(MAX_DEPTH)] }), 'INVALID_PARAMETERS', /deeper/],
    ['too big', req({ parameters: ['x'.repeat(MAX_MESSAGE_CHARS)] }), 'INVALID_PARAMETERS', /larger/],
    ['many small items', req({ parameters: [new Array(40000).fill(1)] }), 'INVALID_PARAMETERS', /larger/],
    ['empty referenceId', req({ referenceId: '' }), 'INVALID_PARAMETERS', /referenceId/],
    ['long referenceId', req({ referenceId: 'r'.repeat(MAX_REFERENCE_ID + 1) }), 'INVALID_PARAMETERS', /referenceId/],
    ['bad protocolVersion', req({ protocolVersion: 1 }), 'INVALID_PARAMETERS', /protocolVersion/],
    ['bad userAgent', req({ userAgent: 5 }), 'INVALID_PARAMETERS', /userAgent/],
    ['both request and event', req({ event: 'subscribe' }), 'INVALID_PARAMETERS', /either/],
    ['unknown event', { event: 'explode', referenceId: 'r1' }, 'UNKNOWN_REQUEST', /unknown event/],
    ['event not a string', { event: 1, referenceId: 'r1' }, 'INVALID_PARAMETERS', /event must be a string/],
    ['subscribe to nothing', { event: 'subscribe', data: [], referenceId: 'r1' }, 'INVALID_PARAMETERS', /non-empty/],
    ['subscribe to an unknown namespace', { event: 'subscribe', data: ['interaction', 'nope'], referenceId: 'r1' }, 'UNKNOWN_REQUEST', /unknown event/],
    ['subscribe data not strings', { event: 'subscribe', data: [1], referenceId: 'r1' }, 'INVALID_PARAMETERS', /strings/],
    ['unsubscribe without id', { event: 'unsubscribe', referenceId: 'r1' }, 'INVALID_PARAMETERS', /subscriptionId/],
  ];
  for (const [name, data, code, re] of cases) {
    it(name, () => {
      const c = classify(data);
      expect(c.kind).to.equal('invalid');
      if (c.kind !== 'invalid') return;
      expect(c.referenceId).to.equal(typeof data.referenceId === 'string' ? data.referenceId : '');
      expect(c.code).to.equal(code);
      expect(c.message).to.match(re);
    });
  }

  it('refuses accessors without running them', () => {
    let ran = false;
    const m = req();
    Object.defineProperty(m, 'parameters', {
      enumerable: true,
      get() {
        ran = true;
        return ['i-1'];
      },
    });
    const c = classify(m);
    expect(c.kind).to.equal('invalid');
    expect(ran).to.equal(false);
  });

  it('refuses a cycle (as too deep) without overflowing', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    const c = classify(req({ parameters: [a] }));
    expect(c.kind).to.equal('invalid');
  });

  it('survives a hostile proxy', () => {
    const p = new Proxy(req(), {
      ownKeys() {
        throw new Error('boom');
      },
    });
    expect(() => classify(p)).not.to.throw();
    expect(() => classify(req({ parameters: [p] }))).not.to.throw();
  });

  it('accepts exactly the depth limit', () => {
    // message (1) > parameters (2) > nested objects: MAX_DEPTH - 2 more levels fit.
    expect(classify(req({ parameters: [nest(MAX_DEPTH - 2)] })).kind).to.equal('request');
    expect(classify(req({ parameters: [nest(MAX_DEPTH - 1)] })).kind).to.equal('invalid');
  });
});
