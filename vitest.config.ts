import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// scripts/test.mjs sets ORBIT_REPORT_DIR to collect a JSON report it can sum up.
const reportDir = process.env.ORBIT_REPORT_DIR;

export default defineConfig({
  test: {
    environment: 'node',
    // Forks, not threads: better-sqlite3 and the engine's own worker threads are happiest in a process of their own.
    pool: 'forks',
    // Two cores on CI: two test files at a time keeps the integration servers from starving each other.
    maxWorkers: 2,
    reporters: reportDir ? ['default', ['json', { outputFile: join(reportDir, 'vitest.json') }]] : ['default'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 10_000 } },
      {
        extends: true,
        // Real servers, engines and initial syncs over loopback take longer than a unit test.
        test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
      },
    ],
  },
});
