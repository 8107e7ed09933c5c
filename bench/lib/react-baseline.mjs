/**
 * Bundles the React 19 baseline (bench/react/task-list.jsx, react and react-dom from the
 * devDependencies, production build) with esbuild into bench/build/react-task-list.js for the
 * first-render page. Returns the React version.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from '../../scripts/static-server.mjs';

export async function buildReactBaseline() {
  await build({
    entryPoints: [join(projectRoot, 'bench', 'react', 'task-list.jsx')],
    outfile: join(projectRoot, 'bench', 'build', 'react-task-list.js'),
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  return JSON.parse(readFileSync(join(projectRoot, 'node_modules', 'react', 'package.json'), 'utf8')).version;
}
