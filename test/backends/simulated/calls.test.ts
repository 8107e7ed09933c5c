import { expect } from '@open-wc/testing';
import { connected, offer, ready, rejection } from '../harness.js';

describe('simulator: call controls, end and wrap-up', () => {
  it('accept → AgentContactAssigned with the agent joined', async () => {
    const h = await ready();
    const id = offer(h, 'telephony');
    await h.sim.accept(id);
    h.clock.advance(100);
    const m = h.last();
    expect(m.type).to.equal('AgentContactAssigned');
    expect(m.interaction.state).to.equal('connected');
    expect(m.interaction.participants['agent-sim']).to.include({ hasJoined: true, hasLeft: false });
    expect(m.interaction.media[id].participants).to.include('agent-sim');
    expect((await rejection(h.sim.accept(id))).code).to.equal('INVALID_STATE');
  });

  it('holds and resumes the customer', async () => {
    const h = await ready();
    const id = await connected(h);
    await h.sim.hold(id);
    h.clock.advance(100);
    let m = h.last();
    expect(m).to.include({ type: 'AgentContactHeld', mediaResourceId: id });
    expect(m.interaction.state).to.equal('hold');
    expect(m.interaction.media[id]).to.include({ isHold: true, holdTimestamp: h.clock.now() - 100 });
    expect((await rejection(h.sim.hold(id))).code).to.equal('INVALID_STATE');
    await h.sim.resume(id);
    h.clock.advance(100);
    m = h.last();
    expect(m).to.include({ type: 'AgentContactUnheld', mediaResourceId: id });
    expect(m.interaction.state).to.equal('connected');
    expect(m.interaction.media[id]).to.include({ isHold: false, holdTimestamp: null });
    expect((await rejection(h.sim.resume(id))).code).to.equal('INVALID_STATE');
    expect((await rejection(h.sim.hold(id, 'no-such-leg'))).code).to.equal('INVALID_PARAMETERS');
  });

  it('refuses voice-only controls on digital media', async () => {
    const h = await ready();
    const id = await connected(h, 'chat');
    for (const p of [h.sim.hold(id), h.sim.toggleMute(id), h.sim.pauseRecording(id), h.sim.consult(id, { to: '+14155550123', destinationType: 'dialNumber' })]) {
      const e = await rejection(p);
      expect(e.code).to.equal('INVALID_STATE');
      expect(e.message).to.contain('voice');
    }
  });

  it('toggles mute with ContactUpdated', async () => {
    const h = await ready();
    const id = await connected(h);
    await h.sim.toggleMute(id);
    h.clock.advance(100);
    expect(h.last()).to.include({ type: 'ContactUpdated', isWebCallMute: true });
    await h.sim.toggleMute(id);
    h.clock.advance(100);
    expect(h.last()).to.include({ type: 'ContactUpdated', isWebCallMute: false });
  });

  it('pauses and resumes recording', async () => {
    const h = await ready();
    const id = await connected(h);
    await h.sim.pauseRecording(id);
    h.clock.advance(100);
    expect(h.last().type).to.equal('ContactRecordingPaused');
    expect(h.last().interaction.callProcessingDetails).to.include({ recordInProgress: false, recordingStarted: true, isPaused: true });
    expect((await rejection(h.sim.pauseRecording(id))).message).to.contain('already paused');
    await h.sim.resumeRecording(id, { autoResumed: true });
    h.clock.advance(100);
    expect(h.last()).to.include({ type: 'ContactRecordingResumed', autoResumed: true });
    expect(h.last().interaction.callProcessingDetails.recordInProgress).to.equal(true);
    expect((await rejection(h.sim.resumeRecording(id, { autoResumed: false }))).code).to.equal('INVALID_STATE');
  });

  it('sets and deletes user data', async () => {
    const h = await ready();
    const id = await connected(h, 'email');
    await h.sim.setUserData(id, { caseId: 'CS-1', 'crm.note': 'called back' });
    h.clock.advance(100);
    let m = h.last();
    expect(m.type).to.equal('ContactUpdated');
    expect(m.interaction.callAssociatedDetails).to.include({ caseId: 'CS-1', 'crm.note': 'called back' });
    expect(m.interaction.callAssociatedData!['crm.note']).to.include({ value: 'called back', agentEditable: true });
    await h.sim.deleteUserData(id, 'crm.note');
    h.clock.advance(100);
    m = h.last();
    expect(m.interaction.callAssociatedDetails).not.to.have.property('crm.note');
    expect(m.interaction.callAssociatedData).not.to.have.property('crm.note');
  });

  it('rejects bad user data without emitting', async () => {
    const h = await ready();
    const id = await connected(h, 'chat');
    h.reset();
    const bad = { caseId: 42 } as unknown as Record<string, string>;
    expect((await rejection(h.sim.setUserData(id, bad))).code).to.equal('INVALID_PARAMETERS');
    expect((await rejection(h.sim.setUserData(id, JSON.parse('{"__proto__":"x"}')))).code).to.equal('INVALID_PARAMETERS');
    expect((await rejection(h.sim.setUserData(id, { accountNumber: 'x' }))).code).to.equal('FORBIDDEN');
    expect((await rejection(h.sim.deleteUserData(id, 'accountNumber'))).code).to.equal('FORBIDDEN');
    expect((await rejection(h.sim.deleteUserData(id, ''))).code).to.equal('INVALID_PARAMETERS');
    expect((await rejection(h.sim.setUserData('unknown', { a: 'b' }))).code).to.equal('NOT_FOUND');
    h.clock.advance(1000);
    expect(h.events).to.deep.equal([]);
  });

  it('end → ContactEnded into wrap-up, then wrapup → AgentWrappedUp', async () => {
    const h = await ready();
    const id = await connected(h);
    expect((await rejection(h.sim.wrapup(id, { auxCodeId: 'wrap-resolved', wrapUpReason: 'Resolved' }))).code).to.equal('INVALID_STATE');
    await h.sim.end(id);
    h.clock.advance(100);
    let m = h.last();
    expect(m.type).to.equal('ContactEnded');
    expect(m.agentsPendingWrapUp).to.deep.equal(['agent-sim']);
    expect(m.interaction.state).to.equal('wrapUp');
    expect(m.interaction.isTerminated).to.equal(true);
    expect(m.interaction.participants['agent-sim'].isWrapUp).to.equal(true);
    expect((await rejection(h.sim.end(id))).code).to.equal('INVALID_STATE');
    expect((await rejection(h.sim.wrapup(id, { auxCodeId: 'wrap-bogus', wrapUpReason: 'x' }))).code).to.equal('INVALID_PARAMETERS');
    await h.sim.wrapup(id, { auxCodeId: 'wrap-escalated', wrapUpReason: 'Escalated to tier 2' });
    h.clock.advance(100);
    m = h.last();
    expect(m).to.include({ type: 'AgentWrappedUp', reasonCode: 'wrap-escalated' });
    expect((await h.sim.snapshot()).tasks).to.deep.equal([]);
  });

  it('ends without wrap-up when wrapUpRequired is false', async () => {
    const h = await ready({ wrapUpRequired: false });
    const id = await connected(h, 'social');
    await h.sim.end(id);
    h.clock.advance(100);
    expect(h.last().agentsPendingWrapUp).to.deep.equal([]);
    expect((await h.sim.snapshot()).tasks).to.deep.equal([]);
  });

  it('wraps up automatically with the default code when auto wrap-up is on', async () => {
    const h = await ready({ autoWrapup: { enabled: true, timeoutSeconds: 20, allowCancel: false } });
    const id = await connected(h);
    await h.sim.end(id);
    h.clock.advance(100);
    h.clock.advance(19_899);
    expect(h.last().type).to.equal('ContactEnded');
    h.clock.advance(101);
    expect(h.last()).to.include({ type: 'AgentWrappedUp', interactionId: id, reasonCode: 'wrap-resolved' });
  });

  it('cancelAutoWrapup stops the auto wrap-up where the profile allows it; refused otherwise', async () => {
    const h = await ready({ autoWrapup: { enabled: true, timeoutSeconds: 20, allowCancel: true } });
    const id = await connected(h);
    expect((await rejection(h.sim.cancelAutoWrapup(id))).code).to.equal('INVALID_STATE');
    await h.sim.end(id);
    h.clock.advance(100);
    await h.sim.cancelAutoWrapup(id);
    h.clock.advance(60_000);
    expect(h.types(id)).not.to.include('AgentWrappedUp');
    expect((await rejection(h.sim.cancelAutoWrapup(id))).code).to.equal('INVALID_STATE');
    await h.sim.wrapup(id, { auxCodeId: 'wrap-no-action', wrapUpReason: '' });
    h.clock.advance(100);
    expect(h.types(id).filter((t) => t === 'AgentWrappedUp')).to.have.length(1);

    const strict = await ready({ autoWrapup: { enabled: true, timeoutSeconds: 20, allowCancel: false } });
    const other = await connected(strict);
    await strict.sim.end(other);
    strict.clock.advance(100);
    expect((await rejection(strict.sim.cancelAutoWrapup(other))).code).to.equal('INVALID_STATE');
    strict.clock.advance(20_000);
    expect(strict.last()).to.include({ type: 'AgentWrappedUp', interactionId: other });
  });

  it('a manual wrap-up cancels the auto wrap-up', async () => {
    const h = await ready({ autoWrapup: { enabled: true, timeoutSeconds: 20, allowCancel: false } });
    const id = await connected(h);
    await h.sim.end(id);
    await h.sim.wrapup(id, { auxCodeId: 'wrap-no-action', wrapUpReason: '' });
    h.clock.advance(60_000);
    expect(h.types(id).filter((t) => t === 'AgentWrappedUp')).to.have.length(1);
  });

  it('the customer hanging up ends the call into wrap-up', async () => {
    const h = await ready();
    const id = await connected(h);
    expect(h.sim.customerHangup(id)).to.equal(true);
    h.clock.flush();
    const m = h.last();
    expect(m).to.include({ type: 'ContactEnded', reason: 'Customer hung up' });
    expect(m.agentsPendingWrapUp).to.deep.equal(['agent-sim']);
    const customer = Object.values(m.interaction.participants).find((p) => p.pType === 'Customer')!;
    expect(customer.hasLeft).to.equal(true);
  });

  it('blind transfers to an agent, a queue, an entry point and a number', async () => {
    const h = await ready();
    const cases = [
      { to: 'agent-ana', destinationType: 'agent', event: 'AgentBlindTransferred' },
      { to: 'q-billing', destinationType: 'queue', event: 'AgentVteamTransferred' },
      { to: 'ep-spanish', destinationType: 'entryPoint', event: 'AgentBlindTransferred' },
      { to: '+1 (415) 555-0123', destinationType: 'dialNumber', event: 'AgentBlindTransferred' },
    ] as const;
    for (const c of cases) {
      const id = await connected(h);
      await h.sim.transfer(id, { to: c.to, destinationType: c.destinationType });
      h.clock.advance(100);
      const m = h.last();
      expect(m.type, c.destinationType).to.equal(c.event);
      expect(m.agentsPendingWrapUp).to.deep.equal(['agent-sim']);
      expect(m.interaction.participants['agent-sim'].hasLeft).to.equal(true);
      if (c.destinationType === 'queue') expect(m.interaction.currentVTeam).to.equal('q-billing');
      if (c.destinationType === 'agent') expect(m.interaction.owner).to.equal('agent-ana');
      await h.sim.wrapup(id, { auxCodeId: 'wrap-resolved', wrapUpReason: 'Resolved' });
      h.clock.advance(100);
    }
  });

  it('refuses a transfer to an unavailable or unknown destination', async () => {
    const h = await ready();
    const id = await connected(h);
    expect((await rejection(h.sim.transfer(id, { to: 'agent-emi', destinationType: 'agent' }))).message).to.contain('not available');
    expect((await rejection(h.sim.transfer(id, { to: 'nobody', destinationType: 'agent' }))).code).to.equal('NOT_FOUND');
    expect((await rejection(h.sim.transfer(id, { to: 'q-none', destinationType: 'queue' }))).code).to.equal('NOT_FOUND');
    expect((await rejection(h.sim.transfer(id, { to: '12', destinationType: 'dialNumber' }))).code).to.equal('INVALID_PARAMETERS');
  });

  it('refuses commands in states the contact center would refuse', async () => {
    const h = await ready();
    const id = offer(h, 'telephony');
    expect((await rejection(h.sim.end(id))).code).to.equal('INVALID_STATE');
    expect((await rejection(h.sim.hold(id))).code).to.equal('INVALID_STATE');
    expect((await rejection(h.sim.transfer(id, { to: 'agent-ana', destinationType: 'agent' }))).code).to.equal('INVALID_STATE');
    expect((await rejection(h.sim.exitConference(id))).code).to.equal('INVALID_STATE');
    expect((await rejection(h.sim.endConsult(id, { isConsult: true, taskId: id }))).code).to.equal('INVALID_STATE');
    expect((await rejection(h.sim.hold('nope'))).code).to.equal('NOT_FOUND');
    h.clock.advance(1000);
    expect(h.types()).to.deep.equal(['AgentOfferContact']);
  });
});
