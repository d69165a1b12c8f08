/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Type checking is `npm run typecheck` (tsc --noEmit); here each file is only transpiled.
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, diagnostics: false }] },
  testTimeout: 30000,
  maxWorkers: 2,
  // A worker that has run many files holds 1.3 GB of heap (2 GB resident) by the end of the
  // suite; exiting a process that size takes longer than the 500 ms jest allows on a loaded
  // 2-core machine, hence "A worker process has failed to exit gracefully" with no handle left
  // open (a probe at the end found only jest's own pipes). A worker past this is replaced
  // between files instead, which also keeps two of them within a small machine's memory.
  workerIdleMemoryLimit: '800MB',
};
