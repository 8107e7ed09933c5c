/**
 * The bridge's origin allow-list: who may talk to the service, and what each origin may call.
 *
 * Syntax (a string, or an array of such strings): origins separated by whitespace or commas;
 * an origin may be followed by a parenthesised, comma-separated list of method globs on
 * `"<namespace>.<method>"` that narrows what it may call, e.g.
 * `https://a.example https://crm.example:8443 (interaction.get*, agent.*)`.
 * An origin without a list may call every method. Origins are exact: scheme + host + port.
 * @module
 */
import { ALL_METHODS, type MethodName } from './protocol.js';

/** One allowed origin and its method filter. */
export interface OriginRule {
  /** The serialized origin, e.g. `https://crm.example:8443` (default ports dropped). */
  readonly origin: string;
  /** Method globs; undefined = every method. */
  readonly methods?: readonly string[];
}

const GLOB = /^[A-Za-z*]+(\.[A-Za-z*]+)?$|^\*$/;

/** Normalises one origin entry, or throws a clear Error. */
function parseOrigin(entry: string): string {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    throw new Error(`bridge origins: "${entry}" is not an origin (expected scheme://host[:port])`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`bridge origins: "${entry}" must use http or https`);
  }
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) {
    throw new Error(`bridge origins: "${entry}" must be an origin only (no path, query, fragment or credentials)`);
  }
  const bare = entry.replace(/\/$/, '');
  if (bare.includes('*')) throw new Error(`bridge origins: "${entry}": wildcards are not allowed in origins`);
  return url.origin;
}

/** Checks one method glob, or throws. */
function parseGlob(glob: string, origin: string): string {
  if (!GLOB.test(glob)) {
    throw new Error(`bridge origins: "${glob}" (for ${origin}) is not a method pattern like "interaction.get*" or "agent.*"`);
  }
  return glob;
}

/** Splits a spec into origin tokens and their parenthesised filters. */
function parseSpec(spec: string, into: OriginRule[]): void {
  let i = 0;
  const n = spec.length;
  const isSep = (c: string): boolean => /[\s,]/.test(c);
  while (i < n) {
    while (i < n && isSep(spec[i]!)) i++;
    if (i >= n) break;
    if (spec[i] === '(' || spec[i] === ')') {
      throw new Error(`bridge origins: a method list must follow an origin (at "${spec.slice(i, i + 30)}")`);
    }
    let j = i;
    while (j < n && !isSep(spec[j]!) && spec[j] !== '(' && spec[j] !== ')') j++;
    const origin = parseOrigin(spec.slice(i, j));
    i = j;
    // An optional "(…)" after whitespace.
    let k = i;
    while (k < n && /\s/.test(spec[k]!)) k++;
    let methods: string[] | undefined;
    if (spec[k] === '(') {
      const close = spec.indexOf(')', k);
      if (close < 0) throw new Error(`bridge origins: unclosed "(" after ${origin}`);
      const inner = spec.slice(k + 1, close);
      if (inner.includes('(')) throw new Error(`bridge origins: nested "(" after ${origin}`);
      methods = inner
        .split(/[\s,]+/)
        .filter((s) => s !== '')
        .map((g) => parseGlob(g, origin));
      if (methods.length === 0) throw new Error(`bridge origins: empty method list after ${origin}`);
      i = close + 1;
    } else if (spec[k] === ')') {
      throw new Error(`bridge origins: unexpected ")" after ${origin}`);
    }
    const existing = into.findIndex((r) => r.origin === origin);
    if (existing >= 0) throw new Error(`bridge origins: ${origin} is listed twice`);
    into.push(methods ? { origin, methods } : { origin });
  }
}

/**
 * Parses the allow-list. Throws a clear Error on a malformed entry (a bad origin, a path,
 * a wildcard origin, a bad method pattern, an unbalanced parenthesis, a duplicate).
 */
export function parseOrigins(spec: string | readonly string[]): OriginRule[] {
  const rules: OriginRule[] = [];
  const parts = typeof spec === 'string' ? [spec] : spec;
  for (const part of parts) {
    if (typeof part !== 'string') throw new Error('bridge origins: every entry must be a string');
    parseSpec(part, rules);
  }
  return rules;
}

/** The rule for an exact origin, if any. `null` and opaque origins never match. */
export function findRule(rules: readonly OriginRule[], origin: string): OriginRule | undefined {
  return rules.find((r) => r.origin === origin);
}

const globCache = new Map<string, RegExp>();
function globToRegExp(glob: string): RegExp {
  let re = globCache.get(glob);
  if (!re) {
    const src = glob
      .split('*')
      .map((s) => s.replace(/[.]/g, '\\.'))
      .join('.*');
    re = new RegExp(`^${src}$`);
    globCache.set(glob, re);
  }
  return re;
}

/** Does a glob match a method name? (`*` matches any run of characters, dots included.) */
export function globMatches(glob: string, method: string): boolean {
  return globToRegExp(glob).test(method);
}

/** May this origin call that method? */
export function isMethodAllowed(rule: OriginRule, method: string): boolean {
  if (!rule.methods) return true;
  return rule.methods.some((g) => globMatches(g, method));
}

/** Every method this origin may call, in a stable order. */
export function allowedMethods(rule: OriginRule): MethodName[] {
  return ALL_METHODS.filter((m) => isMethodAllowed(rule, m));
}
