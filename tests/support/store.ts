import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { openDatabase, type StoreLocation } from '../../server/store/dialect.ts';
import { migrate } from '../../server/store/migrate.ts';
import type { Database } from '../../server/store/schema.ts';
import { databaseUrl } from './postgres.ts';

export type StoreKind = 'sqlite' | 'postgres';

/** The store tests run on: ORBIT_TEST_STORE (set per vitest project), SQLite by default. */
export function testStoreKind(): StoreKind {
  const kind = process.env.ORBIT_TEST_STORE ?? 'sqlite';
  if (kind !== 'sqlite' && kind !== 'postgres') throw new Error(`ORBIT_TEST_STORE must be sqlite or postgres, not "${kind}".`);
  return kind;
}

const tempDirs = new Set<string>();

function tempDbFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'orbit-server-'));
  if (tempDirs.size === 0) {
    // Kept until the test process ends, so a test can stop a server and start it again on the same file.
    process.once('exit', () => tempDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  }
  tempDirs.add(dir);
  return join(dir, 'server.sqlite');
}

/** A new PostgreSQL database of the run's cluster (tests/support/postgres.ts), a copy of the migrated template or empty. */
async function freshDatabase(migrated: boolean): Promise<string> {
  // Imported here, not above: Playwright also loads this module, outside vitest.
  const { inject } = await import('vitest');
  const postgres = inject('postgres');
  if (!postgres) throw new Error('ORBIT_TEST_STORE=postgres needs the vitest project to run tests/support/postgres.ts as its globalSetup.');
  const name = `${postgres.prefix}${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgres.adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${migrated ? postgres.template : 'template0'}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(postgres.adminUrl, name);
}

/**
 * A store of its own for one test server: a temp SQLite file, or a new PostgreSQL database
 * (migrated, unless asked for an empty one). Nothing is shared between test files.
 */
export async function freshStore(opts: { kind?: StoreKind; migrated?: boolean } = {}): Promise<StoreLocation> {
  const migrated = opts.migrated ?? true;
  if ((opts.kind ?? testStoreKind()) === 'postgres') return { databaseUrl: await freshDatabase(migrated) };
  const location = { dbFile: tempDbFile() };
  if (migrated) await readStore(location, (db) => migrate(db));
  return location;
}

/** Reads (or changes) a test server's store directly, beside the running server, on either dialect. */
export async function readStore<T>(location: StoreLocation, read: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const db = openDatabase(location);
  try {
    return await read(db);
  } finally {
    await db.destroy();
  }
}

/** Sets a ticket's status in a test server's store behind its back (no change logged): replicas hear nothing of it. */
export function setStatusBehindServer(location: StoreLocation, ticketId: string, status: 'open' | 'closed'): Promise<unknown> {
  return readStore(location, (db) => db.updateTable('tickets').set({ status }).where('id', '=', ticketId).execute());
}
