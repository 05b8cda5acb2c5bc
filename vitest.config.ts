import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Interpreter-backed suites start ruby and puppet; they own their time budget.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
