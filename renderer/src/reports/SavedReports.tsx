import { useState } from 'react';
import { METRICS } from '../../../shared/reports/index.ts';
import { reportEditRefusal } from '../../../shared/rules/permissions.ts';
import { ErrorText } from '../common/ErrorText.tsx';
import { useAgents, useSession } from '../data/queries.ts';
import { useDeleteReport, useSavedReports } from './report-data.ts';
import { useReports } from './reports-store.ts';

/** The agent's saved reports and the shared ones: open one in the builder, or delete one's own (after asking). */
export function SavedReports() {
  const saved = useSavedReports();
  const agents = useAgents();
  const session = useSession();
  const agent = session.data?.state === 'signed_in' ? session.data.agent : null;
  const meId = agent?.id ?? null;
  const editingId = useReports((s) => s.editingId);
  const edit = useReports((s) => s.edit);
  const remove = useDeleteReport();
  const [confirming, setConfirming] = useState<string | null>(null);
  const ownerName = (id: string) => (id === meId ? 'You' : (agents.data?.find((a) => a.id === id)?.name ?? 'A colleague'));
  const reports = saved.data ?? [];
  return (
    <nav className="saved-reports" aria-label="Saved reports">
      <button type="button" className="button-primary" onClick={() => edit(null)} aria-current={editingId === null ? 'true' : undefined}>
        New report
      </button>
      <ErrorText error={saved.error ?? remove.error} />
      {reports.length === 0 && !saved.isPending && <p className="pane-note">No saved reports yet.</p>}
      <ul>
        {reports.map((r) => (
          <li key={r.id} className={r.id === editingId ? 'current' : undefined}>
            <button type="button" className="saved-report-name" aria-current={r.id === editingId ? 'true' : undefined} onClick={() => edit(r.id)}>
              {r.name}
            </button>
            <span className="muted">
              {METRICS[r.definition.metric].label} · {r.shared ? `Shared by ${ownerName(r.ownerId)}` : 'Personal'}
              {r.pinned && r.ownerId === meId && ' · Pinned'}
            </span>
            {agent && reportEditRefusal(agent.role, agent.id, r) === null &&
              (confirming === r.id ? (
                <span className="confirm" role="group" aria-label={`Delete ${r.name}?`}>
                  <span>Delete “{r.name}”?</span>
                  <button
                    type="button"
                    className="button-danger"
                    disabled={remove.isPending}
                    onClick={() =>
                      remove.mutate(r.id, {
                        onSuccess: () => {
                          setConfirming(null);
                          if (editingId === r.id) edit(null);
                        },
                      })
                    }
                  >
                    Delete
                  </button>
                  <button type="button" className="button-quiet" onClick={() => setConfirming(null)}>
                    Keep
                  </button>
                </span>
              ) : (
                <button type="button" className="button-quiet" aria-label={`Delete ${r.name}`} onClick={() => setConfirming(r.id)}>
                  Delete
                </button>
              ))}
          </li>
        ))}
      </ul>
    </nav>
  );
}
