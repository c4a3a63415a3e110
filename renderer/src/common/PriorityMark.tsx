import type { Priority } from '../../../shared/model/ticket.ts';
import { priorityLabel } from '../format/labels.ts';

/** `compact` (dense lists) names only the priorities worth reading; low and normal keep just their mark. */
export function PriorityMark({ priority, compact = false }: { priority: Priority; compact?: boolean }) {
  const quiet = compact && (priority === 'low' || priority === 'normal');
  return (
    <span className={`priority priority-${priority}`} title={`${priorityLabel[priority]} priority`}>
      <span className={quiet ? 'visually-hidden' : undefined}>{priorityLabel[priority]}</span>
    </span>
  );
}
