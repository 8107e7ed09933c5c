/**
 * Bundles the baselines of the first-render figure with esbuild into bench/build/ (git-ignored)
 * for the first-render page: the React 19 list (bench/baselines/task-list.jsx, react and
 * react-dom from the devDependencies, production build) into react-task-list.js (and, with V8's
 * compile hint `//# allFunctionsCalledOnLoad` as our files have it, react-task-list-hinted.js), and the floors
 * (bench/baselines/floors.js: a bare Lit element, plain DOM; with the hint) into floors.js. Returns
 * the React version.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from '../../scripts/static-server.mjs';

const bundle = (entry, out, banner) =>
  build({
    entryPoints: [join(projectRoot, 'bench', 'baselines', entry)],
    outfile: join(projectRoot, 'bench', 'build', out),
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
    ...(banner ? { banner: { js: banner } } : {}),
  });

export async function buildBaselines() {
  await Promise.all([
    bundle('task-list.jsx', 'react-task-list.js'),
    // The same with the compile hint our files carry (rollup.config.mjs), for a like-for-like figure.
    bundle('task-list.jsx', 'react-task-list-hinted.js', '//# allFunctionsCalledOnLoad'),
    // The floors with it too: what Lit (or the DOM) costs once its code is compiled as ours is.
    bundle('floors.js', 'floors.js', '//# allFunctionsCalledOnLoad'),
  ]);
  return JSON.parse(readFileSync(join(projectRoot, 'node_modules', 'react', 'package.json'), 'utf8')).version;
}
