import { useSyncStatus } from '../data/queries.ts';

/** Shown while the replica downloads its first snapshot; the rest of the app stays usable meanwhile. */
export function InitialSyncProgress() {
  const { data: status } = useSyncStatus();
  if (status?.phase !== 'bootstrapping') return null;
  const progress = status.progress;
  const known = progress !== null && progress.total > 0;
  const percent = known ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : null;
  return (
    <div className="initial-sync">
      <div
        role="progressbar"
        aria-label="Initial sync"
        aria-valuemin={0}
        aria-valuemax={known ? progress.total : undefined}
        aria-valuenow={known ? progress.done : undefined}
        aria-valuetext={progress ? `${progress.label}: ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}` : undefined}
        className={`progress-track ${known ? '' : 'is-indeterminate'}`}
      >
        {percent !== null && <div className="progress-fill" style={{ transform: `scaleX(${percent / 100})` }} />}
      </div>
      <span className="initial-sync-label">
        Initial sync{progress ? ` · ${progress.label} ${progress.done.toLocaleString()} / ${progress.total.toLocaleString()}` : '…'}
      </span>
    </div>
  );
}
