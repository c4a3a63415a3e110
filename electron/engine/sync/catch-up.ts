import type { EntityKind } from '../../../shared/model/index.ts';
import type { CrashPoints } from '../crash-points.ts';
import type { Replica } from '../replica/replica.ts';
import type { BootstrapHooks } from './bootstrap.ts';
import { pullChanges } from './pull.ts';
import { downloadScopes } from './scope-download.ts';
import { scopeSync } from './scope-state.ts';
import type { SyncApi } from './sync-api.ts';

/** Downloads per cycle; a checksum that still disagrees after that waits for the next cycle instead of looping. */
const MAX_DOWNLOADS = 2;

/**
 * Brings the replica to the server's head: downloads the scopes an earlier answer queued (gained,
 * or to repair), pulls, and downloads again what the pulled answers queued, then pulls after it.
 * Returns the kinds that changed, or 'reset' (see pullChanges).
 */
export async function catchUp(
  replica: Replica,
  api: SyncApi,
  clientId: string,
  hooks: Pick<BootstrapHooks, 'onRows'>,
  crashPoints?: CrashPoints,
): Promise<Set<EntityKind> | 'reset'> {
  const kinds = new Set<EntityKind>();
  for (let downloads = 0; ; downloads++) {
    if (scopeSync(replica.meta)) (await downloadScopes(replica, api, clientId, hooks)).forEach((k) => kinds.add(k));
    const pulled = await pullChanges(replica, api, clientId, crashPoints);
    if (pulled === 'reset') return pulled;
    pulled.forEach((k) => kinds.add(k));
    if (!scopeSync(replica.meta) || downloads + 1 >= MAX_DOWNLOADS) return kinds;
  }
}
