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

/** Where the focus goes when an element hands it on: these roles in order, for this task (if any). */
export interface FocusNext {
  readonly roles: readonly DeskRole[];
  readonly taskId?: string;
}

/** What an element declares about the focus when it joins the desk (every part optional). */
export interface DeskRoleOptions {
  /**
   * The task the element shows: it takes the focus only while it shows one, and when asked for a
   * task, only for that one. Absent: it takes the focus for any task (or none).
   */
  shows?: () => string | undefined;
  /**
   * Focus the element's best control for `taskId` (asked after the element's pending update);
   * true when it did. Absent: focus is never handed to this element.
   */
  focus?: (taskId?: string) => boolean | Promise<boolean>;
  /**
   * Where the focus goes after a hands-off command for `taskId` (End, Submit wrap-up, Accept …),
   * and, with `left`, when: once `left(taskId)` holds after one of the element's updates.
   * Without `left` the focus is handed on at once.
   */
  handOff?: {
    next(taskId: string): FocusNext;
    left?(taskId: string): boolean;
  };
}

type Member = { role: DeskRole; takeFocus(taskId?: string): Promise<boolean> };

const rooms = new WeakMap<CcStore, BehaviorSubject<ReadonlySet<Member>>>();

function room(store: CcStore): BehaviorSubject<ReadonlySet<Member>> {
  let subject = rooms.get(store);
  if (!subject) rooms.set(store, (subject = new BehaviorSubject<ReadonlySet<Member>>(new Set())));
  return subject;
}

const presence = new WeakMap<CcStore, Map<DeskRole, Observable<boolean>>>();

/**
 * Whether an element of `role` is on the page under the store's provider (replays; distinct).
 * The same observable for the same store and role: an element's ObserveController re-reads its
 * source before each render and subscribes again when it is a different object.
 */
export function present$(store: CcStore, role: DeskRole): Observable<boolean> {
  let byRole = presence.get(store);
  if (!byRole) presence.set(store, (byRole = new Map()));
  let present = byRole.get(role);
  if (!present) {
    present = room(store).pipe(
      map((members) => [...members].some((m) => m.role === role)),
      distinctUntilChanged(),
    );
    byRole.set(role, present);
  }
  return present;
}

/**
 * Give the focus to the first element of the first role (in order) that takes it for `taskId`.
 * Resolves true when one did.
 */
async function handFocus(store: CcStore, roles: readonly DeskRole[], taskId?: string): Promise<boolean> {
  const members = [...room(store).value];
  for (const role of roles) {
    for (const member of members) if (member.role === role && (await member.takeFocus(taskId))) return true;
  }
  return false;
}

/** True when the focus is nowhere (on `<body>`) or inside `host` (which is about to lose it). */
function focusIsOursOrLost(host: HTMLElement): boolean {
  const active = document.activeElement;
  return !active || active === document.body || active === host || host.contains(active) || !!host.shadowRoot?.activeElement;
}

/**
 * Joins the host to its store's room under `role` while connected (following a store change),
 * takes the focus for it when another element hands it on (see `DeskRoleOptions`), and hands the
 * focus on for it after a hands-off command (`handOff`).
 */
export class DeskRoleController implements ReactiveController {
  #store?: CcStore;
  readonly #member: Member;
  /** The task a hands-off command was sent for, until it has left the host. */
  #leaving?: string;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    role: DeskRole,
    private readonly store: () => CcStore | undefined,
    private readonly options: DeskRoleOptions = {},
  ) {
    this.#member = { role, takeFocus: (taskId) => this.#takeFocus(taskId) };
    host.addController(this);
  }

  /**
   * The agent's command for `taskId` took the task out of the host's hands: once it has left
   * (`options.handOff.left`, else at once), the focus — when it was in the host or nowhere — moves
   * on to `options.handOff.next(taskId)`. Resolves once handed on (or not) when at once.
   */
  async handOff(taskId: string): Promise<void> {
    if (this.options.handOff?.left) {
      this.#leaving = taskId;
      this.host.requestUpdate();
      return;
    }
    await this.#handOn(taskId);
  }

  hostConnected(): void {
    this.#sync();
  }

  hostUpdate(): void {
    this.#sync();
  }

  hostUpdated(): void {
    const id = this.#leaving;
    if (id === undefined || !this.store() || !this.options.handOff?.left?.(id)) return;
    this.#leaving = undefined;
    void this.#handOn(id);
  }

  hostDisconnected(): void {
    this.#leave();
  }

  async #handOn(taskId: string): Promise<void> {
    const store = this.store();
    const next = this.options.handOff?.next(taskId);
    if (!store || !next || !focusIsOursOrLost(this.host)) return;
    await handFocus(store, next.roles, next.taskId);
  }

  /** After the host's pending update: nothing unless it shows the task asked for; else its `focus`. */
  async #takeFocus(taskId?: string): Promise<boolean> {
    const { focus, shows } = this.options;
    if (!focus) return false;
    await this.host.updateComplete;
    if (shows) {
      const shown = shows();
      if (shown === undefined || (taskId !== undefined && shown !== taskId)) return false;
    }
    return focus(taskId);
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
