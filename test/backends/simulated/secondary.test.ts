import { expect } from '@open-wc/testing';
import { ready, rejection } from '../harness.js';

describe('simulator: being consulted', () => {
  it('offers a consult with this agent as the secondary', async () => {
    const h = await ready();
    const id = h.sim.offerConsult({ from: 'agent-ana' })!;
    h.clock.flush();
    const m = h.last();
    expect(m).to.include({ type: 'AgentOfferConsult', interactionId: id, isConsulted: true, destAgentId: 'agent-sim', consultingAgentId: 'agent-ana', owner: 'agent-ana' });
    expect(m.mediaResourceId).to.equal(m.consultMediaResourceId);
    expect(m.mediaResourceId).not.to.equal(id);
    expect(m.interaction.state).to.equal('consult');
    expect(m.interaction.media[id].isHold).to.equal(true);
    expect(m.interaction.participants['agent-ana']).to.include({ hasJoined: true });
    expect(m.interaction.callProcessingDetails.parent_Agent_Name).to.equal('Ana Souza');
  });

  it('accept → AgentConsulting; the primary ends the consult → AgentConsultEnded, no wrap-up', async () => {
    const h = await ready();
    const id = h.sim.offerConsult({ from: 'agent-bjorn' })!;
    await h.sim.accept(id);
    h.clock.advance(100);
    expect(h.last()).to.include({ type: 'AgentConsulting', isConsulted: true });
    expect(h.last().interaction.state).to.equal('consulting');
    expect((await rejection(h.sim.consultTransfer(id, { to: 'x', destinationType: 'agent' }))).message).to.contain('consulted agent');
    expect((await rejection(h.sim.hold(id))).code).to.equal('INVALID_STATE');
    expect(h.sim.primaryDoes(id, 'endConsult')).to.equal(true);
    h.clock.flush();
    expect(h.last().type).to.equal('AgentConsultEnded');
    expect(h.last().agentsPendingWrapUp).to.deep.equal([]);
    expect((await h.sim.snapshot()).tasks).to.deep.equal([]);
  });

  it('the primary transfers to us: we own the call', async () => {
    const h = await ready();
    const id = h.sim.offerConsult({ from: 'agent-ana', then: 'transfer', afterMs: 5000 })!;
    await h.sim.accept(id);
    h.clock.advance(4999);
    expect(h.last().type).to.equal('AgentConsulting');
    h.clock.advance(1);
    const m = h.last();
    expect(m).to.include({ type: 'AgentConsultTransferred', owner: 'agent-sim', isConsulted: false, mediaResourceId: id, consultMediaResourceId: '' });
    expect(m.interaction.state).to.equal('connected');
    expect(m.interaction.media[id].participants).to.include('agent-sim').and.not.include('agent-ana');
    expect(m.interaction.media[id].isHold).to.equal(false);
    await h.sim.hold(id);
    await h.sim.resume(id);
    await h.sim.end(id);
    h.clock.advance(300);
    expect(h.types(id).slice(-3)).to.deep.equal(['AgentContactHeld', 'AgentContactUnheld', 'ContactEnded']);
    expect(h.last().agentsPendingWrapUp).to.deep.equal(['agent-sim']);
  });

  it('the primary conferences us in; we can exit without wrap-up', async () => {
    const h = await ready();
    const id = h.sim.offerConsult({ from: 'agent-ana' })!;
    await h.sim.accept(id);
    h.clock.advance(100);
    h.sim.primaryDoes(id, 'conference');
    h.clock.flush();
    expect(h.last()).to.include({ type: 'AgentConsultConferenced', isConferencing: true });
    expect((await rejection(h.sim.end(id))).message).to.contain('owner');
    await h.sim.exitConference(id);
    h.clock.advance(100);
    expect(h.last()).to.include({ type: 'ParticipantLeftConference', participantId: 'agent-sim' });
    expect(h.last().agentsPendingWrapUp).to.deep.equal([]);
  });

  it('the secondary can leave the consult itself, or decline it', async () => {
    const h = await ready();
    const a = h.sim.offerConsult({ media: 'chat' })!;
    await h.sim.accept(a);
    await h.sim.endConsult(a, { isConsult: true, taskId: a });
    const b = h.sim.offerConsult()!;
    await h.sim.decline(b);
    h.clock.advance(500);
    expect(h.types(a)).to.deep.equal(['AgentOfferConsult', 'AgentConsulting', 'AgentConsultEnded']);
    expect(h.types(b)).to.deep.equal(['AgentOfferConsult', 'AgentOfferContactRona']);
    expect(h.last()).to.include({ reason: 'Declined' });
  });

  it('a consult offer rings out without making the agent RONA', async () => {
    const h = await ready({ ronaTimeoutSeconds: 10 });
    const id = h.sim.offerConsult()!;
    h.clock.advance(10_000);
    expect(h.types(id)).to.deep.equal(['AgentOfferConsult', 'AgentOfferContactRona']);
    expect(h.agentEvents()).to.deep.equal([]);
  });

  it('the customer hanging up while we are consulted ends it without wrap-up', async () => {
    const h = await ready();
    const id = h.sim.offerConsult()!;
    await h.sim.accept(id);
    h.sim.customerHangup(id);
    h.clock.advance(200);
    expect(h.types(id)).to.deep.equal(['AgentOfferConsult', 'AgentConsulting', 'ContactEnded']);
    expect(h.last().agentsPendingWrapUp).to.deep.equal([]);
  });
});
