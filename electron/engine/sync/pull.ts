import type { EntityKind } from '../../../shared/model/index.ts';
import { Cursor } from '../../../shared/sync/protocol.ts';
import type { CrashPoints } from '../crash-points.ts';
import { log } from '../log.ts';
import type { Replica } from '../replica/replica.ts';
import { applyServerPage } from './apply-page.ts';
import type { SyncApi } from './sync-api.ts';

const PULL_PAGE_CHANGES = 1000;

/**
 * Pulls change pages from the cursor until the server has no more, rebasing pending mutations on
 * each page in one transaction. On `reset` the cursor is dropped, which makes the next step a
 * re-bootstrap (the outbox is kept). Returns the kinds that changed, or 'reset'.
 */
export async function pullChanges(replica: Replica, api: SyncApi, clientId: string, crashPoints?: CrashPoints): Promise<Set<EntityKind> | 'reset'> {
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
    const changed = await writer.transaction(() => {
      // A realtime delta moved the replica while this page was on its way: the page is stale, pull on from there.
      const now = meta.getJson('cursor', Cursor);
      return now?.epoch === cursor.epoch && now.seq === cursor.seq ? applyServerPage(replica, page, crashPoints) : null;
    });
    if (changed === null) continue;
    changed.forEach((k) => kinds.add(k));
    if (!page.more) return kinds;
  }
}
