#!/usr/bin/env node
/**
 * Size budgets of the built bundles (run after `npm run build`).
 *
 * Prints the raw and gzip size of every file in dist/ (declarations summed in one row; `--all`
 * lists them too), then checks each budget of scripts/size-budget.json, in exact bytes of gzip
 * level 9, each file compressed on its own and summed. A budget is one of:
 *  - `{ "entry": "cc-host.js" }`: the file plus every chunk it loads through static
 *    `import`/`export … from` (recursively; dynamic `import()` is not counted); an entry that is
 *    not a script (`cc-elements.css`) is the file alone;
 *  - `{ "entry": "cc-elements.js", "withLazy": "elements/" }`: the same, plus the chunks it loads
 *    with `import()` whose path starts so (and theirs): the core with every element, the full desk
 *    (`withLazy` may be a list of such beginnings);
 *  - `{ "element": "task-list" }`: what dist/elements/task-list.js adds on top of the core (its
 *    static graph minus cc-elements.js's). Every file in dist/elements/ must have such a line, so a
 *    new element is one line: `{ "element": "conversation", "maxGzipBytes": 4096 }`.
 * A budget may also name source folders that must not be in its graph (read from the chunks'
 * source maps). When a budget fails, the largest source modules in it are listed.
 *
 * Usage: node scripts/size.mjs [--all] [--dist DIR]   Exit status 1 when a budget is exceeded or broken.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';
import { parseAst } from 'rollup/parseAst';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const distArg = process.argv.indexOf('--dist');
// `--dist DIR` measures another build (scripts/measure.mjs builds into a private folder).
const dist = distArg > 0 ? resolve(process.argv[distArg + 1]) : join(root, 'dist');
const budgetFile = join(root, 'scripts', 'size-budget.json');
/** The shared core every element chunk imports. */
const CORE = 'cc-elements.js';
const listAll = process.argv.includes('--all');

const gzipSize = (buf) => gzipSync(buf, { level: constants.Z_BEST_COMPRESSION }).length;
const rel = (file) => relative(dist, file).split(sep).join('/');
const num = (n) => String(n).padStart(9);
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

/** Every file under `dir`, sorted. */
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]))
    .sort();
}

function parse(code, file) {
  try {
    return parseAst(code);
  } catch (error) {
    throw new Error(`cannot parse ${rel(file)}: ${error.message}`);
  }
}

/** The specifiers of a module's static imports and re-exports (top level only, as ES modules require). */
function staticImports(code, file) {
  return parse(code, file).body
    .filter((n) => n.type === 'ImportDeclaration' || ((n.type === 'ExportNamedDeclaration' || n.type === 'ExportAllDeclaration') && n.source))
    .map((n) => n.source.value);
}

/** The string specifiers of a module's dynamic `import()`s, anywhere in it. */
function dynamicImports(file) {
  const found = [];
  const walkNode = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walkNode);
    if (node.type === 'ImportExpression' && node.source?.type === 'Literal') found.push(node.source.value);
    for (const key of Object.keys(node)) if (key !== 'type') walkNode(node[key]);
  };
  walkNode(parse(readFileSync(file, 'utf8'), file));
  return found;
}

/**
 * The files of a budget: an `entry`'s static graph (plus, with `withLazy`, the static graphs of
 * the chunks it imports dynamically from that folder), or an `element`'s chunk minus the core.
 */
function budgetGraph(budget) {
  if (budget.element) {
    const core = new Set(staticGraph(join(dist, CORE)));
    return staticGraph(join(dist, 'elements', `${budget.element}.js`)).filter((f) => !core.has(f));
  }
  const entry = join(dist, budget.entry);
  const files = new Set(staticGraph(entry));
  if (budget.withLazy) {
    const lazy = [budget.withLazy].flat();
    for (const file of [...files]) {
      for (const spec of dynamicImports(file)) {
        const target = resolve(dirname(file), spec);
        if (lazy.some((start) => rel(target).startsWith(start))) for (const f of staticGraph(target)) files.add(f);
      }
    }
  }
  return [...files];
}

/** The entry and every file it statically imports, in discovery order. Throws on a bare or missing import. */
function staticGraph(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    if (!existsSync(file)) throw new Error(`${rel(file)} does not exist (run npm run build)`);
    seen.add(file);
    if (!file.endsWith('.js')) return;
    for (const spec of staticImports(readFileSync(file, 'utf8'), file)) {
      if (!spec.startsWith('./') && !spec.startsWith('../')) {
        throw new Error(`${rel(file)} imports "${spec}", which is not a file in dist/ and would not be counted`);
      }
      visit(resolve(dirname(file), spec));
    }
  };
  visit(entry);
  return [...seen];
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one source-map VLQ segment into numbers. */
function decodeVlq(segment) {
  const out = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/**
 * Approximate minified bytes per original source of `file`, from its `.map` (characters from one
 * mapping to the next are charged to the first one's source). `undefined` without a map.
 */
function bytesBySource(file) {
  const mapFile = `${file}.map`;
  if (!existsSync(mapFile)) return undefined;
  const map = JSON.parse(readFileSync(mapFile, 'utf8'));
  const lines = readFileSync(file, 'utf8').split('\n');
  const sources = map.sources.map((s) => relative(root, resolve(dirname(file), map.sourceRoot ?? '', s)).split(sep).join('/'));
  const totals = new Map();
  const add = (name, bytes) => totals.set(name, (totals.get(name) ?? 0) + bytes);
  let source = 0;
  let current = '(unmapped)';
  map.mappings.split(';').forEach((lineMappings, lineIndex) => {
    const text = lines[lineIndex] ?? '';
    let column = 0;
    const segments = lineMappings
      .split(',')
      .filter(Boolean)
      .map((seg) => {
        const [dc, ds] = decodeVlq(seg);
        column += dc;
        if (ds !== undefined) source += ds;
        return { column, source: ds !== undefined ? source : undefined };
      });
    // Text before a line's first mapping continues the previous line's last one (a multi-line
    // template literal, say); the newline goes with it too.
    const first = segments.length ? segments[0].column : text.length;
    add(current, first + 1);
    segments.forEach((seg, i) => {
      const end = i + 1 < segments.length ? segments[i + 1].column : text.length;
      current = seg.source === undefined ? '(unmapped)' : sources[seg.source];
      add(current, Math.max(0, end - seg.column));
    });
    // Source indexes carry over from line to line (only columns reset), as the spec says.
  });
  return totals;
}

// ── every file ────────────────────────────────────────────────────────────────────────────────

if (!existsSync(dist)) {
  console.error('size: dist/ does not exist — run `npm run build` first.');
  process.exit(1);
}
const files = walk(dist);
const sizes = new Map(
  files.map((f) => {
    const buf = readFileSync(f);
    return [f, { raw: buf.length, gzip: gzipSize(buf) }];
  }),
);

console.log(`dist/ — every file, raw and gzip -9 bytes\n${'file'.padEnd(52)}${'raw'.padStart(9)}${'gzip'.padStart(9)}`);
const grouped = { raw: 0, gzip: 0, count: 0 };
for (const f of files) {
  const name = rel(f);
  const { raw, gzip } = sizes.get(f);
  if (!listAll && name.startsWith('types/')) {
    grouped.raw += raw;
    grouped.gzip += gzip;
    grouped.count++;
    continue;
  }
  console.log(`${name.padEnd(52)}${num(raw)}${num(gzip)}`);
}
if (grouped.count) console.log(`${`types/ (${grouped.count} files; --all lists them)`.padEnd(52)}${num(grouped.raw)}${num(grouped.gzip)}`);

// ── budgets ───────────────────────────────────────────────────────────────────────────────────

const { budgets } = JSON.parse(readFileSync(budgetFile, 'utf8'));
let failed = 0;
console.log('\nBudgets (gzip -9, each file on its own, summed; static imports only)');
// Every element chunk has a budget of its own.
const elementsDir = join(dist, 'elements');
const budgeted = new Set(budgets.map((b) => b.element).filter(Boolean));
for (const file of existsSync(elementsDir) ? readdirSync(elementsDir) : []) {
  const element = file.endsWith('.js') ? file.slice(0, -3) : undefined;
  if (element && !budgeted.has(element)) {
    failed++;
    console.log(`FAIL  elements/${file} has no budget: add { "element": "${element}", "maxGzipBytes": … } to scripts/size-budget.json`);
  }
}
for (const budget of budgets) {
  const problems = [];
  let graph = [];
  budget.name ??= `elements/${budget.element}.js (what <cc-${budget.element}> adds to the core)`;
  try {
    graph = budgetGraph(budget);
  } catch (error) {
    problems.push(error.message);
  }
  const total = graph.reduce((sum, f) => sum + (sizes.get(f)?.gzip ?? gzipSize(readFileSync(f))), 0);
  const bySource = new Map();
  for (const f of graph) {
    for (const [src, bytes] of bytesBySource(f) ?? []) bySource.set(src, (bySource.get(src) ?? 0) + bytes);
  }
  for (const forbidden of budget.forbidSources ?? []) {
    const hits = [...bySource.keys()].filter((s) => s.includes(forbidden));
    if (hits.length) problems.push(`contains ${forbidden} (${hits.length} modules, e.g. ${hits[0]}) — it must load lazily`);
    if (graph.some((f) => !existsSync(`${f}.map`))) problems.push(`cannot check for ${forbidden}: a file has no source map`);
  }
  const over = total > budget.maxGzipBytes;
  const ok = !over && problems.length === 0;
  if (!ok) failed++;
  const pct = ((total / budget.maxGzipBytes) * 100).toFixed(1);
  console.log(
    `${ok ? 'PASS' : 'FAIL'}  ${budget.name}\n      ${total} bytes gzip of ${budget.maxGzipBytes} allowed (${pct}%; ${kb(total)} of ${kb(budget.maxGzipBytes)})` +
      (over ? `, ${total - budget.maxGzipBytes} bytes over` : `, ${budget.maxGzipBytes - total} bytes left`),
  );
  for (const f of graph) console.log(`        ${rel(f).padEnd(44)}${num(sizes.get(f)?.gzip ?? 0)} gzip`);
  for (const p of problems) console.log(`      ! ${p}`);
  if (over && bySource.size) {
    const top = [...bySource].sort((a, b) => b[1] - a[1]).slice(0, 15);
    const all = [...bySource.values()].reduce((a, b) => a + b, 0);
    console.log('      largest sources (≈ minified bytes before gzip, from the source maps):');
    for (const [src, bytes] of top) console.log(`        ${src.padEnd(60)}${num(bytes)}  ${((bytes / all) * 100).toFixed(1)}%`);
    const byFolder = new Map();
    for (const [src, bytes] of bySource) {
      const folder = src.replace(/^(src\/[^/]+|node_modules\/(@[^/]+\/)?[^/]+).*$/, '$1');
      byFolder.set(folder, (byFolder.get(folder) ?? 0) + bytes);
    }
    const folders = [...byFolder].sort((a, b) => b[1] - a[1]).slice(0, 10);
    console.log(`      by folder: ${folders.map(([f, b]) => `${f} ${((b / all) * 100).toFixed(0)}%`).join(', ')}`);
  }
}
console.log(failed ? `\nsize: ${failed} budget(s) failed` : '\nsize: every budget holds');
process.exit(failed ? 1 : 0);

