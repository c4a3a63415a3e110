import type { Transaction } from 'kysely';
import type { Ticket } from '../../shared/model/index.ts';
import { changedFieldPaths } from '../../shared/rules/conflicts.ts';
import type { Database } from './schema.ts';
import { upsertRows } from './upsert.ts';

/** Records `agentId` as the last writer of every tracked field this write of a ticket changes. */
export async function recordFieldWriters(trx: Transaction<Database>, before: Ticket | undefined, after: Ticket, agentId: string): Promise<void> {
  const paths = changedFieldPaths(before, after);
  if (paths.length === 0) return;
  const now = new Date().toISOString();
  await upsertRows(
    trx,
    { table: 'field_writers', columns: ['kind', 'entity_id', 'field', 'agent_id', 'written_at'], key: ['kind', 'entity_id', 'field'] },
    paths.map((field) => ['ticket', after.id, field, agentId, now]),
  );
}

/** The agent whose mutation last set this field of a ticket; null when none did (e.g. data loaded outside any mutation). */
export async function lastFieldWriter(trx: Transaction<Database>, ticketId: string, field: string): Promise<string | null> {
  const row = await trx
    .selectFrom('field_writers')
    .select('agent_id')
    .where('kind', '=', 'ticket')
    .where('entity_id', '=', ticketId)
    .where('field', '=', field)
    .executeTakeFirst();
  return row?.agent_id ?? null;
}
