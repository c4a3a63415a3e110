import type { SyncStatus } from '../../../shared/ipc/views.ts';
import { formatClock, formatFull } from '../format/time.ts';
import { useSyncNow } from '../data/mutations.ts';
import { useSyncStatus } from '../data/queries.ts';
import { useConnectionState } from '../desk/desk-context.tsx';
import { useUi } from '../state/ui-store.ts';

/** `online` is the engine's word, unless the engine itself is out of reach (the browser host's socket dropped). */
function Parts({ status, online }: { status: SyncStatus; online: boolean }) {
  const openIssues = useUi((s) => s.setSyncIssuesOpen);
  return (
    <>
      <span className={`sync-dot ${online ? 'is-online' : 'is-offline'}`} aria-hidden="true" />
      <span>{online ? 'Online' : 'Offline'}</span>
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
          <button type="button" className="sync-rejected" title="Changes the server refused: open Sync issues" onClick={() => openIssues(true)}>
            {status.rejected} rejected
          </button>
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
  const engineReachable = useConnectionState() === 'open';
  return (
    <div className="sync-indicator">
      <div role="status" aria-label="Sync status" className="sync-status">
        {status.data ? <Parts status={status.data} online={status.data.online && engineReachable} /> : <span>{status.error ? status.error.message : 'Checking sync…'}</span>}
      </div>
      <button type="button" className="button-quiet" onClick={() => syncNow.mutate()} disabled={syncNow.isPending}>
        {syncNow.isPending ? 'Syncing…' : 'Sync now'}
      </button>
      {syncNow.error && <span className="sync-error" role="alert">{syncNow.error.message}</span>}
    </div>
  );
}
