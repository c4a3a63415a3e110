import { memo, type CSSProperties, type MouseEvent } from 'react';
import type { QueueRow } from '../../../shared/ipc/views.ts';
import type { ViewColumn } from '../../../shared/model/view.ts';
import { PendingSyncMark } from '../common/PendingSyncMark.tsx';
import { PriorityMark } from '../common/PriorityMark.tsx';
import { StatusBadge } from '../common/StatusBadge.tsx';
import { channelLabel, ticketNumberLabel } from '../format/labels.ts';
import { formatAge, formatFull } from '../format/time.ts';
import { RowSlaBadge, useRunningTimer } from '../sla/SlaBadge.tsx';
import { slaBadgeText, slaTimerName } from '../sla/format.ts';
import { ticketRowLabel } from './ticket-row-label.ts';

export const ticketRowId = (ticketId: string) => `ticket-row-${ticketId}`;
/** The ticket a row element (`ticketRowId`) shows; null for any other element. */
export const rowTicketId = (row: Element): string | null => (row.id.startsWith('ticket-row-') ? row.id.slice('ticket-row-'.length) : null);

/** The columns a queue shows when its view says nothing else. */

interface Props {
  row: QueueRow;
  now: number;
  /** Under the keyboard cursor. */
  selected: boolean;
  open: boolean;
  /** Picked for a bulk action. */
  picked: boolean;
  /** What the row shows besides the subject (always shown). */
  columns: readonly ViewColumn[];
  style: CSSProperties;
  onOpen(id: string): void;
  /** Shift+click: pick the range from the last picked row to this one. */
  onPickRange(id: string): void;
}

function Row({ row, now, selected, open, picked, columns, style, onOpen, onPickRange }: Props) {
  const age = formatAge(row.createdAt, now);
  const has = (c: ViewColumn) => columns.includes(c);
  const running = useRunningTimer(row, now);
  const onClick = (e: MouseEvent) => {
    if (e.shiftKey) {
      e.preventDefault();
      onPickRange(row.id);
    } else onOpen(row.id);
  };
  return (
    <div
      role="option"
      id={ticketRowId(row.id)}
      aria-selected={selected}
      aria-label={`${ticketRowLabel(row, age)}${running ? `, ${slaTimerName[running.kind]} ${slaBadgeText(running.timer, true)}` : ''}${picked ? ', picked for a bulk action' : ''}`}
      data-picked={picked || undefined}
      className={`ticket-row${selected ? ' is-selected' : ''}${open ? ' is-open' : ''}${picked ? ' is-picked' : ''}`}
      style={style}
      onClick={onClick}
      // Shift+click picks a range of rows, not a range of text.
      onMouseDown={(e) => e.shiftKey && e.preventDefault()}
    >
      <div className="ticket-row-line">
        <span className="pick-mark" aria-hidden="true">
          {picked ? '✓' : ''}
        </span>
        {has('number') && <span className={`ticket-number${row.number === null ? ' is-provisional' : ''}`}>{ticketNumberLabel(row.number)}</span>}
        <span className="ticket-subject">{row.subject}</span>
        {has('createdAt') && (
          <span className="ticket-age" title={`Created ${formatFull(row.createdAt)}`}>
            {age}
          </span>
        )}
        {has('updatedAt') && (
          <span className="ticket-age" title={`Updated ${formatFull(row.updatedAt)}`}>
            upd. {formatAge(row.updatedAt, now)}
          </span>
        )}
      </div>
      <div className="ticket-row-line ticket-row-meta">
        {has('status') && <StatusBadge status={row.status} />}
        {has('priority') && <PriorityMark priority={row.priority} compact />}
        {has('sla') && <RowSlaBadge running={running} />}
        {has('requester') && <span className="ticket-requester">{row.requesterName}</span>}
        {has('account') && row.accountName && <span className="ticket-account">{row.accountName}</span>}
        {has('channel') && <span className="ticket-channel">{channelLabel[row.channel]}</span>}
        {has('team') && row.teamName && <span className="ticket-team">{row.teamName}</span>}
        {has('tags') && row.tags.length > 0 && <span className="ticket-tags">{row.tags.join(', ')}</span>}
        {row.pendingSync && <PendingSyncMark label="Unsynced" />}
        {has('assignee') && row.assigneeName && <span className="ticket-assignee">{row.assigneeName}</span>}
      </div>
    </div>
  );
}

/** Same props, same row: the list re-renders on every cursor move and open, the rows whose state changed do. */
const sameRow = (a: Props, b: Props) =>
  a.row === b.row &&
  a.now === b.now &&
  a.selected === b.selected &&
  a.open === b.open &&
  a.picked === b.picked &&
  a.columns === b.columns &&
  a.onOpen === b.onOpen &&
  a.onPickRange === b.onPickRange &&
  a.style.transform === b.style.transform &&
  a.style.height === b.style.height;

export const TicketRow = memo(Row, sameRow);
