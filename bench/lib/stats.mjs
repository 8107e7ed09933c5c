/**
 * Summary statistics of repeated measurements: median and p95 (nearest rank), min, max, count.
 */

/** The value at quantile `q` (0..1) by the nearest-rank method. */
export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1];
}

/** `{ median, p95, min, max, n }` of `values`. */
export function summarize(values) {
  return {
    median: quantile(values, 0.5),
    p95: quantile(values, 0.95),
    min: Math.min(...values),
    max: Math.max(...values),
    n: values.length,
  };
}

/**
 * One row of the results: summary of `samples` and, when there is a target, whether it is met.
 * `target`: `{ max, on: 'median' | 'p95', text }` (the statistic the target is judged on).
 */
export function figure({ id, label, unit, samples, target, note, extra }) {
  const s = summarize(samples);
  const row = { id, label, unit, ...s };
  if (target) row.target = { ...target, met: s[target.on] <= target.max };
  if (note) row.note = note;
  if (extra) row.extra = extra;
  return row;
}
