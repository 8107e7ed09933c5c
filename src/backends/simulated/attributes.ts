/**
 * The simulator-related attributes of `<cc-provider>` as the simulator's options: attribute units
 * are the ones a page author thinks in (seconds), the simulator's are milliseconds. Part of the
 * simulator's chunk — only a provider that simulates needs it.
 * @module
 */
import type { Clock } from './clock.js';
import type { SimulatorOptions } from './simulated-contact-center.js';

/** The simulator-related attributes as the provider holds them. */
export interface SimulatorAttributes {
  seed?: string;
  /** Seconds between automatic offers; 0 = none; absent = a realistic, seeded cadence. */
  offerEvery?: number;
  /** Milliseconds before a command's confirming event. */
  latency?: number;
  /** Seconds an offer rings before it is redirected (RONA). */
  ronaTimeout?: number;
  wrapUpRequired?: boolean;
  /** Seconds before wrap-up finishes by itself; 0 or absent = no auto wrap-up. */
  autoWrapup?: number;
  startAvailable?: boolean;
  agentName?: string;
  clock?: Clock;
}

/** A finite number ≥ 0, or undefined (so a bad attribute falls back to the simulator's default). */
const nonNegative = (n: number | undefined): number | undefined =>
  typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;

/** A finite number > 0, or undefined (0 means "none" for these attributes). */
const positive = (n: number | undefined): number | undefined => nonNegative(n) || undefined;

/** Options with only the keys that were given (the simulator keeps its defaults for the rest). */
export function simulatorOptions(a: SimulatorAttributes): SimulatorOptions {
  const seed = a.seed?.trim();
  const offerEvery = nonNegative(a.offerEvery);
  const autoWrapup = positive(a.autoWrapup);
  const options: SimulatorOptions = {
    seed: seed ? (/^-?\d+$/.test(seed) ? Number(seed) : seed) : undefined,
    clock: a.clock,
    // A provider routes work to its agent like a contact center unless told otherwise.
    offerEveryMs: offerEvery === undefined ? 'realistic' : offerEvery * 1000,
    latencyMs: nonNegative(a.latency),
    ronaTimeoutSeconds: positive(a.ronaTimeout),
    wrapUpRequired: a.wrapUpRequired,
    autoWrapup: autoWrapup ? { enabled: true, timeoutSeconds: autoWrapup, allowCancel: true } : undefined,
    startAvailable: a.startAvailable || undefined,
    agentName: a.agentName?.trim() || undefined,
  };
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
