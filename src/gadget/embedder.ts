/**
 * Who frames the gadget. Used only to show a clear "not allowed here" message early: the
 * real protections are the `Content-Security-Policy: frame-ancestors` header the deployment
 * sends and the bridge service's own origin allow-list.
 * @module
 */

/**
 * The origins of the windows that frame `win`, nearest first; `[]` when `win` is a top-level
 * window; `null` when it is framed but the browser does not say by whom (no
 * `location.ancestorOrigins` and no referrer).
 */
export function embedderOrigins(win: Window = window): string[] | null {
  if (win.parent === win) return [];
  const ancestors = win.location.ancestorOrigins;
  if (ancestors && ancestors.length > 0) return Array.from(ancestors);
  // Firefox: the referrer (trimmed to the origin by the default referrer policy) names the parent.
  const referrer = win.document.referrer;
  if (referrer) {
    try {
      return [new URL(referrer).origin];
    } catch {
      return null;
    }
  }
  return null;
}
