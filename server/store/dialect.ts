import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

/** Where a store lives: a SQLite file (or ':memory:') on this machine, or a PostgreSQL database many servers share. */
export type StoreLocation = { dbFile: string; databaseUrl?: never } | { databaseUrl: string; dbFile?: never };

export type StoreDialect = 'sqlite' | 'postgres';

/** Connections per server instance; PostgreSQL's default limit of 100 leaves room for several instances. */
const POOL_SIZE = 10;
const INT8_OID = 20;

/**
 * int8 (counts, bigint columns) arrives as text from pg, because it may not fit a JS number. Ours
 * always do in practice; one that does not becomes a BigInt, which fails loudly (JSON, arithmetic)
 * instead of silently losing digits.
 */
function parseInt8(text: string): number | bigint {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : BigInt(text);
}

const pgTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? parseInt8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** The location's dialect; a databaseUrl must be a postgres:// URL. */
export function dialectOfLocation(location: StoreLocation): StoreDialect {
  if (location.databaseUrl === undefined) return 'sqlite';
  if (!/^postgres(ql)?:\/\//.test(location.databaseUrl)) {
    throw new Error(`The database URL must start with postgres:// or postgresql:// (got "${location.databaseUrl.split(':')[0]}:…").`);
  }
  return 'postgres';
}

/** Which dialect a Kysely instance (or a migration's transaction) speaks, for the few statements that differ. */
export function dialectOf<DB>(db: Kysely<DB>): StoreDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Distinct SQL texts kept prepared; texts with `in (…)` lists of every length make the set open-ended. */
const PREPARED_STATEMENTS = 1000;

/**
 * Kysely prepares every query it runs again; preparing cost a quarter of the server's time while
 * pushes were applied. This prepares each SQL text once (the least recently used are let go), and
 * a fresh statement for a text whose cached one is still being iterated.
 */
function withPreparedStatements(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (cached) return statement;
      cache.set(sql, statement);
      if (cache.size > PREPARED_STATEMENTS) cache.delete(cache.keys().next().value as string);
      return statement;
    },
  };
}

function openSqlite(file: string): Kysely<Database> {
  const sqlite = new SQLite(file);
  if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
  // Several server processes (or a CLI beside a running server) may share one file.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withPreparedStatements(sqlite) }) });
}

function openPostgres(connectionString: string): Kysely<Database> {
  const pool = new pg.Pool({ connectionString, max: POOL_SIZE, keepAlive: true, types: pgTypes });
  // An idle connection the database dropped (restart, failover) must not crash the server: the pool replaces it.
  pool.on('error', (err) => console.error(`PostgreSQL connection lost: ${err.message}`));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * The one place that picks the SQL dialect. Everything else talks to Kysely; where the dialects
 * differ (column types, locking, notifications) the code asks `dialectOf`.
 */
export function openDatabase(location: StoreLocation): Kysely<Database> {
  return dialectOfLocation(location) === 'postgres' ? openPostgres(location.databaseUrl as string) : openSqlite(location.dbFile as string);
}
