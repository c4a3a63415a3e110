import type { EntityKind, EntityOf } from '../../../shared/model/index.ts';
import { UNSOLVED_STATUSES } from '../../../shared/rules/status.ts';

type Column<K extends EntityKind> = (row: EntityOf<K>) => string | number | null;

/** Where each kind lives and how its typed columns derive from the row (see migrations/001-entities.ts). */
export const entityTables: { readonly [K in EntityKind]: { readonly table: string; readonly columns: Readonly<Record<string, Column<K>>> } } = {
  team: { table: 'teams', columns: {} },
  agent: { table: 'agents', columns: { name: (a) => a.name } },
  account: { table: 'accounts', columns: { name: (a) => a.name } },
  contact: { table: 'contacts', columns: { account_id: (c) => c.accountId, name: (c) => c.name } },
  ticket: {
    table: 'tickets',
    columns: {
      unsolved: (t) => (UNSOLVED_STATUSES.includes(t.status) ? 1 : 0),
      team_id: (t) => t.teamId,
      assignee_id: (t) => t.assigneeId,
      requester_id: (t) => t.requesterId,
      account_id: (t) => t.accountId,
      created_at: (t) => utc(t.createdAt),
      updated_at: (t) => utc(t.updatedAt),
      sla_due_at: (t) => slaDueAt(t),
      priority_rank: (t) => PRIORITY_RANK[t.priority],
      number: (t) => t.number,
      problem_id: (t) => t.problemId,
      status: (t) => t.status,
      // reports (migrations/014-report-facts.ts)
      merged: (t) => (t.mergedIntoId === null ? 0 : 1),
      solved_at: (t) => solvedAt(t),
      first_response_at: (t) => utcOrNull(t.firstResponseAt),
      first_response_due_at: (t) => utcOrNull(t.firstResponseDueAt),
      resolution_due_at: (t) => utcOrNull(t.resolutionDueAt),
      reply_count: (t) => t.replyCount,
      reopen_count: (t) => t.reopenCount,
      csat: (t) => t.satisfaction?.csat ?? null,
      ces: (t) => t.satisfaction?.ces ?? null,
      nps: (t) => t.satisfaction?.nps ?? null,
      rated_at: (t) => (t.mergedIntoId === null && t.satisfaction ? utc(t.satisfaction.ratedAt) : null),
      channel: (t) => t.channel,
      product: (t) => t.product,
      first_response_minutes: (t) => (t.firstResponseAt === null ? null : minutesBetween(t.createdAt, t.firstResponseAt)),
      resolution_minutes: (t) => (solvedAt(t) === null ? null : minutesBetween(t.createdAt, solvedAt(t) as string)),
    },
  },
  message: {
    table: 'messages',
    columns: { ticket_id: (m) => m.ticketId, author_id: (m) => m.authorId, created_at: (m) => utc(m.createdAt) },
  },
  article: { table: 'articles', columns: {} },
  slaPolicy: { table: 'sla_policies', columns: {} },
  macro: { table: 'macros', columns: { title: (m) => m.title } },
  view: { table: 'saved_views', columns: {} },
  report: { table: 'saved_reports', columns: {} },
};

/** Priorities in sort order (low first): the `priority_rank` column. */
export const PRIORITY_RANK = { low: 0, normal: 1, high: 2, urgent: 3 } as const;

/** The earliest SLA deadline still running: first response until it is given, then resolution; none once solved. */
function slaDueAt(t: EntityOf<'ticket'>): string | null {
  if (!UNSOLVED_STATUSES.includes(t.status)) return null;
  const due = (t.firstResponseAt === null ? t.firstResponseDueAt : null) ?? t.resolutionDueAt;
  return due === null ? null : utc(due);
}

/** When a ticket was solved, for reports: null while unsolved and on merged tickets (they count nowhere but in `created`). */
function solvedAt(t: EntityOf<'ticket'>): string | null {
  if (UNSOLVED_STATUSES.includes(t.status) || t.mergedIntoId !== null) return null;
  return utc(t.solvedAt ?? t.updatedAt);
}

/** Calendar minutes between two times, from whole milliseconds (migration 014 computes the same in SQL). */
const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;

const utcOrNull = (iso: string | null) => (iso === null ? null : utc(iso));

/** Already what toISOString writes (nearly every time the server sends): kept as is, without a Date. */
const CANONICAL_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** ISO times may carry any offset; typed columns hold UTC so that text order is time order. */
function utc(iso: string): string {
  return CANONICAL_UTC.test(iso) ? iso : new Date(iso).toISOString();
}
