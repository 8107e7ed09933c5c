/**
 * Design tokens. Every colour, space and radius an element uses comes from a `--cc-*` custom
 * property with a light and a dark value (CSS `light-dark()`, following `color-scheme`).
 * `<cc-provider theme="light|dark">` sets the scheme; by default it follows the operating system.
 * A host page overrides any token on `cc-provider` or on one element.
 * @module
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --_bg: var(--cc-color-surface, light-dark(#ffffff, #1b1d21));
    --_bg-raised: var(--cc-color-surface-raised, light-dark(#f4f5f7, #25282e));
    --_fg: var(--cc-color-text, light-dark(#1b1d21, #eceef2));
    --_fg-muted: var(--cc-color-text-muted, light-dark(#545963, #a9aeb8));
    --_border: var(--cc-color-border, light-dark(#c5c9d1, #4a4f59));
    --_accent: var(--cc-color-accent, light-dark(#0b5cad, #7ab8ff));
    --_danger: var(--cc-color-danger, light-dark(#b3261e, #ff8a80));
    --_success: var(--cc-color-success, light-dark(#1e6b35, #7ddc95));
    --_warning: var(--cc-color-warning, light-dark(#8a5300, #ffc266));
    /* State colours (text on the surface, and fills under --_on-state): AA on both schemes
       (measured on the rendered elements by test/elements/contrast.test.ts). */
    --_hold: var(--cc-color-hold, light-dark(#9a4a00, #ffb36b));
    --_consult: var(--cc-color-consult, light-dark(#6b3fa0, #c7a6ff));
    --_wrapup: var(--cc-color-wrapup, light-dark(#005f73, #6fd3e6));
    --_not-ready: var(--cc-color-not-ready, light-dark(#a4262c, #ff9a9e));
    --_on-state: var(--cc-color-on-state, light-dark(#ffffff, #1b1d21));
    --_radius: var(--cc-radius, 6px);
    --_space: var(--cc-space, 8px);
    /* system-ui is the platform's own font (Segoe UI, San Francisco, Roboto …) in every browser
       that has light-dark(). Naming those fonts as well only costs a failed font lookup each, per
       style, for every character that needs a fallback font (bench/README.md). */
    font-family: var(--cc-font-family, system-ui, sans-serif);
    font-size: var(--cc-font-size, 14px);
    /* Every element paints its own surface, so its text keeps its contrast on any page. */
    display: block;
    background: var(--_bg);
    color: var(--_fg);
  }
  :host([hidden]) {
    display: none !important;
  }
  button,
  select,
  input,
  textarea {
    font: inherit;
    color: inherit;
    min-height: 32px;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_bg);
    padding: 0 var(--_space);
  }
  button {
    cursor: pointer;
    padding: 0 calc(var(--_space) * 1.5);
    background: var(--_bg-raised);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--cc-color-on-accent, light-dark(#ffffff, #0d1b2a));
  }
  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--cc-color-on-danger, light-dark(#ffffff, #2a0e0c));
  }
  button.success {
    background: var(--_success);
    border-color: var(--_success);
    color: var(--cc-color-on-success, light-dark(#ffffff, #0c2414));
  }
  :focus-visible {
    outline: 2px solid var(--cc-color-focus, light-dark(#0b5cad, #7ab8ff));
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .error {
    color: var(--_danger);
  }
  .muted {
    color: var(--_fg-muted);
  }
  /* The colour of a task's state (class tone-*) or the agent's (class tone-*): --_tone. */
  .tone-offer {
    --_tone: var(--_warning);
  }
  .tone-active,
  .tone-engaged {
    --_tone: var(--_accent);
  }
  .tone-held {
    --_tone: var(--_hold);
  }
  .tone-consulting {
    --_tone: var(--_consult);
  }
  .tone-wrapup {
    --_tone: var(--_wrapup);
  }
  .tone-notReady {
    --_tone: var(--_not-ready);
  }
  .tone-available {
    --_tone: var(--_success);
  }
  /* The progress indicator of a busy control. */
  .spinner {
    display: inline-block;
    width: 0.9em;
    height: 0.9em;
    vertical-align: -0.1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: cc-spin 0.8s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
      border-inline-end-color: currentColor;
      opacity: 0.6;
    }
  }
  @keyframes cc-spin {
    to {
      transform: rotate(360deg);
    }
  }
`;
