import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Cursor } from '../../shared/sync/protocol.ts';
import type { Database, WorkspaceTable } from './schema.ts';

/** One workspace per database for now; its row has this id. */
const WORKSPACE_ID = 1;

const newEpoch = () => randomBytes(12).toString('base64url');

/** Creates the workspace on first start (with a fresh epoch); leaves an existing one alone. */
export async function ensureWorkspace(db: Kysely<Database>, name = 'Orbit'): Promise<void> {
  await db
    .insertInto('workspace')
    .values({ id: WORKSPACE_ID, name, epoch: newEpoch(), last_seq: 0, last_ticket_number: 0, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function readWorkspace(db: Kysely<Database> | Transaction<Database>): Promise<WorkspaceTable> {
  return db.selectFrom('workspace').selectAll().where('id', '=', WORKSPACE_ID).executeTakeFirstOrThrow();
}

export async function headCursor(db: Kysely<Database> | Transaction<Database>): Promise<Cursor> {
  const { epoch, last_seq } = await readWorkspace(db);
  return { epoch, seq: last_seq };
}

/**
 * Makes the calling transaction the only writer until it ends; call it before its first read.
 * On PostgreSQL the workspace row lock makes a concurrent writer wait here, so every read a
 * mutation makes sees every write committed before it (no lost update between two pushes on two
 * connections). On SQLite this takes the database write lock, which also orders separate processes.
 * Answers the last seq taken, which no one else can move until this transaction ends.
 */
export async function lockForWriting(trx: Transaction<Database>): Promise<number> {
  const row = await trx
    .updateTable('workspace')
    .set((eb) => ({ last_seq: eb.ref('last_seq') }))
    .where('id', '=', WORKSPACE_ID)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

/**
 * Takes the next `count` numbers of a workspace counter and returns the first. The UPDATE
 * holds the workspace row lock until commit, which is what keeps change-log seqs in commit order.
 */
export async function takeNumbers(trx: Transaction<Database>, counter: 'last_seq' | 'last_ticket_number', count = 1): Promise<number> {
  const row = await trx
    .updateTable('workspace')
    .set((eb) => ({ [counter]: eb(counter, '+', count) }))
    .where('id', '=', WORKSPACE_ID)
    .returning(counter)
    .executeTakeFirstOrThrow();
  return (row[counter] as number) - count + 1;
}

/**
 * Renames the workspace and starts a new epoch: every replica made before re-bootstraps.
 * Used when a whole data set is loaded outside the change log (demo seed, restore).
 */
export async function resetWorkspace(
  db: Kysely<Database> | Transaction<Database>,
  { name, lastTicketNumber }: { name: string; lastTicketNumber: number },
): Promise<void> {
  await db
    .updateTable('workspace')
    .set({ name, epoch: newEpoch(), last_ticket_number: lastTicketNumber })
    .where('id', '=', WORKSPACE_ID)
    .execute();
}
