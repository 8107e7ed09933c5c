import { css } from 'lit';

// A task shows one fact per line: rows share their width with the offers' Accept/Decline column.
export const styles = css`
  .rows {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    column-gap: var(--_space);
    align-items: stretch;
  }
  [role='listbox'],
  .actions {
    display: grid;
    grid-template-rows: subgrid;
    gap: calc(var(--_space) / 2);
  }
  [role='listbox'] {
    grid-column: 1;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .actions {
    grid-column: 2;
  }
  .row-actions {
    display: grid;
    align-content: center;
    gap: calc(var(--_space) / 2);
    max-inline-size: 16em;
  }
  /* Accept above Decline: the row keeps the width for the customer's name. */
  .row-actions .offer-actions {
    flex-direction: column;
  }
  .task {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    column-gap: var(--_space);
    align-items: center;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    cursor: pointer;
  }
  /*
   * After the first fifty (more than a first render shows, in a window up to 2,000 px tall), rows
   * off screen skip style and layout until scrolled to (they stay in the accessibility tree). The
   * first rows are in sight: skipping them would only move their layout into the frame, after any
   * measurement of the first render.
   */
  .task:nth-child(n + 51) {
    content-visibility: auto;
    contain-intrinsic-size: auto 6em;
  }
  .task:hover {
    background: var(--_bg-raised);
  }
  .task[aria-selected='true'] {
    border-color: var(--_accent);
    background: var(--_bg-raised);
  }
  /* The state colour (tone-* classes, from the shared tokens): the stripe and the state. */
  .task[class*='tone-'] {
    border-inline-start-color: var(--_tone);
  }
  .task:not(.tone-active) .state {
    color: var(--_tone);
    font-weight: 600;
  }
  /*
   * The media fills the first column; the other facts (up to five: customer, unread count, queue,
   * state, timer) go one per line, in order, into the second.
   */
  .task .media {
    grid-row: span 5;
    flex-direction: column;
    font-size: 0.85em;
  }
  .task > :not(.media) {
    grid-column: 2;
  }
  .task .media-icon {
    font-size: 1.4em;
  }
  .customer,
  .queue {
    overflow-wrap: anywhere;
  }
  .queue,
  .timer {
    color: var(--_fg-muted);
  }
  .customer {
    font-weight: 600;
  }
  .timer {
    font-variant-numeric: tabular-nums;
  }
  .timer.countdown {
    color: var(--_warning);
    font-weight: 600;
  }
  .empty {
    margin: 0;
    padding: var(--_space);
  }
  /* Unread customer messages: a small count under the customer's name. */
  .unread {
    justify-self: start;
    min-inline-size: 1.5em;
    padding: 0 0.4em;
    border-radius: 1em;
    background: var(--_accent);
    color: var(--cc-color-on-accent, light-dark(#ffffff, #0d1b2a));
    font-size: 0.85em;
    font-weight: 600;
    text-align: center;
  }
`;
