/**
 * Per-origin token-bucket rate limiting with a quarantine: an origin that empties its bucket is
 * refused for `quarantineMs`, then starts again with a full bucket.
 * @module
 */

/** Rate-limit settings (per origin). */
export interface RateLimitOptions {
  /** Tokens refilled per second. */
  perSecond: number;
  /** Bucket size: how many messages may arrive at once. */
  burst: number;
  /** How long an origin that exceeded its budget is refused. */
  quarantineMs: number;
}

/** Defaults: 20 messages a second, bursts of 60, 5 s quarantine. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perSecond: 20, burst: 60, quarantineMs: 5000 };

interface Bucket {
  tokens: number;
  at: number;
  quarantinedUntil: number;
}

/** A token bucket per key (origin). */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number,
  ) {
    const { perSecond, burst, quarantineMs } = options;
    if (!(perSecond > 0) || !(burst >= 1) || !(quarantineMs >= 0)) {
      throw new Error('bridge rateLimit: perSecond > 0, burst >= 1 and quarantineMs >= 0 are required');
    }
  }

  /** Takes one token for `key`. False while quarantined or when the bucket is empty (which starts a quarantine). */
  take(key: string): boolean {
    const t = this.now();
    let b = this.buckets.get(key);
    if (!b) {
      b = { tokens: this.options.burst, at: t, quarantinedUntil: -Infinity };
      this.buckets.set(key, b);
    }
    if (t < b.quarantinedUntil) return false;
    if (b.quarantinedUntil !== -Infinity) {
      // The quarantine is over: start afresh.
      b.quarantinedUntil = -Infinity;
      b.tokens = this.options.burst;
      b.at = t;
    }
    const elapsed = Math.max(0, t - b.at);
    b.tokens = Math.min(this.options.burst, b.tokens + (elapsed * this.options.perSecond) / 1000);
    b.at = t;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return true;
    }
    b.quarantinedUntil = t + this.options.quarantineMs;
    return false;
  }

  /** Is `key` quarantined right now? */
  isQuarantined(key: string): boolean {
    const b = this.buckets.get(key);
    return !!b && this.now() < b.quarantinedUntil;
  }
}
