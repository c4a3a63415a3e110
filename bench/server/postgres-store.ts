import type { TestProject } from 'vitest/node';
import type { StoreLocation } from '../../server/store/dialect.ts';
import setupPostgres, { databaseUrl, type PostgresForTests } from '../../tests/support/postgres.ts';
import { postgresBinaries } from '../../tests/support/postgres-binaries.ts';

/**
 * A throwaway PostgreSQL cluster for the length of `work`, made by the test suite's own setup
 * (tests/support/postgres.ts: initdb, a free port, durability off, stopped afterwards), and its
 * migrated template database as the store. Null when this machine has no PostgreSQL binaries.
 */
export async function withPostgres<T>(work: (location: StoreLocation) => Promise<T>): Promise<T | null> {
  if (!postgresBinaries() && !process.env.ORBIT_TEST_PG_URL) return null;
  let provided: PostgresForTests | null = null;
  // The setup only needs a project to hand its cluster to.
  const project = { name: 'bench', provide: (_key: 'postgres', value: PostgresForTests) => (provided = value) } as unknown as TestProject;
  const teardown = await setupPostgres(project);
  try {
    const { adminUrl, template } = provided as unknown as PostgresForTests;
    return await work({ databaseUrl: databaseUrl(adminUrl, template) });
  } finally {
    await teardown();
  }
}
