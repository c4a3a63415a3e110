import { useState } from 'react';
import type { CustomerTicketList, TicketSummary } from '../../../shared/ipc/views.ts';
import { StatusBadge } from '../common/StatusBadge.tsx';
import { useCustomerTickets } from '../data/queries.ts';
import { ticketNumberLabel } from '../format/labels.ts';
import { formatDate } from '../format/time.ts';
import { useUi } from '../state/ui-store.ts';

const SHOWN_AT_FIRST = 6;

/** How a ticket ended, or when it started if it has not. */
function outcome(t: TicketSummary): string {
  return t.solvedAt ? `Solved ${formatDate(t.solvedAt)}` : `Opened ${formatDate(t.createdAt)}`;
}

/**
 * One of the pane's ticket lists: the newest few from the pane, then, on "Show all", every one of
 * them a page at a time (`customer.tickets`), since a large account has thousands.
 */
export function TicketSummaryList({
  ticketId,
  list,
  tickets,
  total,
  empty,
  showRequester,
}: {
  ticketId: string;
  list: CustomerTicketList;
  tickets: TicketSummary[];
  total: number;
  empty: string;
  showRequester?: boolean;
}) {
  const openTicket = useUi((s) => s.openTicket);
  const [all, setAll] = useState(false);
  const pages = useCustomerTickets(ticketId, list, all);
  if (tickets.length === 0) return <p className="pane-note">{empty}</p>;
  const shown = all ? (pages.data?.pages.flatMap((p) => p.rows) ?? tickets) : tickets.slice(0, SHOWN_AT_FIRST);
  return (
    <>
      <ul className="summary-list">
        {shown.map((t) => (
          <li key={t.id}>
            <button type="button" className="summary-item" onClick={() => openTicket(t.id)}>
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
      {all && pages.hasNextPage && (
        <button type="button" className="button-link" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
          {`Show more (${shown.length.toLocaleString('en')} of ${total.toLocaleString('en')})`}
        </button>
      )}
      {total > SHOWN_AT_FIRST && (
        <button type="button" className="button-link" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${total.toLocaleString('en')}`}
        </button>
      )}
    </>
  );
}
