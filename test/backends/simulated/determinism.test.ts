import { expect } from '@open-wc/testing';
import type { BackendEvent } from '../../../src/model/domain.js';
import { harness } from '../harness.js';

/** A scripted shift: automatic offers, every kind of command, consults, faults, a drop. */
async function shift(seed: number | string): Promise<BackendEvent[]> {
  const h = harness({ seed, latencyMs: 120, offerEveryMs: 7000, ronaTimeoutSeconds: 20 });
  const s = h.sim;
  await s.connect();
  await s.setAgentState('Available');
  const consulted = new Set<string>();
  for (let minute = 0; minute < 15; minute++) {
    h.clock.advance(4000);
    for (const m of h.messages().filter((x) => x.type === 'AgentOfferContact' || x.type === 'AgentOfferConsult')) {
      if (m.interaction.mediaType === 'email') continue; // emails ring out (RONA)
      await s.accept(m.interactionId).catch(() => undefined);
    }
    h.clock.advance(3000);
    const live = (await s.snapshot()).tasks;
    for (const t of live) {
      const id = t.interactionId;
      if (t.interaction.state === 'connected' && t.interaction.mediaType === 'telephony' && !consulted.has(id)) {
        consulted.add(id);
        await s.consult(id, { to: 'agent-ana', destinationType: 'agent' });
      } else if (t.interaction.state === 'consulting') {
        await s.consultTransfer(id, { to: 'agent-ana', destinationType: 'agent' }).catch(() => undefined);
      } else if (t.interaction.state === 'connected') {
        await s.setUserData(id, { notes: `minute ${minute}` });
        await s.end(id);
      } else if (t.interaction.state === 'wrapUp') {
        await s.wrapup(id, { auxCodeId: 'wrap-resolved', wrapUpReason: 'Resolved' });
      }
    }
    if (minute === 5) s.failNext('any', 2, 'chaos', { as: 'event' });
    if (minute === 8) s.dropConnection(2000);
    if (minute === 10) s.offerConsult({ then: 'transfer', afterMs: 3000 });
    if (minute === 12) await s.setAgentState('Available');
  }
  h.clock.advance(60_000);
  await s.disconnect();
  return h.events;
}

describe('simulator: determinism', () => {
  it('the same seed and the same calls give exactly the same events', async () => {
    const a = await shift(42);
    const b = await shift(42);
    expect(a.length).to.be.greaterThan(30);
    expect(JSON.stringify(a)).to.equal(JSON.stringify(b));
    const types = new Set(a.map((e) => e.type));
    for (const t of ['AgentOfferContact', 'AgentContactAssigned', 'AgentOfferContactRona', 'AgentConsultCreated', 'AgentConsulting', 'ContactEnded', 'AgentWrappedUp']) {
      expect(types.has(t), t).to.equal(true);
    }
  });

  it('another seed tells another story', async () => {
    const a = await shift('night');
    const b = await shift('day');
    expect(JSON.stringify(a)).not.to.equal(JSON.stringify(b));
  });
});
