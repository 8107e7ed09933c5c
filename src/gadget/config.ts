/**
 * The gadget's deployed configuration: which origins may embed and drive it, and how its
 * `<cc-provider>` is set up. It comes only from files the deployer controls — a
 * `<script type="application/json" id="cc-gadget-config">` inside gadget.html or, when that
 * names no origins, a same-origin `gadget.config.json` beside it — never from the embedding
 * page, its URL or the query string.
 * @module
 */
import { parseOrigins, type OriginRule } from '../bridge/origins.js';

/** The element that holds the inline configuration. */
export const CONFIG_ELEMENT_ID = 'cc-gadget-config';
/** The file fetched (relative to gadget.html) when the inline configuration names no origins. */
export const CONFIG_FILE = 'gadget.config.json';

/** A validated configuration. */
export interface GadgetConfig {
  /**
   * The allow-list, in `<cc-provider bridge-origins>` syntax: exact origins, each optionally
   * narrowed to method globs, e.g. `"https://crm.example (interaction.get*, agent.*)"`.
   */
  origins: string[];
  /** The parsed allow-list (for the embedder check). */
  rules: OriginRule[];
  /** Extra `<cc-provider>` attributes (e.g. `seed`, `locale`); `bridge-origins` is not one. */
  provider: Record<string, string>;
}

/** A configuration problem the deployer must fix; its message is shown in the gadget. */
export class GadgetConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GadgetConfigError';
  }
}

const ATTRIBUTE = /^[a-z][a-z0-9-]*$/;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates a parsed JSON configuration. Throws {@link GadgetConfigError}. */
export function parseGadgetConfig(json: unknown): GadgetConfig {
  if (!isPlainObject(json)) throw new GadgetConfigError('the configuration must be a JSON object');
  const { origins, provider = {} } = json;
  if (!Array.isArray(origins) || !origins.every((o) => typeof o === 'string')) {
    throw new GadgetConfigError('"origins" must be an array of origin strings, e.g. ["https://crm.example"]');
  }
  let rules: OriginRule[];
  try {
    rules = parseOrigins(origins);
  } catch (e) {
    throw new GadgetConfigError((e as Error).message);
  }
  if (!isPlainObject(provider)) throw new GadgetConfigError('"provider" must be an object of attribute names to values');
  const attrs: Record<string, string> = {};
  for (const [name, value] of Object.entries(provider)) {
    if (!ATTRIBUTE.test(name) || name === 'bridge-origins') {
      throw new GadgetConfigError(`"provider" may not set the attribute "${name}"`);
    }
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new GadgetConfigError(`"provider.${name}" must be a string, number or boolean`);
    }
    if (value !== false) attrs[name] = value === true ? '' : String(value);
  }
  return { origins: origins as string[], rules, provider: attrs };
}

/** Reads the inline configuration: `undefined` when absent or when it names no origins. */
function readInline(doc: Document): unknown {
  const el = doc.getElementById(CONFIG_ELEMENT_ID);
  if (!el) return undefined;
  if (!(el instanceof HTMLScriptElement) || el.type !== 'application/json') {
    throw new GadgetConfigError(`#${CONFIG_ELEMENT_ID} must be a <script type="application/json">`);
  }
  let json: unknown;
  try {
    json = JSON.parse(el.textContent ?? '');
  } catch (e) {
    throw new GadgetConfigError(`#${CONFIG_ELEMENT_ID} is not valid JSON: ${(e as Error).message}`);
  }
  return isPlainObject(json) && 'origins' in json ? json : undefined;
}

/**
 * Loads the configuration: the inline one if it names origins, else `gadget.config.json`
 * from the gadget's own origin. Throws {@link GadgetConfigError} when neither is usable.
 */
export async function loadGadgetConfig(doc: Document = document, fetchFn: typeof fetch = fetch): Promise<GadgetConfig> {
  const inline = readInline(doc);
  if (inline !== undefined) return parseGadgetConfig(inline);

  const url = new URL(CONFIG_FILE, doc.baseURI);
  const own = doc.location?.origin ?? location.origin;
  if (url.origin !== own) throw new GadgetConfigError(`${CONFIG_FILE} must come from the gadget's own origin`);
  let res: Response;
  try {
    res = await fetchFn(url.href, { credentials: 'same-origin', cache: 'no-cache' });
  } catch (e) {
    throw new GadgetConfigError(`could not load ${CONFIG_FILE}: ${(e as Error).message}`);
  }
  if (!res.ok) {
    throw new GadgetConfigError(
      `no configuration: add "origins" to #${CONFIG_ELEMENT_ID} in gadget.html or deploy ${CONFIG_FILE} (HTTP ${res.status})`,
    );
  }
  // A redirect must not hand the configuration to another origin.
  if (res.url && new URL(res.url).origin !== own) throw new GadgetConfigError(`${CONFIG_FILE} was redirected to another origin`);
  let json: unknown;
  try {
    json = await res.json();
  } catch (e) {
    throw new GadgetConfigError(`${CONFIG_FILE} is not valid JSON: ${(e as Error).message}`);
  }
  return parseGadgetConfig(json);
}
