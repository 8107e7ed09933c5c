import { css } from 'lit';

/** Layout of `<cc-wrapup-form>`; colours and spacing only through the `--_*` tokens. */
export const wrapupFormStyles = css`
  :host {
    display: block;
    background: var(--_bg);
  }
  form {
    display: grid;
    gap: var(--_space);
  }
  p {
    margin: 0;
  }
  .title {
    font-weight: 600;
  }
  .field {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  textarea {
    min-height: 5em;
    padding: var(--_space);
    resize: vertical;
  }
  .blocked {
    padding: var(--_space);
    border: 1px solid var(--_warning);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    background: var(--_bg-raised);
  }
  .blocked strong {
    display: block;
  }
  .countdown {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .countdown [role='timer'] {
    font-variant-numeric: tabular-nums;
  }
  .actions {
    display: flex;
    gap: var(--_space);
  }
  .spinner {
    display: inline-block;
    width: 0.8em;
    height: 0.8em;
    margin-inline-start: calc(var(--_space) / 2);
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    vertical-align: -0.1em;
    animation: spin 0.8s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
      border-inline-end-color: currentColor;
      opacity: 0.6;
    }
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
`;
