import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // One mock for all files; the load tests must not compete with each other for the two cores.
    fileParallelism: false,
    // Vitest empties CSS imports unless told otherwise: the inspector's page.css (imported `?raw`) must stay whole.
    css: { include: [/page\.css/] },
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
