// As the CLI does (src/state/read-only.ts): URI file names let a read-only open ask for `immutable=1`. Set here, in
// the process that starts the workers, because better-sqlite3 reads the real environment, not a test's copy of it.
process.env.SQLITE_USE_URI ??= '1';

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // roots keeps jest away from dist/, where compiled copies would otherwise run twice.
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  // Type errors are caught by `npm run typecheck` (tsc); swc only strips types, which keeps the suite fast.
  testTimeout: 30000,
};
