import { Replica } from '../../electron/engine/replica/replica.ts';
import { plainSecrets } from '../../electron/engine/secret-codec.ts';
import { SessionStore } from '../../electron/engine/session/session-store.ts';
import { bootstrap } from '../../electron/engine/sync/bootstrap.ts';
import { DEMO_WORKSPACE_NAME } from '../../server/demo/credentials.ts';
import { newId } from '../../shared/ids.ts';
import { mintSessions } from './server-store.ts';
import { StoreSnapshots } from './store-snapshots.ts';

/** Where the replica's session points: nowhere, so a workstation opened on it stays offline and unchanged. */
export const NO_SERVER = 'http://127.0.0.1:9';

/**
 * An admin's full replica of a server store, filled by the engine's own bootstrap from pages read
 * straight off the store (minutes at full scale, where a sync over the server's snapshot queries
 * takes far longer), and signed in with a real session of the store so a workstation opens on it.
 */
export async function loadAdminReplica(serverDb: string, file: string, adminId: string): Promise<void> {
  const [token] = await mintSessions({ dbFile: serverDb }, [adminId]);
  const replica = await Replica.open(file);
  const pages = new StoreSnapshots(serverDb);
  try {
    await bootstrap(replica, pages, newId(), { onProgress: () => {}, onRows: () => {} });
    const session = await SessionStore.load(replica, plainSecrets);
    await session.signIn({ serverUrl: NO_SERVER, agentId: adminId, workspaceName: DEMO_WORKSPACE_NAME, token: token as string });
  } finally {
    pages.close();
    await replica.close();
  }
}
