import type { EntityKind } from '../../../shared/model/index.ts';
import type { Change, Cursor } from '../../../shared/sync/protocol.ts';
import type { Replica } from '../replica/replica.ts';
import { applyChanges } from './server-rows.ts';

/** What the server says: its changes after our cursor, our last mutation it has processed, and the new cursor. */
export interface ServerState {
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
 * Brings a page of server changes into the replica: under pending work, apply the changes, drop
 * the mutations they include, and move the cursor — all or nothing, so the cursor only ever moves
 * together with the data it stands for. `atServerState` runs while the replica holds server state
 * only (checksums are compared there).
 */
export function rebase(deps: Deps, server: ServerState, atServerState?: () => Set<EntityKind>): Promise<Set<EntityKind>> {
  return underPendingWork(deps, () => {
    const kinds = applyChanges(deps.serverRows, server.changes);
    deps.outbox.dropPulled(server.lastMutationId);
    atServerState?.().forEach((k) => kinds.add(k));
    deps.meta.setJson('cursor', server.cursor);
    return kinds;
  });
}
