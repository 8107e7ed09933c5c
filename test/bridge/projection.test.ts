import { expect } from '@open-wc/testing';
import { interactionStateOf, toInteraction } from '../../src/bridge/projection.js';
import type { TaskState } from '../../src/model/index.js';
import { task } from '../fixtures/fake-store.js';

describe('bridge projection: toInteraction', () => {
  it('projects a connected inbound voice task to the seed Interaction', () => {
    const t = task('i-1', { recording: 'RECORDING', previousState: 'OFFERED' }, { callAssociatedDetails: { account: '42', tier: 'gold' } });
    expect(toInteraction(t, { selectedId: 'i-1' })).to.deep.equal({
      interactionId: 'i-1',
      caseId: 'i-1',
      userData: { account: '42', tier: 'gold' },
      state: 'TALKING',
      previousState: 'RINGING',
      parties: [{ name: 'Ada Agent' }, { name: 'Cy Customer' }],
      isConsultation: false,
      isMainCaseInteraction: true,
      isCaseSelected: true,
      isCaseExpanded: true,
      interactionUUID: 'i-1',
      callUuid: 'i-1',
      direction: 'IN',
      callType: 'INBOUND',
      ani: '+15550111',
      dnis: '+15550100',
      recordingState: 'RECORDING',
      contact: { displayName: 'Cy Customer', firstName: 'Cy', lastName: 'Customer' },
      media: 'voice',
    });
  });

  it('leaves voice-only attributes off other media, and says so in media', () => {
    const p = toInteraction(task('c-1', { media: 'chat' }), {});
    expect(p.media).to.equal('chat');
    expect(p.state).to.equal('ACCEPTED');
    expect(p.isCaseSelected).to.equal(false);
    for (const k of ['callUuid', 'direction', 'callType', 'ani', 'dnis', 'recordingState']) expect(p).not.to.have.property(k);
  });

  it('filters user data by the read allow-list', () => {
    const t = task('i-1', {}, { callAssociatedDetails: { account: '42', ssn: 'secret', tier: 'gold' } });
    expect(toInteraction(t, { readAllowed: ['account', 'tier', 'missing'] }).userData).to.deep.equal({ account: '42', tier: 'gold' });
    expect(toInteraction(t, { readAllowed: [] }).userData).to.deep.equal({});
    expect(toInteraction(t, {}).userData).to.deep.equal({ account: '42', ssn: 'secret', tier: 'gold' });
  });

  it('falls back to callAssociatedData values when there are no details', () => {
    const t = task('i-1');
    const i = { ...t.data.interaction, callAssociatedDetails: undefined, callAssociatedData: { k: { agentEditable: false, displayName: 'K', name: 'k', type: 'STRING', value: 'v' } } };
    expect(toInteraction({ ...t, data: { ...t.data, interaction: i } }).userData).to.deep.equal({ k: 'v' });
  });

  it('marks a consultation offered to this agent', () => {
    const p = toInteraction(task('i-2', { state: 'OFFERED_CONSULT' }));
    expect(p.isConsultation).to.equal(true);
    expect(p.isMainCaseInteraction).to.equal(false);
    expect(p.callType).to.equal('CONSULT');
    expect(p.state).to.equal('RINGING');
  });

  it('reports outbound calls as OUT / OUTBOUND, and DIALING while offered', () => {
    const t = task('o-1', { state: 'OFFERED' });
    const out = { ...t, data: { ...t.data, interaction: { ...t.data.interaction, contactDirection: { type: 'OUTBOUND' } } } };
    const p = toInteraction(out);
    expect([p.direction, p.callType, p.state]).to.deep.equal(['OUT', 'OUTBOUND', 'DIALING']);
  });

  it('carries the parent interaction id when there is one', () => {
    const t = task('i-3');
    const withParent = { ...t, data: { ...t.data, interaction: { ...t.data.interaction, parentInteractionId: 'i-0' } } };
    expect(toInteraction(withParent).parentInteractionId).to.equal('i-0');
    expect(toInteraction(t)).not.to.have.property('parentInteractionId');
  });

  it('sets ronaCallState on RONA: REDIRECTED while the contact lives on, NO_ANSWER when it is gone', () => {
    const t = task('i-4', { state: 'TERMINATED', endReason: 'RONA' });
    expect(toInteraction(t).ronaCallState).to.equal('REDIRECTED');
    const gone = { ...t, data: { ...t.data, interaction: { ...t.data.interaction, isTerminated: true } } };
    expect(toInteraction(gone).ronaCallState).to.equal('NO_ANSWER');
    expect(toInteraction(task('i-5'))).not.to.have.property('ronaCallState');
  });

  it('leaves parties who left out, and names a nameless customer by the caller', () => {
    const t = task('i-6');
    const participants = {
      a: { id: 'a', pType: 'Agent', name: 'Ada Agent', hasLeft: false },
      b: { id: 'b', pType: 'Agent', name: 'Gone Agent', hasLeft: true },
      c: { id: 'c', pType: 'Customer' },
    };
    const p = toInteraction({ ...t, data: { ...t.data, interaction: { ...t.data.interaction, participants } } });
    expect(p.parties).to.deep.equal([{ name: 'Ada Agent' }, { name: 'Cy Customer' }]);
  });

  it('is JSON: nothing undefined, survives a JSON round trip unchanged', () => {
    const p = toInteraction(task('i-7', { state: 'HELD' }));
    expect(JSON.parse(JSON.stringify(p))).to.deep.equal(p);
  });
});

describe('bridge projection: states', () => {
  const voice: [TaskState, string][] = [
    ['OFFERED', 'RINGING'],
    ['OFFERED_CONSULT', 'RINGING'],
    ['CONNECTED', 'TALKING'],
    ['HELD', 'HELD'],
    ['CONSULTING', 'TALKING'],
    ['CONFERENCING', 'TALKING'],
    ['WRAPPING_UP', 'IDLE'],
    ['COMPLETED', 'IDLE'],
    ['TERMINATED', 'IDLE'],
  ];
  const chat: [TaskState, string][] = [
    ['OFFERED', 'INVITED'],
    ['OFFERED_CONSULT', 'INVITED'],
    ['CONNECTED', 'ACCEPTED'],
    ['HELD', 'ACCEPTED'],
    ['CONSULTING', 'ACCEPTED'],
    ['CONFERENCING', 'ACCEPTED'],
    ['WRAPPING_UP', 'IDLE'],
    ['COMPLETED', 'COMPLETED'],
    ['TERMINATED', 'REVOKED'],
  ];
  it('maps every voice state', () => {
    for (const [s, want] of voice) expect(interactionStateOf(s, 'telephony'), s).to.equal(want);
  });
  it('maps every open-media state', () => {
    for (const [s, want] of chat) expect(interactionStateOf(s, 'chat'), s).to.equal(want);
    expect(interactionStateOf('COMPLETED', 'email', 'IN', 'TRANSFERRED')).to.equal('TRANSFER_COMPLETED');
    expect(interactionStateOf('COMPLETED', 'social', 'IN', 'CONFERENCE_EXITED')).to.equal('LEFT_CONFERENCE');
  });
});
