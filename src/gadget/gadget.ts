/**
 * The gadget's start-up: load the deployed configuration, check who frames the page, then
 * stamp the desk (`<cc-provider simulate bridge-origins="…">` and the elements, from the
 * `#cc-gadget-desk` template) — or show a clear message instead. The provider turns the
 * postMessage service on for exactly the configured origins.
 * @module
 */
import { findRule } from '../bridge/origins.js';
import { GadgetConfigError, loadGadgetConfig, type GadgetConfig } from './config.js';
import { embedderOrigins } from './embedder.js';

/** The template that holds the desk. */
export const DESK_TEMPLATE_ID = 'cc-gadget-desk';
/** Where a refusal or a configuration problem is shown. */
export const MESSAGE_ID = 'cc-gadget-message';

/** How start-up ended. Also written to `<html data-cc-gadget="…">`. */
export type GadgetBoot =
  | { status: 'running'; config: GadgetConfig; provider: Element }
  | { status: 'refused'; origin: string | null }
  | { status: 'misconfigured'; message: string };

function show(doc: Document, title: string, detail: string): void {
  const box = doc.getElementById(MESSAGE_ID) ?? doc.body.appendChild(doc.createElement('div'));
  box.id = MESSAGE_ID;
  box.setAttribute('role', 'alert');
  const h = doc.createElement('h1');
  h.textContent = title;
  const p = doc.createElement('p');
  p.textContent = detail;
  box.replaceChildren(h, p);
  box.hidden = false;
}

function finish(doc: Document, result: GadgetBoot): GadgetBoot {
  doc.documentElement.dataset.ccGadget = result.status;
  return result;
}

/** Runs the gadget in `doc` (gadget.html). Never throws: problems are shown in the page. */
export async function bootGadget(doc: Document = document): Promise<GadgetBoot> {
  let config: GadgetConfig;
  try {
    config = await loadGadgetConfig(doc);
  } catch (e) {
    const message = e instanceof GadgetConfigError ? e.message : String(e);
    show(doc, 'This agent desk is not configured', `Its deployment must be fixed: ${message}.`);
    return finish(doc, { status: 'misconfigured', message });
  }

  const embedders = embedderOrigins(doc.defaultView ?? window);
  const refused = embedders === null ? null : embedders.find((o) => !findRule(config.rules, o));
  if (embedders === null || refused !== undefined) {
    show(
      doc,
      'This agent desk is not allowed here',
      refused
        ? `It may not be embedded in pages from ${refused}. Its administrator can allow that origin in the gadget's configuration.`
        : 'The page that embeds it could not be identified (the browser sent no origin), so it does not start.',
    );
    return finish(doc, { status: 'refused', origin: refused ?? null });
  }

  const template = doc.getElementById(DESK_TEMPLATE_ID);
  const provider = template instanceof HTMLTemplateElement ? template.content.querySelector('cc-provider') : null;
  if (!template || !provider) {
    const message = `gadget.html has no <template id="${DESK_TEMPLATE_ID}"> holding a <cc-provider>`;
    show(doc, 'This agent desk is not configured', `Its deployment must be fixed: ${message}.`);
    return finish(doc, { status: 'misconfigured', message });
  }
  const desk = doc.importNode((template as HTMLTemplateElement).content, true);
  const stamped = desk.querySelector('cc-provider')!;
  // Configured before it connects, so the service starts once, with the deployed origins.
  for (const [name, value] of Object.entries(config.provider)) stamped.setAttribute(name, value);
  stamped.setAttribute('bridge-origins', config.origins.join(' '));
  template.replaceWith(desk);
  return finish(doc, { status: 'running', config, provider: stamped });
}
