import { defineConfig } from 'vitest/config';

// Two speeds: unit tests on src/lib (milliseconds) and build tests that build tiny fixture
// sites with the real Astro pipeline (seconds each). End-to-end tests run under Playwright.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 300_000,
          // Builds are CPU-bound; two cores run them one file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
