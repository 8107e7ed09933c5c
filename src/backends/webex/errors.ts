/**
 * The adapter's errors: what the Webex SDK rejects with, as a BackendError with a stable code.
 * Task operations reject with `error.data = {message, errorType, errorData, reasonCode,
 * trackingId}`; agent operations with an Error whose message is the contact center's reason.
 * @module
 */
import { BackendError } from '../contact-center.js';

/** A failure of the Webex SDK, with what it said (for support: the tracking id). */
export class WebexError extends BackendError {
  constructor(
    message: string,
    code: string,
    readonly errorType?: string,
    readonly reasonCode?: string | number,
    readonly trackingId?: string,
  ) {
    super(message, code);
    this.name = 'WebexError';
  }
}

interface SdkErrorData {
  message?: unknown;
  errorType?: unknown;
  errorData?: unknown;
  reasonCode?: unknown;
  trackingId?: unknown;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** The SDK's request-layer error ids that mean something to the desk. */
const IDS: Readonly<Record<string, string>> = {
  'Service.aqm.reqs.Timeout': 'TIMEOUT',
  'Service.aqm.reqs.Pending': 'INVALID_STATE',
};

/**
 * A BackendError from whatever the SDK threw: its message (the SDK's own words, with the error
 * type and the tracking id when it gives them), code TIMEOUT or INVALID_STATE for the request
 * layer's timeout and duplicate-request errors, `fallback` (BACKEND_ERROR) otherwise.
 */
export function toBackendError(cause: unknown, fallback = 'BACKEND_ERROR'): BackendError {
  if (cause instanceof BackendError) return cause;
  const error = (cause && typeof cause === 'object' ? cause : {}) as { message?: unknown; id?: unknown; data?: SdkErrorData };
  const data: SdkErrorData = error.data && typeof error.data === 'object' ? error.data : {};
  const message = text(data.message) ?? text(error.message) ?? (typeof cause === 'string' ? cause : 'the Webex SDK failed without a reason');
  const errorType = text(data.errorType);
  const trackingId = text(data.trackingId);
  const reasonCode = typeof data.reasonCode === 'number' || typeof data.reasonCode === 'string' ? data.reasonCode : undefined;
  const code = (typeof error.id === 'string' && IDS[error.id]) || fallback;
  const typed = errorType && errorType !== 'Error' && !message.startsWith(errorType) ? `${errorType}: ${message}` : message;
  const full = trackingId ? `${typed} (tracking id ${trackingId})` : typed;
  return new WebexError(full, code, errorType, reasonCode || undefined, trackingId);
}

/** The error of a Task operation on a task the SDK does not have. */
export const unknownTask = (interactionId: string): BackendError =>
  new WebexError(`the Webex SDK has no task ${JSON.stringify(interactionId)}`, 'NOT_FOUND');

/** Call-associated data cannot be written through the SDK 3.12.0. */
export const userDataNotSupported = (): BackendError =>
  new WebexError('the Webex Contact Center SDK (3.12.0) has no API to write call-associated data', 'NOT_SUPPORTED');
