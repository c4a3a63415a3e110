import { DEFAULT_SLA_POLICY_ID, type SlaPolicy } from '../../shared/model/index.ts';

const nineToFive = [{ start: 9 * 60, end: 17 * 60 }];

/**
 * The demo workspace's SLA policy: Monday to Friday 09:00–17:00 in Berlin, Christmas to New Year's
 * Day off (for the years around `now`), business-time targets per priority, at risk in the last hour.
 */
export function demoSlaPolicy(now: Date, createdAt: string): SlaPolicy {
  const year = now.getUTCFullYear();
  const holidays = [year - 1, year].flatMap((y) => [`${y}-12-24`, `${y}-12-25`, `${y}-12-26`, `${y}-12-31`, `${y + 1}-01-01`]);
  return {
    id: DEFAULT_SLA_POLICY_ID,
    name: 'Standard support',
    timeZone: 'Europe/Berlin',
    week: [[], nineToFive, nineToFive, nineToFive, nineToFive, nineToFive, []],
    holidays,
    targets: {
      urgent: { firstResponseMinutes: 30, resolutionMinutes: 4 * 60 },
      high: { firstResponseMinutes: 60, resolutionMinutes: 8 * 60 },
      normal: { firstResponseMinutes: 4 * 60, resolutionMinutes: 24 * 60 },
      low: { firstResponseMinutes: 8 * 60, resolutionMinutes: 72 * 60 },
    },
    atRiskMinutes: 60,
    createdAt,
    updatedAt: createdAt,
  };
}
