import type { EntityKind } from '../../../shared/model/index.ts';
import type { Change, Cursor } from '../../../shared/sync/protocol.ts';
import type { Replica } from '../replica/replica.ts';
import { reconcileScopes, type ScopeReport } from './scope-reconcile.ts';
import { applyChanges } from './server-rows.ts';

/**
 * What the server says: its changes after our cursor, our last mutation it has processed, the new
 * cursor and, on the page that reaches the head, the scopes we have with their checksums.
 */
export interface ServerState extends ScopeReport {
  changes: readonly Change[];
  lastMutationId: number;
  cursor: Cursor;
}

type Deps = Pick<Replica, 'outbox' | 'meta' | 'serverRows'>;

/**
 * Writes server data under the agent's pending work. Must run inside one ReplicaWriter
 * transaction: undo local mutations (newest first), let `applyServer` write (the replica then
 * holds server state only), replay the mutations still pending, and let go of rows the server took
 * away that no pending mutation needs any more.
 */
export async function underPendingWork(deps: Deps, applyServer: () => Set<EntityKind>): Promise<Set<EntityKind>> {
  const { outbox, serverRows } = deps;
  const kinds = new Set<EntityKind>();
  const add = (more: Set<EntityKind>) => more.forEach((k) => kinds.add(k));
  serverRows.captureNeeded();
  add(outbox.undoAll());
  add(applyServer());
  add(await outbox.replay());
  add(serverRows.releaseRetained());
  return kinds;
}

/**
 * Brings a page of server changes into the replica (a pull page or a realtime delta alike): under
 * pending work, apply the changes, drop the mutations they include, reconcile the scopes the page
 * reports (the replica holds server state only then), and move the cursor — all or nothing, so the
 * cursor only ever moves together with the data it stands for. `atServerState` runs at that point too.
 */
export function rebase(replica: Replica, server: ServerState, atServerState?: () => Set<EntityKind>): Promise<Set<EntityKind>> {
  return underPendingWork(replica, () => {
    const kinds = applyChanges(replica.serverRows, server.changes);
    replica.outbox.dropPulled(server.lastMutationId);
    reconcileScopes(replica, server).forEach((k) => kinds.add(k));
    atServerState?.().forEach((k) => kinds.add(k));
    replica.meta.setJson('cursor', server.cursor);
    return kinds;
  });
}
