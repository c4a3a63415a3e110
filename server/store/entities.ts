import type { Kysely, Transaction } from 'kysely';
import type { EntityKind, EntityOf } from '../../shared/model/index.ts';
import { fromRow, toRow } from './rows.ts';
import { entityTables, type Database } from './schema.ts';
import { upsertRows } from './upsert.ts';

type Db = Kysely<Database> | Transaction<Database>;
/** Entity tables as this module sees them: columns from rows.ts, addressed by kind at run time. */
type Loose = Kysely<Record<string, Record<string, unknown>>>;
const loose = (db: Db) => db as unknown as Loose;
const tableOf = (kind: EntityKind): string => entityTables[kind];

export interface Stored<K extends EntityKind> {
  entity: EntityOf<K>;
  scope: string;
}

export async function getEntity<K extends EntityKind>(db: Db, kind: K, id: string): Promise<Stored<K> | undefined> {
  const row = await loose(db).selectFrom(tableOf(kind)).selectAll().where('id', '=', id).executeTakeFirst();
  return row && { entity: fromRow(kind, row), scope: row.scope as string };
}

/** Inserts or replaces a whole row; `version` (the seq of the change writing it) is stamped in the same statement when given. */
export async function putEntity<K extends EntityKind>(db: Db, kind: K, entity: EntityOf<K>, scope: string, version?: number): Promise<void> {
  const row = toRow(kind, entity, scope) as Record<string, unknown>;
  if (version !== undefined) row.version = version;
  // Like Kysely's values(): a column whose value is undefined is not written.
  const columns = Object.keys(row).filter((c) => row[c] !== undefined);
  await upsertRows(db, { table: tableOf(kind), columns, key: ['id'] }, [columns.map((c) => row[c])]);
}

/** Inserts many new rows in chunks small enough for any dialect's parameter limit. */
export async function insertEntities<K extends EntityKind>(
  db: Db,
  kind: K,
  items: readonly { entity: EntityOf<K>; scope: string }[],
): Promise<void> {
  const columns = items[0] ? Object.keys(toRow(kind, items[0].entity, items[0].scope)).length : 1;
  const chunk = Math.max(1, Math.floor(30_000 / columns));
  for (let i = 0; i < items.length; i += chunk) {
    const rows = items.slice(i, i + chunk).map((it) => toRow(kind, it.entity, it.scope) as Record<string, unknown>);
    await loose(db)
      .insertInto(tableOf(kind))
      .values(rows as never)
      .execute();
  }
}

/** Moves a ticket's whole thread to the ticket's new scope; returns the messages moved. */
export async function moveThread(db: Db, ticketId: string, scope: string): Promise<EntityOf<'message'>[]> {
  await loose(db).updateTable('messages').set({ scope }).where('ticket_id', '=', ticketId).execute();
  const rows = await loose(db).selectFrom('messages').selectAll().where('ticket_id', '=', ticketId).orderBy('created_at').execute();
  return rows.map((r) => fromRow('message', r));
}
