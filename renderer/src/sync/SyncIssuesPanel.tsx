import { useModal } from '../common/use-modal.ts';
import { useSyncIssues } from '../data/queries.ts';
import { useUi } from '../state/ui-store.ts';
import { SyncIssueItem } from './SyncIssueItem.tsx';

/** Changes the server refused for good, each with its reason and what the agent can do: nothing is dropped without them. */
export function SyncIssuesPanel() {
  const open = useUi((s) => s.syncIssuesOpen);
  const setOpen = useUi((s) => s.setSyncIssuesOpen);
  const issues = useSyncIssues(open);
  const dialog = useModal(open);

  return (
    // The native dialog traps focus and closes on Escape ('close' keeps the store in step).
    <dialog ref={dialog} aria-labelledby="sync-issues-title" className="modal sync-issues" onClose={() => setOpen(false)}>
      <header className="sync-issues-head">
        <h2 id="sync-issues-title">Sync issues</h2>
        <button type="button" className="button-quiet" onClick={() => setOpen(false)}>
          Close
        </button>
      </header>
      <p className="pane-note">The server refused these changes. Retry sends one again; Discard drops it for good; Copy text keeps what you wrote.</p>
      {issues.error && <p role="alert" className="error-text">{issues.error.message}</p>}
      {issues.data?.length === 0 && <p className="pane-note">No sync issues: everything you did has reached the server or is waiting to be sent.</p>}
      <ul className="sync-issue-list">
        {issues.data?.map((issue) => (
          <SyncIssueItem key={issue.id} issue={issue} />
        ))}
      </ul>
    </dialog>
  );
}
