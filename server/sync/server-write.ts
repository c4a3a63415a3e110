import type { Kysely } from 'kysely';
import type { MutationTx } from '../../shared/mutators/index.ts';
import type { Database } from '../store/schema.ts';
import { serverMutationTx, type CommitEffect } from './mutation-tx.ts';
import { WriteBatch } from './write-batch.ts';

/**
 * A change the server makes itself, no client mutation behind it (a customer's survey answer,
 * inbound email, an admin tool): in one writer's transaction, through the server's own MutationTx,
 * so it is logged with its scopes, versioned and counted in the checksums like any other change.
 * It acts as the workspace's admin. Answers what `write` returned and the commit's effect, for the
 * caller to announce (publishCommit) once committed.
 */
export async function writeAsServer<T>(db: Kysely<Database>, write: (tx: MutationTx) => Promise<T>): Promise<{ result: T; effect: CommitEffect }> {
  const effect: CommitEffect = { lastSeq: 0, scopes: new Set() };
  const result = await db.transaction().execute(async (trx) => {
    // Like every writer: serialised with the pushes, so seqs stay in commit order.
    const batch = await WriteBatch.begin(trx);
    const admin = await trx.selectFrom('agents').select('id').where('role', '=', 'admin').orderBy('id').executeTakeFirstOrThrow();
    const result = await write(serverMutationTx(trx, batch, { agentId: admin.id, role: 'admin', visibility: { all: true } }, null, effect));
    await batch.finish();
    return result;
  });
  return { result, effect };
}
