/**
 * Realistic task payloads for the benchmark pages, made by the simulated contact center itself
 * (the bundle does not export its payload builders): `count` contacts are offered and accepted on
 * a virtual clock, the simulator's snapshot becomes the session a scripted backend serves, and
 * each task gets two alternating events captured from the simulator (voice: AgentContactHeld /
 * AgentContactUnheld; digital: two ContactUpdated user-data changes). Every event is an
 * `AgentContact` message exactly as the simulator emits it (full interaction deep-copied).
 */
import { loadSimulator } from '/dist/cc-elements.js';

const MEDIA = ['telephony', 'chat', 'email', 'social'];

/**
 * @param {number} count live tasks (media rotate telephony, chat, email, social)
 * @param {{ offers?: number, seed?: number }} [options] `offers`: how many more tasks stay offered (at the end of the list)
 * @returns {Promise<{ session: object, tasks: Array<{ id: string, media: string, events: object[] }> }>}
 */
export async function buildFixture(count, { offers = 0, seed = 42 } = {}) {
  const sim = await loadSimulator();
  const clock = new sim.VirtualClock(Date.now());
  const cc = new sim.SimulatedContactCenter({ seed, clock, latencyMs: 0, ronaTimeoutSeconds: 3600, startAvailable: true });
  const captured = [];
  const subscription = cc.events$.subscribe((event) => captured.push(event));
  await cc.connect();

  const live = [];
  for (let i = 0; i < count; i++) {
    const media = MEDIA[i % MEDIA.length];
    live.push({ id: cc.offerContact({ force: true, media }), media, events: [] });
  }
  clock.flush();
  for (const task of live) await cc.accept(task.id);
  clock.flush();
  for (let i = 0; i < offers; i++) cc.offerContact({ force: true, media: MEDIA[i % MEDIA.length] });
  clock.flush();
  const session = await cc.snapshot();

  const next = async (command) => {
    captured.length = 0;
    await command();
    clock.flush();
    const event = captured.find((e) => e.type !== 'AgentStateChange');
    if (!event) throw new Error('the simulator sent no event');
    return event;
  };
  for (const task of live) {
    if (task.media === 'telephony') {
      task.events.push(await next(() => cc.hold(task.id)));
      task.events.push(await next(() => cc.resume(task.id)));
    } else {
      task.events.push(await next(() => cc.setUserData(task.id, { notes: 'Customer asked for a call back' })));
      task.events.push(await next(() => cc.setUserData(task.id, { notes: '' })));
    }
  }
  subscription.unsubscribe();
  await cc.disconnect();
  return { session, tasks: live };
}
