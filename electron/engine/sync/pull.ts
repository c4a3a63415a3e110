import type { EntityKind } from '../../../shared/model/index.ts';
import { Cursor, type PullResponse } from '../../../shared/sync/protocol.ts';
import type { CrashPoints } from '../crash-points.ts';
import { log } from '../log.ts';
import type { Replica } from '../replica/replica.ts';
import { applyServerPage } from './apply-page.ts';
import type { ServerState } from './rebase.ts';
import type { SyncApi } from './sync-api.ts';

const PULL_PAGE_CHANGES = 1000;
/**
 * Pages fetched back to back go in through one rebase, up to this many changes: each rebase undoes
 * and replays every unpulled mutation, so after a drain of 10,000 mutations one rebase per 1,000
 * changes pulled back cost ten full undo-and-replays of the outbox.
 */
const REBASE_CHANGES = 10_000;

type Page = Extract<PullResponse, { reset: false }>;

/** Consecutive pages as one: every change in order, and what the last page says of where the server stands. */
function joinPages(pages: readonly Page[]): ServerState & { more: boolean } {
  const last = pages[pages.length - 1] as Page;
  if (pages.length === 1) return last;
  const resetScopes = [...new Set(pages.flatMap((p) => p.resetScopes ?? []))];
  return {
    changes: pages.flatMap((p) => p.changes),
    lastMutationId: last.lastMutationId,
    cursor: last.cursor,
    more: last.more,
    checksums: last.checksums,
    ...(resetScopes.length > 0 && { resetScopes }),
  };
}

/**
 * Pulls change pages from the cursor until the server has no more, rebasing pending mutations once
 * for every run of pages (up to REBASE_CHANGES changes) in one transaction. On `reset` the cursor is
 * dropped, which makes the next step a re-bootstrap (the outbox is kept). Returns the kinds that
 * changed, or 'reset'.
 */
export async function pullChanges(replica: Replica, api: SyncApi, clientId: string, crashPoints?: CrashPoints): Promise<Set<EntityKind> | 'reset'> {
  const { meta, writer } = replica;
  const kinds = new Set<EntityKind>();
  for (;;) {
    const cursor = meta.getJson('cursor', Cursor);
    if (!cursor) return 'reset';
    const pages: Page[] = [];
    for (let from = cursor, changes = 0; ; ) {
      const page = await api.pull({ clientId, cursor: from, limit: PULL_PAGE_CHANGES });
      if (page.reset) {
        log.warn(`the server asks for a fresh download: ${page.reason}`);
        await writer.transaction(() => meta.delete('cursor'));
        return 'reset';
      }
      pages.push(page);
      changes += page.changes.length;
      if (!page.more || changes >= REBASE_CHANGES) break;
      from = page.cursor;
    }
    const run = joinPages(pages);
    const changed = await writer.transaction(() => {
      // A realtime delta moved the replica while these pages were on their way: they are stale, pull on from there.
      const now = meta.getJson('cursor', Cursor);
      return now?.epoch === cursor.epoch && now.seq === cursor.seq ? applyServerPage(replica, run, crashPoints) : null;
    });
    if (changed === null) continue;
    changed.forEach((k) => kinds.add(k));
    if (!run.more) return kinds;
  }
}
