/**
 * Recognising and making CcErrors: one place, for the store, the bridge and the elements.
 * @module
 */
import type { AgentCommand, CcError, ErrorCode, TaskCommand } from './domain.js';
import { ccError } from './failure.js';

/** Whether a value is a CcError (what the store rejects with). */
export const isCcError = (value: unknown): value is CcError =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as CcError).code === 'string' &&
  typeof (value as CcError).command === 'string' &&
  typeof (value as CcError).message === 'string';

/** What a failure that is not a CcError becomes. */
export interface ErrorContext {
  command: TaskCommand | AgentCommand;
  taskId?: string;
  at: number;
  /** Default BACKEND_ERROR. */
  code?: ErrorCode;
}

/** A CcError as it is, anything else (an Error, a string) as a CcError of the given context. */
export function toCcError(value: unknown, context: ErrorContext): CcError {
  if (isCcError(value)) return value;
  const { command, taskId, at, code = 'BACKEND_ERROR' } = context;
  return ccError(code, command, value instanceof Error ? value.message : String(value), at, taskId);
}
