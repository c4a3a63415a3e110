import { useState } from 'react';
import type { TicketSummary } from '../../../shared/ipc/views.ts';
import { StatusBadge } from '../common/StatusBadge.tsx';
import { ticketNumberLabel } from '../format/labels.ts';
import { formatDate } from '../format/time.ts';
import { useUi } from '../state/ui-store.ts';

const SHOWN_AT_FIRST = 6;

/** How a ticket ended, or when it started if it has not. */
function outcome(t: TicketSummary): string {
  return t.solvedAt ? `Solved ${formatDate(t.solvedAt)}` : `Opened ${formatDate(t.createdAt)}`;
}

/** `onOpen` is told after a ticket was opened (the Reports screen then shows it). */
export function TicketSummaryList({ tickets, empty, showRequester, onOpen }: { tickets: TicketSummary[]; empty: string; showRequester?: boolean; onOpen?: (id: string) => void }) {
  const openTicket = useUi((s) => s.openTicket);
  const [all, setAll] = useState(false);
  if (tickets.length === 0) return <p className="pane-note">{empty}</p>;
  const shown = all ? tickets : tickets.slice(0, SHOWN_AT_FIRST);
  return (
    <>
      <ul className="summary-list">
        {shown.map((t) => (
          <li key={t.id}>
            <button type="button" className="summary-item" onClick={() => {
                openTicket(t.id);
                onOpen?.(t.id);
              }}>
              <span className="summary-subject">
                <span className="ticket-number">{ticketNumberLabel(t.number)}</span> {t.subject}
              </span>
              <span className="summary-meta">
                <StatusBadge status={t.status} /> <span>{outcome(t)}</span>
                {showRequester && <span className="muted">{t.requesterName}</span>}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {tickets.length > SHOWN_AT_FIRST && (
        <button type="button" className="button-link" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${tickets.length}`}
        </button>
      )}
    </>
  );
}
