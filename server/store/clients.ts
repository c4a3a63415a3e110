import type { Kysely, Transaction } from 'kysely';
import { ApiFailure } from '../http/api-failure.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Ties a client id to the agent using it (first use registers it) and returns the client's
 * last applied-or-rejected mutation id. A client id of another agent is refused.
 */
export async function claimClient(db: Db, clientId: string, agentId: string): Promise<number> {
  const now = new Date().toISOString();
  await db
    .insertInto('clients')
    .values({ client_id: clientId, agent_id: agentId, last_mutation_id: 0, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('client_id').doNothing())
    .execute();
  const row = await db.selectFrom('clients').select(['agent_id', 'last_mutation_id']).where('client_id', '=', clientId).executeTakeFirstOrThrow();
  if (row.agent_id !== agentId) {
    throw new ApiFailure(403, 'forbidden', 'This clientId belongs to another agent; make a new clientId for this replica.');
  }
  return row.last_mutation_id;
}

export async function lastMutationId(db: Db, clientId: string): Promise<number> {
  const row = await db.selectFrom('clients').select('last_mutation_id').where('client_id', '=', clientId).executeTakeFirstOrThrow();
  return row.last_mutation_id;
}

/** Moves the counter from `from` to `to`; false when it no longer stood at `from` (a concurrent push won). */
export async function advanceLastMutationId(trx: Transaction<Database>, clientId: string, from: number, to: number): Promise<boolean> {
  const result = await trx
    .updateTable('clients')
    .set({ last_mutation_id: to, updated_at: new Date().toISOString() })
    .where('client_id', '=', clientId)
    .where('last_mutation_id', '=', from)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function recordRejection(
  trx: Transaction<Database>,
  r: { clientId: string; mutationId: number; name: string; reason: string },
): Promise<void> {
  await trx
    .insertInto('rejected_mutations')
    .values({ client_id: r.clientId, mutation_id: r.mutationId, name: r.name, reason: r.reason, created_at: new Date().toISOString() })
    .execute();
}

/** Why an earlier push refused this mutation, or undefined when it was applied (or never seen). */
export async function recordedRejection(db: Db, clientId: string, mutationId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('rejected_mutations')
    .select('reason')
    .where('client_id', '=', clientId)
    .where('mutation_id', '=', mutationId)
    .executeTakeFirst();
  return row?.reason;
}
