/** `cem analyze` settings: the public elements, read as Lit elements, written to dist/. */
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts'],
  outdir: 'dist',
  litelement: true,
};
