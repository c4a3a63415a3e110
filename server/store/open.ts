import type { Kysely } from 'kysely';
import { openDatabase } from './dialect.ts';
import { migrate } from './migrate.ts';
import type { Database } from './schema.ts';
import { ensureWorkspace } from './workspace.ts';

/** Opens the store at `file` (or ':memory:'), migrated and with its workspace in place. */
export async function openStore(file: string): Promise<Kysely<Database>> {
  const db = openDatabase(file);
  try {
    await migrate(db);
    await ensureWorkspace(db);
    return db;
  } catch (err) {
    await db.destroy();
    throw err;
  }
}
