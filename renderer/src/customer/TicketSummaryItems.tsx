import type { TicketSummary } from '../../../shared/ipc/views.ts';
import { StatusBadge } from '../common/StatusBadge.tsx';
import { ticketNumberLabel } from '../format/labels.ts';
import { formatDate } from '../format/time.ts';
import { useUi } from '../state/ui-store.ts';

/** How a ticket ended, or when it started if it has not. */
function outcome(t: TicketSummary): string {
  return t.solvedAt ? `Solved ${formatDate(t.solvedAt)}` : `Opened ${formatDate(t.createdAt)}`;
}

/** Tickets as buttons that open them; `onOpen` is told after one was opened (the Reports screen then shows it). */
export function TicketSummaryItems({ tickets, showRequester, onOpen }: { tickets: TicketSummary[]; showRequester?: boolean; onOpen?: (id: string) => void }) {
  const openTicket = useUi((s) => s.openTicket);
  return (
    <ul className="summary-list">
      {tickets.map((t) => (
        <li key={t.id}>
          <button
            type="button"
            className="summary-item"
            onClick={() => {
              openTicket(t.id);
              onOpen?.(t.id);
            }}
          >
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
  );
}
