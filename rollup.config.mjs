/**
 * Builds dist/:
 * - cc-elements.js: the ES module entry for <script type="module">: the core (lit, rxjs, store,
 *   model, element base, provider) that loads each element's chunk (elements/<name>.js) when its
 *   tag is first used; cc-elements.css: its placeholder rules, for the page's <head>; index.js:
 *   the same build for bundlers, every element registered on import.
 *   The simulated contact center, the bridge and the non-English catalogs are chunks loaded only
 *   when used.
 * - cc-desk.js: the whole desk in one ES module (src/desk.ts): every element that shows before the
 *   desk's first task; the consult picker, the wrap-up form with the task details and the
 *   conversation (one chunk, loaded with the first task), the simulator, the bridge and the
 *   catalogs are chunks in desk-chunks/, loaded when used.
 * - cc-elements.iife.js: one self-contained classic script (global `CcElements`, src/index.ts) for
 *   CRMs that cannot load modules.
 * - cc-host.js / cc-host.iife.js: the host client for pages that drive the widgets by postMessage.
 * - gadget.html + gadget.js: the iframe gadget.
 * Declarations (dist/types) come from `tsc -p tsconfig.build.json`, custom-elements.json from
 * `cem analyze` (see package.json).
 */
import { mkdirSync, copyFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
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
/**
 * V8's explicit compile hint (Chrome 136+): `//# allFunctionsCalledOnLoad` as a file's first line
 * has V8 compile every function of the file as the file loads (off the main thread while it
 * streams in) instead of each one on its first call, on the main thread, while the desk renders.
 * The desk's own files run nearly all of their code at its first render, so they carry it: the
 * first render with 10 tasks went from ~22 to ~13 ms (bench/README.md). Not the chunks loaded
 * only when used — the simulator, the bridge service, the de/fr catalogs — much of which may never
 * run, nor the one-file classic script and the gadget, which inline them. Other browsers ignore the
 * comment.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
const LOADED_WHEN_USED = new Set(['simulated', 'service', 'de', 'fr']);
const compileHint = () => ({
  name: 'compile-hint',
  banner: (chunk) => (LOADED_WHEN_USED.has(chunk.name) ? '' : COMPILE_HINT),
});

const plugins = (outDir, { hint = true } = {}) => [
  resolve({ exportConditions: ['es2015'], browser: true }),
  ts(outDir),
  minifyLiterals({ failOnError: true }),
  ...(hint ? [compileHint()] : []),
  // Comments go, but the compile hint (a banner: minified with the chunk).
  terser({ format: { comments: /^# allFunctionsCalledOnLoad$/ }, compress: { passes: 2 }, ecma: 2022, module: true }),
];
const onwarn = (warning) => {
  // Lit's decorators produce `this` at the top level of helpers; everything else is an error.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  throw new Error(`${warning.code}: ${warning.message}`);
};

/**
 * dist/cc-elements.css: the placeholder rules (`placeholderCss` of src/elements/placeholders.ts)
 * as a stylesheet a page links in its <head>, so they hold from the first painted frame, before
 * any script has run. The rules are taken from the placeholder module as this build compiled it
 * (its code after the TypeScript transform, run here): the stylesheet and the rules cc-elements.js
 * adopts when a page does not link it come from the same source and cannot differ.
 */
const placeholderStylesheet = () => ({
  name: 'placeholder-stylesheet',
  async generateBundle() {
    const id = resolvePath('src/elements/placeholders.ts');
    const module = this.getModuleInfo(id);
    if (!module?.code) this.error('src/elements/placeholders.ts is not part of this build');
    // Run on its own from a data: URL, where no import could be resolved.
    if (module.importedIds.length) this.error('src/elements/placeholders.ts must import nothing (the build runs it alone)');
    const { placeholderCss } = await import(`data:text/javascript;base64,${Buffer.from(module.code).toString('base64')}`);
    this.emitFile({
      type: 'asset',
      fileName: 'cc-elements.css',
      source: `/* cc-elements (from src/elements/placeholders.ts): each tag keeps its first height, invisible, until its element has loaded. */\n${placeholderCss}\n`,
    });
  },
});

/** Copy the gadget's HTML beside its script once the bundle is written. */
const copyGadgetHtml = () => ({
  name: 'copy-gadget-html',
  writeBundle() {
    mkdirSync('dist', { recursive: true });
    copyFileSync('src/gadget/gadget.html', 'dist/gadget.html');
  },
});

/**
 * The ES module entries: cc-elements.js (script tags: the core, each other element loaded when its
 * tag is first used), index.js (bundlers: everything, registered on import) and one entry per
 * element (elements/<name>.js, the subpath exports `cc-elements/<name>`; the lazy registry loads
 * these same files). Adding an element: one line here, in src/elements/registry.ts (ELEMENT_TAGS)
 * and in src/elements/element-chunks.ts, and in src/index.ts and src/desk.ts.
 */
export const ELEMENT_ENTRIES = {
  'agent-state': 'src/elements/agent-state/agent-state.ts',
  'incoming-task': 'src/elements/incoming-task/incoming-task.ts',
  'task-list': 'src/elements/task-list/task-list.ts',
  'call-controls': 'src/elements/call-controls/call-controls.ts',
  'consult-picker': 'src/elements/consult-picker/consult-picker.ts',
  'wrapup-form': 'src/elements/wrapup-form/wrapup-form.ts',
  'task-details': 'src/elements/task-details/task-details.ts',
  outdial: 'src/elements/outdial/outdial.ts',
  conversation: 'src/elements/conversation/conversation.ts',
};

/** Modules of the elements that several element chunks share: they live in the core. */
const SHARED_ELEMENT_PARTS =
  /src\/elements\/base\/|src\/elements\/incoming-task\/(task-text|task-times|offer-element|offer\.styles)\.ts$|node_modules\/(lit|lit-html|@lit)\//;

/**
 * The core is cc-elements.js itself: every module the entry loads statically (lit, rxjs, the store,
 * the model, the element base, the provider), plus the parts the elements share (lit's directives,
 * the task texts and times, the offer base class). Each element chunk then imports only
 * cc-elements.js: a tag's first use costs one request, with nothing behind it.
 */
const coreChunks = () => {
  const entry = resolvePath('src/cc-elements.ts');
  let core;
  return (id, { getModuleInfo }) => {
    if (!core) {
      core = new Set();
      const visit = (m) => {
        if (core.has(m)) return;
        core.add(m);
        for (const next of getModuleInfo(m)?.importedIds ?? []) visit(next);
      };
      visit(entry);
    }
    return core.has(id) || SHARED_ELEMENT_PARTS.test(id.split('\\').join('/')) ? 'cc-elements' : undefined;
  };
};

/** The ES module build (also used by scripts/measure.mjs, into a folder of its own). */
export const esModuleConfig = (dir = 'dist') => ({
  input: {
    'cc-elements': 'src/cc-elements.ts',
    index: 'src/index.ts',
    ...Object.fromEntries(Object.entries(ELEMENT_ENTRIES).map(([name, file]) => [`elements/${name}`, file])),
  },
  // Shared code may live in an entry that already loads it (the core in cc-elements.js) instead
  // of a separate shared chunk: one request and one file fewer on first load.
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir,
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    manualChunks: coreChunks(),
    sourcemap: true,
  },
  plugins: [...plugins(dir), placeholderStylesheet()],
  onwarn,
});

const configs = [
  esModuleConfig(),
  {
    // The whole desk in one ES module for pages that place all of it (src/desk.ts): one request for
    // every element that shows before the desk's first task. What shows only on demand (the consult
    // picker) or once there is a task (src/elements/task-elements.ts), and what not every page uses
    // (simulator, bridge, de/fr) are chunks in desk-chunks/, importing from cc-desk.js itself
    // ('allow-extension': no shared chunk and no re-export file in between).
    input: 'src/desk.ts',
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: 'cc-desk.js',
      chunkFileNames: 'desk-chunks/[name]-[hash].js',
      sourcemap: true,
    },
    plugins: plugins(),
    onwarn,
  },
  {
    // The one-file classic script: src/index.ts, every element, the lazy chunks inlined (so no
    // compile hint: the simulator and the bridge in it may never run).
    input: 'src/index.ts',
    output: {
      file: 'dist/cc-elements.iife.js',
      format: 'iife',
      name: 'CcElements',
      inlineDynamicImports: true,
      sourcemap: true,
    },
    plugins: plugins(undefined, { hint: false }),
    onwarn,
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
    // Everything inlined, as the classic script: no compile hint.
    output: { file: 'dist/gadget.js', format: 'iife', inlineDynamicImports: true, sourcemap: true },
    plugins: [...plugins(undefined, { hint: false }), copyGadgetHtml()],
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
