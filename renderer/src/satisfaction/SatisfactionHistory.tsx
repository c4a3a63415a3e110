import type { SatisfactionHistory as History } from '../../../shared/ipc/views.ts';
import { ticketNumberLabel } from '../format/labels.ts';
import { formatDate, formatFull } from '../format/time.ts';
import { useUi } from '../state/ui-store.ts';
import { scoresLine, statsLine, trendLabel, trendTitle } from './format.ts';
import './satisfaction.css';

function Period({ label, stats }: { label: string; stats: History['allTime'] }) {
  const line = statsLine(stats);
  return (
    <div className="csat-period">
      <dt>{label}</dt>
      <dd>{line ?? (stats.answers > 0 ? `${stats.answers} answer${stats.answers === 1 ? '' : 's'} without a CSAT score` : 'No answers')}</dd>
    </div>
  );
}

function OwnerHistory({ title, history }: { title: string; history: History }) {
  const openTicket = useUi((s) => s.openTicket);
  return (
    <div className="csat-owner" role="group" aria-label={`${title} satisfaction`}>
      <h3>
        {title}
        {history.trend && (
          <span className={`csat-trend csat-trend-${history.trend}`} title={trendTitle[history.trend]}>
            {' '}
            {trendLabel[history.trend]}
          </span>
        )}
      </h3>
      {history.allTime.answers === 0 ? (
        <p className="pane-note">No survey answers yet.</p>
      ) : (
        <>
          <dl className="csat-periods">
            <Period label="Last 90 days" stats={history.last90Days} />
            <Period label="All time" stats={history.allTime} />
          </dl>
          <ul className="csat-answers">
            {history.latest.map((a) => (
              <li key={a.ticketId} className={a.csat === null ? undefined : a.csat >= 4 ? 'csat-good' : a.csat <= 2 ? 'csat-bad' : 'csat-neutral'}>
                <span className="csat-scores">{scoresLine(a)}</span>{' '}
                <time className="muted" dateTime={a.ratedAt} title={formatFull(a.ratedAt)}>
                  {formatDate(a.ratedAt)}
                </time>
                {/* The customer's words, as text: React escapes them; they never become markup. */}
                {a.comment && <blockquote className="csat-comment">{a.comment}</blockquote>}
                <button type="button" className="button-link" onClick={() => openTicket(a.ticketId)}>
                  {ticketNumberLabel(a.number)} {a.subject}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** The pane's satisfaction section: the account's survey answers (when there is an account) and the requester's. */
export function SatisfactionHistory({ account, requester }: { account: History | null; requester: History }) {
  return (
    <section className="pane-section" aria-labelledby="csat-history-title">
      <h2 id="csat-history-title">Satisfaction</h2>
      {account && <OwnerHistory title="Account" history={account} />}
      <OwnerHistory title="Requester" history={requester} />
    </section>
  );
}
