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
    padding-inline-start: var(--_space);
    border-inline-start: 4px solid var(--_tone, var(--_border));
  }
  .status .state {
    font-weight: 600;
    color: var(--_tone, inherit);
  }
  /* Fixed places: equal columns, so a control never moves when another changes. */
  .buttons {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(6.5em, 1fr));
    gap: calc(var(--_space) / 2);
  }
  .buttons button {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 2px;
    min-height: 3.6em;
    padding: calc(var(--_space) / 2);
    line-height: 1.2;
    text-align: center;
  }
  /* A long word (a translation, a large font) wraps inside its place instead of spilling out. */
  .buttons .label {
    max-inline-size: 100%;
    overflow-wrap: anywhere;
  }
  .buttons button[aria-disabled='true'] {
    cursor: not-allowed;
    color: var(--_fg-muted);
    background: var(--_bg);
    border-style: dashed;
  }
  .buttons button[aria-disabled='true'].danger {
    border-color: var(--_border);
  }
  button[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-state);
    box-shadow: inset 0 0 0 2px var(--_on-state);
  }
  button[data-slot='hold'][aria-pressed='true'] {
    background: var(--_hold);
    border-color: var(--_hold);
  }
  .buttons button[aria-pressed='true'][aria-disabled='true'] {
    background: var(--_bg);
    border-color: var(--_tone, var(--_border));
    color: var(--_fg-muted);
    box-shadow: none;
  }
  button[aria-expanded='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0 -3px 0 var(--_accent);
  }
  .picker {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg-raised);
  }
`;
