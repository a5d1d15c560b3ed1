import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI tests spawn bin/stdwatch.js, which runs the build (dist/): made once per run, first.
    globalSetup: ['test/support/build.ts'],
    // Parsing the real workbooks and driving child processes and a browser takes seconds, not ms.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: files in parallel by two; the browser and CLI tests are the slow ones.
    maxWorkers: 2,
    pool: 'forks',
  },
});
