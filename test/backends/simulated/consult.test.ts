import { expect } from '@open-wc/testing';
import { connected, ready, rejection } from '../harness.js';

describe('simulator: consult, conference, consult transfer', () => {
  it('consults an agent who accepts after ~2 s, with the customer held', async () => {
    const h = await ready();
    const id = await connected(h);
    await h.sim.consult(id, { to: 'agent-ana', destinationType: 'agent', holdParticipants: true });
    h.clock.advance(100);
    const created = h.last();
    expect(created).to.include({ type: 'AgentConsultCreated', destAgentId: 'agent-ana', destinationType: 'agent', mediaResourceId: id });
    const leg = created.consultMediaResourceId;
    expect(leg).to.be.a('string').with.length.above(0);
    expect(leg).not.to.equal(id);
    expect(created.interaction.state).to.equal('consulting');
    expect(created.interaction.media[id].isHold).to.equal(true);
    expect(created.interaction.media[leg]).to.include({ mType: 'consult', isHold: false });
    expect(created.interaction.participants['agent-ana']).to.include({ hasJoined: false, consultState: 'consultInitiated' });
    expect(created.interaction.callProcessingDetails).to.include({ consultDestinationAgentName: 'Ana Souza', consultDestinationAgentJoined: false });
    h.clock.advance(1899);
    expect(h.last().type).to.equal('AgentConsultCreated');
    h.clock.advance(1);
    const accepted = h.last();
    expect(accepted).to.include({ type: 'AgentConsulting', destAgentId: 'agent-ana', consultMediaResourceId: leg });
    expect(accepted.interaction.participants['agent-ana']).to.include({ hasJoined: true, consultState: 'consulting' });
    expect(accepted.interaction.media[leg].participants).to.deep.equal(['agent-sim', 'agent-ana']);
    expect(accepted.interaction.callProcessingDetails.consultDestinationAgentJoined).to.equal(true);
  });

  it('switches legs by holding and resuming the consult leg', async () => {
    const h = await ready();
    const id = await connected(h);
    await h.sim.consult(id, { to: 'agent-ana', destinationType: 'agent' });
    h.clock.advance(3000);
    const leg = h.last().consultMediaResourceId;
    expect((await rejection(h.sim.resume(id))).message).to.contain('switch legs');
    await h.sim.hold(id, leg);
    h.clock.advance(100);
    let m = h.last();
    expect(m).to.include({ type: 'AgentContactHeld', mediaResourceId: leg });
    expect(m.interaction.media[leg].isHold).to.equal(true);
    expect(m.interaction.media[id].isHold).to.equal(false);
    expect(m.interaction.state).to.equal('consulting');
    expect((await rejection(h.sim.hold(id, leg))).code).to.equal('INVALID_STATE');
    await h.sim.resume(id, leg);
    h.clock.advance(100);
    m = h.last();
    expect(m).to.include({ type: 'AgentContactUnheld', mediaResourceId: leg });
    expect(m.interaction.media[leg].isHold).to.equal(false);
    expect(m.interaction.media[id].isHold).to.equal(true);
  });

  it('consult transfer: only once answered, then wrap-up', async () => {
    const h = await ready();
    const id = await connected(h);
    await h.sim.consult(id, { to: 'agent-bjorn', destinationType: 'agent' });
    h.clock.advance(100);
    expect((await rejection(h.sim.consultTransfer(id, { to: 'agent-bjorn', destinationType: 'agent' }))).message).to.contain('has not answered');
    h.clock.advance(2500);
    expect(h.last().type).to.equal('AgentConsulting');
    await h.sim.consultTransfer(id, { to: 'agent-bjorn', destinationType: 'agent' });
    h.clock.advance(100);
    const m = h.last();
    expect(m).to.include({ type: 'AgentConsultTransferred', destAgentId: 'agent-bjorn', consultMediaResourceId: '' });
    expect(m.agentsPendingWrapUp).to.deep.equal(['agent-sim']);
    expect(m.interaction.state).to.equal('wrapUp');
    expect(m.interaction.owner).to.equal('agent-bjorn');
    expect(Object.keys(m.interaction.media)).to.deep.equal([id]);
    expect(m.interaction.media[id].participants).to.include('agent-bjorn').and.not.include('agent-sim');
  });

  it('a buddy declines: AgentConsultFailed with the reason, back to the call as it was', async () => {
    const h = await ready();
    const id = await connected(h);
    await h.sim.consult(id, { to: 'agent-chidi', destinationType: 'agent' });
    h.clock.advance(2100);
    const m = h.last();
    expect(m).to.include({ type: 'AgentConsultFailed', reason: 'Chidi Okafor declined the consult', destAgentId: 'agent-chidi', consultMediaResourceId: '' });
    expect(m.interaction.state).to.equal('connected');
    expect(m.interaction.media[id].isHold).to.equal(false);
    expect(m.interaction.participants).not.to.have.property('agent-chidi');
  });

  it('a consult from hold that fails leaves the customer on hold', async () => {
    const h = await ready();
    const id = await connected(h);
    await h.sim.hold(id);
    await h.sim.consult(id, { to: 'agent-chidi', destinationType: 'agent' });
    h.clock.advance(2100);
    expect(h.last().type).to.equal('AgentConsultFailed');
    expect(h.last().interaction.state).to.equal('hold');
    expect(h.last().interaction.media[id].isHold).to.equal(true);
  });

  it('a buddy who never answers: nothing happens until the agent ends the consult', async () => {
    const h = await ready();
    const id = await connected(h);
    await h.sim.consult(id, { to: 'agent-dmitri', destinationType: 'agent' });
    h.clock.advance(120_000);
    expect(h.types(id).slice(-1)).to.deep.equal(['AgentConsultCreated']);
    await h.sim.endConsult(id, { isConsult: true, taskId: id });
    h.clock.advance(100);
    const m = h.last();
    expect(m).to.include({ type: 'AgentConsultEnded', consultMediaResourceId: '' });
    expect(m.interaction.state).to.equal('connected');
    expect(m.interaction.media[id].isHold).to.equal(false);
  });

  it('ending an answered consult unholds the customer; the buddy has left', async () => {
    const h = await ready();
    const id = await connected(h);
    await h.sim.consult(id, { to: 'agent-ana', destinationType: 'agent' });
    h.clock.advance(3000);
    await h.sim.endConsult(id, { isConsult: true, taskId: id });
    h.clock.advance(100);
    const m = h.last();
    expect(m.type).to.equal('AgentConsultEnded');
    expect(m.interaction.media[id].isHold).to.equal(false);
    expect(m.interaction.participants['agent-ana'].hasLeft).to.equal(true);
  });

  it('refuses consults to unavailable, unknown or impossible destinations', async () => {
    const h = await ready();
    const id = await connected(h);
    expect((await rejection(h.sim.consult(id, { to: 'agent-emi', destinationType: 'agent' }))).code).to.equal('INVALID_STATE');
    expect((await rejection(h.sim.consult(id, { to: 'ghost', destinationType: 'agent' }))).code).to.equal('NOT_FOUND');
    expect((await rejection(h.sim.consult(id, { to: 'ep-main', destinationType: 'entryPoint' }))).code).to.equal('INVALID_PARAMETERS');
    expect((await rejection(h.sim.consult(id, { to: 'abc', destinationType: 'dialNumber' }))).code).to.equal('INVALID_PARAMETERS');
    await h.sim.consult(id, { to: 'agent-dmitri', destinationType: 'agent' });
    expect((await rejection(h.sim.consult(id, { to: 'agent-ana', destinationType: 'agent' }))).code).to.equal('INVALID_STATE');
    expect((await rejection(h.sim.end(id))).message).to.contain('consult first');
  });

  it('consults a queue: ctqInProgress, then a queue agent accepts after ~3 s', async () => {
    const h = await ready();
    const id = await connected(h);
    await h.sim.consult(id, { to: 'q-tech', destinationType: 'queue' });
    h.clock.advance(100);
    const created = h.last();
    expect(created).to.include({ type: 'AgentConsultCreated', destAgentId: 'q-tech', destinationType: 'queue' });
    expect(created.interaction.callProcessingDetails.ctqInProgress).to.equal(true);
    h.clock.advance(2899);
    expect(h.last().type).to.equal('AgentConsultCreated');
    h.clock.advance(1);
    const m = h.last();
    expect(m).to.include({ type: 'AgentConsulting', destAgentId: 'agent-goran' });
    expect(m.interaction.callProcessingDetails).to.include({ ctqInProgress: false, consultDestinationAgentName: 'Goran Petrović' });
  });

  it('ending a queue consult nobody took yet → AgentCtqCancelled', async () => {
    const h = await ready();
    const id = await connected(h);
    await h.sim.consult(id, { to: 'q-sales', destinationType: 'queue' });
    h.clock.advance(1000);
    await h.sim.endConsult(id, { isConsult: true, taskId: id, queueId: 'q-sales' });
    h.clock.advance(10_000);
    expect(h.types(id).slice(-2)).to.deep.equal(['AgentConsultCreated', 'AgentCtqCancelled']);
    expect(h.last().interaction.state).to.equal('connected');
  });

  it('consults a dial number (voice), answered after ~1.5 s', async () => {
    const h = await ready();
    const id = await connected(h);
    await h.sim.consult(id, { to: '(415) 555-0199', destinationType: 'dialNumber' });
    h.clock.advance(1499);
    expect(h.last().type).to.equal('AgentConsultCreated');
    h.clock.advance(1);
    const m = h.last();
    expect(m).to.include({ type: 'AgentConsulting', destAgentId: '4155550199' });
    expect(m.interaction.participants['4155550199']).to.include({ pType: 'DN', hasJoined: true });
  });

  it('conference, then exit: ParticipantLeftConference for this agent, then wrap-up', async () => {
    const h = await ready();
    const id = await connected(h);
    await h.sim.consult(id, { to: 'agent-ana', destinationType: 'agent' });
    expect((await rejection(h.sim.consultConference(id))).code).to.equal('INVALID_STATE');
    h.clock.advance(3000);
    await h.sim.consultConference(id);
    h.clock.advance(100);
    let m = h.last();
    expect(m).to.include({ type: 'AgentConsultConferenced', isConferencing: true, destAgentId: 'agent-ana' });
    expect(m.interaction.state).to.equal('conference');
    expect(m.interaction.media[id].participants).to.include.members(['agent-sim', 'agent-ana']);
    expect(m.interaction.media[id].isHold).to.equal(false);
    expect(m.interaction.participants['agent-ana']).to.include({ hasJoined: true, hasLeft: false });
    expect((await rejection(h.sim.hold(id))).code).to.equal('INVALID_STATE');
    await h.sim.exitConference(id);
    h.clock.advance(100);
    m = h.last();
    expect(m).to.include({ type: 'ParticipantLeftConference', participantId: 'agent-sim' });
    expect(m.agentsPendingWrapUp).to.deep.equal(['agent-sim']);
    expect(m.interaction.owner).to.equal('agent-ana');
    expect(m.interaction.participants['agent-sim'].hasLeft).to.equal(true);
  });

  it('refuses a conference beyond maxConferenceParticipants', async () => {
    const h = await ready({ profile: { maxConferenceParticipants: 1 } });
    const id = await connected(h);
    await h.sim.consult(id, { to: 'agent-ana', destinationType: 'agent' });
    h.clock.advance(3000);
    expect((await rejection(h.sim.consultConference(id))).message).to.contain('at most 1');
  });

  it('the owner can end a conference for everyone', async () => {
    const h = await ready();
    const id = await connected(h);
    await h.sim.consult(id, { to: 'agent-ana', destinationType: 'agent' });
    h.clock.advance(3000);
    await h.sim.consultConference(id);
    await h.sim.end(id);
    h.clock.advance(200);
    expect(h.types(id).slice(-2)).to.deep.equal(['AgentConsultConferenced', 'ContactEnded']);
  });

  it('the customer hanging up during a consult ends the call; the buddy never answers after that', async () => {
    const h = await ready();
    const id = await connected(h);
    await h.sim.consult(id, { to: 'agent-ana', destinationType: 'agent' });
    h.clock.advance(500);
    h.sim.customerHangup(id);
    h.clock.advance(10_000);
    expect(h.types(id).slice(-2)).to.deep.equal(['AgentConsultCreated', 'ContactEnded']);
    const m = h.last();
    expect(m.agentsPendingWrapUp).to.deep.equal(['agent-sim']);
    expect(m.interaction.state).to.equal('wrapUp');
    expect(m.consultMediaResourceId).to.equal('');
  });

  it('sends messages as JSON carries them: a field without a value is absent, never undefined', async () => {
    // Before and during a consult, in both roles (destinationType and consultingAgentId come and go).
    const h = await ready();
    const id = await connected(h);
    await h.sim.consult(id, { to: 'agent-ana', destinationType: 'agent' });
    h.clock.advance(3000);
    const consulted = await ready();
    consulted.sim.offerConsult({ from: 'agent-bjorn' });
    consulted.clock.flush();
    const snapshots = [...(await h.sim.snapshot()).tasks, ...(await consulted.sim.snapshot()).tasks];
    const sent = [...h.messages(), ...consulted.messages(), ...snapshots];
    expect(sent.map((m) => m.type)).to.include.members(['AgentContactAssigned', 'AgentConsultCreated', 'AgentOfferConsult']);
    for (const message of sent) expect(message).to.deep.equal(JSON.parse(JSON.stringify(message)));
  });
});
