import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { postgresSkipReason } from './tests/support/postgres-binaries.ts';

// scripts/test.mjs sets ORBIT_REPORT_DIR to collect a JSON report it can sum up.
const reportDir = process.env.ORBIT_REPORT_DIR;

// The server suite runs on both stores (`*.postgres.test.ts` on PostgreSQL only: several instances
// sharing one database); the integration tests on ORBIT_TEST_STORE (SQLite unless set), plus their
// `*.postgres.test.ts` (the simulator over two instances) on PostgreSQL always.
const serverTests = 'tests/unit/server/**/*.test.ts';
const postgresOnly = '**/*.postgres.test.ts';
const postgresSetup = 'tests/support/postgres.ts';
const integrationStore = process.env.ORBIT_TEST_STORE ?? 'sqlite';
const postgresSkipped = postgresSkipReason();
if (postgresSkipped) console.warn(`\nSkipping the PostgreSQL server suite: ${postgresSkipped}\n`);

export default defineConfig({
  test: {
    environment: 'node',
    // Forks, not threads: better-sqlite3 and the engine's own worker threads are happiest in a process of their own.
    pool: 'forks',
    // Two cores on CI: two test files at a time keeps the integration servers from starving each other.
    maxWorkers: 2,
    reporters: reportDir ? ['default', ['json', { outputFile: join(reportDir, 'vitest.json') }]] : ['default'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: [serverTests], testTimeout: 10_000 } },
      // React components in jsdom, driven the way an agent drives them (Testing Library), against a fake DeskApi.
      { extends: true, test: { name: 'components', include: ['tests/components/**/*.test.tsx'], environment: 'jsdom', testTimeout: 10_000 } },
      { extends: true, test: { name: 'server:sqlite', include: [serverTests], exclude: [postgresOnly], env: { ORBIT_TEST_STORE: 'sqlite' }, testTimeout: 10_000 } },
      ...(postgresSkipped
        ? []
        : [
            {
              extends: true,
              test: {
                name: 'server:postgres',
                include: [serverTests],
                env: { ORBIT_TEST_STORE: 'postgres' },
                globalSetup: [postgresSetup],
                testTimeout: 20_000,
                hookTimeout: 20_000,
              },
            },
          ]),
      {
        extends: true,
        // Real servers, engines and initial syncs over loopback take longer than a unit test.
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          exclude: [postgresOnly],
          env: { ORBIT_TEST_STORE: integrationStore },
          globalSetup: integrationStore === 'postgres' ? [postgresSetup] : [],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      ...(postgresSkipped
        ? []
        : [
            {
              extends: true,
              // The fault simulator on PostgreSQL, over several server instances sharing one database.
              test: {
                name: 'integration:postgres',
                include: [`tests/integration/${postgresOnly}`],
                env: { ORBIT_TEST_STORE: 'postgres' },
                globalSetup: [postgresSetup],
                testTimeout: 90_000,
                hookTimeout: 60_000,
              },
            },
          ]),
    ],
  },
});
