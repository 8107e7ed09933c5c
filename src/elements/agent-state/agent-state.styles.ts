import { css } from 'lit';

/** Styles of `<cc-agent-state>` (after the shared tokens). */
export const styles = css`
  [part='base'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  [part='indicator'] {
    inline-size: 10px;
    block-size: 10px;
    border-radius: 50%;
    background: var(--_fg-muted);
    flex: none;
  }
  [part='indicator'] {
    background: var(--_tone, var(--_fg-muted));
  }
  [part='activity'] {
    font-weight: 600;
    color: var(--_tone);
  }
  [part='timer'] {
    font-variant-numeric: tabular-nums;
    display: inline-flex;
    gap: calc(var(--_space) / 2);
    align-items: baseline;
  }
  [part='pending'],
  [part='error'] {
    margin: 0;
  }
  [part='pending'],
  [part='error']:not(:empty) {
    margin-block-start: var(--_space);
  }
  [part='rona'] {
    margin-block-start: var(--_space);
    padding: var(--_space);
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_bg-raised);
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .rona-text {
    font-weight: 600;
    margin: 0;
    flex: 1 1 16em;
  }
`;
