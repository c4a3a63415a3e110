import { z } from 'zod';
import { EntityKind, Id } from '../../../shared/model/index.ts';
import { Cursor } from '../../../shared/sync/protocol.ts';
import { entityTables } from '../replica/entity-tables.ts';
import type { Replica } from '../replica/replica.ts';
import { rebase } from './rebase.ts';
import { applySnapshotRows } from './server-rows.ts';
import type { SyncApi } from './sync-api.ts';

const SNAPSHOT_PAGE_ROWS = 2000;

/** Kinds a re-bootstrap keeps while it downloads again: the directory, which holds the signed-in agent. */
const KEPT_DURING_REBOOTSTRAP: readonly EntityKind[] = ['team', 'agent'];

/** Where an initial sync stands, stored after every page so that it resumes after a restart. */
const BootstrapState = z.object({
  cursor: Cursor,
  lastMutationId: z.number().int().nonnegative(),
  /** The kind being downloaded; null once every page is in. */
  kind: EntityKind.nullable(),
  after: Id.nullable(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
type BootstrapState = z.infer<typeof BootstrapState>;

export interface BootstrapProgress {
  label: string;
  done: number;
  total: number;
}

export interface BootstrapHooks {
  onProgress(progress: BootstrapProgress): void;
  onRows(kinds: EntityKind[]): void;
}

/** True while the replica has no complete snapshot to pull changes onto. */
export function needsBootstrap(replica: Replica): boolean {
  return replica.meta.get('bootstrap') !== undefined || replica.meta.get('cursor') === undefined;
}

/**
 * Downloads a consistent snapshot kind by kind (in EntityKind order), then hands over to pull at
 * the bootstrap cursor. Resumable. With `through`, stops once that kind is complete (sign-in needs
 * the directory before it can answer). Returns true when the whole snapshot is in.
 */
export async function bootstrap(replica: Replica, api: SyncApi, clientId: string, hooks: BootstrapHooks, through?: EntityKind): Promise<boolean> {
  const { meta, writer, store, outbox } = replica;
  let state = meta.getJson('bootstrap', BootstrapState);
  if (!state) {
    const start = await api.bootstrap({ clientId });
    const fresh: BootstrapState = {
      cursor: start.cursor,
      lastMutationId: start.lastMutationId,
      kind: EntityKind.options[0] ?? null,
      after: null,
      done: 0,
      total: Object.values(start.counts).reduce((a, b) => a + b, 0),
    };
    // Pending mutations come off (they are replayed on the finished snapshot) and rows the server
    // may no longer have go, so nothing stale survives a re-bootstrap.
    await writer.transaction(() => {
      outbox.undoAll();
      for (const kind of EntityKind.options) if (!KEPT_DURING_REBOOTSTRAP.includes(kind)) store.clear(kind);
      meta.delete('cursor');
      meta.setJson('bootstrap', fresh);
    });
    state = fresh;
  }

  const kinds = EntityKind.options;
  for (let k = state.kind === null ? kinds.length : kinds.indexOf(state.kind); k < kinds.length; k++) {
    const kind = kinds[k] as EntityKind;
    const label = `Downloading ${entityTables[kind].table}`;
    hooks.onProgress({ label, done: state.done, total: state.total });
    let after = state.after;
    do {
      const page = await api.snapshot({ clientId, kind, after, limit: SNAPSHOT_PAGE_ROWS });
      const next: BootstrapState = page.next
        ? { ...state, kind, after: page.next, done: state.done + page.rows.length }
        : { ...state, kind: kinds[k + 1] ?? null, after: null, done: state.done + page.rows.length };
      await writer.transaction(() => {
        applySnapshotRows(store, kind, page.rows);
        meta.setJson('bootstrap', next);
      });
      state = next;
      after = page.next;
      hooks.onRows([kind]);
      hooks.onProgress({ label, done: state.done, total: Math.max(state.total, state.done) });
    } while (after);
    if (kind === through && state.kind !== null) return false;
  }

  const finished = state;
  const replayed = await writer.transaction(async () => {
    const changed = await rebase(replica, { changes: [], lastMutationId: finished.lastMutationId, cursor: finished.cursor });
    meta.delete('bootstrap');
    return changed;
  });
  hooks.onRows([...replayed]);
  return true;
}
