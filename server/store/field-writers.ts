import type { Transaction } from 'kysely';
import type { Ticket } from '../../shared/model/index.ts';
import { changedFieldPaths } from '../../shared/rules/conflicts.ts';
import type { Database } from './schema.ts';

/** Records `agentId` as the last writer of every tracked field this write of a ticket changes. */
export async function recordFieldWriters(trx: Transaction<Database>, before: Ticket | undefined, after: Ticket, agentId: string): Promise<void> {
  const paths = changedFieldPaths(before, after);
  if (paths.length === 0) return;
  const now = new Date().toISOString();
  await trx
    .insertInto('field_writers')
    .values(paths.map((field) => ({ kind: 'ticket' as const, entity_id: after.id, field, agent_id: agentId, written_at: now })))
    .onConflict((oc) => oc.columns(['kind', 'entity_id', 'field']).doUpdateSet((eb) => ({ agent_id: eb.ref('excluded.agent_id'), written_at: eb.ref('excluded.written_at') })))
    .execute();
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
