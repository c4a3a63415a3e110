import { z } from 'zod';
import { IsoTime } from '../model/index.ts';
import { MetricUnit, ReportMetric } from './metric.ts';

/** One value of a dimension: its id (a team id, '2026-11-02', 'email'; null for "none") and how it reads. */
export const ReportKey = z.object({ id: z.string().nullable(), label: z.string() });
export type ReportKey = z.infer<typeof ReportKey>;

/** A metric's value over some tickets, and how many tickets (or answers) it was computed from. */
export const ReportValue = z.object({ value: z.number().nullable(), sample: z.number().int().nonnegative() });
export type ReportValue = z.infer<typeof ReportValue>;

/**
 * A report's answer. `rows` holds one entry per combination of keys (none when not split); time
 * buckets are in order and include empty ones, other keys are ordered by sample, largest first,
 * at most MAX_REPORT_KEYS per dimension (`truncated` says when more existed).
 */
export const ReportResult = z.object({
  metric: ReportMetric,
  unit: MetricUnit,
  /** The instants the range covers, start inclusive and end exclusive. */
  from: IsoTime,
  to: IsoTime,
  total: ReportValue,
  /** The same metric over the period of the same length just before (for trends); null when not asked. */
  previous: ReportValue.nullable(),
  rows: z.array(ReportValue.extend({ keys: z.array(ReportKey).max(2) })),
  truncated: z.boolean(),
});
export type ReportResult = z.infer<typeof ReportResult>;

export const MAX_REPORT_KEYS = 50;
