import type { QueueView } from '../../../shared/ipc/views.ts';

export const queueViews: ReadonlyArray<{ view: QueueView; label: string }> = [
  { view: 'mine', label: 'Mine' },
  { view: 'unassigned', label: 'Unassigned' },
  { view: 'team', label: 'Team' },
  { view: 'all', label: 'All' },
];
