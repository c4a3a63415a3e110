import { z } from 'zod';
import { EntityKind, IsoTime } from '../../../shared/model/index.ts';
import { Cursor, type SnapshotResponse } from '../../../shared/sync/protocol.ts';
import { Scope } from '../../../shared/sync/scopes.ts';
import { entityTables } from '../replica/entity-tables.ts';
import { deferIndexes, restoreIndexes } from '../replica/deferred-indexes.ts';
import { buildQueueCounts, suspendQueueCounts } from '../replica/queue-counts.ts';
import type { Replica } from '../replica/replica.ts';
import { buildSearchIndex, suspendSearchIndex } from '../search/search-index.ts';
import { rebase, underPendingWork } from './rebase.ts';
import { setHeldScopes } from './scope-state.ts';
import { applySnapshotRows } from './server-rows.ts';
import { KEPT_DURING_REBOOTSTRAP, RECENT_DAYS, SNAPSHOT_PLAN } from './snapshot-plan.ts';
import type { SyncApi } from './sync-api.ts';

/** The protocol's largest page: fewer round trips and commits. */
const SNAPSHOT_PAGE_ROWS = 5000;
const DAY_MS = 86_400_000;

/** Where an initial sync stands, stored after every page so that it resumes after a restart. */
const BootstrapState = z.object({
  cursor: Cursor,
  lastMutationId: z.number().int().nonnegative(),
  scopes: z.array(Scope),
  /** Fixed when the download starts, so that every page splits the history the same way. */
  recentSince: IsoTime,
  /** Index into SNAPSHOT_PLAN of the step being downloaded; its length once every page is in. */
  step: z.number().int().nonnegative(),
  after: z.string().nullable(),
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

export interface BootstrapOptions {
  /** Drop the secondary indexes for the download and build them after it (default true; off only to measure the difference). */
  deferIndexes?: boolean;
}

/** The page of the step `state` stands at, from where it stands. */
function fetchPage(api: SyncApi, clientId: string, state: BootstrapState): Promise<SnapshotResponse> {
  const step = SNAPSHOT_PLAN[state.step] as (typeof SNAPSHOT_PLAN)[number];
  const history = step.part && { part: step.part, cursorSeq: state.cursor.seq, recentSince: state.recentSince };
  return api.snapshot({ clientId, kind: step.kind, scopes: state.scopes, after: state.after, limit: SNAPSHOT_PAGE_ROWS, ...(history && { history }) });
}

/** True while the replica has no complete snapshot to pull changes onto. */
export function needsBootstrap(replica: Replica): boolean {
  return replica.meta.get('bootstrap') !== undefined || replica.meta.get('cursor') === undefined;
}

/** Starts a download: rows the server may no longer have go (the directory stays until the new one confirms it). */
async function start(replica: Replica, api: SyncApi, clientId: string, deferring: boolean): Promise<BootstrapState> {
  const { meta, writer, serverRows, db } = replica;
  const begun = await api.bootstrap({ clientId });
  const fresh: BootstrapState = {
    cursor: begun.cursor,
    lastMutationId: begun.lastMutationId,
    scopes: begun.scopes,
    recentSince: new Date(Date.now() - RECENT_DAYS * DAY_MS).toISOString(),
    step: 0,
    after: null,
    done: 0,
    total: Object.values(begun.counts).reduce((a, b) => a + b, 0),
  };
  await writer.transaction(() =>
    underPendingWork(replica, () => {
      // Before the removals: with the search index and the queue counts emptied, their triggers skip every row until the build after the download.
      if (deferring) {
        suspendSearchIndex(db);
        suspendQueueCounts(db);
      }
      for (const kind of EntityKind.options) if (!KEPT_DURING_REBOOTSTRAP.includes(kind)) serverRows.removeKind(kind);
      serverRows.markUnconfirmed((kind) => (KEPT_DURING_REBOOTSTRAP.includes(kind) ? { sql: `SELECT id FROM ${entityTables[kind].table}`, params: [] } : null));
      if (deferring) deferIndexes(db, meta);
      meta.delete('cursor');
      meta.delete('scope_sync');
      meta.setJson('bootstrap', fresh);
      return new Set<EntityKind>();
    }),
  );
  return fresh;
}

/**
 * Downloads a consistent snapshot in the order of SNAPSHOT_PLAN (each page applied under the
 * agent's pending work, which stays visible), builds the deferred indexes, then hands over to pull
 * at the bootstrap cursor. Resumable. With `through`, stops once every step of that kind is done
 * (sign-in needs the directory before it can answer). Returns true when the whole snapshot is in.
 */
export async function bootstrap(
  replica: Replica,
  api: SyncApi,
  clientId: string,
  hooks: BootstrapHooks,
  through?: EntityKind,
  opts: BootstrapOptions = {},
): Promise<boolean> {
  const { meta, writer, serverRows, db } = replica;
  let state = meta.getJson('bootstrap', BootstrapState) ?? (await start(replica, api, clientId, opts.deferIndexes ?? true));
  const stopAfter = through === undefined ? -1 : SNAPSHOT_PLAN.findLastIndex((s) => s.kind === through);

  // The next page is asked for while this one is written: the server's query and the transfer overlap the replica's work.
  let fetching = state.step < SNAPSHOT_PLAN.length ? fetchPage(api, clientId, state) : null;
  while (fetching) {
    const step = SNAPSHOT_PLAN[state.step] as (typeof SNAPSHOT_PLAN)[number];
    hooks.onProgress({ label: step.label, done: state.done, total: state.total });
    const page = await fetching;
    const done = state.done + page.rows.length;
    const next: BootstrapState = page.next ? { ...state, after: page.next, done } : { ...state, step: state.step + 1, after: null, done };
    const stopping = !page.next && state.step === stopAfter && next.step < SNAPSHOT_PLAN.length;
    fetching = next.step < SNAPSHOT_PLAN.length && !stopping ? fetchPage(api, clientId, next) : null;
    // Once this page fails, nobody waits for the next one; its own failure is not news.
    fetching?.catch(() => undefined);
    await writer.transaction(
      () =>
        underPendingWork(replica, () => {
          applySnapshotRows(serverRows, step.kind, page.rows, page.versions);
          meta.setJson('bootstrap', next);
          return new Set([step.kind]);
        }),
      // A page a power cut loses is downloaded again: the position it moved to is lost with it.
      { durable: false },
    );
    state = next;
    hooks.onRows([step.kind]);
    hooks.onProgress({ label: step.label, done: state.done, total: Math.max(state.total, state.done) });
    if (stopping) return false;
  }

  await restoreIndexes(db, meta, writer);
  await buildQueueCounts(db, writer);
  await buildSearchIndex(db, writer, hooks.onProgress);
  const finished = state;
  const replayed = await writer.transaction(async () => {
    const changed = await rebase(replica, { changes: [], lastMutationId: finished.lastMutationId, cursor: finished.cursor }, () => serverRows.sweepUnconfirmed());
    setHeldScopes(meta, finished.scopes);
    meta.delete('bootstrap');
    return changed;
  });
  hooks.onRows([...replayed]);
  return true;
}
