import { z } from 'zod';
import { Id, IsoTime } from './common.ts';
import { Priority } from './ticket.ts';

/** The workspace's one policy has this id, so a mutator can read it with tx.get('slaPolicy', DEFAULT_SLA_POLICY_ID). */
export const DEFAULT_SLA_POLICY_ID = '0195f0a0-5a1a-7000-8000-000000000001';

/** Minutes of business time a ticket may wait; null: no target. */
const Target = z.number().int().positive().max(525_600).nullable();

/** One working interval of a weekday, in minutes from local midnight. */
export const WorkingHours = z.object({ start: z.number().int().min(0).max(1440), end: z.number().int().min(0).max(1440) }).refine((h) => h.end > h.start, 'A working interval ends after it starts.');

/**
 * The workspace's service-level policy: per-priority first-response and resolution targets counted in
 * business hours (a week of working intervals in an IANA time zone, minus holidays). Defined on the
 * server (admins), replicated in the org scope, read by the shared SLA rules on both sides.
 */
export const SlaPolicy = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  timeZone: z.string().min(1).max(100),
  /** Index 0 = Sunday … 6 = Saturday; an empty list is a day off. */
  week: z.array(z.array(WorkingHours).max(4)).length(7),
  /** Whole days off, YYYY-MM-DD in the policy's time zone. */
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).max(366),
  targets: z.record(Priority, z.object({ firstResponseMinutes: Target, resolutionMinutes: Target })),
  /** A running timer is "at risk" once less than this many minutes (wall clock) are left. */
  atRiskMinutes: z.number().int().nonnegative().max(10_080),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type SlaPolicy = z.infer<typeof SlaPolicy>;
