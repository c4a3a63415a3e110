import type { QueueRow } from '../../../shared/ipc/views.ts';
import { priorityLabel, statusLabel, ticketNumberLabel } from '../format/labels.ts';

/** What a screen reader says for a queue row: the same facts the row shows, in a sentence. */
export function ticketRowLabel(row: QueueRow, age: string): string {
  const who = row.accountName ? `${row.requesterName} at ${row.accountName}` : row.requesterName;
  const parts = [`${ticketNumberLabel(row.number)} ${row.subject}`, statusLabel[row.status], `${priorityLabel[row.priority]} priority`, who, `${age} old`];
  if (row.assigneeName) parts.push(`assigned to ${row.assigneeName}`);
  if (row.pendingSync) parts.push('not synced yet');
  return parts.join(', ');
}
