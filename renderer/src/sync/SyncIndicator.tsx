import type { SyncStatus } from '../../../shared/ipc/views.ts';
import { formatClock, formatFull } from '../format/time.ts';
import { useSyncNow } from '../data/mutations.ts';
import { useSyncStatus } from '../data/queries.ts';

function Parts({ status }: { status: SyncStatus }) {
  return (
    <>
      <span className={`sync-dot ${status.online ? 'is-online' : 'is-offline'}`} aria-hidden="true" />
      <span>{status.online ? 'Online' : 'Offline'}</span>
      <span className="sync-sep" aria-hidden="true"> · </span>
      <span className={status.pending > 0 ? 'sync-pending' : undefined}>{status.pending} pending</span>
      <span className="sync-sep" aria-hidden="true"> · </span>
      {status.lastSyncedAt ? (
        <span title={formatFull(status.lastSyncedAt)}>Synced {formatClock(status.lastSyncedAt)}</span>
      ) : (
        <span>Not synced yet</span>
      )}
      {status.rejected > 0 && (
        <>
          <span className="sync-sep" aria-hidden="true"> · </span>
          <span className="sync-rejected">{status.rejected} rejected</span>
        </>
      )}
      {status.error && (
        <>
          <span className="sync-sep" aria-hidden="true"> · </span>
          <span className="sync-error" title={status.error}>
            {status.error}
          </span>
        </>
      )}
    </>
  );
}

/** Online/offline, what waits to be sent, when we last heard from the server, and what went wrong. */
export function SyncIndicator() {
  const status = useSyncStatus();
  const syncNow = useSyncNow();
  return (
    <div className="sync-indicator">
      <div role="status" aria-label="Sync status" className="sync-status">
        {status.data ? <Parts status={status.data} /> : <span>{status.error ? status.error.message : 'Checking sync…'}</span>}
      </div>
      <button type="button" className="button-quiet" onClick={() => syncNow.mutate()} disabled={syncNow.isPending}>
        {syncNow.isPending ? 'Syncing…' : 'Sync now'}
      </button>
      {syncNow.error && <span className="sync-error" role="alert">{syncNow.error.message}</span>}
    </div>
  );
}
