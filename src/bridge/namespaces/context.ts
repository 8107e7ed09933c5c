/**
 * What every bridge method handler receives, the failure it throws, and small helpers shared by
 * the namespaces (finding a task, mapping store errors, user-data allow-lists).
 * @module
 */
import type { Task } from '../../model/domain.js';
import { LIVE } from '../../model/final.js';
import type { CcStore } from '../../store/types.js';
import type { OriginRule } from '../origins.js';
import type { BridgeErrorCode, BridgeInteraction, EventNamespace, JsonValue } from '../protocol.js';
import type { BridgeUi } from '../ui/port.js';
import type { Overlays } from './overlays.js';
import type { Target } from './subscribers.js';
import type { TaskWatch } from './watch.js';

/** A refused or failed call: becomes `errorCode` + `errorMessage` in the response. */
export class BridgeFailure extends Error {
  constructor(
    readonly code: BridgeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeFailure';
  }
}

/** What a handler may use. Handlers validate everything before they change anything. */
export interface MethodContext {
  readonly store: CcStore;
  /** The calling origin's rule. */
  readonly rule: OriginRule;
  /** User-data keys clients may write (undefined = every key). */
  readonly writeAllowed?: readonly string[];
  /** Projects a task with the service's read allow-list and the current selection. */
  project(task: Task): BridgeInteraction;
  /** Tells `markdone` subscribers that markdone was refused by a host's block. */
  markdoneRefused(interactionId: string, warningMessage: string): void;
  /** Reports the selection to `interaction` subscribers (CASE_SELECTED); `force` even when unchanged. */
  selectionChanged(force: boolean): void;
  /** Starts watching a task's changes (call before issuing the command whose outcome you await). */
  watch(taskId: string): TaskWatch;
  /** The calling window and its origin. */
  readonly caller: Target;
  /** The window the service runs in. */
  readonly window: Window;
  /** Toasts and dialogs inside the desk (absent when the service has nowhere to show them). */
  readonly ui?: BridgeUi;
  /** The toasts and dialogs clients opened. */
  readonly overlays: Overlays;
  /** Origins whose pages `system.openDialog` may show (empty: no dialogs). */
  readonly dialogOrigins: readonly string[];
  /** What `configuration.getOption` may answer: the options the deployment exposes. */
  readonly options: Readonly<Record<string, string>>;
  /** Sends an event to the subscribers of `ns` (all of them, or `to` only when subscribed). */
  emit(ns: EventNamespace, data: JsonValue, except?: Target, only?: Target): number;
}

/**
 * A handler: validated positional parameters in, a JSON-shaped result out (plain objects,
 * arrays, strings, numbers, booleans, null; nothing = null), or a BridgeFailure thrown.
 */
export type MethodHandler = (params: readonly (JsonValue | undefined)[], ctx: MethodContext) => unknown;

/** The live task with that id, or NOT_FOUND. */
export function findTask(store: CcStore, id: string): Task {
  const task = store.tasks.find((t) => t.id === id);
  if (!task) throw new BridgeFailure('NOT_FOUND', `no interaction with id "${id}"`);
  return task;
}

/** Connected, held, consulting or conferencing: the customer is on the line. */
export const LIVE_STATES = LIVE;

/** The task must be live (accepted and not ended), or INVALID_STATE. */
export function requireLive(task: Task, what: string): void {
  if (!LIVE_STATES.has(task.state)) {
    throw new BridgeFailure('INVALID_STATE', `${what} needs a live interaction; "${task.id}" is ${task.state}`);
  }
}

/** Refuses keys outside the write allow-list (FORBIDDEN), naming them. */
export function requireWritable(keys: readonly string[], writeAllowed: readonly string[] | undefined): void {
  if (!writeAllowed) return;
  const refused = keys.filter((k) => !writeAllowed.includes(k));
  if (refused.length > 0) {
    throw new BridgeFailure('FORBIDDEN', `user data keys not allowed for writing: ${refused.slice(0, 10).join(', ')}`);
  }
}

const STORE_CODES: ReadonlyMap<string, BridgeErrorCode> = new Map<string, BridgeErrorCode>([
  ['INVALID_STATE', 'INVALID_STATE'],
  ['NOT_FOUND', 'NOT_FOUND'],
  ['INVALID_PARAMETERS', 'INVALID_PARAMETERS'],
  ['FORBIDDEN', 'FORBIDDEN'],
  ['MARKDONE_BLOCKED', 'MARKDONE_BLOCKED'],
  ['BACKEND_ERROR', 'BACKEND_ERROR'],
  ['TIMEOUT', 'BACKEND_ERROR'],
  ['CONNECTION', 'BACKEND_ERROR'],
]);

/** Maps whatever a store command rejected with (a CcError, an Error, anything) to a BridgeFailure. */
export function toFailure(cause: unknown): BridgeFailure {
  if (cause instanceof BridgeFailure) return cause;
  let code: BridgeErrorCode = 'BACKEND_ERROR';
  let message = 'the operation failed';
  if (cause && typeof cause === 'object') {
    const c = cause as { code?: unknown; message?: unknown };
    if (typeof c.code === 'string') code = STORE_CODES.get(c.code) ?? code;
    if (typeof c.message === 'string' && c.message) message = c.message;
  } else if (typeof cause === 'string' && cause) {
    message = cause;
  }
  return new BridgeFailure(code, message);
}
