import { useState } from 'react';
import { ErrorText } from '../common/ErrorText.tsx';
import { PendingSyncMark } from '../common/PendingSyncMark.tsx';
import { PriorityMark } from '../common/PriorityMark.tsx';
import { useCustomerPane, useTicketDetail } from '../data/queries.ts';
import { channelLabel, ticketNumberLabel } from '../format/labels.ts';
import { formatDateTime, formatFull } from '../format/time.ts';
import { TicketSlaTimers } from '../sla/SlaBadge.tsx';
import { Composer } from './Composer.tsx';
import { Conversation } from './Conversation.tsx';
import { PresenceLine } from './PresenceLine.tsx';
import { TicketControls } from './TicketControls.tsx';
import { TicketActions } from '../ticket-actions/TicketActions.tsx';
import { TicketSatisfaction } from '../satisfaction/TicketSatisfaction.tsx';
import { useTicketPresence } from './use-presence.ts';
import { usePaintedFor } from './after-paint.ts';

export function TicketView({ ticketId, meId }: { ticketId: string; meId: string }) {
  const detail = useTicketDetail(ticketId);
  const [replying, setReplying] = useState(false);
  const others = useTicketPresence(ticketId, replying ? 'replying' : 'viewing');
  // The composer (its editor is the costliest part of a ticket) comes a frame after the ticket and its
  // customer pane (which the composer reads too) are painted: it never holds up the pane's answer.
  const pane = useCustomerPane(ticketId);
  const composing = usePaintedFor(detail.data !== undefined && (pane.data !== undefined || pane.isError) ? ticketId : null) !== null;

  // A failed refresh keeps what was shown (and the draft under it); only a first load can fail to nothing.
  if (detail.data === undefined) return detail.error ? <ErrorText error={detail.error} className="pane-note" /> : <p className="pane-note">Loading ticket…</p>;
  if (!detail.data) return <p className="pane-note">This ticket is not on this computer any more; it may have moved to a team you do not see.</p>;

  const { ticket, messages, requester, team, assignee, pendingSync } = detail.data;
  return (
    <>
      <header className="ticket-header">
        <div className="ticket-meta">
          <span className={`ticket-number${ticket.number === null ? ' is-provisional' : ''}`}>{ticketNumberLabel(ticket.number)}</span>
          <PriorityMark priority={ticket.priority} />
          <span>{channelLabel[ticket.channel]}</span>
          <span title={formatFull(ticket.createdAt)}>Opened {formatDateTime(ticket.createdAt)}</span>
          {team && <span>{team.name}</span>}
          {pendingSync && <PendingSyncMark />}
          <PresenceLine agents={others} />
        </div>
        <h1 className="ticket-title">{ticket.subject}</h1>
        <div className="ticket-requester-line">
          {requester.name} <span className="muted">&lt;{requester.email}&gt;</span>
        </div>
        <TicketSlaTimers ticket={ticket} />
        <TicketControls key={ticket.id} ticket={ticket} assignee={assignee} meId={meId} />
        <TicketActions key={`actions-${ticket.id}`} ticket={ticket} meId={meId} />
        <TicketSatisfaction key={`csat-${ticket.id}`} ticket={ticket} />
      </header>
      <Conversation ticketId={ticket.id} messages={messages} meId={meId} />
      {composing && <Composer key={ticket.id} ticket={ticket} requester={requester} messages={messages} meId={meId} onReplyingChange={setReplying} />}
    </>
  );
}
