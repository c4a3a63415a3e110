/** Marks something changed here that the server has not acknowledged yet. */
export function PendingSyncMark({ label = 'Not synced yet' }: { label?: string }) {
  return (
    <span className="pending-mark" title="Saved on this computer; waiting to reach the server">
      {label}
    </span>
  );
}
