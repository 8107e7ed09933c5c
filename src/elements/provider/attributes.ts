/**
 * `<cc-provider>` attributes as options: yes/no attributes whose absence means the default, and
 * key lists. (The simulator's attributes are turned into its options in its own chunk:
 * src/backends/simulated/attributes.ts.)
 * @module
 */
/**
 * An attribute converter for a yes/no attribute whose absence means "the default": absent →
 * undefined, `"false"`/`"no"`/`"0"`/`"off"` → false, anything else (including empty) → true.
 */
export const optionalBoolean = {
  fromAttribute(value: string | null): boolean | undefined {
    if (value === null) return undefined;
    return !['false', 'no', '0', 'off'].includes(value.trim().toLowerCase());
  },
  toAttribute(value: boolean | undefined): string | null {
    return value === undefined ? null : String(value);
  },
};

/** A space- or comma-separated attribute as a list (absent → undefined; empty → []). */
export const listOf = (value: string | undefined | null): string[] | undefined =>
  value === undefined || value === null ? undefined : value.split(/[\s,]+/).filter((s) => s !== '');
