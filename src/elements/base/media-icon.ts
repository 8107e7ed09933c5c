/**
 * A media channel's icon and name. The icon is a tiny inline SVG, decorative only (`aria-hidden`):
 * the media's translated name is always shown as text beside it.
 * @module
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { MediaChannel } from '../../model/index.js';

/** Each channel's icon outline (24 × 24). */
const PATHS: Record<MediaChannel, string> = {
  telephony:
    'M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z',
  chat: 'M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V5a2 2 0 0 1 2-2zm2 5v2h12V8zm0 4v2h8v-2z',
  email: 'M3 5h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm1 3.2V17h16V8.2l-8 5zM4.8 7 12 11.5 19.2 7z',
  social:
    'M8 11a4 4 0 1 1 0-8 4 4 0 0 1 0 8zm8.5 0a3 3 0 1 1 0-6 3 3 0 0 1 0 6zM1 20c0-3.3 3.1-6 7-6s7 2.7 7 6v1H1zm15.6-5.9c3.2.2 6.4 2 6.4 5.1V21h-6v-1c0-2.3-.8-4.3-2.4-5.9z',
};

/**
 * The media's icon (sized by the surrounding font, 1em, coloured with `currentColor`) and its
 * name. One template, the icon's outline bound as an attribute: a list renders it once per row.
 * @param name the media's translated name
 * @param nameId an id for the name (for aria-labelledby)
 */
export function mediaLabel(media: MediaChannel, name: string, nameId?: string): TemplateResult {
  return html`<span class="media" part="media"><svg class="media-icon" part="media-icon" viewBox="0 0 24 24" width="1em"
    height="1em" fill="currentColor" aria-hidden="true" focusable="false"><path d=${PATHS[media] ?? PATHS.chat}></path></svg><span
    id=${ifDefined(nameId)}>${name}</span></span>`;
}
