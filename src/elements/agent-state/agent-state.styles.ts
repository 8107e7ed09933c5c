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
  .Available [part='indicator'] {
    background: var(--_success);
  }
  .Idle [part='indicator'] {
    background: var(--_warning);
  }
  .RONA [part='indicator'] {
    background: var(--_danger);
  }
  .Engaged [part='indicator'] {
    background: var(--_accent);
  }
  [part='timer'] {
    font-variant-numeric: tabular-nums;
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
