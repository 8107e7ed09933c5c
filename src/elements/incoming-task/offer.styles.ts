/** Styles shared by every element that shows offers: the Accept/Decline row and media badges. */
import { css } from 'lit';

export const offerStyles = css`
  .offer-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
  }
  .spinner {
    margin-inline-end: calc(var(--_space) / 2);
  }
  .media {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    color: var(--_fg-muted);
  }
  .media-icon {
    flex: none;
  }
  .error {
    margin: 0;
  }
`;
