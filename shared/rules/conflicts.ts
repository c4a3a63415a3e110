import { priorityLabel, statusLabel } from '../model/labels.ts';
import type { ConflictEvent, ConflictField, FieldValue, Priority, Ticket, TicketStatus } from '../model/index.ts';

/**
 * Where a field's last writer is kept: the field's name, or `customFields.<key>` since each custom
 * field is a scalar of its own.
 */
export function fieldPath(field: ConflictField, key: string | null): string {
  return field === 'customFields' ? `customFields.${key ?? ''}` : field;
}

const SCALAR_FIELDS = ['status', 'priority', 'assigneeId', 'teamId'] as const satisfies readonly ConflictField[];

/** The tracked field paths whose value differs between two versions of a ticket (all of them for a new ticket). */
export function changedFieldPaths(before: Ticket | undefined, after: Ticket): string[] {
  const paths: string[] = SCALAR_FIELDS.filter((f) => before?.[f] !== after[f]);
  const keys = new Set([...Object.keys(before?.customFields ?? {}), ...Object.keys(after.customFields)]);
  for (const key of keys) {
    if ((before?.customFields[key] ?? null) !== (after.customFields[key] ?? null)) paths.push(fieldPath('customFields', key));
  }
  return paths;
}

/** Names of the agents and teams a notice mentions, looked up by whoever writes it. */
export interface ConflictNames {
  agent(id: string): string;
  team(id: string): string;
}

/** A field's value as an agent reads it. */
export function fieldValueLabel(field: ConflictField, value: FieldValue, names: ConflictNames): string {
  if (value === null) return field === 'assigneeId' ? 'Unassigned' : field === 'teamId' ? 'No team' : '(empty)';
  switch (field) {
    case 'status':
      return statusLabel[value as TicketStatus] ?? String(value);
    case 'priority':
      return priorityLabel[value as Priority] ?? String(value);
    case 'assigneeId':
      return names.agent(String(value));
    case 'teamId':
      return names.team(String(value));
    case 'customFields':
      return String(value);
  }
}

const fieldName = (event: Pick<ConflictEvent, 'field' | 'key'>): string =>
  ({ status: 'Status', priority: 'Priority', assigneeId: 'Assignee', teamId: 'Team', customFields: `Field "${event.key ?? ''}"` })[event.field];

/** The timeline text of a conflict notice: what was overwritten, by whom, and that it can be re-applied. */
export function describeConflict(event: ConflictEvent, names: ConflictNames): string {
  const lost = fieldValueLabel(event.field, event.lost.value, names);
  const kept = fieldValueLabel(event.field, event.kept.value, names);
  const keptBy = names.agent(event.kept.by);
  const loser = event.lost.by === null ? 'someone else' : names.agent(event.lost.by);
  return `${fieldName(event)} conflict: ${keptBy} set ${kept} without seeing that ${loser} had set ${lost}. ${kept} is kept (the later change wins); ${lost} can be re-applied.`;
}
