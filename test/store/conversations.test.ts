import { expect } from '@open-wc/testing';
import { Subject, VirtualTimeScheduler } from 'rxjs';
import type { ChatMessage, ConversationEvent, OutgoingMessage } from '../../src/model/messages.js';
import type { CcError } from '../../src/model/index.js';
import { createStore } from '../../src/store/store.js';
import type { Conversation } from '../../src/store/types.js';
import { BackendError } from '../../src/backends/contact-center.js';
import { FakeBackend, contact } from '../fixtures/fake-backend.js';
import { liveTask, releaseSimDesks, simDesk, type SimDesk } from '../fixtures/sim-desk.js';
import { rejection, settle } from './helpers.js';

afterEach(releaseSimDesks);

const conv = (desk: SimDesk, id: string): Conversation => desk.store.conversations!.get(id)!;
const customerLines = (c: Conversation | undefined) => (c?.messages ?? []).filter((m) => m.from === 'customer');

/** Advance in one-second steps until `done()` (at most two minutes of virtual time). */
async function until(desk: SimDesk, done: () => boolean): Promise<void> {
  for (let i = 0; i < 120 && !done(); i++) await desk.advance(1000);
  expect(done(), 'the awaited conversation event came').to.equal(true);
}

/** A fake backend with a message stream and a send the test controls. */
function fakeChat(options: { scheduler?: VirtualTimeScheduler; pendingTimeoutMs?: number } = {}) {
  const backend = new FakeBackend() as FakeBackend & {
    messages$: Subject<ConversationEvent>;
    sendMessage(id: string, m: OutgoingMessage): Promise<ChatMessage>;
  };
  backend.messages$ = new Subject<ConversationEvent>();
  const sends: { id: string; message: OutgoingMessage; resolve(m: ChatMessage): void; reject(e: unknown): void }[] = [];
  backend.sendMessage = (id, message) => new Promise((resolve, reject) => sends.push({ id, message, resolve, reject }));
  backend.session.tasks = [contact('AgentContact', 'chat-1', { media: 'chat' }), contact('AgentContact', 'chat-2', { media: 'chat' })];
  const store = createStore(backend, { clock: { now: () => 5000 }, ...options });
  return { backend, store, sends };
}

const message = (fields: Partial<ChatMessage> = {}): ChatMessage => ({
  id: 'm1',
  interactionId: 'chat-1',
  from: 'customer',
  author: 'Zoë',
  text: 'Hello',
  at: 1000,
  ...fields,
});

describe('store: conversations', () => {
  it('collects the greeting of an accepted chat, and the typing before it', async () => {
    const desk = await simDesk();
    const id = await liveTask(desk, 'chat');
    let sawTyping = false;
    desk.store.conversations!.all$.subscribe((all) => (sawTyping ||= all.get(id)?.typing?.typing === true));
    await until(desk, () => customerLines(conv(desk, id)).length === 1);
    expect(sawTyping).to.equal(true);
    expect(conv(desk, id).typing, 'no longer typing once the message is there').to.equal(undefined);
    expect(conv(desk, id).messages[0]).to.include({ from: 'system', kind: 'customer-joined' });
  });

  it('counts unread customer messages until the selected task is shown, then reads them', async () => {
    const desk = await simDesk();
    const id = await liveTask(desk, 'chat');
    await until(desk, () => customerLines(conv(desk, id)).length === 1);
    expect(conv(desk, id).unread).to.equal(1);
    const release = desk.store.conversations!.show(id);
    expect(conv(desk, id).unread).to.equal(0);
    await desk.store.conversations!.send(id, { text: 'Hi, how can I help?' });
    await until(desk, () => customerLines(conv(desk, id)).length === 2);
    expect(conv(desk, id).unread, 'read as it arrives while shown').to.equal(0);
    release();
    await desk.store.conversations!.send(id, { text: 'Anything else?' });
    await until(desk, () => customerLines(conv(desk, id)).length === 3);
    expect(conv(desk, id).unread).to.equal(1);
  });

  it('does not read a shown conversation of a task that is not selected', async () => {
    const desk = await simDesk();
    const first = await liveTask(desk, 'chat');
    const second = await liveTask(desk, 'social');
    desk.store.select(first);
    await desk.advance();
    const release = desk.store.conversations!.show(second);
    await until(desk, () => customerLines(conv(desk, second)).length === 1 && customerLines(conv(desk, first)).length === 1);
    expect(conv(desk, second).unread).to.equal(1);
    desk.store.select(second);
    await desk.advance();
    expect(conv(desk, second).unread, 'read once selected').to.equal(0);
    expect(conv(desk, first).unread).to.equal(1);
    release();
  });

  it('shows the agent message as sending, then in the transcript, and the customer answers', async () => {
    const desk = await simDesk({ latencyMs: 300 });
    const id = await liveTask(desk, 'chat');
    await until(desk, () => customerLines(conv(desk, id)).length === 1);
    const sent = desk.store.conversations!.send(id, { text: 'Let me look.' });
    expect(conv(desk, id).sending).to.deep.equal({ text: 'Let me look.' });
    await sent;
    expect(conv(desk, id).sending).to.equal(undefined);
    expect(conv(desk, id).messages.at(-1)).to.include({ from: 'agent', text: 'Let me look.' });
    await until(desk, () => customerLines(conv(desk, id)).length === 2);
    expect(conv(desk, id).messages.filter((m) => m.from === 'agent'), 'the echo is not a second message').to.have.length(1);
  });

  it('words a rejection that is not an error (no message) as an unknown error, never "[object Object]"', async () => {
    const desk = await simDesk();
    const id = await liveTask(desk, 'chat');
    desk.sim.sendMessage = () => Promise.reject({ status: 503 });
    const error = await rejection(desk.store.conversations!.send(id, { text: 'Still there?' }));
    expect(error).to.include({ code: 'BACKEND_ERROR', message: 'Send failed: unknown error' });
  });

  it('keeps a failed message with a clear error, and clears it on the next send', async () => {
    const desk = await simDesk();
    const id = await liveTask(desk, 'chat');
    desk.sim.failNext('sendMessage', 1, 'Chat server unavailable');
    const error = await rejection(desk.store.conversations!.send(id, { text: 'Are you there?' }));
    expect(error).to.include({ code: 'BACKEND_ERROR', command: 'sendMessage', taskId: id, message: 'Send failed: Chat server unavailable' });
    expect(conv(desk, id).failed).to.deep.equal({ message: { text: 'Are you there?' }, error });
    expect(conv(desk, id).messages.some((m) => m.from === 'agent')).to.equal(false);
    await desk.store.conversations!.send(id, { text: 'Are you there?' });
    expect(conv(desk, id).failed).to.equal(undefined);
  });

  it('refuses without sending: empty, too long, a call, an offer, unknown task, one already on its way', async () => {
    const { store, sends } = fakeChat();
    await store.start();
    const c = store.conversations!;
    const refused = async (p: Promise<unknown>) => ((await rejection(p)) as CcError).code;
    expect(await refused(c.send('chat-1', { text: '  \n ' }))).to.equal('INVALID_PARAMETERS');
    expect(await refused(c.send('chat-1', { text: 'x'.repeat(4001) }))).to.equal('INVALID_PARAMETERS');
    expect(await refused(c.send('nope', { text: 'hi' }))).to.equal('NOT_FOUND');
    expect(await refused(c.send('chat-1', { text: 42 } as unknown as OutgoingMessage))).to.equal('INVALID_PARAMETERS');
    const first = c.send('chat-1', { text: 'one' });
    expect(await refused(c.send('chat-1', { text: 'two' }))).to.equal('INVALID_STATE');
    expect(sends.map((s) => s.message.text)).to.deep.equal(['one']);
    sends[0].reject(new BackendError('No route', 'NOT_FOUND'));
    expect((await rejection(first)).code).to.equal('NOT_FOUND');

    const desk = await simDesk();
    const call = await liveTask(desk, 'telephony');
    expect(await refused(desk.store.conversations!.send(call, { text: 'hi' }))).to.equal('NOT_FOUND');
    const offer = desk.sim.offerContact({ media: 'chat' })!;
    await desk.advance();
    expect(await refused(desk.store.conversations!.send(offer, { text: 'hi' }))).to.equal('INVALID_STATE');
  });

  it('drops what the backend sends that is not a message, keeps hostile text as it is, ignores repeats', async () => {
    const { backend, store } = fakeChat();
    await store.start();
    const raw = (m: unknown) => backend.messages$.next({ type: 'message', message: m } as ConversationEvent);
    raw(null);
    raw({ id: 'x', interactionId: 'chat-1', from: 'robot', text: 'hi', at: 1 });
    raw({ id: 'y', interactionId: 'chat-1', from: 'customer', text: { html: '<b>' }, at: 1 });
    raw({ id: 'z', interactionId: 'chat-1', from: 'customer', text: 'hi', at: Number.NaN });
    backend.messages$.next({ type: 'typing', typing: { interactionId: 'chat-1', from: 'customer', typing: 'yes' } } as unknown as ConversationEvent);
    expect(store.conversations!.get('chat-1')).to.equal(undefined);
    const hostile = '<img src=x onerror="window.__xss=1">';
    raw(message({ text: hostile, extra: 'dropped' } as Partial<ChatMessage>));
    raw(message({ text: 'a repeat of m1' }));
    raw(message({ id: 'm0', text: 'earlier', at: 500 }));
    const c = store.conversations!.get('chat-1')!;
    expect(c.messages.map((m) => m.text)).to.deep.equal(['earlier', hostile]);
    expect(c.messages[1]).to.not.have.property('extra');
    expect(c.unread).to.equal(2);
  });

  it('tells added$ about each new message, and forgets a conversation when its task leaves', async () => {
    const { backend, store } = fakeChat();
    await store.start();
    const added: string[] = [];
    store.conversations!.added$.subscribe((m) => added.push(m.id));
    backend.messages$.next({ type: 'message', message: message() });
    backend.messages$.next({ type: 'message', message: message() });
    expect(added).to.deep.equal(['m1']);
    backend.emit(contact('ContactEnded', 'chat-1', { media: 'chat' }) as never);
    backend.emit(contact('AgentWrappedUp', 'chat-1', { media: 'chat' }) as never);
    await settle();
    expect(store.tasks.map((t) => t.id)).to.deep.equal(['chat-2']);
    expect(store.conversations!.get('chat-1')).to.equal(undefined);
    await store.stop();
    let completed = false;
    store.conversations!.all$.subscribe({ complete: () => (completed = true) });
    expect(completed).to.equal(true);
  });

  it('gives the text back with TIMEOUT when the contact center does not answer; a late answer still lands', async () => {
    const scheduler = new VirtualTimeScheduler();
    const { store, sends } = fakeChat({ scheduler, pendingTimeoutMs: 5000 });
    await store.start();
    const c = store.conversations!;
    const sending = c.send('chat-1', { text: 'hello?' });
    expect(c.get('chat-1')!.sending).to.deep.equal({ text: 'hello?' });
    scheduler.flush();
    const error = (await rejection(sending)) as CcError;
    expect(error).to.include({ code: 'TIMEOUT', command: 'sendMessage', message: 'Send failed: no answer from the contact center in 5 s' });
    expect(c.get('chat-1')!.failed).to.deep.equal({ message: { text: 'hello?' }, error });
    expect(c.get('chat-1')!.sending).to.equal(undefined);
    sends[0].resolve(message({ id: 'late', from: 'agent', text: 'hello?', at: 6000 }));
    await settle();
    expect(c.get('chat-1')!.failed).to.equal(undefined);
    expect(c.get('chat-1')!.messages.map((m) => m.id)).to.deep.equal(['late']);
  });

  it('has no conversations but works on a backend without messages', async () => {
    const backend = new FakeBackend();
    backend.session.tasks = [contact('AgentContact', 'chat-1', { media: 'chat' })];
    const store = createStore(backend);
    await store.start();
    expect(store.conversations!.canSend).to.equal(false);
    expect(((await rejection(store.conversations!.send('chat-1', { text: 'hi' }))) as CcError).code).to.equal('INVALID_STATE');
    await store.stop();
  });

  it('loads the story so far of a task the session brings along', async () => {
    const { backend, store } = fakeChat();
    (backend as unknown as { transcript(id: string): Promise<ChatMessage[]> }).transcript = (id) =>
      Promise.resolve(
        id === 'chat-2'
          ? [message({ interactionId: 'chat-2', id: 'old', text: 'from before' }), { junk: true } as never, message({ interactionId: 'chat-9', id: 'alien' })]
          : ('not a list' as never),
      );
    await store.start();
    await settle();
    expect(store.conversations!.get('chat-2')!.messages.map((m) => m.text), 'junk and other tasks’ messages dropped').to.deep.equal(['from before']);
    expect(store.conversations!.get('chat-1')).to.equal(undefined);
    expect(store.conversations!.get('chat-9')).to.equal(undefined);
  });
});
