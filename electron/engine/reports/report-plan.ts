import { TimeDimension, type ReportDefinition, type ReportDimension } from '../../../shared/reports/index.ts';
import { bucketsOf, type Bucket, type Period } from './period.ts';

export type CategoryDimension = Exclude<ReportDimension, TimeDimension>;

/** A report's split: its time buckets (one, the whole period, when not split by time) and its category dimensions. */
export interface Split {
  buckets: Bucket[];
  time: TimeDimension | null;
  categories: CategoryDimension[];
  /** Where each dimension of `groupBy` sits: the time bucket, or category i. */
  order: ({ kind: 'time' } | { kind: 'category'; index: number })[];
}

const isTime = (d: ReportDimension): d is TimeDimension => TimeDimension.safeParse(d).success;

export function splitOf(groupBy: ReportDefinition['groupBy'], period: Period): Split {
  const time = groupBy.find(isTime) ?? null;
  const categories = groupBy.filter((d): d is CategoryDimension => !isTime(d));
  return {
    time,
    categories,
    buckets: time ? bucketsOf(period, time) : [{ id: period.fromDate, label: '', start: period.start, end: period.end }],
    order: groupBy.map((d) => (isTime(d) ? { kind: 'time' as const } : { kind: 'category' as const, index: categories.indexOf(d) })),
  };
}

export const iso = (instant: number) => new Date(instant).toISOString();
