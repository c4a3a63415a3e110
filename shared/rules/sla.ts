import type { SlaPolicy } from '../model/sla-policy.ts';
import type { Ticket } from '../model/ticket.ts';
import { addBusinessMinutes, businessMinutesBetween, calendarRefusal } from './sla-clock.ts';

/**
 * SLA timers of a ticket under the workspace's policy.
 *
 * - First response: from creation to the first public agent reply (message.add sets firstResponseAt),
 *   due after the priority's first-response target in business minutes. A ticket solved without any
 *   public reply stops the timer at its solve time.
 * - Resolution ("full resolution time"): from creation to solved, due after the priority's resolution
 *   target in business minutes.
 * - Both are computed from createdAt and the priority, and stored on the ticket (firstResponseDueAt,
 *   resolutionDueAt) by the mutators that create a ticket or change its priority; the server's values
 *   win (its clock, its policy).
 * - Pausing: timers do NOT pause. Pending and on-hold time counts like any other business time, and a
 *   reopened ticket resumes against its original resolution due time (so a ticket reopened after its
 *   due time shows as breached). This keeps every deadline a single stored instant, which the replica's
 *   `sla_due_at` column, the SLA views and sorting read without the policy.
 * - A policy change applies to tickets created or re-prioritised afterwards; stored due times stay.
 */

export interface DueTimes {
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
}

/** Due times of a ticket created at `createdAt` with `priority`; none without a policy or a target. */
export function dueTimes(policy: SlaPolicy | undefined, ticket: Pick<Ticket, 'createdAt' | 'priority'>): DueTimes {
  const target = policy?.targets[ticket.priority];
  if (!policy || !target) return { firstResponseDueAt: null, resolutionDueAt: null };
  const due = (minutes: number | null) => (minutes === null ? null : addBusinessMinutes(policy, ticket.createdAt, minutes));
  return { firstResponseDueAt: due(target.firstResponseMinutes), resolutionDueAt: due(target.resolutionMinutes) };
}

/**
 * - running: not done, due in more than atRiskMinutes (wall clock);
 * - at_risk: not done, due within atRiskMinutes;
 * - breached: not done, past due;
 * - met: done by the due time;
 * - missed: done, but after the due time.
 */
export type SlaTimerState = 'running' | 'at_risk' | 'breached' | 'met' | 'missed';

export interface SlaTimer {
  state: SlaTimerState;
  dueAt: string;
  /** When the timer stopped (first response given, ticket solved); null while it runs. */
  doneAt: string | null;
  /** Business minutes from now (or from doneAt once done) to the due time; negative past it. Null without a policy. */
  remainingBusinessMinutes: number | null;
  /** Wall-clock minutes from now (or from doneAt once done) to the due time; negative past it. */
  remainingWallMinutes: number;
}

export interface SlaTimers {
  firstResponse: SlaTimer | null;
  resolution: SlaTimer | null;
}

type TimedTicket = Pick<Ticket, 'firstResponseDueAt' | 'resolutionDueAt' | 'firstResponseAt' | 'solvedAt'>;

/** The ticket's timers at `now`, from its stored due times. `policy` gives business minutes and the at-risk window. */
export function slaTimers(policy: SlaPolicy | undefined, ticket: TimedTicket, now: string | number | Date): SlaTimers {
  const nowIso = new Date(now).toISOString();
  return {
    firstResponse: timer(policy, ticket.firstResponseDueAt, ticket.firstResponseAt ?? ticket.solvedAt, nowIso),
    resolution: timer(policy, ticket.resolutionDueAt, ticket.solvedAt, nowIso),
  };
}

function timer(policy: SlaPolicy | undefined, dueAt: string | null, doneAt: string | null, now: string): SlaTimer | null {
  if (dueAt === null) return null;
  const from = doneAt ?? now;
  const wall = (Date.parse(dueAt) - Date.parse(from)) / 60_000;
  const business = policy ? businessMinutesBetween(policy, from, dueAt) : null;
  let state: SlaTimerState;
  if (doneAt !== null) state = wall >= 0 ? 'met' : 'missed';
  else if (wall < 0) state = 'breached';
  else if (wall < (policy?.atRiskMinutes ?? 0)) state = 'at_risk';
  else state = 'running';
  return { state, dueAt, doneAt, remainingBusinessMinutes: business, remainingWallMinutes: wall };
}

/** The timer a queue shows: first response until it is given, then resolution (the one `sla_due_at` holds). */
export function currentTimer(timers: SlaTimers): SlaTimer | null {
  const { firstResponse, resolution } = timers;
  if (firstResponse && firstResponse.doneAt === null) return firstResponse;
  return resolution ?? firstResponse;
}

/** Why a policy cannot be saved, or null: a valid calendar, and targets that make sense. */
export function slaPolicyRefusal(policy: Pick<SlaPolicy, 'timeZone' | 'week' | 'holidays' | 'targets'>): string | null {
  const calendar = calendarRefusal(policy);
  if (calendar) return calendar;
  for (const [priority, t] of Object.entries(policy.targets)) {
    if (t.firstResponseMinutes !== null && t.resolutionMinutes !== null && t.resolutionMinutes < t.firstResponseMinutes) {
      return `The ${priority} resolution target cannot be shorter than its first-response target.`;
    }
  }
  return null;
}
