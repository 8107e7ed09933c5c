import type { Part } from '../types.js';
import type { default as en, Sentences } from '../en/common.js';

export default {
  'media.telephony': 'Anruf',
  'media.chat': 'Chat',
  'media.email': 'E-Mail',
  'media.social': 'Social Media',
  'state.OFFERED': 'Eingehend',
  'state.OFFERED_CONSULT': 'Rückfrageanfrage',
  'state.CONNECTED': 'Verbunden',
  'state.HELD': 'Gehalten',
  'state.CONSULTING': 'Rückfrage',
  'state.CONFERENCING': 'Konferenz',
  'state.WRAPPING_UP': 'Nachbearbeitung',
  'state.COMPLETED': 'Abgeschlossen',
  'state.TERMINATED': 'Beendet',
  'agent.Available': 'Verfügbar',
  'agent.Idle': 'Nicht verfügbar',
  'agent.RONA': 'Angebot verpasst (RONA)',
  'agent.Engaged': 'Beschäftigt',
  'Reconnecting to the contact center…': 'Verbindung zum Contact Center wird wiederhergestellt…',
  'Not connected to the contact center.': 'Nicht mit dem Contact Center verbunden.',
  'Place this element inside <cc-provider>.': 'Dieses Element gehört in <cc-provider>.',
  'No task selected.': 'Keine Aufgabe ausgewählt.',
  'Unknown customer': 'Unbekannter Kunde',
  'Retry': 'Erneut versuchen',
  'Working…': 'Wird ausgeführt…',
} satisfies Part<typeof en, Sentences>;
