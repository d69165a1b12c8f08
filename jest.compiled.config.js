/**
 * The HTTP tests against the compiled build (`npm run build` first): every import of `src/…`
 * from a test resolves to `dist/…`, and a test that starts Delegate as its own process runs
 * `node dist/index.js`, as `npm start` does. `.ci/run` runs this once after `npm test`.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS config extending another
const base = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test/http'],
  moduleNameMapper: { '^(?:\\.\\./)+src/(.*)$': '<rootDir>/dist/$1' },
  setupFiles: ['<rootDir>/test/support/compiled-env.js'],
};
