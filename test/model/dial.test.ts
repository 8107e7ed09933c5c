import { expect } from '@open-wc/testing';
import { validateDialNumber } from '../../src/model/dial.js';
import type { AgentProfile } from '../../src/model/domain.js';
import { profile } from '../fixtures/contacts.js';

const noPlan: AgentProfile = profile({ dialPlan: { enabled: false, entries: [] } });
const usPlan: AgentProfile = profile();

describe('validateDialNumber', () => {
  const good: [string, string][] = [
    ['+1 (415) 555-0123', '+14155550123'],
    ['415.555.0123', '4155550123'],
    ['  4155550123  ', '4155550123'],
    ['+44 20 7946 0958', '+442079460958'],
    ['*67 415 555 0123', '*674155550123'],
    ['#31#', '#31#'],
    ['12345678901234567890', '12345678901234567890'],
    ['+12345678901234567890', '+12345678901234567890'],
  ];
  for (const [input, number] of good) {
    it(`accepts "${input}" as ${number} without a dial plan`, () => {
      expect(validateDialNumber(input, noPlan)).to.deep.equal({ ok: true, number });
      expect(validateDialNumber(input, undefined)).to.deep.equal({ ok: true, number });
    });
  }

  const bad: [string, string][] = [
    ['', 'EMPTY'],
    ['   ', 'EMPTY'],
    ['(-.)', 'EMPTY'],
    ['+', 'EMPTY'],
    ['call me', 'INVALID_CHARACTERS'],
    ['+1 415 555 O123', 'INVALID_CHARACTERS'],
    ['1+4155550123', 'INVALID_CHARACTERS'],
    ['++14155550123', 'INVALID_CHARACTERS'],
    ['415555,0123', 'INVALID_CHARACTERS'],
    ['4155550123;ext=1', 'INVALID_CHARACTERS'],
    ['１２３', 'INVALID_CHARACTERS'],
    ['123456789012345678901', 'TOO_LONG'],
    ['+1 234 567 890 123 456 789 01', 'TOO_LONG'],
  ];
  for (const [input, reason] of bad) {
    it(`refuses "${input}": ${reason}`, () => {
      expect(validateDialNumber(input, noPlan)).to.deep.equal({ ok: false, reason });
    });
  }

  it('with the dial plan enabled, the whole number must match an entry', () => {
    expect(validateDialNumber('+1 (415) 555-0123', usPlan)).to.deep.equal({ ok: true, number: '+14155550123' });
    expect(validateDialNumber('415-555-0123', usPlan)).to.deep.equal({ ok: true, number: '4155550123' });
    expect(validateDialNumber('+49 30 1234567', usPlan)).to.deep.equal({ ok: false, reason: 'NOT_IN_DIAL_PLAN' });
    expect(validateDialNumber('4155550123999', usPlan), 'a prefix match is not enough').to.deep.equal({ ok: false, reason: 'NOT_IN_DIAL_PLAN' });
  });

  it('any matching entry will do; a broken entry matches nothing', () => {
    const plan = profile({
      dialPlan: {
        enabled: true,
        entries: [
          { id: 'broken', name: 'Broken', regex: '([0-9', prefix: '', strippedChars: '' },
          { id: 'ext', name: 'Extensions', regex: '[0-9]{4}', prefix: '', strippedChars: '' },
        ],
      },
    });
    expect(validateDialNumber('1234', plan)).to.deep.equal({ ok: true, number: '1234' });
    expect(validateDialNumber('12345', plan)).to.deep.equal({ ok: false, reason: 'NOT_IN_DIAL_PLAN' });
  });

  it('an alternation in an entry still has to match the whole number', () => {
    const plan = profile({ dialPlan: { enabled: true, entries: [{ id: 'alt', name: 'Alt', regex: '911|112', prefix: '', strippedChars: '' }] } });
    expect(validateDialNumber('911', plan).ok).to.equal(true);
    expect(validateDialNumber('9115', plan)).to.deep.equal({ ok: false, reason: 'NOT_IN_DIAL_PLAN' });
    expect(validateDialNumber('0112', plan)).to.deep.equal({ ok: false, reason: 'NOT_IN_DIAL_PLAN' });
  });

  it('an enabled plan without entries allows nothing; formatting errors come first', () => {
    const empty = profile({ dialPlan: { enabled: true, entries: [] } });
    expect(validateDialNumber('4155550123', empty)).to.deep.equal({ ok: false, reason: 'NOT_IN_DIAL_PLAN' });
    expect(validateDialNumber('', usPlan)).to.deep.equal({ ok: false, reason: 'EMPTY' });
    expect(validateDialNumber('abc', usPlan)).to.deep.equal({ ok: false, reason: 'INVALID_CHARACTERS' });
  });
});
