import { TicketSummaryItems } from '../customer/TicketSummaryItems.tsx';
import { ErrorText } from '../common/ErrorText.tsx';
import { formatCount } from './format.ts';
import { DRILL_LIMIT, useReportTickets } from './report-data.ts';
import type { DrillTarget } from './reports-store.ts';
import { useReports } from './reports-store.ts';

/** The tickets behind a value ("showing 200 of 1,234"), newest first; one opens in the ticket pane. */
export function DrillDown({ target }: { target: DrillTarget }) {
  const tickets = useReportTickets(target.definition, target.keys);
  const drillInto = useReports((s) => s.drillInto);
  const showTicket = useReports((s) => s.showTicket);
  const data = tickets.data;
  return (
    <section className="drill-down" aria-label="Tickets behind the report">
      <header className="drill-head">
        <h2>{target.title}</h2>
        <button type="button" className="button-quiet" onClick={() => drillInto(null)}>
          Close
        </button>
      </header>
      <ErrorText error={tickets.error} />
      {tickets.isPending && <p className="pane-note">Loading tickets…</p>}
      {data && (
        <>
          <p className="muted" role="status">
            {data.total > data.tickets.length ? `Showing ${formatCount(data.tickets.length)} of ${formatCount(data.total)} tickets` : `${formatCount(data.total)} ${data.total === 1 ? 'ticket' : 'tickets'}`}
            {data.total > DRILL_LIMIT && ', newest first'}
          </p>
          {data.tickets.length === 0 ? (
            <p className="pane-note">No tickets behind this value.</p>
          ) : (
            <TicketSummaryItems tickets={data.tickets} showRequester onOpen={() => showTicket(true)} />
          )}
        </>
      )}
    </section>
  );
}
