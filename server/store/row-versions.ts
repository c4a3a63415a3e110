import type { Kysely, Transaction } from 'kysely';
import type { EntityKind, EntityOf } from '../../shared/model/index.ts';
import { fromRow } from './rows.ts';
import { entityTables, type Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;
/** Entity tables with the `version` column of migration 005, addressed by kind at run time. */
type Loose = Kysely<Record<string, Record<string, unknown> & { id: string; version: number }>>;
const loose = (db: Db) => db as unknown as Loose;

/** A stored row and its version: the seq of the change that last wrote it (0 for rows loaded outside the log). */
export interface Versioned<K extends EntityKind> {
  entity: EntityOf<K>;
  version: number;
}

export const versioned = <K extends EntityKind>(kind: K, row: Record<string, unknown>): Versioned<K> => ({
  entity: fromRow(kind, row),
  version: Number(row.version),
});

/** A stored row as the table holds it (columns, not the entity), or undefined. */
export function getRow(db: Db, kind: EntityKind, id: string): Promise<Record<string, unknown> | undefined> {
  return loose(db).selectFrom(entityTables[kind]).selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getVersioned<K extends EntityKind>(db: Db, kind: K, id: string): Promise<Versioned<K> | undefined> {
  const row = await getRow(db, kind, id);
  return row && versioned(kind, row);
}

/** A ticket's messages with their versions, oldest first. */
export async function threadVersioned(db: Db, ticketId: string): Promise<Versioned<'message'>[]> {
  const rows = await loose(db).selectFrom('messages').selectAll().where('ticket_id', '=', ticketId).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => versioned('message', r));
}

export async function setVersion(trx: Transaction<Database>, kind: EntityKind, id: string, version: number): Promise<void> {
  await loose(trx).updateTable(entityTables[kind]).set({ version }).where('id', '=', id).execute();
}

export async function deleteEntity(trx: Transaction<Database>, kind: EntityKind, id: string): Promise<void> {
  await loose(trx).deleteFrom(entityTables[kind]).where('id', '=', id).execute();
}
