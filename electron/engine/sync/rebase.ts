import type { EntityKind } from '../../../shared/model/index.ts';
import type { Change, Cursor } from '../../../shared/sync/protocol.ts';
import type { Outbox } from '../outbox/outbox.ts';
import type { EntityStore } from '../replica/entity-store.ts';
import type { Meta } from '../replica/meta.ts';
import { applyChanges } from './server-rows.ts';

/** What the server says: its changes after our cursor, our last mutation it has processed, and the new cursor. */
export interface ServerState {
  changes: readonly Change[];
  lastMutationId: number;
  cursor: Cursor;
}

/**
 * Brings server state into the replica under the agent's pending work. Must run inside one
 * ReplicaWriter transaction: undo local mutations (newest first), apply the server's changes,
 * drop the mutations those changes include, replay the rest, and move the cursor — all or nothing,
 * so the cursor only ever moves together with the data it stands for.
 */
export async function rebase(deps: { store: EntityStore; outbox: Outbox; meta: Meta }, server: ServerState): Promise<Set<EntityKind>> {
  const { store, outbox, meta } = deps;
  const kinds = new Set<EntityKind>();
  const add = (more: Set<EntityKind>) => more.forEach((k) => kinds.add(k));
  add(outbox.undoAll());
  add(applyChanges(store, server.changes));
  outbox.dropPulled(server.lastMutationId);
  add(await outbox.replay());
  meta.setJson('cursor', server.cursor);
  return kinds;
}
