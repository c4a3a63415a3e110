import { EntityKind } from '../../../shared/model/index.ts';
import { ORG_KINDS, ORG_SCOPE } from '../../../shared/sync/scopes.ts';
import type { Replica } from '../replica/replica.ts';
import type { BootstrapHooks } from './bootstrap.ts';
import { underPendingWork } from './rebase.ts';
import { scopeSync } from './scope-state.ts';
import { applySnapshotRows } from './server-rows.ts';
import type { SyncApi } from './sync-api.ts';

const PAGE_ROWS = 2000;

/** The kinds a download of `scopes` asks for: the org's kinds only when the org is among them. */
const stepsFor = (scopes: readonly string[]): EntityKind[] => EntityKind.options.filter((k) => scopes.includes(ORG_SCOPE) || !ORG_KINDS.includes(k));

/**
 * Downloads the queued scopes whole (per-scope snapshot pages, each applied under pending work),
 * then removes the rows marked for confirmation that no page brought. The cursor does not move:
 * the next pull brings whatever changed meanwhile. Resumable. Returns the kinds that changed.
 */
export async function downloadScopes(replica: Replica, api: SyncApi, clientId: string, hooks: Pick<BootstrapHooks, 'onRows'>): Promise<Set<EntityKind>> {
  const { meta, writer, serverRows } = replica;
  const kinds = new Set<EntityKind>();
  for (let job = scopeSync(meta); job; job = scopeSync(meta)) {
    const steps = stepsFor(job.scopes);
    const kind = steps[job.step];
    if (!kind) {
      const swept = await writer.transaction(() =>
        underPendingWork(replica, () => {
          meta.delete('scope_sync');
          return serverRows.sweepUnconfirmed();
        }),
      );
      swept.forEach((k) => kinds.add(k));
      break;
    }
    const page = await api.snapshot({ clientId, kind, scopes: job.scopes, after: job.after, limit: PAGE_ROWS });
    const current = job;
    const changed = await writer.transaction(() =>
      underPendingWork(replica, () => {
        // The job may have been restarted with more scopes while this page was on its way.
        if (JSON.stringify(scopeSync(meta)) !== JSON.stringify(current)) return new Set();
        applySnapshotRows(serverRows, kind, page.rows, page.versions);
        meta.setJson('scope_sync', page.next ? { ...current, after: page.next } : { ...current, step: current.step + 1, after: null });
        return new Set(page.rows.length ? [kind] : []);
      }),
    );
    changed.forEach((k) => kinds.add(k));
    if (changed.size) hooks.onRows([...changed]);
  }
  return kinds;
}
