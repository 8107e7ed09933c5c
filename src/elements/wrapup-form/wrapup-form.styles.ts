import { css } from 'lit';

/** Layout of `<cc-wrapup-form>`; colours and spacing only through the `--_*` tokens. */
export const wrapupFormStyles = css`
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
`;
