import { useState } from 'react';
import type { SyncIssue } from '../../../shared/ipc/views.ts';
import { ErrorText } from '../common/ErrorText.tsx';
import { useDiscardSyncIssue, useRetrySyncIssue } from '../data/mutations.ts';
import { formatDateTime, formatFull } from '../format/time.ts';

type CopyState = 'idle' | 'copied' | 'failed';

/** One refused change: what it was, why, and Retry / Discard (asks first) / Copy text. */
export function SyncIssueItem({ issue }: { issue: SyncIssue }) {
  const retry = useRetrySyncIssue();
  const discard = useDiscardSyncIssue();
  const [confirming, setConfirming] = useState(false);
  const [copy, setCopy] = useState<CopyState>('idle');
  const busy = retry.isPending || discard.isPending;

  const copyText = () => {
    if (issue.text === null) return;
    navigator.clipboard.writeText(issue.text).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    );
  };

  return (
    <li className="sync-issue" aria-label={issue.summary}>
      <h3 className="sync-issue-summary">{issue.summary}</h3>
      <p className="sync-issue-reason">{issue.reason}</p>
      <p className="sync-issue-time">
        Made <time dateTime={issue.createdAt} title={formatFull(issue.createdAt)}>{formatDateTime(issue.createdAt)}</time>
      </p>
      {issue.text !== null && <blockquote className="sync-issue-text">{issue.text}</blockquote>}
      {confirming ? (
        <div className="sync-issue-actions" role="group" aria-label="Confirm discard">
          <span>Discard this change for good?</span>
          <button type="button" className="button-danger" disabled={busy} onClick={() => discard.mutate({ id: issue.id })}>
            Discard for good
          </button>
          <button type="button" className="button-quiet" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </div>
      ) : (
        <div className="sync-issue-actions">
          <button type="button" className="button-primary" disabled={busy} onClick={() => retry.mutate({ id: issue.id })}>
            Retry
          </button>
          <button type="button" className="button-quiet" disabled={busy} onClick={() => setConfirming(true)}>
            Discard…
          </button>
          {issue.text !== null && (
            <button type="button" className="button-quiet" onClick={copyText}>
              {copy === 'copied' ? 'Copied' : 'Copy text'}
            </button>
          )}
        </div>
      )}
      {copy === 'failed' && <p role="alert" className="error-text">Could not reach the clipboard; select the text above and copy it by hand.</p>}
      <ErrorText error={retry.error ?? discard.error} />
    </li>
  );
}
