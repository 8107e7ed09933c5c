/**
 * A minimal scripted ContactCenter (src/backends/contact-center.ts) for the benchmark pages: it
 * connects at once with a fixed session, and `push(event)` puts a backend event on `events$`
 * synchronously, so a page controls exactly when and how fast events arrive. Commands resolve
 * and change nothing (the benchmarks that need a working contact center use the simulator).
 * rxjs is not exported by the bundle, so the two observables are small hand-written subjects with
 * the `subscribe(next) → { unsubscribe() }` shape the store uses.
 */

/** A tiny subject: `subscribe` accepts a function or an observer; `replay` keeps the last value. */
class TinySubject {
  constructor(replay, initial) {
    this.replay = replay;
    this.value = initial;
    this.observers = new Set();
  }

  subscribe(observerOrNext) {
    const next = typeof observerOrNext === 'function' ? observerOrNext : (v) => observerOrNext?.next?.(v);
    const entry = { next };
    this.observers.add(entry);
    if (this.replay) next(this.value);
    const observers = this.observers;
    return {
      closed: false,
      unsubscribe() {
        this.closed = true;
        observers.delete(entry);
      },
    };
  }

  next(value) {
    this.value = value;
    for (const entry of [...this.observers]) entry.next(value);
  }
}

const done = () => Promise.resolve();

/**
 * @param {{ profile: object, status: object, tasks: object[] }} session what `connect()` answers
 * @param {{ clone?: boolean }} [options] `clone: false` answers `connect()` with the session itself
 *   (once, as a backend hands over a freshly parsed message) instead of a copy each time
 */
export function scriptedBackend(session, { clone = true } = {}) {
  const events = new TinySubject(false, undefined);
  const connection = new TinySubject(true, { status: 'disconnected' });
  return {
    events$: events,
    connection$: connection,
    /** Put one backend event on the stream (synchronously). */
    push: (event) => events.next(event),
    connect() {
      connection.next({ status: 'connected' });
      return Promise.resolve(clone ? structuredClone(session) : session);
    },
    snapshot: () => Promise.resolve(structuredClone(session)),
    disconnect() {
      connection.next({ status: 'disconnected' });
      return done();
    },
    setAgentState: done,
    directory: () => Promise.resolve({ agents: [], queues: [], entryPoints: [] }),
    outdial: done,
    accept: done,
    decline: done,
    hold: done,
    resume: done,
    toggleMute: done,
    pauseRecording: done,
    resumeRecording: done,
    consult: done,
    endConsult: done,
    consultTransfer: done,
    consultConference: done,
    exitConference: done,
    transfer: done,
    end: done,
    wrapup: done,
    setUserData: done,
    deleteUserData: done,
  };
}
