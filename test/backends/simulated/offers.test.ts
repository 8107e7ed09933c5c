import { expect } from '@open-wc/testing';
import { harness, isTaskMessage, offer, ready, rejection, type Harness } from '../harness.js';

const XSS = '<img src=x onerror=alert(1)>';

describe('simulator: offers', () => {
  it('offers only while Available', async () => {
    const h = harness({ latencyMs: 100 });
    expect(h.sim.offerContact({ media: 'chat' })).to.equal(undefined);
    await h.sim.connect();
    expect(h.sim.offerContact({ media: 'chat' })).to.equal(undefined);
    expect(h.sim.offerContact({ media: 'chat', force: true })).to.be.a('string');
    await h.sim.setAgentState('Available');
    h.clock.advance(100);
    expect(h.sim.offerContact({ media: 'chat' })).to.be.a('string');
  });

  it('sends a realistic AgentOfferContact', async () => {
    const h = await ready({ ronaTimeoutSeconds: 25 });
    const id = offer(h, 'telephony');
    expect(h.types()).to.deep.equal(['AgentOfferContact']);
    const m = h.last();
    expect(m).to.include({ type: 'AgentOfferContact', eventType: 'RoutingMessage', agentId: 'agent-sim', interactionId: id, mediaResourceId: id, consultMediaResourceId: '', destAgentId: '', queueMgr: 'aqm', isConferencing: false, ronaTimeout: 25 });
    expect(m.eventTime).to.equal(h.clock.now());
    expect(m.trackingId).to.match(/^[0-9a-f-]{36}$/);
    expect(m.orgId).to.equal(m.interaction.orgId);
    const i = m.interaction;
    expect(i).to.include({ interactionId: id, mediaType: 'telephony', state: 'new', owner: 'agent-sim', isTerminated: false });
    expect(i.contactDirection.type).to.equal('INBOUND');
    const cpd = i.callProcessingDetails;
    for (const key of ['IvrPath', 'QMgrName', 'QueueId', 'ani', 'displayAni', 'dnis', 'customerName', 'customerNumber', 'fromAddress', 'virtualTeamName'] as const) {
      expect(cpd[key], key).to.be.a('string').and.not.equal('');
    }
    expect(cpd.ronaTimeout).to.equal('25');
    expect(cpd.recordInProgress).to.equal(true);
    expect(m.queueName).to.equal(cpd.virtualTeamName);
    expect(i.media[id]).to.include({ mediaResourceId: id, mediaType: 'telephony', isHold: false, mType: 'mainCall' });
    expect(i.media[id].participants).to.deep.equal([cpd.ani]);
    expect(i.participants[cpd.ani]).to.include({ pType: 'Customer', name: cpd.customerName, hasJoined: true, hasLeft: false });
    expect(i.participants['agent-sim']).to.include({ pType: 'Agent', hasJoined: false, isWrapUp: false });
    expect(Object.values(i.callAssociatedData!).some((d) => d.agentEditable)).to.equal(true);
    expect(Object.values(i.callAssociatedData!).some((d) => !d.agentEditable)).to.equal(true);
    expect(i.callAssociatedDetails!.caseId).to.equal(i.callAssociatedData!.caseId.value);
  });

  it('gives digital contacts an address and no recording', async () => {
    const h = await ready();
    for (const media of ['chat', 'email', 'social'] as const) {
      offer(h, media);
      const cpd = h.last().interaction.callProcessingDetails;
      expect(h.last().interaction.mediaType).to.equal(media);
      expect(cpd.fromAddress, media).to.match(media === 'social' ? /^facebook:/ : /@/);
      expect(cpd.recordInProgress).to.equal(false);
    }
  });

  it('keeps a caller-given customer name verbatim, markup included', async () => {
    const h = await ready();
    offer(h, 'chat', XSS);
    const m = h.last();
    expect(m.interaction.callProcessingDetails.customerName).to.equal(XSS);
    expect(Object.values(m.interaction.participants).find((p) => p.pType === 'Customer')!.name).to.equal(XSS);
  });

  it('varies seeded customers, non-ASCII names included', async () => {
    const h = await ready();
    const names = new Set<string>();
    for (let i = 0; i < 30; i++) {
      const id = offer(h, 'email');
      names.add(h.last().interaction.callProcessingDetails.customerName);
      await h.sim.decline(id);
      h.clock.advance(100);
    }
    expect(names.size).to.be.greaterThan(5);
    expect([...names].some((n) => /[^\x20-\x7e]/.test(n))).to.equal(true);
  });

  it('respects capacity: one voice, three digital', async () => {
    const h = await ready();
    expect(h.sim.offerContact({ media: 'telephony' })).to.be.a('string');
    expect(h.sim.offerContact({ media: 'telephony' })).to.equal(undefined);
    expect(h.sim.offerContact({ media: 'chat' })).to.be.a('string');
    expect(h.sim.offerContact({ media: 'email' })).to.be.a('string');
    expect(h.sim.offerContact({ media: 'social' })).to.be.a('string');
    expect(h.sim.offerContact({ media: 'chat' })).to.equal(undefined);
    expect(h.sim.offerContact()).to.equal(undefined);
  });

  it('offers automatically every offerEveryMs while Available, from the media mix', async () => {
    const h = await ready({ offerEveryMs: 20_000, mediaMix: { chat: 1 } });
    h.clock.advance(19_999);
    expect(h.types()).to.deep.equal([]);
    h.clock.advance(1);
    expect(h.types()).to.deep.equal(['AgentOfferContact']);
    expect(h.last().interaction.mediaType).to.equal('chat');
    await h.sim.setAgentState('Idle', 'idle-meeting');
    h.clock.advance(100_000);
    expect(h.types().filter((t) => t === 'AgentOfferContact')).to.have.length(1);
  });

  it('does not offer automatically when offerEveryMs is 0', async () => {
    const h = await ready();
    h.clock.advance(600_000);
    expect(h.events).to.deep.equal([]);
  });

  describe("realistic routing (offerEveryMs: 'realistic', <cc-provider simulate>'s default)", () => {
    const offerTimes = (h: Harness) => h.messages().filter((m) => m.type === 'AgentOfferContact').map((m) => m.eventTime ?? NaN);

    it('offers the first contact 2–5 s after the agent becomes Available, on connect and again after Idle', async () => {
      const h = await ready({ offerEveryMs: 'realistic', ronaTimeoutSeconds: 3600 });
      h.clock.advance(1999);
      expect(offerTimes(h)).to.deep.equal([]);
      h.clock.advance(3001);
      expect(offerTimes(h)).to.have.length(1);
      await h.sim.setAgentState('Idle', 'idle-meeting');
      h.clock.advance(600_000);
      expect(offerTimes(h), 'nothing while Idle').to.have.length(1);
      await h.sim.setAgentState('Available');
      const available = h.clock.now();
      h.clock.advance(5000);
      const times = offerTimes(h);
      expect(times).to.have.length(2);
      expect(times[1] - available).to.be.within(2000, 5000);
    });

    it('keeps a steady cadence of 10–40 s, from the media mix, never beyond capacity', async () => {
      const h = await ready({ offerEveryMs: 'realistic', ronaTimeoutSeconds: 3600 });
      const live = { voice: 0, digital: 0 };
      let most = { voice: 0, digital: 0 };
      h.sim.events$.subscribe((e) => {
        if (e.type !== 'AgentOfferContact' || !isTaskMessage(e)) return;
        live[e.interaction.mediaType === 'telephony' ? 'voice' : 'digital']++;
        most = { voice: Math.max(most.voice, live.voice), digital: Math.max(most.digital, live.digital) };
      });
      h.clock.advance(600_000);
      const times = offerTimes(h);
      expect(most, 'one voice and three digital tasks at most').to.deep.equal({ voice: 1, digital: 3 });
      expect(times.length, 'offers stop at full capacity').to.equal(4);
      for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).to.be.within(10_000, 40_000);
      const media = new Set(h.messages().map((m) => m.interaction.mediaType));
      expect(media.has('telephony') && media.size > 1, [...media].join()).to.equal(true);
    });

    it('routes again once a task ends and capacity is free', async () => {
      const h = await ready({ offerEveryMs: 'realistic', mediaMix: { telephony: 1 }, ronaTimeoutSeconds: 3600 });
      h.clock.advance(5000);
      const [first] = h.messages();
      await h.sim.decline(first.interactionId);
      h.clock.advance(100);
      h.clock.advance(40_000);
      expect(offerTimes(h)).to.have.length(2);
    });

    it('is deterministic: the same seed gives the same offers at the same times', async () => {
      const run = async (seed: number) => {
        const h = await ready({ seed, offerEveryMs: 'realistic', ronaTimeoutSeconds: 3600 });
        h.clock.advance(300_000);
        return h.messages().map((m) => [m.eventTime, m.interaction.mediaType]);
      };
      expect(await run(5)).to.deep.equal(await run(5));
      expect(await run(5)).to.not.deep.equal(await run(6));
    });
  });

  it('rings out: RONA after the timeout, and the agent goes RONA', async () => {
    const h = await ready({ ronaTimeoutSeconds: 30 });
    const id = offer(h, 'telephony');
    h.clock.advance(29_999);
    expect(h.types()).to.deep.equal(['AgentOfferContact']);
    h.clock.advance(1);
    expect(h.types()).to.deep.equal(['AgentOfferContact', 'AgentOfferContactRona', 'AgentStateChange']);
    expect(h.last('AgentOfferContactRona')).to.include({ interactionId: id, reason: 'RONA' });
    expect(h.agentEvents()[0]).to.include({ subStatus: 'RONA', auxCodeId: 'idle-rona' });
    expect((await rejection(h.sim.accept(id))).code).to.equal('NOT_FOUND');
    expect(h.sim.offerContact({ media: 'chat' })).to.equal(undefined);
  });

  it('declines: AgentOfferContactRona with reason Declined, agent state unchanged', async () => {
    const h = await ready();
    const id = offer(h, 'chat');
    await h.sim.decline(id);
    h.clock.advance(100);
    expect(h.types()).to.deep.equal(['AgentOfferContact', 'AgentOfferContactRona']);
    expect(h.last()).to.include({ reason: 'Declined' });
    h.clock.advance(60_000);
    expect(h.agentEvents()).to.deep.equal([]);
    expect((await h.sim.snapshot()).status.state).to.equal('Available');
  });

  it('accept stops the RONA countdown', async () => {
    const h = await ready();
    const id = offer(h, 'telephony');
    await h.sim.accept(id);
    h.clock.advance(120_000);
    expect(h.types()).to.deep.equal(['AgentOfferContact', 'AgentContactAssigned']);
  });

  it('a customer hanging up while it rings ends the offer without wrap-up', async () => {
    const h = await ready();
    const id = offer(h, 'telephony');
    expect(h.sim.customerHangup(id)).to.equal(true);
    h.clock.flush();
    expect(h.types()).to.deep.equal(['AgentOfferContact', 'ContactEnded']);
    expect(h.last().agentsPendingWrapUp).to.deep.equal([]);
    expect(h.sim.customerHangup(id)).to.equal(false);
    expect(h.sim.customerHangup('nope')).to.equal(false);
  });
});
