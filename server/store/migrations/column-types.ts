import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';

/**
 * The column declarations that differ between SQLite and PostgreSQL; everything else in a
 * migration ('text', 'integer', indexes, unique constraints) means the same on both. JSON stays
 * 'text' on both, so rows.ts has one code path. A boolean field would be 'integer' 0/1 on both,
 * converted in rows.ts, for the same reason.
 */
export function columnTypes(db: Kysely<unknown>) {
  const postgres = dialectOf(db) === 'postgres';
  return {
    /**
     * A number that may pass 2^31 (change-log seqs, money). SQLite's integer is already 64-bit, and
     * there `integer primary key` must stay exactly that to be the rowid.
     */
    bigint: postgres ? ('bigint' as const) : ('integer' as const),
    /** Bytes (attachments). */
    blob: postgres ? ('bytea' as const) : ('blob' as const),
    /** A primary key the database numbers itself. */
    identity: (c: ColumnDefinitionBuilder) => (postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()),
  };
}
