import type { Priority } from '../../../shared/model/ticket.ts';
import { priorityLabel } from '../format/labels.ts';

export function PriorityMark({ priority }: { priority: Priority }) {
  return <span className={`priority priority-${priority}`}>{priorityLabel[priority]}</span>;
}
