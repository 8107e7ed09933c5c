import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench/results.json', 'coverage/**', 'bench/build/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='postMessage'] > Literal[value='*']", message: "Never post with targetOrigin '*'." },
      ],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Customer data renders as text: use Lit templates or textContent.' },
        { property: 'outerHTML', message: 'Customer data renders as text.' },
      ],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**', 'demo/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
