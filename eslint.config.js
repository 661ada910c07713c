// ESLint (flat config): the recommended JavaScript and typescript-eslint rules over src/ and
// tests/ (`npm run lint`, run by .ci/run before the tests). Formatting is Prettier's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bench-results/**', 'src/formatters/safe-words.ts', 'tests/data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // finding and escaping control characters is part of the job (binary files, hostile names)
      'no-control-regex': 'off',
    },
  },
  {
    // preloads for spawned test processes (tests/support/*.cjs)
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        Buffer: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // the HTML report's script, run in the browser (src/formatters/html/report.js)
    files: ['src/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: Object.fromEntries(
        ['document', 'Element', 'Node', 'addEventListener', 'innerWidth', 'matchMedia', 'location', 'window'].map(
          (g) => [g, 'readonly'],
        ),
      ),
    },
  },
);
