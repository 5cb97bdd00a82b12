// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The rooms of the code (ARCHITECTURE.md §4) are enforced here, not by convention:
 * - src/core is pure: it imports only its own flat folder (`./x`), never a package, never
 *   `node:*`, and reads no clock, environment or process.
 * - src/sandbox stands in for Salesforce and shares no code with the connector, in either
 *   direction, so that their mistakes cannot agree.
 */
const CONNECTOR_ROOMS = ['**/core/**', '**/salesforce/**', '**/sync/**', '**/state/**', '**/config/**'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'coverage/**',
      'node_modules/**',
      '*.config.js',
      '*.config.mjs',
      'manifests/**',
      // npm run mutation: Stryker's sandbox copies of the repository and its reports.
      '.stryker-tmp/**',
      'reports/**',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // lint-probe.ts files exist only in test/lint's in-memory probes of the rules below.
        projectService: { allowDefaultProject: ['src/*/lint-probe.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Prettier wraps code at 120; this catches what it leaves long: comments. Long strings (messages
      // and test names) are read whole, so breaking them would only hide them from a search.
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\./[^/]+$)',
              message: 'src/core is pure: import only sibling core modules (./x), no packages, no node:*.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/core reads no environment: take it as an argument.' },
        { name: 'require', message: 'src/core imports only sibling core modules.' },
        { name: 'setTimeout', message: 'src/core has no timers.' },
        { name: 'fetch', message: 'src/core does no I/O.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'src/core has no clock: take `now` as an argument.' },
        { object: 'Math', property: 'random', message: 'src/core is deterministic.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'src/core has no clock: take `now` as an argument.',
        },
      ],
    },
  },
  {
    files: ['src/sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: CONNECTOR_ROOMS,
              message:
                'The sandbox shares no code with the connector (ARCHITECTURE.md §4): only the REST contract and manifests/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'src/core/**/*.ts',
      'src/salesforce/**/*.ts',
      'src/sync/**/*.ts',
      'src/state/**/*.ts',
      'src/config/**/*.ts',
    ],
    ignores: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/sandbox/**', '**/sandbox'],
              message: 'The connector shares no code with the sandbox (ARCHITECTURE.md §4); only the CLI starts both.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      // Tests use jest's expect(...).rejects and builders returning partials; these rules cost more than they catch there.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
