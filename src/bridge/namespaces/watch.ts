/**
 * Awaiting a task's outcome after a command: a watch subscribes to the store's task changes
 * (before the command is issued, so nothing is missed) and settles when a decision function
 * says the task reached a final form for the caller.
 * @module
 */
import type { Subscription } from 'rxjs';
import type { Task } from '../../model/domain.js';
import type { CcStore } from '../../store/types.js';

/** What a decision function answers: keep waiting (undefined), done with a value, or fail. */
export type Decision<T> = undefined | { done: T } | { fail: unknown };

/** A task seen through its changes. */
export interface TaskWatch {
  /** The task's latest form: the live task, or its last form as it left the list. */
  latest(): Task | undefined;
  /**
   * Resolves (or rejects) when `decide` settles, checking the latest form at once and then
   * every change. Ends the watch when it settles.
   */
  until<T>(decide: (task: Task | undefined) => Decision<T>): Promise<T>;
  /** Stops watching; a pending `until` never settles. */
  close(): void;
}

/** Creates watches; `closeAll` ends every open one (when the service stops). */
export class Watches {
  private readonly open = new Set<TaskWatch>();

  constructor(private readonly store: CcStore) {}

  /** Starts watching `taskId`. */
  watch(taskId: string): TaskWatch {
    const store = this.store;
    let last: Task | undefined = store.tasks.find((t) => t.id === taskId);
    let onChange: (() => void) | undefined;
    const watches = this.open;
    const w: TaskWatch = {
      latest: () => last,
      until<T>(decide: (task: Task | undefined) => Decision<T>): Promise<T> {
        return new Promise<T>((resolve, reject) => {
          const check = (): void => {
            let d: Decision<T>;
            try {
              d = decide(last);
            } catch (e) {
              d = { fail: e };
            }
            if (!d) return;
            w.close();
            if ('done' in d) resolve(d.done);
            else reject(d.fail);
          };
          onChange = check;
          check();
        });
      },
      close() {
        onChange = undefined;
        sub.unsubscribe();
        watches.delete(w);
      },
    };
    this.open.add(w);
    const sub: Subscription = store.taskChanges$.subscribe((t) => {
      if (t.id !== taskId) return;
      last = t;
      onChange?.();
    });
    return w;
  }

  /** Ends every open watch. */
  closeAll(): void {
    for (const w of [...this.open]) w.close();
  }
}
