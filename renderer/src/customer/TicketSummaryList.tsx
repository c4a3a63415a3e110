import { useState } from 'react';
import type { CustomerTicketList, TicketSummary } from '../../../shared/ipc/views.ts';
import { useCustomerTickets } from '../data/queries.ts';
import { TicketSummaryItems } from './TicketSummaryItems.tsx';

const SHOWN_AT_FIRST = 6;

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
  const [all, setAll] = useState(false);
  const pages = useCustomerTickets(ticketId, list, all);
  if (tickets.length === 0) return <p className="pane-note">{empty}</p>;
  const shown = all ? (pages.data?.pages.flatMap((p) => p.rows) ?? tickets) : tickets.slice(0, SHOWN_AT_FIRST);
  return (
    <>
      <TicketSummaryItems tickets={shown} showRequester={showRequester} />
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
