import { expect } from '@open-wc/testing';
import {
  MAX_INCOMING_LENGTH,
  MAX_MESSAGE_LENGTH,
  addMessage,
  emailOf,
  hasConversation,
  messageProblem,
  replySubject,
  toChatMessage,
  toTypingIndicator,
  type ChatMessage,
} from '../../src/model/messages.js';

const m = (id: string, at: number, fields: Partial<ChatMessage> = {}): ChatMessage => ({
  id,
  interactionId: 'i1',
  from: 'customer',
  author: 'Zoë',
  text: id,
  at,
  ...fields,
});

describe('model: messages', () => {
  it('has conversations for chat, email and social, not for calls', () => {
    expect(['chat', 'email', 'social', 'telephony', undefined].map((x) => hasConversation(x as never))).to.deep.equal([true, true, true, false, false]);
  });

  it('checks a backend message: required fields, known sender, text, finite time', () => {
    expect(toChatMessage(m('a', 1))).to.deep.equal(m('a', 1));
    for (const bad of [null, 'text', {}, { ...m('a', 1), id: '' }, { ...m('a', 1), from: 'bot' }, { ...m('a', 1), text: 3 }, { ...m('a', 1), at: Infinity }, { ...m('a', 1), interactionId: 7 }]) {
      expect(toChatMessage(bad), JSON.stringify(bad)).to.equal(undefined);
    }
  });

  it('keeps only known fields, cuts overlong text, keeps a system kind only on system messages', () => {
    const long = toChatMessage({ ...m('a', 1), text: 'x'.repeat(MAX_INCOMING_LENGTH + 5), evil: '<script>', kind: 'customer-left' })!;
    expect(long.text).to.have.length(MAX_INCOMING_LENGTH);
    expect(long).to.not.have.property('evil');
    expect(long).to.not.have.property('kind');
    expect(toChatMessage({ ...m('b', 1), from: 'system', kind: 'customer-left' })!.kind).to.equal('customer-left');
    expect(toChatMessage({ ...m('c', 1), from: 'system', kind: 'nonsense' })).to.not.have.property('kind');
    expect(toChatMessage({ ...m('d', 1), author: undefined })!.author).to.equal('');
  });

  it('checks a typing indicator', () => {
    const t = { interactionId: 'i1', from: 'customer', author: 'Zoë', typing: true, at: 3 };
    expect(toTypingIndicator(t)).to.deep.equal(t);
    expect(toTypingIndicator({ ...t, typing: 'yes' })).to.equal(undefined);
    expect(toTypingIndicator({ ...t, from: 'system' })).to.equal(undefined);
  });

  it('places a message in time order, after others of the same time, and ignores a known id', () => {
    let list = addMessage([], m('b', 20));
    list = addMessage(list, m('a', 10));
    list = addMessage(list, m('c', 30));
    list = addMessage(list, m('b2', 20));
    expect(list.map((x) => x.id)).to.deep.equal(['a', 'b', 'b2', 'c']);
    expect(addMessage(list, m('a', 99, { text: 'changed' }))).to.equal(list);
  });

  it('says why a message cannot be sent', () => {
    expect(messageProblem({ text: 'Hello' })).to.equal(undefined);
    expect(messageProblem({ text: '  \n' })).to.equal('the message is empty');
    expect(messageProblem(undefined)).to.equal('the message must be text');
    expect(messageProblem({ text: 'x'.repeat(MAX_MESSAGE_LENGTH) })).to.equal(undefined);
    expect(messageProblem({ text: 'x'.repeat(MAX_MESSAGE_LENGTH + 1) })).to.contain(`at most ${MAX_MESSAGE_LENGTH}`);
    expect(messageProblem({ text: 'hi', subject: 5 as never })).to.equal('the subject must be text');
  });

  it('addresses a reply to an email: "Re:" once; finds the email a task is about', () => {
    expect(replySubject('Order late')).to.equal('Re: Order late');
    expect(replySubject('RE: Order late')).to.equal('RE: Order late');
    expect(replySubject(undefined)).to.equal('Re:');
    const email = m('e', 1, { subject: 'Order late' });
    expect(emailOf([m('x', 0, { from: 'system' }), email, m('r', 2, { from: 'agent', subject: 'Re: Order late' })])).to.equal(email);
    expect(emailOf([m('x', 0)])).to.equal(undefined);
  });
});
