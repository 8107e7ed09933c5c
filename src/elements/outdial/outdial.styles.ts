import { css } from 'lit';

/** Styles of `<cc-outdial>` (after the shared tokens). */
export const styles = css`
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
    display: grid;
    gap: var(--_space);
  }
  legend {
    padding: 0;
    font-weight: 600;
  }
  .field {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  [part='input'] {
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.04em;
  }
  [part='input'][aria-invalid='true'] {
    border-color: var(--_danger);
  }
  [part='keypad'] {
    display: grid;
    grid-template-columns: repeat(3, minmax(44px, 1fr));
    gap: calc(var(--_space) / 2);
    max-inline-size: 16em;
  }
  [part='key'],
  [part='backspace'] {
    min-block-size: 40px;
    font-variant-numeric: tabular-nums;
  }
  [part='backspace'] {
    grid-column: 3;
  }
  [part='dial-button'] {
    justify-self: start;
  }
  [part='reason'],
  [part='validation'],
  [part='status'],
  [part='error'] {
    margin: 0;
  }
`;
