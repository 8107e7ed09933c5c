/**
 * The call controls' icons: inline SVG (no icon font, no network), 24×24, `currentColor`,
 * decorative (`aria-hidden`): every control shows its text label beside its icon.
 * @module
 */
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { ControlName } from '../../model/index.js';

// The value quoted: unquoted, the `/` of `/>` would end up in it (and the path would not parse).
const P = (d: string): SVGTemplateResult => svg`<path d="${d}"/>`;

const ICONS: Partial<Record<ControlName, SVGTemplateResult>> = {
  hold: P('M6 4h4v16H6zm8 0h4v16h-4z'),
  toggleMute: P('M12 2a3 3 0 0 1 3 3v6a3 3 0 0 1-6 0V5a3 3 0 0 1 3-3zm-7 9h2a5 5 0 0 0 10 0h2a7 7 0 0 1-6 6.9V21h-2v-3.1A7 7 0 0 1 5 11z'),
  pauseRecording: P('M12 5a7 7 0 1 1 0 14 7 7 0 0 1 0-14zm0 3a4 4 0 1 0 0 8 4 4 0 0 0 0-8z'),
  consult: P('M9 4a4 4 0 1 1 0 8 4 4 0 0 1 0-8zM1 20c0-3.3 3.6-6 8-6s8 2.7 8 6v1H1zM19 7h2v3h3v2h-3v3h-2v-3h-3v-2h3z'),
  transfer: P('M4 11h11.2l-4.6-4.6L12 5l7 7-7 7-1.4-1.4 4.6-4.6H4z'),
  end: P('M12 9c-4 0-7.6 1.3-10 3.5l2.6 3.1 3.2-1.5V11c1.3-.4 2.7-.6 4.2-.6s2.9.2 4.2.6v3.1l3.2 1.5 2.6-3.1C19.6 10.3 16 9 12 9z'),
  switchLeg: P('M7 4 3 8l4 4V9h10V7H7zm10 8v3H7v2h10v3l4-4z'),
  endConsult: P('M9 4a4 4 0 1 1 0 8 4 4 0 0 1 0-8zM1 20c0-3.3 3.6-6 8-6s8 2.7 8 6v1H1zm15.6-13 1.9 1.9 1.9-1.9 1.4 1.4-1.9 1.9 1.9 1.9-1.4 1.4-1.9-1.9-1.9 1.9-1.4-1.4 1.9-1.9-1.9-1.9z'),
  consultTransfer: P('M2 11h11.2L8.6 6.4 10 5l7 7-7 7-1.4-1.4 4.6-4.6H2zm17-6h2v14h-2z'),
  consultConference: P('M8 4a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7zm8 0a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7zM1 20c0-3 3-5 7-5s7 2 7 5v1H1zm15-5c4 0 7 2 7 5v1h-6v-1c0-2-1-3.7-2.6-4.9.5-.1 1-.1 1.6-.1z'),
  exitConference: P('M4 3h9v2H6v14h7v2H4zm12 4 5 5-5 5-1.4-1.4 2.6-2.6H9v-2h8.2l-2.6-2.6z'),
};
ICONS.resume = ICONS.hold;
ICONS.resumeRecording = ICONS.pauseRecording;

/** The icon of a control (by its place's first control), sized by the font. */
export const controlIcon = (name: ControlName): TemplateResult =>
  html`<svg class="icon" viewBox="0 0 24 24" width="1.15em" height="1.15em" fill="currentColor" aria-hidden="true" focusable="false">${ICONS[name]}</svg>`;
