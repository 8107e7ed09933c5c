import type { CSSResult } from 'lit';

/**
 * Register a custom element unless a tag of that name exists already, so loading the bundle twice
 * on one page (a CRM plus a plug-in, say) does not throw. Its stylesheets are built right away
 * (Lit would build them when the first instance renders): the first render, which waits for data,
 * does not also wait for CSS to be parsed.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  if (customElements.get(tag)) return;
  customElements.define(tag, ctor);
  for (const style of (ctor as { elementStyles?: unknown[] }).elementStyles ?? []) void (style as CSSResult).styleSheet;
}
