import type { EntityKind } from '../../../shared/model/index.ts';
import { Cursor } from '../../../shared/sync/protocol.ts';
import { log } from '../log.ts';
import type { Replica } from '../replica/replica.ts';
import { rebase } from './rebase.ts';
import type { SyncApi } from './sync-api.ts';

const PULL_PAGE_CHANGES = 1000;

/**
 * Pulls change pages from the cursor until the server has no more, rebasing pending mutations on
 * each page in one transaction. On `reset` the cursor is dropped, which makes the next step a
 * re-bootstrap (the outbox is kept). Returns the kinds that changed, or 'reset'.
 */
export async function pullChanges(replica: Replica, api: SyncApi, clientId: string): Promise<Set<EntityKind> | 'reset'> {
  const { meta, writer } = replica;
  const kinds = new Set<EntityKind>();
  for (;;) {
    const cursor = meta.getJson('cursor', Cursor);
    if (!cursor) return 'reset';
    const page = await api.pull({ clientId, cursor, limit: PULL_PAGE_CHANGES });
    if (page.reset) {
      log.warn(`the server asks for a fresh download: ${page.reason}`);
      await writer.transaction(() => meta.delete('cursor'));
      return 'reset';
    }
    const changed = await writer.transaction(async () => {
      const result = await rebase(replica, page);
      meta.set('last_synced_at', new Date().toISOString());
      return result;
    });
    changed.forEach((k) => kinds.add(k));
    if (!page.more) return kinds;
  }
}
