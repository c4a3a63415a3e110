import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY_ID, SlaPolicy } from '../../../shared/model/index.ts';
import { dueTimes, slaTimers } from '../../../shared/rules/sla.ts';
import { generateDemo } from '../../../server/demo/generate.ts';

// A Wednesday, so the business clock runs during the day.
const now = new Date('2026-11-25T00:00:00Z');
const demo = generateDemo({ seed: 5, now, scale: 0.3 });
const policy = demo.slaPolicies[0] as SlaPolicy;

describe('the demo SLA policy', () => {
  it('is the workspace default: Mon–Fri 09:00–17:00 Berlin, Christmas off, the documented targets', () => {
    expect(demo.slaPolicies).toHaveLength(1);
    expect(SlaPolicy.parse(policy)).toMatchObject({ id: DEFAULT_SLA_POLICY_ID, timeZone: 'Europe/Berlin', atRiskMinutes: 60 });
    expect(policy.week.map((d) => d.length)).toEqual([0, 1, 1, 1, 1, 1, 0]);
    expect(policy.week[1]).toEqual([{ start: 540, end: 1020 }]);
    expect(policy.holidays).toEqual(expect.arrayContaining(['2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01']));
    expect(policy.targets.urgent).toEqual({ firstResponseMinutes: 30, resolutionMinutes: 240 });
    expect(policy.targets.low).toEqual({ firstResponseMinutes: 480, resolutionMinutes: 72 * 60 });
  });

  it('gives every demo ticket the due times the policy computes from its creation and priority', () => {
    for (const t of demo.tickets) expect({ firstResponseDueAt: t.firstResponseDueAt, resolutionDueAt: t.resolutionDueAt }).toEqual(dueTimes(policy, t));
  });

  it('shows a realistic mix during the working day: breached, at risk and running timers; first responses mostly met', () => {
    const states = new Map<string, number>();
    for (const hour of [9, 10, 11, 12, 13, 14]) {
      for (const t of demo.tickets.filter((x) => x.status !== 'solved' && x.status !== 'closed')) {
        const { firstResponse, resolution } = slaTimers(policy, t, now.getTime() + hour * 3_600_000);
        const current = firstResponse?.doneAt === null ? firstResponse : resolution;
        if (current) states.set(current.state, (states.get(current.state) ?? 0) + 1);
      }
    }
    expect(states.get('breached')).toBeGreaterThan(0);
    expect(states.get('at_risk')).toBeGreaterThan(0);
    expect(states.get('running')).toBeGreaterThan(0);
    const answered = demo.tickets.filter((t) => t.firstResponseAt !== null);
    const met = answered.filter((t) => slaTimers(policy, t, now).firstResponse?.state === 'met').length;
    expect(met / answered.length).toBeGreaterThan(0.7);
    expect(met / answered.length).toBeLessThan(0.95);
  });
});
