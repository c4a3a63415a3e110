import { useState } from 'react';
import type { Ticket } from '../../../shared/model/ticket.ts';
import { takesSurvey } from '../../../shared/sync/survey.ts';
import { ErrorText } from '../common/ErrorText.tsx';
import { useCommands } from '../commands/use-commands.ts';
import { useDesk } from '../desk/desk-context.tsx';
import { formatDateTime, formatFull } from '../format/time.ts';
import { scoresLine } from './format.ts';
import './satisfaction.css';

type Copy = { state: 'idle' } | { state: 'working' } | { state: 'copied' | 'shown'; url: string } | { state: 'failed'; error: unknown };

/**
 * The ticket's own survey answer, and on a solved ticket "Copy survey link": the server signs the
 * link (online only), the clipboard gets it, and the link stays on screen to copy by hand if the
 * clipboard is out of reach.
 */
export function TicketSatisfaction({ ticket }: { ticket: Ticket }) {
  const desk = useDesk();
  const [copy, setCopy] = useState<Copy>({ state: 'idle' });
  const solved = takesSurvey(ticket);

  const copyLink = async () => {
    setCopy({ state: 'working' });
    let url: string;
    try {
      url = (await desk.invoke('ticket.surveyLink', { ticketId: ticket.id })).url;
    } catch (error) {
      setCopy({ state: 'failed', error });
      return;
    }
    try {
      await navigator.clipboard.writeText(url);
      setCopy({ state: 'copied', url });
    } catch {
      setCopy({ state: 'shown', url });
    }
  };
  useCommands([{ id: 'ticket.copySurveyLink', title: 'Copy survey link', section: 'Ticket', enabled: solved, keywords: ['csat', 'satisfaction', 'feedback', 'rating'], run: () => void copyLink() }]);

  const answer = ticket.satisfaction;
  if (!answer && !solved) return null;
  return (
    <div className="ticket-satisfaction" aria-label="Customer satisfaction" role="group">
      {answer ? (
        <p>
          <strong>Customer rating:</strong> {scoresLine(answer)}{' '}
          <time className="muted" dateTime={answer.ratedAt} title={formatFull(answer.ratedAt)}>
            {formatDateTime(answer.ratedAt)}
          </time>
          {answer.comment && <span className="csat-comment"> “{answer.comment}”</span>}
        </p>
      ) : (
        <p className="muted">No survey answer yet.</p>
      )}
      {solved && (
        <button type="button" className="button-quiet" disabled={copy.state === 'working'} onClick={() => void copyLink()}>
          {copy.state === 'copied' ? 'Survey link copied' : 'Copy survey link'}
        </button>
      )}
      {copy.state === 'shown' && (
        <p role="status">
          Could not reach the clipboard; copy the link by hand: <code className="survey-link-url">{copy.url}</code>
        </p>
      )}
      {copy.state === 'copied' && (
        <p role="status" className="muted">
          Copied. Send it to the customer: <code className="survey-link-url">{copy.url}</code>
        </p>
      )}
      {copy.state === 'failed' && <ErrorText error={copy.error} />}
    </div>
  );
}
