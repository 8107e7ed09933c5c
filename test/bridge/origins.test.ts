import { expect } from '@open-wc/testing';
import { allowedMethods, findRule, globMatches, isMethodAllowed, parseOrigins } from '../../src/bridge/origins.js';
import { ALL_METHODS } from '../../src/bridge/protocol.js';

describe('bridge origins: parseOrigins', () => {
  it('parses a space-separated list with a method filter on one origin', () => {
    const rules = parseOrigins('https://a.example https://crm.example:8443 (interaction.get*, agent.*)');
    expect(rules).to.deep.equal([
      { origin: 'https://a.example' },
      { origin: 'https://crm.example:8443', methods: ['interaction.get*', 'agent.*'] },
    ]);
  });

  it('accepts an array of entries, commas, trailing slashes, and normalises case and default ports', () => {
    const rules = parseOrigins(['HTTPS://A.Example:443/', 'http://b.example:80,http://c.example:8080 (system.*)']);
    expect(rules.map((r) => r.origin)).to.deep.equal(['https://a.example', 'http://b.example', 'http://c.example:8080']);
    expect(rules[2]!.methods).to.deep.equal(['system.*']);
  });

  it('accepts an empty list (nothing allowed)', () => {
    expect(parseOrigins('')).to.deep.equal([]);
    expect(parseOrigins([])).to.deep.equal([]);
  });

  const bad: [string, RegExp][] = [
    ['a.example', /not an origin/],
    ['*', /not an origin/],
    ['https://*.example', /wildcard|not an origin/],
    ['ftp://a.example', /http or https/],
    ['https://a.example/path', /origin only/],
    ['https://a.example?x=1', /origin only/],
    ['https://user:pw@a.example', /origin only/],
    ['https://a.example (interaction.get*', /unclosed/],
    ['(agent.*) https://a.example', /must follow an origin/],
    ['https://a.example ()', /empty method list/],
    ['https://a.example (agent.get; drop)', /method pattern/],
    ['https://a.example (a.b.c)', /method pattern/],
    ['https://a.example https://a.example', /twice/],
    ['https://a.example )', /unexpected/],
    ['null', /not an origin/],
  ];
  for (const [spec, re] of bad) {
    it(`throws a clear error for ${JSON.stringify(spec)}`, () => {
      expect(() => parseOrigins(spec)).to.throw(Error, re);
    });
  }

  it('throws for a non-string array entry', () => {
    expect(() => parseOrigins([42 as unknown as string])).to.throw(/must be a string/);
  });
});

describe('bridge origins: matching', () => {
  const rules = parseOrigins('https://a.example https://crm.example:8443 (interaction.get*, agent.*)');

  it('finds only exact origins (scheme, host and port)', () => {
    expect(findRule(rules, 'https://a.example')?.origin).to.equal('https://a.example');
    expect(findRule(rules, 'http://a.example')).to.equal(undefined);
    expect(findRule(rules, 'https://a.example:444')).to.equal(undefined);
    expect(findRule(rules, 'https://sub.a.example')).to.equal(undefined);
    expect(findRule(rules, 'https://a.example.evil.test')).to.equal(undefined);
    expect(findRule(rules, 'https://crm.example')).to.equal(undefined);
    expect(findRule(rules, 'null')).to.equal(undefined);
    expect(findRule(rules, '')).to.equal(undefined);
  });

  it('globs match whole method names', () => {
    expect(globMatches('interaction.get*', 'interaction.getInteractions')).to.equal(true);
    expect(globMatches('interaction.get*', 'interaction.accept')).to.equal(false);
    expect(globMatches('agent.*', 'agent.setState')).to.equal(true);
    expect(globMatches('agent.*', 'agentx.get')).to.equal(false);
    expect(globMatches('*', 'voice.dial')).to.equal(true);
    expect(globMatches('agent.get', 'agent.getState')).to.equal(false);
  });

  it('applies method filters; an origin without one may call everything', () => {
    const a = findRule(rules, 'https://a.example')!;
    const crm = findRule(rules, 'https://crm.example:8443')!;
    expect(allowedMethods(a)).to.deep.equal([...ALL_METHODS]);
    expect(isMethodAllowed(crm, 'interaction.getByInteractionId')).to.equal(true);
    expect(isMethodAllowed(crm, 'interaction.accept')).to.equal(false);
    expect(isMethodAllowed(crm, 'voice.dial')).to.equal(false);
    expect(allowedMethods(crm)).to.deep.equal([
      'interaction.getInteractions',
      'interaction.getByInteractionId',
      'agent.get',
      'agent.getState',
      'agent.getStateList',
      'agent.setState',
    ]);
  });
});
