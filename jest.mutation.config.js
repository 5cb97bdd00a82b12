/**
 * The tests `npm run mutation` runs against each mutant: the core unit tests, which exercise the
 * files that decide a flag directly. The wider suites (sync, CLI, e2e, the accuracy benchmark)
 * reach the same code only through slow end-to-end paths and would multiply the run time.
 */
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = { ...base, roots: ['<rootDir>/test/core'] };
