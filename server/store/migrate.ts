import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrations } from './migrations/index.ts';
import type { Database } from './schema.ts';

/** Brings the database to the newest migration (or to `to`), each migration in its own transaction. Returns what ran. */
export async function migrate(db: Kysely<Database>, opts: { to?: string } = {}): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results = [] } = opts.to ? await migrator.migrateTo(opts.to) : await migrator.migrateToLatest();
  if (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/previously executed migration .* is missing/.test(message)) {
      throw new Error(`This database was migrated by a newer Orbit server (${message}); refusing to touch it. Upgrade the server.`);
    }
    const failed = results.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${message}`, { cause: error });
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
