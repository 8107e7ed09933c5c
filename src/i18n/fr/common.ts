import type { Part } from '../types.js';
import type { default as en, Sentences } from '../en/common.js';

export default {
  'media.telephony': 'Appel',
  'media.chat': 'Chat',
  'media.email': 'E-mail',
  'media.social': 'Réseaux sociaux',
  'state.OFFERED': 'Entrant',
  'state.OFFERED_CONSULT': 'Demande de consultation',
  'state.CONNECTED': 'Connecté',
  'state.HELD': 'En attente',
  'state.CONSULTING': 'Consultation',
  'state.CONFERENCING': 'Conférence',
  'state.WRAPPING_UP': 'Clôture',
  'state.COMPLETED': 'Terminé',
  'state.TERMINATED': 'Fini',
  'agent.Available': 'Disponible',
  'agent.Idle': 'Indisponible',
  'agent.RONA': 'Offre manquée (RONA)',
  'agent.Engaged': 'Occupé',
  'Reconnecting to the contact center…': 'Reconnexion au centre de contacts…',
  'Not connected to the contact center.': 'Non connecté au centre de contacts.',
  'Place this element inside <cc-provider>.': 'Placez cet élément dans <cc-provider>.',
  'No task selected.': 'Aucune tâche sélectionnée.',
  'Unknown customer': 'Client inconnu',
  'Retry': 'Réessayer',
  'Working…': 'En cours…',
} satisfies Part<typeof en, Sentences>;
