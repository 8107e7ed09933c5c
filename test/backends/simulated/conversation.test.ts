import { expect } from '@open-wc/testing';
import type { ChatMessage, ConversationEvent, TypingIndicator } from '../../../src/model/messages.js';
import { NUDGE_AFTER_MS } from '../../../src/backends/simulated/conversation.js';
import { connected, offer, ready, rejection, type Harness } from '../harness.js';

/** The simulator's conversation events, recorded. */
function listen(h: Harness) {
  const events: ConversationEvent[] = [];
  h.sim.messages$.subscribe((e) => events.push(e));
  return {
    events,
    messages: (id?: string): ChatMessage[] =>
      events.flatMap((e) => (e.type === 'message' && (id === undefined || e.message.interactionId === id) ? [e.message] : [])),
    typing: (id?: string): TypingIndicator[] =>
      events.flatMap((e) => (e.type === 'typing' && (id === undefined || e.typing.interactionId === id) ? [e.typing] : [])),
  };
}

/** Advance virtual time in one-second steps until `done()` or `limitMs` (answers the time taken). */
function until(h: Harness, done: () => boolean, limitMs = 120_000): number {
  let spent = 0;
  while (!done() && spent < limitMs) {
    h.clock.advance(1000);
    spent += 1000;
  }
  return spent;
}

/** A whole scripted chat with `seed`: every event, as text, with its time. */
async function story(seed: number): Promise<string[]> {
  const h = await ready({ seed });
  const log = listen(h);
  const id = await connected(h, 'chat');
  until(h, () => log.messages(id).some((m) => m.from === 'customer'));
  await h.sim.sendMessage(id, { text: 'Hello, how can I help?' });
  until(h, () => log.messages(id).filter((m) => m.from === 'customer').length === 2);
  return log.events.map((e) =>
    e.type === 'message' ? `${e.message.at} ${e.message.from}: ${e.message.text}` : `${e.typing.at} typing ${String(e.typing.typing)}`,
  );
}

describe('simulator: conversations', () => {
  it('greets on accept: a system message, the customer typing, then the greeting', async () => {
    const h = await ready();
    const log = listen(h);
    const id = offer(h, 'chat');
    h.clock.advance(20_000);
    expect(log.events, 'nothing before the accept').to.deep.equal([]);
    await h.sim.accept(id);
    until(h, () => log.messages(id).some((m) => m.from === 'customer'));
    const [joined, greeting] = log.messages(id);
    const name = h.last().interaction.callProcessingDetails.customerName;
    expect(joined).to.include({ from: 'system', kind: 'customer-joined', interactionId: id });
    expect(greeting).to.include({ from: 'customer', author: name, interactionId: id });
    expect(greeting.text).to.be.a('string').and.not.equal('');
    const typing = log.typing(id);
    expect(typing[0]).to.include({ typing: true, from: 'customer', author: name });
    expect(typing[0].at).to.be.lessThan(greeting.at);
    expect(typing[typing.length - 1].typing, 'typing stops when the message is sent').to.equal(false);
  });

  it('answers the agent after reading and typing, with the next line of its story', async () => {
    const h = await ready();
    const log = listen(h);
    const id = await connected(h, 'social');
    until(h, () => log.messages(id).some((m) => m.from === 'customer'));
    const sent = await h.sim.sendMessage(id, { text: 'Hi! Let me check that for you.' });
    expect(sent).to.include({ from: 'agent', author: 'Alex Rivera', text: 'Hi! Let me check that for you.', interactionId: id });
    const before = log.typing(id).length;
    until(h, () => log.messages(id).filter((m) => m.from === 'customer').length === 2);
    const messages = log.messages(id);
    expect(messages.map((m) => m.from)).to.deep.equal(['system', 'customer', 'agent', 'customer']);
    expect(messages[2].id).to.equal(sent.id);
    expect(messages[3].at).to.be.greaterThan(sent.at);
    expect(log.typing(id).slice(before).some((t) => t.typing), 'a typing phase before the answer').to.equal(true);
    expect(messages[3].text).to.not.equal(messages[1].text);
  });

  it('tells the same conversation for the same seed, and another for another seed', async () => {
    const one = await story(7);
    expect(await story(7)).to.deep.equal(one);
    expect(await story(8)).to.not.deep.equal(one);
  });

  it('does not skip an answer when the agent writes twice before the customer answers', async () => {
    const h = await ready();
    const log = listen(h);
    const id = await connected(h, 'chat');
    until(h, () => log.messages(id).some((m) => m.from === 'customer'));
    await h.sim.sendMessage(id, { text: 'One moment.' });
    await h.sim.sendMessage(id, { text: 'Could you give me your order number?' });
    until(h, () => log.messages(id).filter((m) => m.from === 'customer').length === 2);
    h.clock.advance(60_000);
    expect(log.messages(id).filter((m) => m.from === 'customer')).to.have.length(2);
  });

  it('asks whether anyone is there when the agent stays silent', async () => {
    const h = await ready();
    const log = listen(h);
    const id = await connected(h, 'chat');
    until(h, () => log.messages(id).some((m) => m.from === 'customer'));
    h.clock.advance(NUDGE_AFTER_MS - 1000);
    expect(log.messages(id).filter((m) => m.from === 'customer')).to.have.length(1);
    h.clock.advance(1000);
    expect(log.messages(id).filter((m) => m.from === 'customer')).to.have.length(2);
  });

  it('brings an email with subject and body with the offer; its customer answers a reply minutes later', async () => {
    const h = await ready();
    const log = listen(h);
    const id = offer(h, 'email');
    const [email] = log.messages(id);
    expect(email).to.include({ from: 'customer', interactionId: id });
    expect(email.subject).to.be.a('string').and.not.equal('');
    expect(email.text).to.contain('\n');
    await h.sim.accept(id);
    h.clock.advance(600_000);
    expect(log.messages(id), 'an email customer does not chat').to.have.length(1);
    const reply = await h.sim.sendMessage(id, { text: 'Dear customer, …', subject: `Re: ${email.subject!}` });
    expect(reply.subject).to.equal(`Re: ${email.subject!}`);
    h.clock.advance(60_000);
    expect(log.messages(id)).to.have.length(2);
    h.clock.advance(300_000);
    const answer = log.messages(id)[2];
    expect(answer).to.include({ from: 'customer', subject: `Re: ${email.subject!}` });
    expect(log.typing(id), 'nobody types an email').to.deep.equal([]);
  });

  it('says so when the customer leaves, then goes quiet', async () => {
    const h = await ready();
    const log = listen(h);
    const id = await connected(h, 'chat');
    expect(h.sim.customerHangup(id)).to.equal(true);
    h.clock.advance(0);
    const last = log.messages(id).at(-1)!;
    expect(last).to.include({ from: 'system', kind: 'customer-left' });
    const count = log.events.length;
    h.clock.advance(600_000);
    expect(log.events.length).to.equal(count);
  });

  it('refuses to send on a call, on an offer, an empty message, and a simulated failure', async () => {
    const h = await ready();
    const call = await connected(h, 'telephony');
    expect((await rejection(h.sim.sendMessage(call, { text: 'hi' }))).code).to.equal('INVALID_STATE');
    const chat = offer(h, 'chat');
    expect((await rejection(h.sim.sendMessage(chat, { text: 'hi' }))).code).to.equal('INVALID_STATE');
    await h.sim.accept(chat);
    expect((await rejection(h.sim.sendMessage(chat, { text: '   ' }))).code).to.equal('INVALID_PARAMETERS');
    expect((await rejection(h.sim.sendMessage('nope', { text: 'hi' }))).code).to.equal('NOT_FOUND');
    h.sim.failNext('sendMessage', 1, 'Chat server unavailable');
    const failed = await rejection(h.sim.sendMessage(chat, { text: 'hi' }));
    expect(failed.message).to.equal('Chat server unavailable');
    expect((await h.sim.transcript(chat)).some((m) => m.from === 'agent'), 'a failed message is not in the transcript').to.equal(false);
  });

  it('keeps the transcript, and keeps customer text verbatim (markup included)', async () => {
    const h = await ready();
    const log = listen(h);
    const id = await connected(h, 'chat');
    until(h, () => log.messages(id).some((m) => m.from === 'customer'));
    await h.sim.sendMessage(id, { text: '<img src=x onerror=alert(1)>' });
    h.clock.advance(200);
    expect(await h.sim.transcript(id)).to.deep.equal(log.messages(id));
    expect((await h.sim.transcript(id)).at(-1)!.text).to.equal('<img src=x onerror=alert(1)>');
  });

  it('loses messages while the connection is down and stops with the session', async () => {
    const h = await ready();
    const log = listen(h);
    const id = await connected(h, 'chat');
    h.sim.dropConnection(60_000);
    h.clock.advance(30_000);
    expect(log.messages(id).filter((m) => m.from === 'customer')).to.deep.equal([]);
    await h.sim.disconnect();
    expect(h.sim.pendingTimers).to.equal(0);
  });
});
