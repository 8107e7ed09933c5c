import { css } from 'lit';

export const styles = css`
  .offers {
    background: var(--_bg);
    color: var(--_fg);
  }
  .offer-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .offer {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_bg-raised);
  }
  .offer.consult {
    border-inline-start-color: var(--_warning);
  }
  .title {
    margin: 0;
    font-weight: 600;
    font-size: 1.1em;
    overflow-wrap: anywhere;
  }
  .line {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .countdown {
    margin: 0;
    font-variant-numeric: tabular-nums;
    color: var(--_warning);
    font-weight: 600;
  }
  .offer-actions {
    margin-block-start: calc(var(--_space) / 2);
  }
`;
