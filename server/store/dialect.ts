import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.ts';

/**
 * The one place that picks the SQL dialect. Everything else talks to Kysely, so a
 * PostgreSQL dialect can slot in here as a second choice.
 */
export function openDatabase(file: string): Kysely<Database> {
  const sqlite = new SQLite(file);
  if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
  // Several server processes (or a CLI beside a running server) may share one file.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}
