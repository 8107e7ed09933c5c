import type { Part } from '../types.js';
import type { default as en, Sentences } from '../en/conversation.js';

export default {
  'conversation.customer-joined': '{name} a rejoint la conversation',
  'conversation.customer-left': '{name} a quitté la conversation',
  'conversation.agent-joined': '{name} a rejoint la conversation',
  'Conversation with {customer}': 'Conversation avec {customer}',
  'Calls have no written conversation: chats, emails and social messages show theirs here.':
    'Les appels n’ont pas de conversation écrite : les chats, e-mails et messages sociaux affichent la leur ici.',
  'No messages yet.': 'Aucun message pour l’instant.',
  '{name} is typing…': '{name} écrit…',
  'New message from {name}: {text}': 'Nouveau message de {name} : {text}',
  'Reply': 'Réponse',
  'Send': 'Envoyer',
  'Sending…': 'Envoi…',
  'Subject': 'Objet',
  'From {name}': 'De {name}',
  'Reply to {name}': 'Réponse à {name}',
  'Enter sends, Shift+Enter starts a new line.': 'Entrée envoie, Maj+Entrée commence une nouvelle ligne.',
  'Ctrl+Enter sends.': 'Ctrl+Entrée envoie.',
  'Accept the task to reply.': 'Acceptez la tâche pour répondre.',
  'The conversation has ended.': 'La conversation est terminée.',
  'Your text is kept.': 'Votre texte est conservé.',
  'Write a message first.': 'Écrivez d’abord un message.',
  'You': 'Vous',
  '{count} unread messages': '{count} messages non lus',
  'the customer': 'le client',
} satisfies Part<typeof en, Sentences>;
