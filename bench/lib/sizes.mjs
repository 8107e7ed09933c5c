/**
 * Sizes of every file in dist/: bytes as built (the bundles are minified by the build) and gzip
 * level 9. A chunk that no entry reaches (left over from an earlier build: the build does not empty
 * dist/) is marked stale, so totals count only what a page can load.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Every file under `dir`, as paths relative to `dir` with forward slashes. */
async function walk(dir, base = dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full, base)));
    else out.push(relative(base, full).split('\\').join('/'));
  }
  return out.sort();
}

const REFERENCE = /(?:from|import|src=|import\()\s*["'](\.{1,2}\/[^"']+\.(?:js|json))["']/g;

/** Files reachable from the top-level files of dist/ through relative imports and src attributes. */
function reachable(files, contents) {
  const seen = new Set();
  const queue = files.filter((f) => !f.includes('/') && !f.endsWith('.map'));
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file) || !contents.has(file)) continue;
    seen.add(file);
    if (!/\.(js|html)$/.test(file)) continue;
    for (const [, ref] of contents.get(file).toString('utf8').matchAll(REFERENCE)) {
      queue.push(posix.normalize(posix.join(posix.dirname(file), ref)));
    }
  }
  return seen;
}

/**
 * @param {string} distDir
 * @returns {Promise<Array<{ file: string, kind: string, bytes: number, gzip: number, stale: boolean }>>}
 */
export async function distSizes(distDir) {
  const files = await walk(distDir);
  const contents = new Map();
  for (const file of files) contents.set(file, await readFile(join(distDir, file)));
  const live = reachable(files, contents);
  return files.map((file) => {
    const body = contents.get(file);
    const kind = file.startsWith('types/') ? 'types' : file.endsWith('.map') ? 'map' : 'runtime';
    const owner = kind === 'map' ? file.slice(0, -'.map'.length) : file;
    const stale = kind !== 'types' && owner.startsWith('chunks/') && !live.has(owner);
    return { file, kind, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length, stale };
  });
}

/** Rows for the printed table: each runtime file, then source maps and declarations summed. */
export function sizeRows(sizes) {
  const rows = sizes
    .filter((s) => s.kind === 'runtime')
    .map((s) => ({ label: s.file + (s.stale ? '  (stale: no entry loads it)' : ''), bytes: s.bytes, gzip: s.gzip }));
  for (const [kind, label] of [
    ['map', 'source maps'],
    ['types', 'types/ (declarations)'],
  ]) {
    const group = sizes.filter((s) => s.kind === kind);
    rows.push({
      label: `${label}: ${group.length} files`,
      bytes: group.reduce((n, s) => n + s.bytes, 0),
      gzip: group.reduce((n, s) => n + s.gzip, 0),
    });
  }
  return rows;
}

