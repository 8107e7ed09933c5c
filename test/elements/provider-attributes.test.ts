import { expect } from '@open-wc/testing';
import { listOf, optionalBoolean } from '../../src/elements/provider/attributes.js';
import { simulatorOptions } from '../../src/backends/simulated/attributes.js';
import { VirtualClock } from '../../src/backends/simulated/index.js';

describe('<cc-provider> attributes', () => {
  it('maps simulator attributes to options, seconds to milliseconds', () => {
    const clock = new VirtualClock();
    expect(
      simulatorOptions({
        seed: '42',
        offerEvery: 20,
        latency: 0,
        ronaTimeout: 12,
        wrapUpRequired: false,
        autoWrapup: 45,
        startAvailable: true,
        agentName: ' Kim Lee ',
        clock,
      }),
    ).to.deep.equal({
      seed: 42,
      clock,
      offerEveryMs: 20_000,
      latencyMs: 0,
      ronaTimeoutSeconds: 12,
      wrapUpRequired: false,
      autoWrapup: { enabled: true, timeoutSeconds: 45, allowCancel: true },
      startAvailable: true,
      agentName: 'Kim Lee',
    });
  });

  it('leaves out what was not given, so the simulator keeps its defaults; without offer-every it routes realistically', () => {
    const routed = { offerEveryMs: 'realistic' };
    expect(simulatorOptions({})).to.deep.equal(routed);
    expect(simulatorOptions({ seed: '  ', agentName: '', startAvailable: false })).to.deep.equal(routed);
  });

  it('keeps a text seed as text and drops nonsense numbers', () => {
    expect(simulatorOptions({ seed: 'demo-7', offerEvery: 0 })).to.deep.equal({ seed: 'demo-7', offerEveryMs: 0 });
    expect(
      simulatorOptions({ offerEvery: Number.NaN, latency: -5, ronaTimeout: 0, autoWrapup: 0 }),
    ).to.deep.equal({ offerEveryMs: 'realistic' });
    expect(simulatorOptions({ offerEvery: 0 })).to.deep.equal({ offerEveryMs: 0 });
  });

  it('reads a yes/no attribute whose absence means the default', () => {
    expect(optionalBoolean.fromAttribute(null)).to.equal(undefined);
    expect(optionalBoolean.fromAttribute('')).to.equal(true);
    expect(optionalBoolean.fromAttribute('true')).to.equal(true);
    for (const no of ['false', 'FALSE', 'no', '0', 'off', ' off ']) expect(optionalBoolean.fromAttribute(no), no).to.equal(false);
    expect(optionalBoolean.toAttribute(undefined)).to.equal(null);
    expect(optionalBoolean.toAttribute(false)).to.equal('false');
  });

  it('splits key lists on spaces and commas; absent is no list, empty is an empty list', () => {
    expect(listOf(undefined)).to.equal(undefined);
    expect(listOf(null)).to.equal(undefined);
    expect(listOf('')).to.deep.equal([]);
    expect(listOf(' caseId, notes  language ')).to.deep.equal(['caseId', 'notes', 'language']);
  });
});
