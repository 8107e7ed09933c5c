/**
 * controlsFor reads the agent profile's device capabilities: what the login (phone device) lets
 * the desk do. Absent capabilities change nothing (controls.test.ts covers that table).
 */
import { expect } from '@open-wc/testing';
import { CONTROL_NAMES, controlsFor, type ControlName } from '../../src/model/controls.js';
import type { DeviceCapabilities } from '../../src/model/domain.js';
import type { MediaChannel } from '../../src/model/seed-types.js';
import { canIssue } from '../../src/model/commands.js';
import { capabilitiesFor } from '../../src/backends/webex/profile.js';
import { agentView } from '../fixtures/contacts.js';
import { taskIn, type Scenario } from './tasks.js';

const visible = (scenario: Scenario, media: MediaChannel, capabilities?: DeviceCapabilities): ControlName[] => {
  const controls = controlsFor(taskIn(scenario, media), agentView(capabilities ? { capabilities } : {}));
  return CONTROL_NAMES.filter((name) => controls[name].visible);
};

describe('controlsFor: device capabilities', () => {
  it('a phone that answers itself (acceptCalls false): no accept on a voice offer, accept stays on digital offers', () => {
    const phone: DeviceCapabilities = { acceptCalls: false };
    expect(visible('OFFERED', 'telephony', phone)).to.deep.equal(['decline']);
    expect(visible('OFFERED_CONSULT', 'telephony', phone)).to.deep.equal(['decline']);
    expect(visible('OFFERED', 'chat', phone)).to.deep.equal(['accept', 'decline']);
  });

  it('decline only for the listed media', () => {
    const voiceOnly: DeviceCapabilities = { decline: ['telephony'] };
    expect(visible('OFFERED', 'telephony', voiceOnly)).to.deep.equal(['accept', 'decline']);
    expect(visible('OFFERED', 'email', voiceOnly)).to.deep.equal(['accept']);
    expect(visible('OFFERED', 'social', { decline: [] })).to.deep.equal(['accept']);
  });

  it('no mute without a device that mutes, in every talking state', () => {
    const noMute: DeviceCapabilities = { mute: false };
    for (const scenario of ['CONNECTED', 'CONSULTING', 'CONSULTING_ACCEPTED', 'CONSULTING_SECONDARY', 'CONFERENCING'] as const) {
      expect(visible(scenario, 'telephony', noMute), scenario).not.to.include('toggleMute');
      expect(visible(scenario, 'telephony'), scenario).to.include('toggleMute');
    }
    expect(visible('CONNECTED', 'telephony', noMute)).to.deep.equal(['hold', 'pauseRecording', 'consult', 'transfer', 'end']);
  });

  it('the store refuses what the controls hide (canIssue)', () => {
    const agent = agentView({ capabilities: { acceptCalls: false, decline: [], mute: false } });
    expect(canIssue(taskIn('OFFERED', 'telephony'), 'accept', agent)).to.equal(false);
    expect(canIssue(taskIn('OFFERED', 'telephony'), 'decline', agent)).to.equal(false);
    expect(canIssue(taskIn('OFFERED', 'chat'), 'accept', agent)).to.equal(true);
    expect(canIssue(taskIn('CONNECTED', 'telephony'), 'toggleMute', agent)).to.equal(false);
  });

  it('Webex login types: BROWSER does it all on calls; EXTENSION and AGENT_DN leave calls to the phone', () => {
    expect(capabilitiesFor('BROWSER')).to.deep.equal({ acceptCalls: true, decline: ['telephony'], mute: true });
    for (const login of ['EXTENSION', 'AGENT_DN'] as const) {
      const can = capabilitiesFor(login);
      expect(visible('OFFERED', 'telephony', can), login).to.deep.equal([]);
      expect(visible('OFFERED', 'chat', can), login).to.deep.equal(['accept']);
      expect(visible('CONNECTED', 'telephony', can), login).not.to.include('toggleMute');
    }
    expect(visible('OFFERED', 'telephony', capabilitiesFor('BROWSER'))).to.deep.equal(['accept', 'decline']);
    expect(visible('OFFERED', 'chat', capabilitiesFor('BROWSER'))).to.deep.equal(['accept']);
  });
});
