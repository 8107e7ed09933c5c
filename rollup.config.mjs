/**
 * Builds dist/:
 * - cc-elements.js: the ES module entry (for bundlers and <script type="module">); the simulated
 *   contact center and the non-English catalogs are separate chunks loaded only when used.
 * - cc-elements.iife.js: one self-contained classic script (global `CcElements`) for CRMs that
 *   cannot load modules.
 * - cc-host.js / cc-host.iife.js: the host client for pages that drive the widgets by postMessage.
 * - gadget.html + gadget.js: the iframe gadget.
 * Declarations (dist/types) come from `tsc -p tsconfig.build.json`, custom-elements.json from
 * `cem analyze` (see package.json).
 */
import { mkdirSync, copyFileSync } from 'node:fs';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';

const ts = (outDir = 'dist') =>
  typescript({
    tsconfig: './tsconfig.build.json',
    declaration: false,
    emitDeclarationOnly: false,
    sourceMap: true,
    outDir,
    noEmitOnError: true,
    // `npm run lint` type-checks; the bundles only need the transform (much faster).
    noCheck: true,
  });
const plugins = (outDir) => [
  resolve({ exportConditions: ['es2015'], browser: true }),
  ts(outDir),
  minifyLiterals({ failOnError: true }),
  terser({ format: { comments: false }, compress: { passes: 2 }, ecma: 2022, module: true }),
];
const onwarn = (warning) => {
  // Lit's decorators produce `this` at the top level of helpers; everything else is an error.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  throw new Error(`${warning.code}: ${warning.message}`);
};

/** Copy the gadget's HTML beside its script once the bundle is written. */
const copyGadgetHtml = () => ({
  name: 'copy-gadget-html',
  writeBundle() {
    mkdirSync('dist', { recursive: true });
    copyFileSync('src/gadget/gadget.html', 'dist/gadget.html');
  },
});

/** The ES module build (also used by scripts/measure.mjs, into a folder of its own). */
export const esModuleConfig = (dir = 'dist') => ({
  input: 'src/index.ts',
  // The lazy chunks (simulator, bridge, catalogs) import shared code straight from the entry
  // instead of from a separate shared chunk: one request and one file fewer on first load.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir,
    format: 'es',
    entryFileNames: 'cc-elements.js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  plugins: plugins(dir),
  onwarn,
});

// The ES module build and the classic script from one run: the sources are transformed once and
// written twice (the classic script inlines the lazy chunks).
const main = esModuleConfig();
const configs = [
  {
    ...main,
    output: [
      main.output,
      {
        file: 'dist/cc-elements.iife.js',
        format: 'iife',
        name: 'CcElements',
        inlineDynamicImports: true,
        sourcemap: true,
      },
    ],
  },
];

configs.push(
  {
    input: 'src/bridge/host-client.ts',
    output: [
      { file: 'dist/cc-host.js', format: 'es', sourcemap: true },
      { file: 'dist/cc-host.iife.js', format: 'iife', name: 'CcHost', sourcemap: true },
    ],
    plugins: plugins(),
    onwarn,
  },
  {
    input: 'src/gadget/boot.ts',
    output: { file: 'dist/gadget.js', format: 'iife', inlineDynamicImports: true, sourcemap: true },
    plugins: [...plugins(), copyGadgetHtml()],
    onwarn,
  },
);

// The Webex Contact Center adapter: its own entry, loaded only by pages that use it. The SDK is
// never bundled: the host provides it (the UMD build's window.Webex, or its own import).
configs.push({
  input: 'src/backends/webex/index.ts',
  external: [/^@webex\//],
  output: [
    { file: 'dist/webex.js', format: 'es', sourcemap: true },
    { file: 'dist/webex.iife.js', format: 'iife', name: 'CcWebex', sourcemap: true },
  ],
  plugins: plugins(),
  onwarn,
});

export default configs;
