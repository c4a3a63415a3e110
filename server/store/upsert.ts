import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import { dialectOf, type StoreDialect } from './dialect.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Upsert statements by dialect, table, columns, key and row count, each built once. */
const statements = new Map<string, string>();

interface Upsert {
  table: string;
  /** Columns written, in the order of each row's values (names from our own schema). */
  columns: readonly string[];
  /** The unique key a row may already hold. */
  key: readonly string[];
}

function upsertSql(dialect: StoreDialect, { table, columns, key }: Upsert, rows: number): string {
  const id = `${dialect} ${table} ${columns.join(',')} ${key.join(',')} ${rows}`;
  let text = statements.get(id);
  if (text === undefined) {
    const quote = (c: string) => `"${c}"`;
    let n = 0;
    const row = () => `(${columns.map(() => (dialect === 'postgres' ? `$${++n}` : '?')).join(', ')})`;
    const values = Array.from({ length: rows }, row).join(', ');
    const updates = columns.filter((c) => !key.includes(c)).map((c) => `${quote(c)} = excluded.${quote(c)}`);
    text = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${values} on conflict (${key.map(quote).join(', ')}) do update set ${updates.join(', ')}`;
    statements.set(id, text);
  }
  return text;
}

/**
 * Inserts rows, or replaces every column but the key of those already there: what Kysely's
 * `insertInto(table).values(rows).onConflict(key).doUpdateSet(...)` does, built and compiled once
 * per shape instead of on every write (for the writes every mutation makes, that building was
 * the biggest cost left). Each row holds one value per column, in `columns` order.
 */
export async function upsertRows(db: Db, upsert: Upsert, rows: readonly (readonly unknown[])[]): Promise<void> {
  if (rows.length === 0) return;
  const sqlText = upsertSql(dialectOf(db as Kysely<Database>), upsert, rows.length);
  await db.executeQuery(CompiledQuery.raw(sqlText, rows.flat()));
}
