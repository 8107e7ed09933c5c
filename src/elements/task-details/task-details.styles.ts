import { css } from 'lit';

export const styles = css`
  .details {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    color: var(--_fg);
  }
  dl {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: calc(var(--_space) / 2) calc(var(--_space) * 1.5);
    margin: 0;
  }
  .field {
    display: contents;
  }
  dt {
    color: var(--_fg-muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .media {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  .section-title {
    margin: 0 0 var(--_space);
    font-weight: 600;
  }
  .edit {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  .edit input {
    flex: 1 1 10em;
    min-inline-size: 0;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .error {
    margin: calc(var(--_space) / 2) 0 0;
  }
  .empty {
    margin: 0;
  }
`;
