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

/**
 * The answered tickets of one owner, found by the owner's ticket index. The answer is read off the
 * row's JSON once per row (no typed column: that needs a replica migration); only answered rows come
 * back, and the few of them are summed up here.
 */
const answered = (owner: 'account_id' | 'requester_id') => `
  SELECT id, number, data ->> '$.subject' AS subject, satisfaction
  FROM (SELECT id, number, data, data ->> '$.satisfaction' AS satisfaction FROM tickets WHERE ${owner} = ?)
  WHERE satisfaction IS NOT NULL`;

/** The history's queries (exported for the query-plan test): each searches the owner's ticket index. */
export const satisfactionSql = { account: answered('account_id'), requester: answered('requester_id') };

interface AnsweredRow {
  id: string;
  number: number | null;
  subject: string;
  satisfaction: string;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function sumUp(answers: readonly Satisfaction[]): SatisfactionStats {
  const scores = answers.map((a) => a.csat).filter((csat): csat is number => csat !== null);
  const sum = scores.reduce((total, csat) => total + csat, 0);
  return { answers: answers.length, csatAnswers: scores.length, satisfied: scores.filter((csat) => csat >= 4).length, average: scores.length ? round2(sum / scores.length) : null };
}

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
  const rows = sql.all<AnsweredRow>({ sql: satisfactionSql[owner], params: [id] });
  const answers = rows.map((row) => ({ row, answer: JSON.parse(row.satisfaction) as Satisfaction }));
  // Times as the server wrote them (UTC ISO), so text order is time order.
  answers.sort((a, b) => b.answer.ratedAt.localeCompare(a.answer.ratedAt) || b.row.id.localeCompare(a.row.id));
  const all = answers.map((a) => a.answer);
  const recent = all.filter((a) => a.ratedAt >= since);
  const last90Days = sumUp(recent);
  return {
    last90Days,
    allTime: sumUp(all),
    trend: satisfactionTrend(last90Days, sumUp(all.filter((a) => a.ratedAt >= before && a.ratedAt < since))),
    latest: answers.slice(0, LATEST_ANSWERS).map(({ row, answer }) => toAnswer(row, answer)),
  };
}

function toAnswer(row: AnsweredRow, s: Satisfaction): SatisfactionAnswer {
  return { ticketId: row.id, number: row.number, subject: row.subject, csat: s.csat, ces: s.ces, nps: s.nps, comment: s.comment, ratedAt: s.ratedAt };
}
