import type { TicketStatus } from '../../../shared/model/ticket.ts';
import { statusLabel } from '../format/labels.ts';

export function StatusBadge({ status }: { status: TicketStatus }) {
  return <span className={`status-badge status-${status}`}>{statusLabel[status]}</span>;
}
