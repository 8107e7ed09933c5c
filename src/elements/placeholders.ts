/**
 * Until an element's chunk has loaded, its tag is an unknown inline element with no height: when
 * the chunk arrives and the element renders, everything below it would jump. This stylesheet
 * (adopted by the document when the entry runs, so a Content-Security-Policy without inline
 * styles allows it) gives every not-yet-defined tag of ours the font and the height of what the
 * element first shows (its empty state, with the default tokens), and keeps it invisible until then.
 * @module
 */
const FONT = `display:block;visibility:hidden;font-family:var(--cc-font-family,system-ui,-apple-system,'Segoe UI',Roboto,sans-serif);font-size:var(--cc-font-size,14px)`;

/** The first height of each element, in lines of its text (lh) and spacing units. */
const FIRST_HEIGHT: Record<string, string> = {
  'cc-task-list': 'calc(1lh + 2 * var(--cc-space, 8px))',
  'cc-call-controls': '1lh',
  'cc-agent-state': 'max(32px, 1lh + 2 * var(--cc-space, 8px))',
  'cc-consult-picker': '3lh',
  'cc-task-details': '1lh',
  'cc-outdial': 'calc(20lh + 8 * var(--cc-space, 8px))',
};

export const placeholderCss = [
  `:where(cc-agent-state,cc-incoming-task,cc-task-list,cc-call-controls,cc-consult-picker,cc-wrapup-form,cc-task-details,cc-outdial,cc-conversation):not(:defined){${FONT}}`,
  ...Object.entries(FIRST_HEIGHT).map(([tag, height]) => `${tag}:not(:defined){min-height:${height}}`),
].join('\n');

/** Adopt the placeholder styles into `doc` (once). */
export function reserveSpace(doc: Document): void {
  if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in doc)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(placeholderCss);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}
