import { css } from 'lit';

/** Layout of `<cc-call-controls>`; colours and spacing only through the `--_*` tokens. */
export const callControlsStyles = css`
  .root {
    display: grid;
    gap: var(--_space);
  }
  p {
    margin: 0;
  }
  .status {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
    align-items: baseline;
  }
  .status .state {
    font-weight: 600;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  button[aria-pressed='true'] {
    background: var(--_fg);
    border-color: var(--_fg);
    color: var(--_bg);
  }
  button[aria-expanded='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0 -3px 0 var(--_accent);
  }
  .spinner,
  .working {
    margin-inline-start: calc(var(--_space) / 2);
  }
  .picker {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg-raised);
  }
`;
