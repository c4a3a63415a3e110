import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** SQLSTATEs PostgreSQL uses for "your snapshot lost a race; run it again". */
const RETRYABLE = new Set(['40001', '40P01']);
const ATTEMPTS = 5;

const retryable = (err: unknown) => RETRYABLE.has((err as { code?: unknown } | null)?.code as string);

/**
 * Runs `read` in one transaction that sees one consistent snapshot of the store: a pull's head,
 * changes and client counter all belong to the same moment. REPEATABLE READ on PostgreSQL (SQLite
 * transactions are serialised anyway). A snapshot that lost a race with a concurrent write (a
 * client row claimed at the same moment) is simply taken again.
 */
export async function consistentRead<T>(db: Kysely<Database>, read: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().setIsolationLevel('repeatable read').execute(read);
    } catch (err) {
      if (attempt >= ATTEMPTS || !retryable(err)) throw err;
    }
  }
}
