import { z } from 'zod';

/**
 * What a report measures. Each metric is anchored on one date of the ticket (which tickets a
 * period holds) and aggregates one way; `METRICS` says which, in words the UI shows.
 */
export const ReportMetric = z.enum([
  'created',
  'solved',
  'backlog',
  'first_response_time',
  'resolution_time',
  'first_contact_resolution',
  'reopen_rate',
  'csat',
  'nps',
  'ces',
  'sla_first_response',
  'sla_resolution',
]);
export type ReportMetric = z.infer<typeof ReportMetric>;

/** How a metric's value reads: a count of tickets, minutes (a median), a percentage, or a score. */
export const MetricUnit = z.enum(['tickets', 'minutes', 'percent', 'nps', 'score']);
export type MetricUnit = z.infer<typeof MetricUnit>;

export interface MetricInfo {
  label: string;
  /** One sentence for the tooltip and the report builder: what is counted, over which tickets. */
  description: string;
  unit: MetricUnit;
  /** The ticket date that places a ticket in a period ('now' for a state of the present, per bucket end). */
  anchor: 'createdAt' | 'solvedAt' | 'ratedAt' | 'bucketEnd';
  /** For trend arrows: whether a rise is good news. */
  higherIsBetter: boolean;
}

/** Merged tickets (closed into a survivor) count nowhere but `created`: their work lives on in the survivor. */
export const METRICS: Readonly<Record<ReportMetric, MetricInfo>> = {
  created: { label: 'Tickets created', description: 'Tickets created in the period (volume).', unit: 'tickets', anchor: 'createdAt', higherIsBetter: false },
  solved: { label: 'Tickets solved', description: 'Tickets solved in the period, not counting merged ones.', unit: 'tickets', anchor: 'solvedAt', higherIsBetter: true },
  backlog: {
    label: 'Backlog',
    description: 'Unsolved tickets at the end of the period (or of each day, week or month): created by then and not solved by then.',
    unit: 'tickets',
    anchor: 'bucketEnd',
    higherIsBetter: false,
  },
  first_response_time: {
    label: 'First response time',
    description: 'Median calendar time from creation to the first public reply, over tickets created in the period that got one.',
    unit: 'minutes',
    anchor: 'createdAt',
    higherIsBetter: false,
  },
  resolution_time: { label: 'Resolution time', description: 'Median calendar time from creation to solved, over tickets solved in the period.', unit: 'minutes', anchor: 'solvedAt', higherIsBetter: false },
  first_contact_resolution: {
    label: 'First contact resolution',
    description: 'Share of tickets solved in the period with at most one public reply and never reopened.',
    unit: 'percent',
    anchor: 'solvedAt',
    higherIsBetter: true,
  },
  reopen_rate: { label: 'Reopen rate', description: 'Share of tickets solved in the period that had been reopened at least once.', unit: 'percent', anchor: 'solvedAt', higherIsBetter: false },
  csat: { label: 'CSAT', description: 'Share of satisfaction answers in the period rating 4 or 5 out of 5.', unit: 'percent', anchor: 'ratedAt', higherIsBetter: true },
  nps: { label: 'NPS', description: 'Net Promoter Score of answers in the period: % promoters (9–10) minus % detractors (0–6).', unit: 'nps', anchor: 'ratedAt', higherIsBetter: true },
  ces: { label: 'Customer effort', description: 'Average customer effort score of answers in the period, 1 (very hard) to 7 (very easy).', unit: 'score', anchor: 'ratedAt', higherIsBetter: true },
  sla_first_response: {
    label: 'First response SLA',
    description: 'Share of tickets created in the period with a first response target that met it (answered in time); ones still unanswered count once overdue.',
    unit: 'percent',
    anchor: 'createdAt',
    higherIsBetter: true,
  },
  sla_resolution: {
    label: 'Resolution SLA',
    description: 'Share of tickets solved in the period with a resolution target that were solved by it.',
    unit: 'percent',
    anchor: 'solvedAt',
    higherIsBetter: true,
  },
};
