import type { CSSProperties } from 'react';
import type { QueueRow } from '../../../shared/ipc/views.ts';
import { PendingSyncMark } from '../common/PendingSyncMark.tsx';
import { PriorityMark } from '../common/PriorityMark.tsx';
import { StatusBadge } from '../common/StatusBadge.tsx';
import { ticketNumberLabel } from '../format/labels.ts';
import { formatAge, formatFull } from '../format/time.ts';
import { RowSlaBadge } from '../sla/SlaBadge.tsx';
import { ticketRowLabel } from './ticket-row-label.ts';

export const ticketRowId = (ticketId: string) => `ticket-row-${ticketId}`;

interface Props {
  row: QueueRow;
  now: number;
  selected: boolean;
  open: boolean;
  /** Off in "Mine", where every row is assigned to the agent looking at it. */
  showAssignee: boolean;
  style: CSSProperties;
  onOpen(id: string): void;
}

export function TicketRow({ row, now, selected, open, showAssignee, style, onOpen }: Props) {
  const age = formatAge(row.createdAt, now);
  return (
    <div
      role="option"
      id={ticketRowId(row.id)}
      aria-selected={selected}
      aria-label={ticketRowLabel(row, age)}
      className={`ticket-row${selected ? ' is-selected' : ''}${open ? ' is-open' : ''}`}
      style={style}
      onClick={() => onOpen(row.id)}
    >
      <div className="ticket-row-line">
        <span className={`ticket-number${row.number === null ? ' is-provisional' : ''}`}>{ticketNumberLabel(row.number)}</span>
        <span className="ticket-subject">{row.subject}</span>
        <span className="ticket-age" title={`Created ${formatFull(row.createdAt)}`}>
          {age}
        </span>
      </div>
      <div className="ticket-row-line ticket-row-meta">
        <StatusBadge status={row.status} />
        <PriorityMark priority={row.priority} compact />
        <RowSlaBadge row={row} now={now} />
        <span className="ticket-requester">{row.requesterName}</span>
        {row.accountName && <span className="ticket-account">{row.accountName}</span>}
        {row.pendingSync && <PendingSyncMark label="Unsynced" />}
        {showAssignee && row.assigneeName && <span className="ticket-assignee">{row.assigneeName}</span>}
      </div>
    </div>
  );
}
