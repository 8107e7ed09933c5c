import { expect } from '@open-wc/testing';
import { harness, offer, ready, rejection } from '../harness.js';

describe('simulator: session and agent state', () => {
  it('replays the connection state and connects to the agent session', async () => {
    const h = harness();
    const late: string[] = [];
    h.sim.connection$.subscribe((c) => late.push(c.status));
    expect(late).to.deep.equal(['disconnected']);
    const session = await h.sim.connect();
    expect(h.connection.map((c) => c.status)).to.deep.equal(['disconnected', 'connecting', 'connected']);
    expect(session.status.state).to.equal('Idle');
    expect(session.status.idleCodeId).to.equal('idle-break');
    expect(session.tasks).to.deep.equal([]);
    const p = session.profile;
    expect(p.idleCodes.map((c) => c.name)).to.include.members(['Lunch', 'Meeting', 'Training']);
    expect(p.wrapUpCodes.map((c) => c.name)).to.deep.equal(['Resolved', 'Follow-up needed', 'Escalated', 'No action']);
    expect(p.maxConferenceParticipants).to.equal(4);
    expect(p.userData.editable).to.equal(true);
    expect(p.outdial.anis.length).to.be.greaterThan(0);
    expect(p.dialPlan.entries[0].regex).to.be.a('string');
    expect(p.autoWrapup).to.have.keys(['enabled', 'timeoutSeconds', 'allowCancel']);
  });

  it('takes agent id, name, profile overrides and startAvailable', async () => {
    const h = harness({ agentId: 'a-42', agentName: 'Kim', startAvailable: true, profile: { teamName: 'Night shift' } });
    const s = await h.sim.connect();
    expect(s.profile.agentId).to.equal('a-42');
    expect(s.profile.agentName).to.equal('Kim');
    expect(s.profile.teamName).to.equal('Night shift');
    expect(s.status.state).to.equal('Available');
  });

  it('connect is idempotent', async () => {
    const h = harness();
    await h.sim.connect();
    await h.sim.connect();
    expect(h.connection.map((c) => c.status)).to.deep.equal(['disconnected', 'connecting', 'connected']);
  });

  it('rejects commands before connect without throwing synchronously', async () => {
    const h = harness();
    let p: Promise<void> | undefined;
    expect(() => (p = h.sim.hold('x'))).not.to.throw();
    expect((await rejection(p!)).code).to.equal('CONNECTION');
    expect((await rejection(h.sim.setAgentState('Available'))).code).to.equal('CONNECTION');
    expect((await rejection(h.sim.directory())).code).to.equal('CONNECTION');
  });

  it('changes agent state with a known idle code, after the latency', async () => {
    const h = await ready({ startAvailable: false });
    await h.sim.setAgentState('Idle', 'idle-lunch');
    h.clock.advance(99);
    expect(h.agentEvents()).to.deep.equal([]);
    h.clock.advance(1);
    expect(h.agentEvents()).to.have.length(1);
    expect(h.agentEvents()[0]).to.include({ type: 'AgentStateChange', subStatus: 'Idle', auxCodeId: 'idle-lunch', agentId: 'agent-sim' });
    await h.sim.setAgentState('Available');
    h.clock.advance(100);
    expect(h.agentEvents()[1]).to.include({ subStatus: 'Available', auxCodeId: undefined });
    expect((await h.sim.snapshot()).status.state).to.equal('Available');
  });

  it('rejects an unknown or system idle code', async () => {
    const h = await ready();
    expect((await rejection(h.sim.setAgentState('Idle', 'idle-nap'))).code).to.equal('INVALID_PARAMETERS');
    expect((await rejection(h.sim.setAgentState('Idle', 'idle-rona'))).message).to.contain('Unknown idle code');
    h.clock.advance(1000);
    expect(h.agentEvents()).to.deep.equal([]);
  });

  it('returns the directory: buddies, queues and entry points', async () => {
    const h = await ready();
    const d = await h.sim.directory();
    expect(d.agents.length).to.be.greaterThan(3);
    expect(d.agents.some((a) => a.state === 'Idle')).to.equal(true);
    expect(d.queues.map((q) => q.name)).to.include('Billing');
    expect(d.entryPoints.length).to.be.greaterThan(0);
    expect(d.agents[0]).to.have.keys(['agentId', 'agentName', 'state', 'teamName']);
  });

  it('leaves no timer behind after disconnect, whatever was going on', async () => {
    const h = await ready({ offerEveryMs: 5000, autoWrapup: { enabled: true, timeoutSeconds: 30, allowCancel: true } });
    const call = offer(h, 'telephony');
    await h.sim.accept(call);
    h.clock.advance(200);
    await h.sim.consult(call, { to: 'agent-dmitri', destinationType: 'agent' });
    offer(h, 'chat');
    const email = offer(h, 'email');
    await h.sim.accept(email);
    h.clock.advance(200);
    await h.sim.end(email);
    h.sim.offerConsult({ media: 'chat', then: 'transfer' });
    await h.sim.hold(call, h.last('AgentConsultCreated').consultMediaResourceId);
    h.sim.dropConnection(5000);
    expect(h.clock.pending).to.be.greaterThan(3);
    await h.sim.disconnect();
    expect(h.clock.pending).to.equal(0);
    expect(h.sim.pendingTimers).to.equal(0);
    expect(h.connection[h.connection.length - 1].status).to.equal('disconnected');
    const before = h.events.length;
    h.clock.advance(120_000);
    expect(h.events.length).to.equal(before);
  });

  it('logs in afresh after disconnect', async () => {
    const h = await ready();
    offer(h, 'chat');
    await h.sim.disconnect();
    const s = await h.sim.connect();
    expect(s.tasks).to.deep.equal([]);
  });
});
