/**
 * The tests `npm run mutation` runs against each mutant: the core unit tests, which exercise the
 * files that decide a flag directly. The wider suites (sync, CLI, e2e, the accuracy benchmark)
 * reach the same code only through slow end-to-end paths and would multiply the run time. So do
 * the whole-run property tests (order independence, bounds, streamed columns): they reach almost
 * every mutant and take seconds each, and they pin down properties, not which rep is flagged.
 */
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test/core'],
  testPathIgnorePatterns: [
    '/node_modules/',
    '/test/core/properties\\.test\\.ts$',
    '/test/core/event-columns\\.test\\.ts$',
  ],
};
