/**
 * Whole scenarios: the simulated contact center driven through the real store (and so through
 * the model's reducer) on a VirtualClock.
 */
import { expect } from '@open-wc/testing';
import { SimulatedContactCenter, VirtualClock, type SimCommand, type SimulatorOptions } from '../../src/backends/simulated/index.js';
import type { CcError, ConnectionStatus, Task, TaskState } from '../../src/model/domain.js';
import { createStore } from '../../src/store/store.js';
import type { CcStore } from '../../src/store/types.js';

const LATENCY = 100;
const ANA = { type: 'agent', id: 'agent-ana', name: 'Ana Souza' } as const;

interface World {
  clock: VirtualClock;
  sim: SimulatedContactCenter;
  store: CcStore;
  errors: CcError[];
  changes: Task[];
  connection: ConnectionStatus[];
  task(id: string): Task;
  /** Let virtual time pass (events reach the store synchronously), then settle promises. */
  tick(ms?: number): Promise<void>;
}

let open: World[] = [];

async function world(options: SimulatorOptions = {}): Promise<World> {
  const clock = new VirtualClock();
  const sim = new SimulatedContactCenter({ clock, latencyMs: LATENCY, startAvailable: true, ...options });
  const store = createStore(sim, { clock });
  const w: World = {
    clock,
    sim,
    store,
    errors: [],
    changes: [],
    connection: [],
    task(id) {
      const t = store.tasks.find((x) => x.id === id);
      if (!t) throw new Error(`task ${id} is not in the list (${store.tasks.map((x) => `${x.id}:${x.state}`).join(', ')})`);
      return t;
    },
    async tick(ms = LATENCY) {
      clock.advance(ms);
      for (let i = 0; i < 5; i++) await Promise.resolve();
    },
  };
  store.errors$.subscribe((e) => w.errors.push(e));
  store.taskChanges$.subscribe((t) => w.changes.push(t));
  store.connection$.subscribe((c) => w.connection.push(c.status));
  await store.start();
  open.push(w);
  return w;
}

/** Offer a contact and let it arrive. */
async function offered(w: World, media: 'telephony' | 'chat' | 'email' | 'social' = 'telephony'): Promise<string> {
  const id = w.sim.offerContact({ media });
  if (!id) throw new Error('no offer');
  await w.tick(0);
  return id;
}

async function accepted(w: World, media: 'telephony' | 'chat' | 'email' | 'social' = 'telephony'): Promise<string> {
  const id = await offered(w, media);
  await w.store.accept(id);
  await w.tick();
  return id;
}

/** Consulting Ana, who has answered. */
async function consulting(w: World): Promise<string> {
  const id = await accepted(w);
  await w.store.consult(id, ANA);
  await w.tick(2000);
  return id;
}

const lastChange = (w: World, id: string): Task => w.changes.filter((t) => t.id === id).at(-1)!;

afterEach(async () => {
  for (const w of open) await w.store.stop();
  for (const w of open) expect(w.clock.pending, 'timers left after stop').to.equal(0);
  open = [];
});

describe('scenarios: the simulator through the store', () => {
  it('offer → accept → hold → resume → consult → switch legs → consult transfer → wrap-up', async () => {
    const w = await world();
    const id = await offered(w);
    expect(w.task(id).state).to.equal('OFFERED');
    expect(w.task(id).times.ronaDeadline).to.equal(w.clock.now() + 30_000);
    expect(w.store.selectedTask?.id).to.equal(id);

    await w.store.accept(id);
    expect(w.task(id).pending?.command).to.equal('accept');
    await w.tick();
    expect(w.task(id).state).to.equal('CONNECTED');
    expect(w.task(id).pending).to.equal(undefined);
    expect(w.task(id).recording).to.equal('RECORDING');

    await w.store.hold(id);
    await w.tick();
    expect(w.task(id).state).to.equal('HELD');
    expect(w.task(id).data.isOnHold).to.equal(true);
    await w.store.resume(id);
    await w.tick();
    expect(w.task(id).state).to.equal('CONNECTED');

    await w.store.consult(id, ANA);
    await w.tick();
    expect(w.task(id).state).to.equal('CONSULTING');
    expect(w.task(id).consult?.status).to.equal('CONSULT_INITIATED');
    expect(w.task(id).consult?.destination.id).to.equal('agent-ana');
    expect(w.task(id).activeLeg).to.equal('consult');
    await w.tick(2000);
    expect(w.task(id).consult?.status).to.equal('CONSULT_ACCEPTED');

    await w.store.switchLeg(id);
    await w.tick();
    expect(w.task(id).activeLeg).to.equal('main');
    await w.store.switchLeg(id);
    await w.tick();
    expect(w.task(id).activeLeg).to.equal('consult');

    await w.store.consultTransfer(id);
    await w.tick();
    expect(w.task(id).state).to.equal('WRAPPING_UP');
    expect(w.task(id).endReason).to.equal('TRANSFERRED');
    expect(w.task(id).wrapUpRequired).to.equal(true);

    await w.store.wrapup(id, { auxCodeId: 'wrap-resolved', notes: 'Handed to billing' });
    await w.tick();
    expect(w.store.tasks).to.deep.equal([]);
    expect(lastChange(w, id).state).to.equal('COMPLETED');
    expect(lastChange(w, id).endReason).to.equal('WRAPPED_UP');
    expect(w.errors).to.deep.equal([]);
  });

  it('offer → RONA: the task leaves and the agent goes RONA', async () => {
    const w = await world({ ronaTimeoutSeconds: 30 });
    const id = await offered(w, 'chat');
    await w.tick(30_000);
    expect(w.store.tasks).to.deep.equal([]);
    expect(lastChange(w, id)).to.include({ state: 'TERMINATED', endReason: 'RONA' });
    expect(w.store.agent.status.state).to.equal('RONA');
    await w.store.setAgentState('Available');
    await w.tick();
    expect(w.store.agent.status.state).to.equal('Available');
  });

  it('decline: TERMINATED as DECLINED, the agent stays Available', async () => {
    const w = await world();
    const id = await offered(w, 'email');
    await w.store.decline(id);
    await w.tick();
    expect(lastChange(w, id)).to.include({ state: 'TERMINATED', endReason: 'DECLINED' });
    expect(w.store.agent.status.state).to.equal('Available');
  });

  it('a chat and a call at once', async () => {
    const w = await world();
    const call = await accepted(w, 'telephony');
    const chat = await offered(w, 'chat');
    expect(w.store.tasks.map((t) => t.id)).to.deep.equal([call, chat]);
    expect(w.store.selectedTask?.id).to.equal(call);
    await w.store.accept(chat);
    await w.tick();
    await w.store.hold(call);
    await w.tick();
    expect(w.task(call).state).to.equal('HELD');
    expect(w.task(chat).state).to.equal('CONNECTED');
    expect(w.task(chat).media).to.equal('chat');
    w.store.select(chat);
    await w.store.end(chat);
    await w.tick();
    expect(w.task(chat)).to.include({ state: 'WRAPPING_UP', endReason: 'ENDED' });
    await w.store.wrapup(chat, { auxCodeId: 'wrap-no-action' });
    await w.tick();
    expect(w.store.tasks.map((t) => t.id)).to.deep.equal([call]);
    expect(w.store.selectedTask?.id).to.equal(call);
  });

  it('conference, then exit the conference', async () => {
    const w = await world();
    const id = await consulting(w);
    await w.store.consultConference(id);
    await w.tick();
    expect(w.task(id).state).to.equal('CONFERENCING');
    expect(w.task(id).data.isConferenceInProgress).to.equal(true);
    expect(w.task(id).data.conferenceParticipantsCount).to.equal(2);
    await w.store.exitConference(id);
    await w.tick();
    expect(w.task(id)).to.include({ state: 'WRAPPING_UP', endReason: 'CONFERENCE_EXITED' });
  });

  it('the customer hangs up during a consult', async () => {
    const w = await world();
    const id = await accepted(w);
    await w.store.consult(id, ANA);
    await w.tick();
    w.sim.customerHangup(id);
    await w.tick(5000);
    expect(w.task(id)).to.include({ state: 'WRAPPING_UP', endReason: 'CUSTOMER_HANGUP' });
    expect(w.task(id).data.isCustomerInCall).to.equal(false);
  });

  it('a buddy declines the consult: back to the call with the reason shown', async () => {
    const w = await world();
    const id = await accepted(w);
    await w.store.consult(id, { type: 'agent', id: 'agent-chidi', name: 'Chidi Okafor' });
    await w.tick(2100);
    expect(w.task(id).state).to.equal('CONNECTED');
    expect(w.task(id).error?.message).to.contain('Chidi Okafor declined');
    expect(w.errors.at(-1)?.command).to.equal('consult');
  });

  it('consult to a queue, then end it before anyone answers', async () => {
    const w = await world();
    const id = await accepted(w);
    await w.store.consult(id, { type: 'queue', id: 'q-billing', name: 'Billing' });
    await w.tick();
    expect(w.task(id).state).to.equal('CONSULTING');
    await w.store.endConsult(id);
    await w.tick();
    expect(w.task(id).state).to.equal('CONNECTED');
    expect(w.task(id).data.isOnHold).to.equal(false);
    await w.tick(10_000);
    expect(w.task(id).state).to.equal('CONNECTED');
  });

  it('being consulted, then the primary transfers the customer to us', async () => {
    const w = await world();
    const id = w.sim.offerConsult({ from: 'agent-bjorn', then: 'transfer', afterMs: 4000 })!;
    await w.tick(0);
    expect(w.task(id).state).to.equal('OFFERED_CONSULT');
    expect(w.task(id).data.isSecondaryAgent).to.equal(true);
    await w.store.accept(id);
    await w.tick();
    expect(w.task(id).state).to.equal('CONSULTING');
    expect(w.task(id).consult?.status).to.equal('BEING_CONSULTED_ACCEPTED');
    await w.tick(4000);
    expect(w.task(id).state).to.equal('CONNECTED');
    expect(w.task(id).data.isSecondaryAgent).to.equal(false);
    await w.store.end(id);
    await w.tick();
    expect(w.task(id).state).to.equal('WRAPPING_UP');
  });

  it('being consulted, then the primary ends the consult', async () => {
    const w = await world();
    const id = w.sim.offerConsult({ media: 'chat' })!;
    await w.tick(0);
    await w.store.accept(id);
    await w.tick();
    w.sim.primaryDoes(id, 'endConsult');
    await w.tick(0);
    expect(w.store.tasks).to.deep.equal([]);
    expect(lastChange(w, id)).to.include({ state: 'COMPLETED', endReason: 'CONSULT_ENDED' });
  });

  it('outdial, blind transfer and auto wrap-up', async () => {
    const w = await world({ autoWrapup: { enabled: true, timeoutSeconds: 15, allowCancel: true } });
    await w.store.outdial('+1 415 555 0142', 'ani-support');
    await w.tick(1100);
    const call = w.store.tasks[0];
    expect(call.state).to.equal('CONNECTED');
    expect(call.data.interaction.contactDirection.type).to.equal('OUTBOUND');
    await w.store.transfer(call.id, { type: 'queue', id: 'q-sales', name: 'Sales' });
    await w.tick();
    expect(w.task(call.id)).to.include({ state: 'WRAPPING_UP', endReason: 'TRANSFERRED' });
    await w.tick(15_000);
    expect(w.store.tasks).to.deep.equal([]);
    expect(lastChange(w, call.id).state).to.equal('COMPLETED');
  });

  it('user data set and deleted through the store', async () => {
    const w = await world();
    const id = await accepted(w, 'email');
    await w.store.setUserData(id, { caseId: 'CS-77' });
    await w.tick();
    expect(w.task(id).data.interaction.callAssociatedDetails?.caseId).to.equal('CS-77');
    const error = await w.store.setUserData(id, { accountNumber: 'hack' }).then(() => undefined, (e: CcError) => e);
    expect(error?.code).to.equal('FORBIDDEN');
    expect(w.task(id).error?.code).to.equal('FORBIDDEN');
  });

  it('agent state changes reach the agent view', async () => {
    const w = await world();
    await w.store.setAgentState('Idle', 'idle-training');
    expect(w.store.agent.pending?.state).to.equal('Idle');
    await w.tick();
    expect(w.store.agent.status).to.include({ state: 'Idle', idleCodeId: 'idle-training' });
    expect(w.store.agent.pending).to.equal(undefined);
  });
});

/** How to bring a task into the state a command needs, and the state it must stay in when it fails. */
interface FaultCase {
  command: SimCommand;
  /** The store call (a different store command for switchLeg: hold/resume on the consult leg). */
  run(w: World, id: string): Promise<void>;
  setup(w: World): Promise<string>;
  state: TaskState;
  /** The fault is a rejection only (the command has no `…Failed` event). */
  rejectOnly?: boolean;
}

const wrappingUp = async (w: World) => {
  const id = await accepted(w, 'chat');
  await w.store.end(id);
  await w.tick();
  return id;
};
const held = async (w: World) => {
  const id = await accepted(w);
  await w.store.hold(id);
  await w.tick();
  return id;
};
const conferencing = async (w: World) => {
  const id = await consulting(w);
  await w.store.consultConference(id);
  await w.tick();
  return id;
};
const paused = async (w: World) => {
  const id = await accepted(w);
  await w.store.pauseRecording(id);
  await w.tick();
  return id;
};

const FAULTS: FaultCase[] = [
  { command: 'accept', setup: (w) => offered(w), run: (w, id) => w.store.accept(id), state: 'OFFERED' },
  { command: 'decline', setup: (w) => offered(w), run: (w, id) => w.store.decline(id), state: 'OFFERED', rejectOnly: true },
  { command: 'hold', setup: (w) => accepted(w), run: (w, id) => w.store.hold(id), state: 'CONNECTED' },
  { command: 'resume', setup: held, run: (w, id) => w.store.resume(id), state: 'HELD' },
  { command: 'toggleMute', setup: (w) => accepted(w), run: (w, id) => w.store.toggleMute(id), state: 'CONNECTED', rejectOnly: true },
  { command: 'pauseRecording', setup: (w) => accepted(w), run: (w, id) => w.store.pauseRecording(id), state: 'CONNECTED' },
  { command: 'resumeRecording', setup: paused, run: (w, id) => w.store.resumeRecording(id), state: 'CONNECTED' },
  { command: 'consult', setup: (w) => accepted(w), run: (w, id) => w.store.consult(id, ANA), state: 'CONNECTED' },
  { command: 'endConsult', setup: consulting, run: (w, id) => w.store.endConsult(id), state: 'CONSULTING' },
  { command: 'hold', setup: consulting, run: (w, id) => w.store.switchLeg(id), state: 'CONSULTING' },
  { command: 'consultTransfer', setup: consulting, run: (w, id) => w.store.consultTransfer(id), state: 'CONSULTING' },
  { command: 'consultConference', setup: consulting, run: (w, id) => w.store.consultConference(id), state: 'CONSULTING' },
  { command: 'exitConference', setup: conferencing, run: (w, id) => w.store.exitConference(id), state: 'CONFERENCING' },
  { command: 'transfer', setup: (w) => accepted(w), run: (w, id) => w.store.transfer(id, ANA), state: 'CONNECTED' },
  { command: 'end', setup: (w) => accepted(w), run: (w, id) => w.store.end(id), state: 'CONNECTED' },
  { command: 'wrapup', setup: wrappingUp, run: (w, id) => w.store.wrapup(id, { auxCodeId: 'wrap-resolved' }), state: 'WRAPPING_UP' },
  { command: 'setUserData', setup: (w) => accepted(w, 'chat'), run: (w, id) => w.store.setUserData(id, { notes: 'x' }), state: 'CONNECTED' },
  { command: 'deleteUserData', setup: (w) => accepted(w, 'chat'), run: (w, id) => w.store.deleteUserData(id, 'notes'), state: 'CONNECTED' },
];

describe('scenarios: each fault keeps the previous state and shows the error', () => {
  for (const c of FAULTS) {
    const label = c.run.toString().match(/store\.(\w+)/)?.[1] ?? c.command;
    it(`${label}: a rejected call`, async () => {
      const w = await world();
      const id = await c.setup(w);
      const before = w.task(id);
      expect(before.state).to.equal(c.state);
      w.sim.failNext(c.command, 1, `Simulated ${label} failure`);
      const error = await c.run(w, id).then(() => undefined, (e: CcError) => e);
      expect(error?.code).to.equal('BACKEND_ERROR');
      await w.tick(5000);
      const after = w.task(id);
      expect(after.state).to.equal(c.state);
      expect(after.pending).to.equal(undefined);
      expect(after.error?.message).to.contain(`Simulated ${label} failure`);
      expect(w.errors.at(-1)?.taskId).to.equal(id);
      expect(after.consult?.status).to.equal(before.consult?.status);
    });

    if (c.rejectOnly) continue;
    it(`${label}: a …Failed event`, async () => {
      const w = await world();
      const id = await c.setup(w);
      w.sim.failNext(c.command, 1, `The contact center refused ${label}`, { as: 'event' });
      await c.run(w, id);
      expect(w.task(id).pending).not.to.equal(undefined);
      await w.tick();
      const after = w.task(id);
      expect(after.state).to.equal(c.state);
      expect(after.pending).to.equal(undefined);
      expect(after.error?.message).to.contain(`The contact center refused ${label}`);
      expect(w.errors.at(-1)?.code).to.equal('BACKEND_ERROR');
    });
  }

  it('a failed agent-state change keeps the state and shows the error', async () => {
    const w = await world();
    w.sim.failNext('setAgentState', 1, 'State service down');
    const error = await w.store.setAgentState('Idle', 'idle-lunch').then(() => undefined, (e: CcError) => e);
    expect(error?.message).to.contain('State service down');
    expect(w.store.agent.status.state).to.equal('Available');
    expect(w.store.agent.error?.command).to.equal('setAgentState');
  });

  it('a failed outdial (offer, AgentOutboundFailed, end) leaves no task and reports the error', async () => {
    const w = await world();
    w.sim.failNext('outdial', 1, 'Number busy', { as: 'event' });
    await w.store.outdial('+14155550142');
    await w.tick(2000);
    expect(w.store.tasks).to.deep.equal([]);
    expect(w.errors.map((e) => e.message).join(' ')).to.contain('Number busy');
  });

  it('dropConnection: reconnecting, then connected with the live tasks rehydrated', async () => {
    const w = await world({ ronaTimeoutSeconds: 600 });
    const call = await consulting(w);
    const chat = await accepted(w, 'chat');
    const email = await offered(w, 'email');
    await w.store.hold(chat).catch(() => undefined); // voice-only: refused by the store, nothing changes
    w.sim.dropConnection(3000);
    await w.tick(0);
    expect(w.store.connection.status).to.equal('reconnecting');
    // While the connection is down, the world moves on and the events are lost.
    w.sim.customerHangup(chat);
    const social = w.sim.offerContact({ media: 'social' })!;
    await w.tick(2000);
    expect(w.task(chat).state).to.equal('CONNECTED');
    expect(w.store.tasks.map((t) => t.id)).not.to.include(social);
    await w.tick(1000);
    expect(w.connection.slice(-2)).to.deep.equal(['reconnecting', 'connected']);
    expect(Object.fromEntries(w.store.tasks.map((t) => [t.id, t.state]))).to.deep.equal({
      [call]: 'CONSULTING',
      [chat]: 'WRAPPING_UP',
      [email]: 'OFFERED',
      [social]: 'OFFERED',
    });
    expect(w.task(call).consult?.status).to.equal('CONSULT_ACCEPTED');
    expect(w.task(call).data.interaction.media[call].isHold).to.equal(true);
    expect(w.task(call).activeLeg).to.equal('consult');
    // Life goes on after the reconnection.
    await w.store.consultTransfer(call);
    await w.tick();
    expect(w.task(call).state).to.equal('WRAPPING_UP');
  });
});
