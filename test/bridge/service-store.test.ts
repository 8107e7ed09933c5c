/**
 * The bridge service on the real store and the simulated contact center (VirtualClock): whole
 * flows driven by MessageEvents, checked through the answers, the events and the store.
 */
import { expect } from '@open-wc/testing';
import { SimulatedContactCenter, VirtualClock } from '../../src/backends/simulated/index.js';
import { startBridgeService, type BridgeService } from '../../src/bridge/service.js';
import type { MediaChannel } from '../../src/model/index.js';
import { createStore } from '../../src/store/store.js';
import type { CcStore } from '../../src/store/types.js';
import { PortClient } from '../fixtures/fake-store.js';

const CRM = 'https://crm.example';
const LATENCY = 100;

interface World {
  clock: VirtualClock;
  sim: SimulatedContactCenter;
  store: CcStore;
  service: BridgeService;
  crm: PortClient;
  tick(ms?: number): Promise<void>;
  /** Sends a request, lets virtual time pass in steps until it is answered. */
  call(method: string, params?: unknown[], maxMs?: number): Promise<Record<string, unknown>>;
  offer(media?: MediaChannel): Promise<string>;
  states(id: string): string[];
}

let worlds: World[] = [];

async function world(): Promise<World> {
  const clock = new VirtualClock();
  const sim = new SimulatedContactCenter({ clock, latencyMs: LATENCY, startAvailable: true, seed: 7 });
  const store = createStore(sim, { clock });
  await store.start();
  const service = startBridgeService(store, { origins: CRM, userData: { writeAllowed: ['note', 'account'] } });
  const crm = new PortClient(CRM);
  const w: World = {
    clock,
    sim,
    store,
    service,
    crm,
    async tick(ms = LATENCY) {
      clock.advance(ms);
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
    async call(method, params = [], maxMs = 10_000) {
      const referenceId = PortClient.ref();
      crm.send({ request: method, parameters: params, referenceId, userAgent: 'WWE test', protocolVersion: 2 });
      for (let t = 0; t <= maxMs; t += LATENCY) {
        const r = await crm.responseTo(referenceId, 1);
        if (r) return r;
        await w.tick();
      }
      throw new Error(`${method} was not answered within ${maxMs} virtual ms`);
    },
    async offer(media = 'telephony') {
      const id = sim.offerContact({ media, customerName: 'Dana Doe' });
      if (!id) throw new Error('no offer');
      await w.tick(10);
      return id;
    },
    states(id) {
      return crm
        .events('interaction')
        .map((e) => e.data as { interactionId?: string; state?: string })
        .filter((d) => d.interactionId === id)
        .map((d) => d.state!);
    },
  };
  worlds.push(w);
  return w;
}

const ok = (r: Record<string, unknown>): unknown => {
  expect(r.errorMessage, String(r.errorMessage)).to.equal(undefined);
  return r.data;
};

describe('bridge service on the real store and the simulator', () => {
  afterEach(async () => {
    for (const w of worlds) {
      w.service.stop();
      await w.store.stop();
    }
    worlds = [];
  });

  it('a voice call from offer to markdone: events, accept, user data, hold/resume, markdone with the default wrap-up code', async () => {
    const w = await world();
    await w.crm.subscribe(['interaction', 'agent']);
    const id = await w.offer();
    expect(w.states(id)).to.deep.equal(['RINGING']);
    const offered = w.crm.events('interaction').find((e) => (e.data as { interactionId?: string }).interactionId === id)!.data as Record<string, unknown>;
    expect(offered).to.include({ media: 'voice', direction: 'IN', callType: 'INBOUND', isConsultation: false });
    expect((offered.contact as { displayName: string }).displayName).to.equal('Dana Doe');

    ok(await w.call('interaction.accept', [id]));
    await w.tick(LATENCY);
    expect(w.store.tasks.find((t) => t.id === id)!.state).to.equal('CONNECTED');

    ok(await w.call('interaction.setUserData', [id, { note: 'vip' }]));
    await w.tick(LATENCY);
    const got = ok(await w.call('interaction.getByInteractionId', [id])) as { userData: Record<string, string> };
    expect(got.userData.note).to.equal('vip');
    expect(await w.call('interaction.setUserData', [id, { secret: 'x' }])).to.include({ errorCode: 'FORBIDDEN' });

    ok(await w.call('voice.hold', [id]));
    await w.tick(LATENCY);
    ok(await w.call('voice.resume', [id]));
    await w.tick(LATENCY);

    ok(await w.call('interaction.markdone', [id]));
    expect(w.store.tasks.find((t) => t.id === id)).to.equal(undefined);
    const states = w.states(id);
    expect(states.slice(0, 2)).to.deep.equal(['RINGING', 'TALKING']);
    expect(states).to.include.members(['USER_DATA_UPDATED', 'HELD', 'IDLE']);
    expect(states[states.length - 1]).to.equal('IDLE');
  });

  it('blockMarkdone refuses markdone and the agent’s own wrap-up (markdone events); unblock lets it through', async () => {
    const w = await world();
    await w.crm.subscribe('markdone');
    const id = await w.offer('chat');
    ok(await w.call('interaction.accept', [id]));
    await w.tick(LATENCY);
    ok(await w.call('interaction.blockMarkdone', [id, 'Close the ticket first']));
    expect(await w.call('interaction.markdone', [id])).to.include({ errorCode: 'MARKDONE_BLOCKED', errorMessage: 'Close the ticket first' });
    // The agent ends the chat in the UI; wrap-up follows; the agent's wrap-up submit is refused too.
    await w.store.end(id);
    await w.tick(LATENCY * 2);
    expect(w.store.tasks.find((t) => t.id === id)!.state).to.equal('WRAPPING_UP');
    const refused = await w.store.wrapup(id, { auxCodeId: 'wrap-resolved' }).then(
      () => undefined,
      (e: { code: string }) => e.code,
    );
    expect(refused).to.equal('MARKDONE_BLOCKED');
    expect(w.crm.events('markdone').map((e) => e.data)).to.deep.equal([
      { interactionId: id, warningMessage: 'Close the ticket first' },
      { interactionId: id, warningMessage: 'Close the ticket first' },
    ]);
    ok(await w.call('interaction.unblockMarkdone', [id]));
    ok(await w.call('interaction.markdone', [id]));
    expect(w.store.tasks.find((t) => t.id === id)).to.equal(undefined);
  });

  it('singleStepConference: consults an agent and conferences once the agent answers', async () => {
    const w = await world();
    const id = await w.offer();
    ok(await w.call('interaction.accept', [id]));
    await w.tick(LATENCY);
    ok(await w.call('interaction.singleStepConference', [id, { target: 'AGENT', destination: 'agent-ana' }, { account: '7' }]));
    await w.tick(LATENCY);
    const t = w.store.tasks.find((x) => x.id === id)!;
    expect(t.state).to.equal('CONFERENCING');
    expect(t.data.interaction.callAssociatedDetails?.account).to.equal('7');
  });

  it('singleStepConference fails clearly when the consulted agent declines', async () => {
    const w = await world();
    const id = await w.offer();
    ok(await w.call('interaction.accept', [id]));
    await w.tick(LATENCY);
    const r = await w.call('interaction.singleStepConference', [id, { type: 'AGENT', destination: 'Chidi Okafor' }]);
    expect(r.errorCode).to.equal('INVALID_STATE');
    expect(r.errorMessage).to.match(/ended before it was accepted.*declined/);
    expect(w.store.tasks.find((x) => x.id === id)!.state).to.equal('CONNECTED');
  });

  it('consult (voice only) + completeTransfer with the task’s id as the consult id', async () => {
    const w = await world();
    await w.crm.subscribe('interaction');
    const id = await w.offer();
    ok(await w.call('interaction.accept', [id]));
    await w.tick(LATENCY);
    ok(await w.call('interaction.consult', [id, { target: 'AGENT', destination: 'agent-ana' }, { note: 'billing' }]));
    expect(w.store.tasks.find((x) => x.id === id)!.state).to.equal('CONSULTING');
    await w.tick(3000);
    expect(w.store.tasks.find((x) => x.id === id)!.consult?.status).to.equal('CONSULT_ACCEPTED');
    ok(await w.call('interaction.completeTransfer', [id]));
    await w.tick(LATENCY);
    const states = w.states(id);
    expect(states[states.length - 1]).to.equal('IDLE');
    expect(w.store.tasks.find((x) => x.id === id)?.state ?? 'gone').to.be.oneOf(['WRAPPING_UP', 'gone']);
  });

  it('refuses consult on a chat before changing anything (the model allows consult on voice only)', async () => {
    const w = await world();
    const id = await w.offer('chat');
    ok(await w.call('interaction.accept', [id]));
    await w.tick(LATENCY);
    const before = w.store.tasks.find((x) => x.id === id)!;
    const r = await w.call('interaction.consult', [id, { target: 'AGENT', destination: 'agent-ana' }, { note: 'x' }]);
    expect(r.errorCode).to.equal('INVALID_STATE');
    expect(w.store.tasks.find((x) => x.id === id)).to.equal(before);
  });

  it('singleStepTransfer to a queue by name, and agent methods', async () => {
    const w = await world();
    const id = await w.offer('chat');
    ok(await w.call('interaction.accept', [id]));
    await w.tick(LATENCY);
    ok(await w.call('interaction.singleStepTransfer', [id, { target: 'INTERACTION_QUEUE', destination: 'Billing' }]));
    await w.tick(LATENCY);
    const t = w.store.tasks.find((x) => x.id === id);
    expect(t === undefined || t.state === 'WRAPPING_UP').to.equal(true);

    const agent = ok(await w.call('agent.get')) as { name: string; state: { state: string } };
    expect(agent.name).to.equal('Alex Rivera');
    const list = ok(await w.call('agent.getStateList')) as { state: string; reasonCodeId?: string }[];
    const idle = list.find((o) => o.state === 'Idle')!;
    ok(await w.call('agent.setState', ['Idle', idle.reasonCodeId]));
    await w.tick(LATENCY);
    expect((ok(await w.call('agent.getState')) as { state: string }).state).to.equal('Idle');
  });

  it('selectCaseByCaseId with two tasks sends CASE_SELECTED', async () => {
    const w = await world();
    const a = await w.offer('chat');
    const b = await w.offer('email');
    ok(await w.call('interaction.accept', [a]));
    ok(await w.call('interaction.accept', [b]));
    await w.tick(LATENCY);
    await w.crm.subscribe('interaction');
    const target = w.store.selectedTask?.id === a ? b : a;
    w.crm.clear();
    ok(await w.call('interaction.selectCaseByCaseId', [target]));
    expect(w.crm.events('interaction').map((e) => e.data)).to.deep.include({ eventType: 'CASE_SELECTED', selectedCaseId: target });
    expect(w.store.selectedTask?.id).to.equal(target);
  });
});
