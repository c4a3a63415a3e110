import type { EntityKind } from '../../../shared/model/index.ts';
import type { CrashPoints } from '../crash-points.ts';
import type { Replica } from '../replica/replica.ts';
import { rebase, type ServerState } from './rebase.ts';

/**
 * The one way server changes enter the replica, for an HTTP pull page and a realtime delta alike.
 * Runs inside the caller's ReplicaWriter transaction; what must follow every pull belongs here.
 */
export async function applyServerPage(replica: Replica, page: ServerState, crashPoints?: CrashPoints): Promise<Set<EntityKind>> {
  const changed = await rebase(replica, page);
  replica.meta.set('last_synced_at', new Date().toISOString());
  await crashPoints?.reach('pull.applying');
  return changed;
}
