import type { Part } from '../types.js';
import type { default as en, Sentences } from '../en/conversation.js';

export default {
  'conversation.customer-joined': '{name} ist dem Gespräch beigetreten',
  'conversation.customer-left': '{name} hat das Gespräch verlassen',
  'conversation.agent-joined': '{name} ist dem Gespräch beigetreten',
  'Conversation with {customer}': 'Gespräch mit {customer}',
  'Calls have no written conversation: chats, emails and social messages show theirs here.':
    'Anrufe haben keinen schriftlichen Verlauf: Chats, E-Mails und Social-Media-Nachrichten zeigen ihren hier.',
  'No messages yet.': 'Noch keine Nachrichten.',
  '{name} is typing…': '{name} schreibt…',
  'New message from {name}: {text}': 'Neue Nachricht von {name}: {text}',
  'Reply': 'Antwort',
  'Send': 'Senden',
  'Sending…': 'Wird gesendet…',
  'Subject': 'Betreff',
  'From {name}': 'Von {name}',
  'Reply to {name}': 'Antwort an {name}',
  'Enter sends, Shift+Enter starts a new line.': 'Eingabe sendet, Umschalt+Eingabe beginnt eine neue Zeile.',
  'Ctrl+Enter sends.': 'Strg+Eingabe sendet.',
  'Accept the task to reply.': 'Nehmen Sie die Aufgabe an, um zu antworten.',
  'The conversation has ended.': 'Das Gespräch ist beendet.',
  'Your text is kept.': 'Ihr Text bleibt erhalten.',
  'Write a message first.': 'Schreiben Sie zuerst eine Nachricht.',
  'You': 'Sie',
  '{count} unread messages': '{count} ungelesene Nachrichten',
  'the customer': 'der Kunde',
} satisfies Part<typeof en, Sentences>;
