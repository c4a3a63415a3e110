import type { SatisfactionAnswer, SatisfactionHistory, SatisfactionStats } from '../../../shared/ipc/views.ts';
import type { Satisfaction } from '../../../shared/model/index.ts';
import type { StatementCache } from '../replica/statement-cache.ts';

/** Answers the pane lists, newest first. */
const LATEST_ANSWERS = 5;
const DAY_MS = 86_400_000;
/** The period the pane sums up, and the one before it that the trend compares with. */
const PERIOD_DAYS = 90;
/** A change of the satisfied share under this many points is steady. */
const TREND_POINTS = 5;

type Owner = 'account_id' | 'requester_id';

/** The answered tickets of one owner: read off the ticket rows that owner's index finds (no typed column, no migration). */
const rated = (owner: Owner) => `
  SELECT t.id, t.number, t.data ->> '$.subject' AS subject,
    t.data ->> '$.satisfaction.csat' AS csat, t.data ->> '$.satisfaction.ratedAt' AS ratedAt, t.data -> '$.satisfaction' AS satisfaction
  FROM tickets t WHERE t.${owner} = @owner AND t.data ->> '$.satisfaction.ratedAt' IS NOT NULL`;

const totals = (owner: Owner) => `
  SELECT
    count(*) AS answers, count(csat) AS csatAnswers, count(*) FILTER (WHERE csat >= 4) AS satisfied, avg(csat) AS average,
    count(*) FILTER (WHERE ratedAt >= @since) AS answers90, count(csat) FILTER (WHERE ratedAt >= @since) AS csatAnswers90,
    count(*) FILTER (WHERE csat >= 4 AND ratedAt >= @since) AS satisfied90, avg(csat) FILTER (WHERE ratedAt >= @since) AS average90,
    count(csat) FILTER (WHERE ratedAt >= @before AND ratedAt < @since) AS csatAnswersBefore,
    count(*) FILTER (WHERE csat >= 4 AND ratedAt >= @before AND ratedAt < @since) AS satisfiedBefore
  FROM (${rated(owner)})`;

const latest = (owner: Owner) => `SELECT id, number, subject, satisfaction FROM (${rated(owner)}) ORDER BY ratedAt DESC, id DESC LIMIT ${LATEST_ANSWERS}`;

/** The history's queries (exported for the query-plan test), with named parameters @owner (and @since, @before): each searches the owner's ticket index. */
export const satisfactionSql = {
  accountTotals: totals('account_id'),
  requesterTotals: totals('requester_id'),
  accountLatest: latest('account_id'),
  requesterLatest: latest('requester_id'),
};

interface TotalsRow {
  answers: number;
  csatAnswers: number;
  satisfied: number;
  average: number | null;
  answers90: number;
  csatAnswers90: number;
  satisfied90: number;
  average90: number | null;
  csatAnswersBefore: number;
  satisfiedBefore: number;
}

interface LatestRow {
  id: string;
  number: number | null;
  subject: string;
  satisfaction: string;
}

const round2 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

/** Up or down when the satisfied share moved by at least TREND_POINTS against the period before; null without CSAT answers in both. */
export function satisfactionTrend(now: { csatAnswers: number; satisfied: number }, before: { csatAnswers: number; satisfied: number }): SatisfactionHistory['trend'] {
  if (now.csatAnswers === 0 || before.csatAnswers === 0) return null;
  const points = (now.satisfied / now.csatAnswers - before.satisfied / before.csatAnswers) * 100;
  return points >= TREND_POINTS ? 'up' : points <= -TREND_POINTS ? 'down' : 'steady';
}

/** The satisfaction history of an account or of a requester, at `nowMs`. */
export function satisfactionHistory(sql: StatementCache, owner: 'account' | 'requester', id: string, nowMs = Date.now()): SatisfactionHistory {
  const since = new Date(nowMs - PERIOD_DAYS * DAY_MS).toISOString();
  const before = new Date(nowMs - 2 * PERIOD_DAYS * DAY_MS).toISOString();
  const t = sql.get1<TotalsRow>({ sql: owner === 'account' ? satisfactionSql.accountTotals : satisfactionSql.requesterTotals, params: [{ owner: id, since, before }] });
  const stats = (answers: number, csatAnswers: number, satisfied: number, average: number | null): SatisfactionStats => ({ answers, csatAnswers, satisfied, average: round2(average) });
  const rows = sql.all<LatestRow>({ sql: owner === 'account' ? satisfactionSql.accountLatest : satisfactionSql.requesterLatest, params: [{ owner: id }] });
  return {
    last90Days: stats(t?.answers90 ?? 0, t?.csatAnswers90 ?? 0, t?.satisfied90 ?? 0, t?.average90 ?? null),
    allTime: stats(t?.answers ?? 0, t?.csatAnswers ?? 0, t?.satisfied ?? 0, t?.average ?? null),
    trend: satisfactionTrend({ csatAnswers: t?.csatAnswers90 ?? 0, satisfied: t?.satisfied90 ?? 0 }, { csatAnswers: t?.csatAnswersBefore ?? 0, satisfied: t?.satisfiedBefore ?? 0 }),
    latest: rows.map(toAnswer),
  };
}

function toAnswer(row: LatestRow): SatisfactionAnswer {
  const s = JSON.parse(row.satisfaction) as Satisfaction;
  return { ticketId: row.id, number: row.number, subject: row.subject, csat: s.csat, ces: s.ces, nps: s.nps, comment: s.comment, ratedAt: s.ratedAt };
}
