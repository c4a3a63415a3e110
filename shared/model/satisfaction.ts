import { z } from 'zod';
import { IsoTime } from './common.ts';

/**
 * The customer's answer to the survey sent when a ticket is solved. Each scale is optional (a
 * customer may answer one question and skip the rest); the newest answer replaces an older one.
 * - CSAT: "How satisfied were you?" 1 (very unsatisfied) to 5 (very satisfied); 4 and 5 count as satisfied.
 * - CES: "How easy was it to get your issue resolved?" 1 (very difficult) to 7 (very easy).
 * - NPS: "How likely are you to recommend us?" 0 to 10; 9–10 promoters, 0–6 detractors.
 */
export const Satisfaction = z.object({
  csat: z.number().int().min(1).max(5).nullable(),
  ces: z.number().int().min(1).max(7).nullable(),
  nps: z.number().int().min(0).max(10).nullable(),
  comment: z.string().max(5000).nullable(),
  ratedAt: IsoTime,
});
export type Satisfaction = z.infer<typeof Satisfaction>;
