import type { ViewSort } from '../../../shared/ipc/features/queues.ts';
import type { ViewColumn, ViewSortField } from '../../../shared/model/view.ts';

export const sortFieldLabel: Record<ViewSortField, string> = {
  updatedAt: 'Last updated',
  createdAt: 'Created',
  priority: 'Priority',
  slaDueAt: 'SLA deadline',
  number: 'Number',
};

/** Each sort field's two directions, worded for what comes first. */
export const sortChoices: { sort: ViewSort; label: string }[] = [
  { sort: { field: 'updatedAt', direction: 'desc' }, label: 'Last updated, newest first' },
  { sort: { field: 'updatedAt', direction: 'asc' }, label: 'Last updated, oldest first' },
  { sort: { field: 'createdAt', direction: 'desc' }, label: 'Created, newest first' },
  { sort: { field: 'createdAt', direction: 'asc' }, label: 'Created, oldest first' },
  { sort: { field: 'priority', direction: 'desc' }, label: 'Priority, urgent first' },
  { sort: { field: 'priority', direction: 'asc' }, label: 'Priority, low first' },
  { sort: { field: 'slaDueAt', direction: 'asc' }, label: 'SLA deadline, soonest first' },
  { sort: { field: 'slaDueAt', direction: 'desc' }, label: 'SLA deadline, latest first' },
  { sort: { field: 'number', direction: 'desc' }, label: 'Number, highest first' },
  { sort: { field: 'number', direction: 'asc' }, label: 'Number, lowest first' },
];

export const sortKey = (s: ViewSort) => `${s.field}:${s.direction}`;

export const columnLabel: Record<ViewColumn, string> = {
  number: 'Number',
  status: 'Status',
  priority: 'Priority',
  requester: 'Requester',
  account: 'Account',
  assignee: 'Assignee',
  team: 'Team',
  channel: 'Channel',
  tags: 'Tags',
  sla: 'SLA',
  updatedAt: 'Updated',
  createdAt: 'Age',
};
