import type { CustomerPane as Pane } from '../../../shared/ipc/views.ts';
import { ErrorText } from '../common/ErrorText.tsx';
import { useCustomerPane } from '../data/queries.ts';
import { formatMoney } from '../format/money.ts';
import { planLabel } from '../format/labels.ts';
import { Facts } from './Facts.tsx';
import { SatisfactionHistory } from '../satisfaction/SatisfactionHistory.tsx';
import { TicketSummaryList } from './TicketSummaryList.tsx';

/** The engine counts the account's tickets when there is an account, else the contact's. */
function Stats({ stats }: { stats: Pane['stats'] }) {
  return (
    <div className="pane-stats">
      <span>
        <strong>{stats.openTickets}</strong> open
      </span>
      <span>
        <strong>{stats.solvedTickets}</strong> solved
      </span>
    </div>
  );
}

function PaneContent({ pane, ticketId }: { pane: Pane; ticketId: string }) {
  const { contact, account, accountContacts, stats } = pane;
  const others = (list: Pane['accountTickets']) => list.filter((t) => t.id !== ticketId);
  return (
    <>
      <section className="pane-section">
        <h2>Contact</h2>
        <div className="pane-name">{contact.name}</div>
        <Facts
          items={[
            ['Email', contact.email],
            ['Phone', contact.phone],
            ['Title', contact.title],
          ]}
        />
        {!account && <Stats stats={stats} />}
      </section>
      <section className="pane-section">
        <h2>Account</h2>
        {account ? (
          <>
            <div className="pane-name">{account.name}</div>
            <Facts
              items={[
                ['Plan', <span className={`plan plan-${account.plan}`}>{planLabel[account.plan]}</span>],
                ['MRR', formatMoney(account.mrrCents)],
                ['Domain', account.domain],
              ]}
            />
            <Stats stats={stats} />
            <h3>People</h3>
            <ul className="people-list">
              {accountContacts.map((c) => (
                <li key={c.id} className={c.id === contact.id ? 'is-requester' : undefined}>
                  <span>{c.name}</span>
                  {c.title && <span className="muted"> · {c.title}</span>}
                </li>
              ))}
            </ul>
            {pane.accountContactsTotal > accountContacts.length && (
              <p className="pane-note">{`and ${(pane.accountContactsTotal - accountContacts.length).toLocaleString('en')} more`}</p>
            )}
          </>
        ) : (
          <p className="pane-note">No company on file for this contact.</p>
        )}
      </section>
      <SatisfactionHistory account={pane.satisfaction.account} requester={pane.satisfaction.requester} />
      <section className="pane-section">
        <h2>Account tickets</h2>
        <TicketSummaryList ticketId={ticketId} list="account" tickets={others(pane.accountTickets)} total={pane.accountTicketsTotal} empty="No other tickets from this account." showRequester />
      </section>
      <section className="pane-section">
        <h2>Earlier tickets</h2>
        <TicketSummaryList ticketId={ticketId} list="contact" tickets={others(pane.contactTickets)} total={pane.contactTicketsTotal} empty="No earlier tickets from this contact." />
      </section>
    </>
  );
}

/** The 360° view of who wrote in: the person, their company, and their history. */
export function CustomerPane({ ticketId }: { ticketId: string | null }) {
  return (
    <aside aria-label="Customer" className="customer-pane">
      {ticketId ? <Loaded ticketId={ticketId} /> : <p className="pane-note">Open a ticket to see who wrote in.</p>}
    </aside>
  );
}

function Loaded({ ticketId }: { ticketId: string }) {
  const pane = useCustomerPane(ticketId);
  if (pane.data === undefined) return pane.error ? <ErrorText error={pane.error} className="pane-note" /> : <p className="pane-note">Loading customer…</p>;
  if (!pane.data) return <p className="pane-note">No customer details for this ticket.</p>;
  return <PaneContent pane={pane.data} ticketId={ticketId} />;
}
