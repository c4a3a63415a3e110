import type { MutationTx } from '../../shared/mutators/index.ts';
import type { StoreLocation } from '../../server/store/dialect.ts';
import { lockForWriting } from '../../server/store/workspace.ts';
import { serverMutationTx } from '../../server/sync/mutation-tx.ts';
import { readStore } from './store.ts';

/**
 * A change the server makes itself (inbound email, an admin tool), written beside the running
 * server through the server's own MutationTx: logged, scoped and counted like any other change.
 * The running server sends no poke for it; engines see it on their next pull.
 */
export async function serverWrite(location: StoreLocation, write: (tx: MutationTx) => Promise<void>): Promise<void> {
  await readStore(location, (db) =>
    db.transaction().execute(async (trx) => {
      // Like every writer: serialised with the server's pushes, so seqs stay in commit order.
      await lockForWriting(trx);
      const admin = await trx.selectFrom('agents').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow();
      await write(serverMutationTx(trx, { agentId: admin.id, role: 'admin', visibility: { all: true } }, null, { lastSeq: 0, scopes: new Set() }));
    }),
  );
}
