import { z } from 'zod';
import { Channel, Id, Priority, TicketStatus } from '../model/index.ts';
import { ReportMetric } from './metric.ts';

/** Time buckets: calendar days, ISO weeks (Monday first) and months in the agent's time zone. */
export const TimeDimension = z.enum(['day', 'week', 'month']);
export type TimeDimension = z.infer<typeof TimeDimension>;

/** What a report can be split by: a time bucket, or a property of the ticket as it is now. */
export const ReportDimension = z.enum(['day', 'week', 'month', 'team', 'assignee', 'channel', 'priority', 'product', 'account', 'tag', 'status', 'plan']);
export type ReportDimension = z.infer<typeof ReportDimension>;

/** Calendar date in the report's time zone, inclusive. */
const CalendarDate = z.iso.date();

/**
 * Which days a report covers, in the agent's time zone: the last N days up to and including today
 * (so a saved report keeps meaning something tomorrow), or fixed dates.
 */
export const ReportRange = z.union([
  z.object({ lastDays: z.number().int().min(1).max(730) }),
  z
    .object({ from: CalendarDate, to: CalendarDate })
    .refine((r) => r.from <= r.to, 'The start date must not be after the end date.')
    .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 730 * 86_400_000, 'A report can cover at most two years.'),
]);
export type ReportRange = z.infer<typeof ReportRange>;

/** Which tickets a report looks at; every present list is "any of", and the filters combine with AND. */
export const ReportFilter = z.object({
  teamIds: z.array(z.union([Id, z.literal('none')])).max(100).optional(),
  assigneeIds: z.array(z.union([Id, z.literal('none')])).max(200).optional(),
  channels: z.array(Channel).max(6).optional(),
  priorities: z.array(Priority).max(4).optional(),
  statuses: z.array(TicketStatus).max(6).optional(),
  products: z.array(z.string().min(1).max(100)).max(50).optional(),
  tags: z.array(z.string().min(1).max(100)).max(50).optional(),
  accountIds: z.array(Id).max(100).optional(),
});
export type ReportFilter = z.infer<typeof ReportFilter>;

export const ReportChart = z.enum(['number', 'line', 'bar', 'stacked_bar', 'table']);
export type ReportChart = z.infer<typeof ReportChart>;

/** A report: one metric over a range, split by up to two dimensions (at most one of them time). */
export const ReportDefinition = z
  .object({
    metric: ReportMetric,
    groupBy: z.array(ReportDimension).max(2, 'A report can be split by at most two dimensions.'),
    range: ReportRange,
    filter: ReportFilter.default({}),
    chart: ReportChart,
  })
  .refine((d) => new Set(d.groupBy).size === d.groupBy.length, 'A report cannot be split twice by the same dimension.')
  .refine((d) => d.groupBy.filter((g) => TimeDimension.safeParse(g).success).length <= 1, 'A report can be split by one time bucket at most (day, week or month).');
export type ReportDefinition = z.infer<typeof ReportDefinition>;
