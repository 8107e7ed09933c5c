/**
 * Register a custom element unless a tag of that name exists already, so loading the bundle twice
 * on one page (a CRM plus a plug-in, say) does not throw.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
