import type { MutationTx } from '../../shared/mutators/index.ts';
import { openDatabase } from '../../server/store/dialect.ts';
import { serverMutationTx } from '../../server/sync/mutation-tx.ts';

/**
 * A change the server makes itself (inbound email, an admin tool), written beside the running
 * server through the server's own MutationTx: logged, scoped and counted like any other change.
 * The running server sends no poke for it; engines see it on their next pull.
 */
export async function serverWrite(dbFile: string, write: (tx: MutationTx) => Promise<void>): Promise<void> {
  const db = openDatabase(dbFile);
  try {
    await db.transaction().execute(async (trx) => {
      const admin = await trx.selectFrom('agents').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow();
      await write(serverMutationTx(trx, { agentId: admin.id, role: 'admin', visibility: { all: true } }, null, { lastSeq: 0, scopes: new Set() }));
    });
  } finally {
    await db.destroy();
  }
}
