import { css } from 'lit';

/** Styles of `<cc-provider>` (after the shared tokens). */
export const styles = css`
  :host {
    color-scheme: light dark;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host {
    position: relative;
  }
  [part='banner'],
  [part='error'] {
    margin: 0;
  }
  /* The connection notice overlays the top of the desk instead of pushing it down. */
  [part='banner'] {
    position: absolute;
    inset-block-start: 0;
    inset-inline: 0;
    z-index: 10;
  }
  [part='banner']:not(:empty) {
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.3);
  }
  [part='banner']:not(:empty),
  [part='error']:not(:empty) {
    padding: var(--_space) calc(var(--_space) * 1.5);
    margin-block-end: var(--_space);
    border: 1px solid var(--_warning);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    background: var(--_bg-raised);
  }
  [part='error']:not(:empty) {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    border-color: var(--_danger);
  }
`;
