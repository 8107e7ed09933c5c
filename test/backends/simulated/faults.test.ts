import { expect } from '@open-wc/testing';
import { BackendError } from '../../../src/backends/contact-center.js';
import { connected, harness, offer, ready, rejection } from '../harness.js';

describe('simulator: faults, latency and reconnection', () => {
  it('failNext rejects the next call with a BackendError and changes nothing', async () => {
    const h = await ready();
    const id = await connected(h);
    h.reset();
    h.sim.failNext('hold', 1, 'Media server busy');
    const e = await rejection(h.sim.hold(id));
    expect(e).to.be.instanceOf(BackendError);
    expect(e.message).to.equal('Media server busy');
    h.clock.advance(1000);
    expect(h.events).to.deep.equal([]);
    await h.sim.hold(id);
    h.clock.advance(100);
    expect(h.types()).to.deep.equal(['AgentContactHeld']);
  });

  it('failNext as an event: the call resolves and the …Failed twin follows, state kept', async () => {
    const h = await ready();
    const id = await connected(h);
    h.reset();
    h.sim.failNext('hold', 1, 'Hold refused', { as: 'event' });
    await h.sim.hold(id);
    h.clock.advance(100);
    expect(h.last()).to.include({ type: 'AgentContactHoldFailed', reason: 'Hold refused' });
    expect(h.last().interaction.state).to.equal('connected');
    expect(h.last().interaction.media[id].isHold).to.equal(false);
  });

  it('maps every task command with a twin to its …Failed event', async () => {
    const h = await ready();
    const id = await connected(h);
    const twins: [string, () => Promise<void>][] = [
      ['AgentConsultFailed', () => h.sim.consult(id, { to: 'agent-ana', destinationType: 'agent' })],
      ['ContactRecordingPauseFailed', () => h.sim.pauseRecording(id)],
      ['AgentBlindTransferFailedEvent', () => h.sim.transfer(id, { to: 'agent-ana', destinationType: 'agent' })],
      ['AgentVteamTransferFailed', () => h.sim.transfer(id, { to: 'q-sales', destinationType: 'queue' })],
      ['AgentContactEndFailed', () => h.sim.end(id)],
      ['ContactUpdateFailed', () => h.sim.setUserData(id, { notes: 'x' })],
    ];
    for (const [twin, call] of twins) {
      h.sim.failNext('any', 1, twin, { as: 'event' });
      await call();
      h.clock.advance(100);
      expect(h.last().type).to.equal(twin);
      expect(h.last().interaction.state).to.equal('connected');
    }
  });

  it('a command without a …Failed twin rejects even when asked for an event', async () => {
    const h = await ready();
    const id = offer(h, 'chat');
    h.sim.failNext('decline', 1, 'nope', { as: 'event' });
    expect((await rejection(h.sim.decline(id))).message).to.equal('nope');
  });

  it("failNext('any', n) fails the next n calls of any command", async () => {
    const h = await ready();
    const id = await connected(h);
    h.sim.failNext('any', 2);
    expect((await rejection(h.sim.toggleMute(id))).code).to.equal('BACKEND_ERROR');
    expect((await rejection(h.sim.setAgentState('Idle'))).code).to.equal('BACKEND_ERROR');
    await h.sim.toggleMute(id);
  });

  it('fails agent-state changes as a rejection or as AgentStateChangeFailed', async () => {
    const h = await ready();
    h.sim.failNext('setAgentState', 1, 'Not now', { as: 'event' });
    await h.sim.setAgentState('Idle', 'idle-lunch');
    h.clock.advance(100);
    expect(h.agentEvents()[0]).to.include({ type: 'AgentStateChangeFailed', reason: 'Not now', subStatus: 'Available' });
  });

  it('fails connect: rejection, connection disconnected with the reason', async () => {
    const h = harness();
    h.sim.failNext('connect', 1, 'Login refused');
    const e = await rejection(h.sim.connect());
    expect(e.code).to.equal('CONNECTION');
    expect(h.connection[h.connection.length - 1]).to.deep.equal({ status: 'disconnected', reason: 'Login refused' });
    await h.sim.connect();
    expect(h.connection[h.connection.length - 1].status).to.equal('connected');
  });

  it('outdial: an OUTBOUND offer, then AgentContactAssigned', async () => {
    const h = await ready();
    await h.sim.outdial({ destination: '+1 415-555-0142', origin: '+18005550199' });
    h.clock.advance(100);
    const offerMsg = h.last();
    expect(offerMsg.type).to.equal('AgentOfferContact');
    expect(offerMsg.interaction.contactDirection.type).to.equal('OUTBOUND');
    expect(offerMsg.interaction.outboundType).to.equal('OUTDIAL');
    expect(offerMsg.interaction.callProcessingDetails).to.include({ ani: '+18005550199', dnis: '+14155550142', outdialAgentId: 'agent-sim' });
    h.clock.advance(1000);
    expect(h.last()).to.include({ type: 'AgentContactAssigned', interactionId: offerMsg.interactionId });
    expect((await rejection(h.sim.outdial({ destination: '+14155550143' }))).code).to.equal('INVALID_STATE');
  });

  it('outdial validates the number and the caller id', async () => {
    const h = await ready();
    expect((await rejection(h.sim.outdial({ destination: '12ab' }))).code).to.equal('INVALID_PARAMETERS');
    expect((await rejection(h.sim.outdial({ destination: '+14155550142', origin: '+19999999999' }))).message).to.contain('outdial numbers');
    const off = await ready({ profile: { outdial: { enabled: false, anis: [] } } });
    expect((await rejection(off.sim.outdial({ destination: '+14155550142' }))).code).to.equal('FORBIDDEN');
  });

  it('outdial failing as an event: offer, AgentOutboundFailed, ContactEnded', async () => {
    const h = await ready();
    h.sim.failNext('outdial', 1, 'Number busy', { as: 'event' });
    await h.sim.outdial({ destination: '+14155550142' });
    h.clock.advance(5000);
    expect(h.types()).to.deep.equal(['AgentOfferContact', 'AgentOutboundFailed', 'ContactEnded']);
    expect(h.messages()[1].reason).to.equal('Number busy');
    expect((await h.sim.snapshot()).tasks).to.deep.equal([]);
  });

  it('setLatency changes when confirming events arrive; events keep their order', async () => {
    const h = await ready();
    const id = await connected(h);
    h.reset();
    h.sim.setLatency(500);
    await h.sim.hold(id);
    h.sim.setLatency(0);
    await h.sim.resume(id);
    h.clock.advance(499);
    expect(h.events).to.deep.equal([]);
    h.clock.advance(1);
    expect(h.types()).to.deep.equal(['AgentContactHeld', 'AgentContactUnheld']);
    expect(h.messages()[0].eventTime).to.equal(h.clock.now());
  });

  it('dropConnection: reconnecting, events stop, commands fail, then connected again', async () => {
    const h = await ready();
    const id = await connected(h);
    h.reset();
    h.sim.dropConnection();
    expect(h.connection[h.connection.length - 1].status).to.equal('reconnecting');
    expect((await rejection(h.sim.hold(id))).code).to.equal('CONNECTION');
    const chat = h.sim.offerContact({ media: 'chat' });
    h.sim.customerHangup(id);
    h.clock.advance(2999);
    expect(h.events).to.deep.equal([]);
    h.clock.advance(1);
    expect(h.connection[h.connection.length - 1].status).to.equal('connected');
    const s = await h.sim.snapshot();
    expect(s.tasks.map((t) => [t.interactionId, t.type, t.interaction.state])).to.deep.equal([
      [id, 'AgentContact', 'wrapUp'],
      [chat, 'AgentContact', 'new'],
    ]);
    expect(s.tasks[0].agentsPendingWrapUp).to.deep.equal(['agent-sim']);
  });

  it('snapshot shows every live task in its current state', async () => {
    const h = await ready({ ronaTimeoutSeconds: 600 });
    const call = await connected(h);
    await h.sim.consult(call, { to: 'agent-ana', destinationType: 'agent' });
    const chat = await connected(h, 'chat');
    const email = await connected(h, 'email');
    await h.sim.end(email);
    const social = offer(h, 'social');
    const states = async () => Object.fromEntries((await h.sim.snapshot()).tasks.map((t) => [t.interactionId, t.interaction.state]));
    expect(await states()).to.deep.equal({ [call]: 'consulting', [chat]: 'connected', [email]: 'wrapUp', [social]: 'new' });
    await h.sim.consultConference(call);
    expect((await states())[call]).to.equal('conference');
    await h.sim.exitConference(call);
    await h.sim.wrapup(call, { auxCodeId: 'wrap-resolved', wrapUpReason: 'Resolved' });
    const second = await connected(h);
    await h.sim.hold(second);
    expect((await states())[second]).to.equal('hold');
    await h.sim.decline(social);
    const consulted = h.sim.offerConsult({ media: 'chat' })!;
    expect((await states())[consulted]).to.equal('consult');
    const all = (await h.sim.snapshot()).tasks;
    expect(all.every((t) => t.type === 'AgentContact' && t.trackingId && t.eventTime === h.clock.now())).to.equal(true);
  });
});
