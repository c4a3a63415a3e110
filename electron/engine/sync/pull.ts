import type { EntityKind } from '../../../shared/model/index.ts';
import { Cursor } from '../../../shared/sync/protocol.ts';
import { log } from '../log.ts';
import type { Replica } from '../replica/replica.ts';
import type { BootstrapHooks } from './bootstrap.ts';
import { rebase } from './rebase.ts';
import { downloadScopes } from './scope-download.ts';
import { reconcileScopes } from './scope-reconcile.ts';
import { scopeSync } from './scope-state.ts';
import type { SyncApi } from './sync-api.ts';

const PULL_PAGE_CHANGES = 1000;
/** Scope downloads (and the pulls after them) in one call; a checksum that still disagrees after that waits for the next cycle. */
const MAX_SCOPE_ROUNDS = 2;

const noHooks: Pick<BootstrapHooks, 'onRows'> = { onRows: () => undefined };

/**
 * Pulls change pages from the cursor until the server has no more, rebasing pending mutations on
 * each page in one transaction; the last page's scopes and checksums are reconciled in it. Scopes
 * gained or to be repaired are then downloaded and pulled after. On `reset` the cursor is dropped,
 * which makes the next step a re-bootstrap (the outbox is kept). Returns the kinds that changed, or 'reset'.
 */
export async function pullChanges(replica: Replica, api: SyncApi, clientId: string, hooks = noHooks): Promise<Set<EntityKind> | 'reset'> {
  const { meta, writer } = replica;
  const kinds = new Set<EntityKind>();
  for (let round = 0; ; round++) {
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
        const result = await rebase(replica, page, () => reconcileScopes(replica, page));
        meta.set('last_synced_at', new Date().toISOString());
        return result;
      });
      changed.forEach((k) => kinds.add(k));
      if (!page.more) break;
    }
    if (!scopeSync(meta) || round >= MAX_SCOPE_ROUNDS) return kinds;
    (await downloadScopes(replica, api, clientId, hooks)).forEach((k) => kinds.add(k));
  }
}
