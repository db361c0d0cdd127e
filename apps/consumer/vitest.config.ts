import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Packing and installing with npm and pnpm takes a while on two cores; no verdict depends on it.
    testTimeout: 120_000,
    hookTimeout: 600_000,
    fileParallelism: false,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
