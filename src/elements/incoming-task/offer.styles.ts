/** Styles shared by every element that shows offers: the Accept/Decline row, the spinner, media badges. */
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
    display: inline-block;
    width: 0.9em;
    height: 0.9em;
    margin-inline-end: calc(var(--_space) / 2);
    vertical-align: -0.1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: cc-spin 0.8s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
      border-inline-end-color: currentColor;
      opacity: 0.6;
    }
  }
  @keyframes cc-spin {
    to {
      transform: rotate(360deg);
    }
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
