import type { MutationTx } from '../../shared/mutators/index.ts';
import type { StoreLocation } from '../../server/store/dialect.ts';
import { writeAsServer } from '../../server/sync/server-write.ts';
import { readStore } from './store.ts';

/**
 * A change the server makes itself (inbound email, an admin tool), written beside the running
 * server through the server's own MutationTx: logged, scoped and counted like any other change.
 * The running server sends no poke for it; engines see it on their next pull.
 */
export async function serverWrite(location: StoreLocation, write: (tx: MutationTx) => Promise<void>): Promise<void> {
  await readStore(location, (db) => writeAsServer(db, write));
}
