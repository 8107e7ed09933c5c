/**
 * Which desk elements are on the page under one provider (one store), by role, so they can work
 * as one desk without knowing where the others sit in the DOM (shadow roots included):
 * - `<cc-task-list>` leaves Accept / Decline to `<cc-incoming-task>` when one is on the page under
 *   the same provider (one pair of buttons per offer on screen);
 * - focus moves on to the next sensible control after Accept, End / Complete transfer and Submit
 *   wrap-up instead of falling to `<body>`.
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { BehaviorSubject, distinctUntilChanged, map, type Observable } from 'rxjs';
import type { CcStore } from '../../store/types.js';

export type DeskRole = 'incoming' | 'controls' | 'wrapup' | 'list' | 'agent';

/** An element that can take the focus for a task (or, without one, for the desk). */
export interface FocusTarget {
  /** Focus the control that fits `taskId` best; false when this element shows nothing for it. */
  takeFocus(taskId?: string): Promise<boolean>;
}

type Member = FocusTarget & { role: DeskRole };

const rooms = new WeakMap<CcStore, BehaviorSubject<ReadonlySet<Member>>>();

function room(store: CcStore): BehaviorSubject<ReadonlySet<Member>> {
  let subject = rooms.get(store);
  if (!subject) rooms.set(store, (subject = new BehaviorSubject<ReadonlySet<Member>>(new Set())));
  return subject;
}

/** Whether an element of `role` is on the page under the store's provider (replays; distinct). */
export const present$ = (store: CcStore, role: DeskRole): Observable<boolean> =>
  room(store).pipe(
    map((members) => [...members].some((m) => m.role === role)),
    distinctUntilChanged(),
  );

/**
 * Give the focus to the first element of the first role (in order) that takes it for `taskId`.
 * Resolves true when one did.
 */
export async function handFocus(store: CcStore, roles: readonly DeskRole[], taskId?: string): Promise<boolean> {
  const members = [...room(store).value];
  for (const role of roles) {
    for (const member of members) if (member.role === role && (await member.takeFocus(taskId))) return true;
  }
  return false;
}

/** True when the focus is nowhere (on `<body>`) or inside `host` (which is about to lose it). */
export function focusIsOursOrLost(host: HTMLElement): boolean {
  const active = document.activeElement;
  return !active || active === document.body || active === host || host.contains(active) || !!host.shadowRoot?.activeElement;
}

/** Joins the host to its store's room under `role` while connected (following a store change). */
export class DeskRoleController implements ReactiveController {
  #store?: CcStore;
  readonly #member: Member;

  constructor(
    host: ReactiveControllerHost & FocusTarget,
    role: DeskRole,
    private readonly store: () => CcStore | undefined,
  ) {
    this.#member = { role, takeFocus: (taskId) => host.takeFocus(taskId) };
    host.addController(this);
  }

  hostConnected(): void {
    this.#sync();
  }

  hostUpdate(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.#leave();
  }

  #sync(): void {
    const next = this.store();
    if (next === this.#store) return;
    this.#leave();
    this.#store = next;
    if (next) {
      const r = room(next);
      r.next(new Set([...r.value, this.#member]));
    }
  }

  #leave(): void {
    const store = this.#store;
    this.#store = undefined;
    if (!store) return;
    const r = room(store);
    r.next(new Set([...r.value].filter((m) => m !== this.#member)));
  }
}
