/**
 * Shared set-up for the store tests: a fake backend, a store on a virtual-time scheduler and a
 * fixed clock, and recorders for errors$ and taskChanges$.
 * @module
 */
import { VirtualTimeScheduler } from 'rxjs';
import type { CcError, Task, TaskMessage } from '../../src/model/index.js';
import { createStore } from '../../src/store/store.js';
import type { CcStore } from '../../src/store/types.js';
import { FakeBackend } from '../fixtures/fake-backend.js';

export interface Harness {
  backend: FakeBackend;
  store: CcStore;
  scheduler: VirtualTimeScheduler;
  clock: { time: number; now(): number };
  errors: CcError[];
  changes: Task[];
}

/** A store on a fake backend; not started. */
export function harness(options: { pendingTimeoutMs?: number } = {}): Harness {
  const backend = new FakeBackend();
  const scheduler = new VirtualTimeScheduler();
  const clock = {
    time: 1_000_000,
    now(): number {
      return this.time;
    },
  };
  const store = createStore(backend, { clock, scheduler, ...options });
  const errors: CcError[] = [];
  const changes: Task[] = [];
  store.errors$.subscribe((error) => errors.push(error));
  store.taskChanges$.subscribe((task) => changes.push(task));
  return { backend, store, scheduler, clock, errors, changes };
}

/** A started store whose session holds `tasks`. */
export async function started(tasks: TaskMessage[] = [], options: { pendingTimeoutMs?: number } = {}): Promise<Harness> {
  const h = harness(options);
  h.backend.session.tasks = tasks;
  await h.store.start();
  return h;
}

/** Push messages through the fake backend. */
export function push(h: Harness, ...messages: TaskMessage[]): void {
  for (const message of messages) h.backend.emit(message);
}

/** The live task `id`, failing the test when it is not there. */
export function taskOf(h: Harness, id: string): Task {
  const task = h.store.tasks.find((candidate) => candidate.id === id);
  if (!task) throw new Error(`task ${id} is not live (live: ${h.store.tasks.map((t) => `${t.id}:${t.state}`).join(', ')})`);
  return task;
}

/** The rejection of a promise that must reject. */
export async function rejection(promise: Promise<unknown>): Promise<CcError> {
  try {
    await promise;
  } catch (error) {
    return error as CcError;
  }
  throw new Error('expected the promise to reject');
}

/** Let promise callbacks run. */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
