import { css } from 'lit';

/** Layout of `<cc-consult-picker>`; colours and spacing only through the `--_*` tokens. */
export const consultPickerStyles = css`
  .root {
    display: grid;
    gap: var(--_space);
  }
  p {
    margin: 0;
  }
  .title,
  .name {
    font-weight: 600;
  }
  .field,
  .dial {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .dial .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .dial input {
    flex: 1 1 12em;
  }
  .options {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) / 2);
    max-height: var(--cc-picker-max-height, 16rem);
    overflow-y: auto;
  }
  .option {
    width: 100%;
    min-height: 40px;
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: calc(var(--_space) / 2) var(--_space);
    text-align: start;
    padding-block: calc(var(--_space) / 2);
  }
  .option .meta {
    color: var(--_fg-muted);
  }
  .option:disabled .meta {
    color: inherit;
  }
`;
