/**
 * Until an element's chunk has loaded, its tag is an unknown inline element with no height: when
 * the chunk arrives and the element renders, everything below it would jump. These rules give
 * every not-yet-defined tag of ours the font and the height of what the element first shows (its
 * empty state, with the default tokens), and keep it invisible until then.
 *
 * `placeholderCss` is their one source. The build writes it to dist/cc-elements.css (see
 * rollup.config.mjs; it runs this module on its own, so it imports nothing), which a page links in
 * its <head>: it applies from the first painted frame.
 * For pages that do not link it, cc-elements.js adopts the same rules when it runs
 * (`reserveSpace`; an adopted sheet, so a Content-Security-Policy without inline styles allows
 * it), which can be after Chromium has painted the first frame.
 * @module
 */
/** The font of the elements (the same as tokens.ts gives them). */
const FONT = `display:block;visibility:hidden;font-family:var(--cc-font-family,system-ui,sans-serif);font-size:var(--cc-font-size,14px)`;

/**
 * The first height of each element, in lines of its text (lh), spacing units and the 32 px of a
 * control. Tags not named here first render empty (no offer, no task: the call controls' bar, the
 * wrap-up form).
 */
const FIRST_HEIGHT: Record<string, string> = {
  'cc-task-list': 'calc(1lh + 2 * var(--cc-space, 8px))',
  'cc-agent-state': 'max(32px, 1lh + 2 * var(--cc-space, 8px))',
  'cc-consult-picker': '3lh',
  'cc-task-details': '1lh',
  'cc-conversation': '1lh',
  // Its legend, the number (label and a 34 px field), five rows of 40 px keys, the caller ID
  // (label and select), the Dial button; the gaps between them.
  'cc-outdial': 'calc(3lh + 34px + 5 * 40px + 2 * 32px + 6.5 * var(--cc-space, 8px))',
};

const TAGS = 'cc-agent-state,cc-incoming-task,cc-task-list,cc-call-controls,cc-consult-picker,cc-wrapup-form,cc-task-details,cc-outdial,cc-conversation';

export const placeholderCss = [
  `:where(${TAGS}):not(:defined){${FONT}}`,
  ...Object.entries(FIRST_HEIGHT).map(([tag, height]) => `${tag}:not(:defined){min-height:${height}}`),
  // Defined, but its provider is still starting (the custom state `starting`, see CcElement): the
  // same box, exactly, whatever the element shows meanwhile. Rules of their own, so a browser that
  // does not know :state() drops only these.
  `:where(${TAGS}):state(starting){visibility:hidden;overflow:hidden;box-sizing:border-box;height:0}`,
  ...Object.entries(FIRST_HEIGHT).map(([tag, height]) => `${tag}:state(starting){height:${height}}`),
].join('\n');

/**
 * Adopt the placeholder rules into `doc`. On a page that links dist/cc-elements.css they then
 * apply twice, which changes nothing: the same declarations from the same source. (The adopted
 * copy comes after the document's own sheets: a page that overrides a placeholder rule does so
 * with a more specific selector, as it must for any stylesheet loaded after its own.)
 */
export function reserveSpace(doc: Document): void {
  if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in doc)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(placeholderCss);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
