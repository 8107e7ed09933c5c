/**
 * The directory: the agents, queues and entry points a consult or transfer may go to, loaded
 * from the backend on request and published on `directory$` (empty until loaded).
 * @module
 */
import { BehaviorSubject, type Observable } from 'rxjs';
import type { ContactCenter } from '../backends/contact-center.js';
import type { Directory } from '../model/domain.js';
import type { StoreState } from './state.js';

const EMPTY_DIRECTORY: Directory = Object.freeze({ agents: [], queues: [], entryPoints: [] }) as Directory;

export class DirectoryStore {
  readonly #state: StoreState;
  readonly #backend: ContactCenter;
  readonly #directory = new BehaviorSubject<Directory>(EMPTY_DIRECTORY);
  /** Replays the current directory; every directory published differs from the one before. */
  readonly directory$: Observable<Directory> = this.#directory.asObservable();
  #current = EMPTY_DIRECTORY;

  constructor(state: StoreState, backend: ContactCenter) {
    this.#state = state;
    this.#backend = backend;
  }

  get current(): Directory {
    return this.#current;
  }

  /** Load or reload the directory; a failure is reported and rejects. */
  refresh(): Promise<void> {
    const state = this.#state;
    if (state.stopped) return state.stoppedRefusal('directory');
    return this.#backend.directory().then((value) => {
      if (state.stopped || value === this.#current) return;
      this.#current = value;
      state.post(() => this.#directory.next(value));
    }, state.rejected('directory'));
  }

  /** The store stopped: directory$ completes. */
  stop(): void {
    this.#directory.complete();
  }
}
