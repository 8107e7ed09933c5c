import { css } from 'lit';

export const styles = css`
  .conversation {
    display: grid;
    gap: var(--_space);
  }
  .transcript {
    list-style: none;
    margin: 0;
    padding: 0 2px;
    display: grid;
    gap: var(--_space);
    align-content: start;
    max-block-size: var(--cc-conversation-max-height, 24em);
    overflow-y: auto;
  }
  .message {
    max-inline-size: 85%;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg-raised);
    justify-self: start;
  }
  .message.agent {
    justify-self: end;
    background: var(--_bg);
    border-inline-end: 4px solid var(--_accent);
  }
  .message.system {
    justify-self: center;
    border: none;
    background: none;
    color: var(--_fg-muted);
    font-size: 0.9em;
    text-align: center;
  }
  .meta {
    margin: 0 0 2px;
    font-size: 0.85em;
    color: var(--_fg-muted);
  }
  [part='author'] {
    font-weight: 600;
  }
  .text,
  .body {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .subject {
    margin: 0 0 calc(var(--_space) / 2);
    font-size: 1em;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .email {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .muted {
    color: var(--_fg-muted);
  }
  .typing {
    margin: 0;
    font-style: italic;
  }
  .typing[hidden] {
    display: none;
  }
  .reply {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .reply textarea {
    padding: calc(var(--_space) / 2) var(--_space);
    resize: vertical;
  }
  .reply textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .keys {
    margin: 0;
    font-size: 0.85em;
  }
  .reply button {
    justify-self: end;
  }
  .error {
    margin: 0;
    color: var(--_danger);
  }
  .empty {
    margin: 0;
  }
`;
