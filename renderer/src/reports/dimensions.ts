import { TimeDimension, type ReportDimension } from '../../../shared/reports/index.ts';

export const DIMENSION_LABELS: Record<ReportDimension, string> = {
  day: 'Day',
  week: 'Week',
  month: 'Month',
  team: 'Team',
  assignee: 'Assignee',
  channel: 'Channel',
  priority: 'Priority',
  product: 'Product',
  account: 'Account',
  tag: 'Tag',
  status: 'Status',
  plan: 'Plan',
};

export function dimensionLabel(d: ReportDimension): string {
  return DIMENSION_LABELS[d];
}

export function isTimeDimension(d: ReportDimension): boolean {
  return TimeDimension.safeParse(d).success;
}
