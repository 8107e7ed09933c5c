/**
 * Run an element's `command(...)` and keep the CcError it dispatched as `cc-error`, so the element
 * can show a refusal inline even when the store did not put it on the task (INVALID_STATE, say).
 * @module
 */
import type { CcError } from '../../model/index.js';

/** The outcome of one user command. */
export type Attempt = { ok: true } | { ok: false; error?: CcError };

/**
 * `send` is the element's own `() => this.command(...)`. Only `cc-error` events dispatched by
 * `host` itself count (not those bubbling out of a nested element).
 */
export async function attempt(host: HTMLElement, send: () => Promise<boolean>): Promise<Attempt> {
  let error: CcError | undefined;
  const listener = (event: CustomEvent<CcError>): void => {
    if (event.composedPath()[0] === host) error = event.detail;
  };
  host.addEventListener('cc-error', listener);
  try {
    return (await send()) ? { ok: true } : { ok: false, error };
  } finally {
    host.removeEventListener('cc-error', listener);
  }
}
