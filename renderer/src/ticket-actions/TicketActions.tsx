import { useEffect, useRef, useState } from 'react';
import type { Ticket } from '../../../shared/model/ticket.ts';
import { ErrorText } from '../common/ErrorText.tsx';
import { useCommands } from '../commands/use-commands.ts';
import { statusLabel, ticketNumberLabel } from '../format/labels.ts';
import { useUi } from '../state/ui-store.ts';
import { useFollow, useTicketLinks } from './data.ts';
import { LinkProblemDialog } from './LinkProblemDialog.tsx';
import { SolveProblemDialog } from './SolveProblemDialog.tsx';
import './ticket-actions.css';

/**
 * The ticket's actions beyond its fields: follow, merge, problem/incident links, and the activity
 * toggle; and its relations: the survivor it was merged into, its problem, its incidents.
 */
export function TicketActions({ ticket, meId }: { ticket: Ticket; meId: string }) {
  const links = useTicketLinks(ticket.id);
  const follow = useFollow();
  const openMerge = useUi((s) => s.openMerge);
  const openTicket = useUi((s) => s.openTicket);
  const showActivity = useUi((s) => s.showActivity);
  const toggleActivity = useUi((s) => s.toggleActivity);
  const [dialog, setDialog] = useState<'link' | 'solve' | null>(null);
  const following = ticket.followerIds.includes(meId);
  const closed = ticket.status === 'closed';
  const incidents = links.data?.incidents ?? [];
  const openIncidents = incidents.filter((t) => t.status !== 'solved' && t.status !== 'closed');
  const survivor = links.data?.mergedInto ?? null;
  const isProblem = incidents.length > 0;

  // Opening a merged ticket goes on to its survivor (once per ticket; Back is the queue).
  const jumped = useRef<string | null>(null);
  useEffect(() => {
    if (survivor && jumped.current !== ticket.id) {
      jumped.current = ticket.id;
      openTicket(survivor.id);
    }
  }, [survivor, ticket.id, openTicket]);

  const toggleFollow = () => follow.mutate({ ticketId: ticket.id, follow: !following });
  useCommands([
    { id: 'ticket.follow', title: following ? 'Unfollow this ticket' : 'Follow this ticket', section: 'Ticket', keys: 'f', keywords: ['watch', 'notify'], run: toggleFollow },
    { id: 'ticket.merge', title: 'Merge into another ticket…', section: 'Ticket', keys: 'Shift+M', enabled: !closed, keywords: ['duplicate'], run: () => openMerge([ticket.id]) },
    { id: 'ticket.linkProblem', title: 'Link to a problem ticket…', section: 'Ticket', keys: 'Shift+L', enabled: !closed && !isProblem, keywords: ['incident'], run: () => setDialog('link') },
    { id: 'ticket.solveProblem', title: 'Solve problem and reply to its incidents…', section: 'Ticket', enabled: isProblem && !closed, keywords: ['incident', 'bulk reply'], run: () => setDialog('solve') },
    { id: 'ticket.toggleActivity', title: showActivity ? 'Hide activity in the conversation' : 'Show activity in the conversation', section: 'Ticket', keywords: ['timeline', 'history'], run: toggleActivity },
  ]);

  return (
    <div className="ticket-actions">
      {ticket.mergedIntoId && (
        <p className="ticket-link-line" role="status">
          Merged into{' '}
          {survivor ? (
            <button type="button" className="button-link" onClick={() => openTicket(survivor.id)}>
              {ticketNumberLabel(survivor.number)} {survivor.subject}
            </button>
          ) : (
            'a ticket this workstation does not hold'
          )}
        </p>
      )}
      {links.data?.problem && (
        <p className="ticket-link-line">
          Incident of problem{' '}
          <button type="button" className="button-link" onClick={() => openTicket(links.data.problem?.id ?? '')}>
            {ticketNumberLabel(links.data.problem.number)} {links.data.problem.subject}
          </button>
        </p>
      )}
      {isProblem && (
        <section aria-label="Incidents" className="incident-list">
          <h2 className="incident-title">
            Problem with {incidents.length} incident{incidents.length === 1 ? '' : 's'} ({openIncidents.length} unsolved)
          </h2>
          <ul>
            {incidents.map((t) => (
              <li key={t.id}>
                <button type="button" className="button-link" onClick={() => openTicket(t.id)}>
                  {ticketNumberLabel(t.number)} {t.subject}
                </button>{' '}
                <span className="muted">
                  {statusLabel[t.status]} · {t.requesterName}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="ticket-action-buttons">
        <button type="button" className="button-quiet" aria-pressed={following} disabled={follow.isPending} onClick={toggleFollow} title="f">
          {following ? 'Following' : 'Follow'}
        </button>
        {!closed && (
          <button type="button" className="button-quiet" onClick={() => openMerge([ticket.id])} title="Shift+M">
            Merge into…
          </button>
        )}
        {!closed && !isProblem && (
          <button type="button" className="button-quiet" onClick={() => setDialog('link')} title="Shift+L">
            {ticket.problemId ? 'Change problem…' : 'Link to problem…'}
          </button>
        )}
        {isProblem && !closed && (
          <button type="button" className="button-quiet" onClick={() => setDialog('solve')}>
            Solve problem…
          </button>
        )}
        <label className="activity-toggle">
          <input type="checkbox" checked={showActivity} onChange={toggleActivity} /> Show activity
        </label>
      </div>
      <ErrorText error={follow.error ?? links.error} />
      <LinkProblemDialog ticket={ticket} open={dialog === 'link'} onClose={() => setDialog(null)} />
      {isProblem && <SolveProblemDialog problem={ticket} openIncidents={openIncidents} open={dialog === 'solve'} onClose={() => setDialog(null)} />}
    </div>
  );
}
