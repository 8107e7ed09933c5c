/**
 * The live tasks in arrival order, and which one is selected. Exactly one task is selected
 * while any is live: when none is, or the selected one leaves, the first live task that is not
 * an offer is chosen, else the first task.
 * @module
 */
import type { Task } from '../model/domain.js';
import { OFFERS } from '../model/final.js';

export class TaskList {
  /** The live tasks by id; a Map keeps them in arrival order. */
  readonly #byId = new Map<string, Task>();
  #selectedId: string | undefined;
  #snapshot: readonly Task[] = Object.freeze([]);

  /** Every live task, oldest first. A new array after every change, the same one otherwise. */
  get all(): readonly Task[] {
    return this.#snapshot;
  }

  get selected(): Task | undefined {
    // Ids are strings: no task is kept under `undefined`.
    return this.#byId.get(this.#selectedId as string);
  }

  get(id: string): Task | undefined {
    return this.#byId.get(id);
  }

  /**
   * Insert or replace `puts` (a new task goes last; a final one leaves the list instead; the
   * task object already held is no change) and remove `removals`. Answers the tasks that changed,
   * in order, each in its last form; tasks that were never live and arrive final are left out.
   */
  apply(puts: readonly Task[], removals: readonly Task[], isFinal: (task: Task) => boolean): Task[] {
    const byId = this.#byId;
    const changed: Task[] = [];
    for (const task of puts) {
      if (isFinal(task)) {
        if (byId.delete(task.id)) changed.push(task);
      } else if (byId.get(task.id) !== task) {
        byId.set(task.id, task);
        changed.push(task);
      }
    }
    for (const task of removals) {
      if (byId.delete(task.id)) changed.push(task);
    }
    if (changed.length > 0) this.#snapshot = Object.freeze([...byId.values()]);
    // A live selection stays; else the first task that is not an offer, else the first task.
    if (!this.selected) this.#selectedId = (this.#snapshot.find((task) => !OFFERS.has(task.state)) ?? this.#snapshot[0])?.id;
    return changed;
  }

  /** Select a live task; false (and no change) for an unknown id or the selected one. */
  select(id: string): boolean {
    if (!this.#byId.has(id) || this.#selectedId === id) return false;
    this.#selectedId = id;
    return true;
  }
}
