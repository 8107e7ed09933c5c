/**
 * The rows every baseline list shows, read from the session's `AgentContact` payloads as the
 * desk's store and list derive them (media, customer, queue, state, timer), and the media icons.
 * Shared by the React 19 list (task-list.jsx) and the floors (floors.js).
 */
export const ICONS = {
  telephony: 'M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z',
  chat: 'M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V5a2 2 0 0 1 2-2zm2 5v2h12V8zm0 4v2h8v-2z',
  email: 'M3 5h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm1 3.2V17h16V8.2l-8 5zM4.8 7 12 11.5 19.2 7z',
  social: 'M8 11a4 4 0 1 1 0-8 4 4 0 0 1 0 8zm8.5 0a3 3 0 1 1 0-6 3 3 0 0 1 0 6zM1 20c0-3.3 3.1-6 7-6s7 2.7 7 6v1H1zm15.6-5.9c3.2.2 6.4 2 6.4 5.1V21h-6v-1c0-2.3-.8-4.3-2.4-5.9z',
};
export const MEDIA = { telephony: 'Voice', chat: 'Chat', email: 'Email', social: 'Social' };
export const STATE = { OFFERED: 'Offered', CONNECTED: 'Connected', HELD: 'On hold', WRAPPING_UP: 'Wrap-up' };

const pad = (n) => String(n).padStart(2, '0');
const duration = (ms) => {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${pad(Math.floor(s / 60))}:${pad(s % 60)}`;
};

/** One row's texts from an `AgentContact` of the session (what the desk's store and list derive). */
export function rowOf(contact, now) {
  const interaction = contact.data?.interaction ?? contact.interaction ?? {};
  const cpd = interaction.callProcessingDetails ?? {};
  const media = interaction.mediaType in ICONS ? interaction.mediaType : 'chat';
  const offered = contact.type === 'AgentContactReserved' || contact.type === 'AgentOfferContact';
  const customer =
    cpd.customerName ||
    Object.values(interaction.participants ?? {}).find((p) => p.pType === 'Customer')?.name ||
    cpd.displayAni ||
    cpd.ani ||
    cpd.fromAddress ||
    'Unknown customer';
  const since = interaction.createdTimestamp ?? now;
  return {
    id: contact.data?.interactionId ?? interaction.interactionId,
    media,
    customer,
    queue: contact.data?.queueName || cpd.virtualTeamName,
    state: offered ? 'OFFERED' : interaction.isHeld ? 'HELD' : 'CONNECTED',
    timer: offered ? `Answer within ${duration(30_000)}` : `Handle time ${duration(now - since)}`,
  };
}
