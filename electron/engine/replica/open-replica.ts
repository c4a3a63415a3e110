import type Sqlite from 'better-sqlite3';
import { migrations } from '../migrations/index.ts';
import { migrate } from './migrate.ts';
import { assertNativeSqliteSupported } from './node-guard.ts';

export type Db = Sqlite.Database;

/** FULL: a change the UI has shown survives a power cut too, not only a crash of the app. */
export const DURABLE_SYNCHRONOUS = 'FULL';

/**
 * Opens (or creates) the replica file and brings its schema up to date.
 * better-sqlite3 is loaded only after the runtime check, since loading it on old Node crashes the process.
 */
export async function openReplica(dbFile: string): Promise<Db> {
  assertNativeSqliteSupported();
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(dbFile);
  try {
    // Readers in other processes (backups, diagnostics) must not make our writes fail at once.
    db.pragma('busy_timeout = 5000');
    // Deliberately off: the replica is a partial cache of server-validated rows (scopes), so a
    // referenced row may legitimately be missing; queries use LEFT JOINs instead.
    db.pragma('foreign_keys = OFF');
    // First, so that a file from a newer Orbit is refused before anything about it changes.
    migrate(db, migrations);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${DURABLE_SYNCHRONOUS}`);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
