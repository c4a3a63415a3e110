import type { Kysely } from 'kysely';
import { openDatabase, type StoreLocation } from './dialect.ts';
import { migrate } from './migrate.ts';
import type { Database } from './schema.ts';
import { ensureWorkspace } from './workspace.ts';

/** Opens the store (a SQLite file or a PostgreSQL database), migrated and with its workspace in place. */
export async function openStore(location: StoreLocation): Promise<Kysely<Database>> {
  const db = openDatabase(location);
  try {
    await migrate(db);
    await ensureWorkspace(db);
    return db;
  } catch (err) {
    await db.destroy();
    throw err;
  }
}
