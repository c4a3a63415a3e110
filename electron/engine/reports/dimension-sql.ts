import type { CategoryDimension } from './report-plan.ts';
import type { StatementCache } from '../replica/statement-cache.ts';
import { PRIORITY_RANK } from '../replica/entity-tables.ts';

/**
 * How a category dimension reads from `tickets t`: the key's SQL (a typed column, the account's
 * plan, or one row per tag through `join`), how a key id goes back into SQL (drill-down), and labels.
 */
export interface DimensionSql {
  expr: string;
  join?: string;
  /** The predicate picking the tickets of one key (drill-down), and its parameters. */
  match: (id: string | null) => { sql: string; params: unknown[] };
  /** Keys as ids: the SQL value read back (priority ranks become names). */
  idOf: (value: unknown) => string | null;
}

const PRIORITIES = Object.keys(PRIORITY_RANK) as (keyof typeof PRIORITY_RANK)[];
const column = (expr: string): DimensionSql => ({
  expr,
  match: (id) => ({ sql: `${expr} IS ?`, params: [id] }),
  idOf: (v) => (v === null || v === undefined ? null : String(v)),
});

export const DIMENSION_SQL: Readonly<Record<CategoryDimension, DimensionSql>> = {
  team: column('t.team_id'),
  assignee: column('t.assignee_id'),
  channel: column('t.channel'),
  status: column('t.status'),
  product: column('t.product'),
  account: column('t.account_id'),
  plan: column(`(SELECT json_extract(a.data, '$.plan') FROM accounts a WHERE a.id = t.account_id)`),
  priority: {
    expr: 't.priority_rank',
    match: (id) => ({ sql: 't.priority_rank IS ?', params: [id === null ? null : PRIORITY_RANK[id as keyof typeof PRIORITY_RANK]] }),
    idOf: (v) => (typeof v === 'number' ? (PRIORITIES[v] ?? null) : null),
  },
  tag: {
    expr: 'tg.value',
    join: `LEFT JOIN json_each(t.data, '$.tags') tg`,
    match: (id) =>
      id === null
        ? { sql: `json_array_length(t.data, '$.tags') = 0`, params: [] }
        : { sql: `EXISTS (SELECT 1 FROM json_each(t.data, '$.tags') WHERE value = ?)`, params: [id] },
    idOf: (v) => (typeof v === 'string' ? v : null),
  },
};

const NONE: Readonly<Record<CategoryDimension, string>> = {
  team: 'No team',
  assignee: 'Unassigned',
  channel: 'No channel',
  status: 'No status',
  product: 'No product',
  account: 'No account',
  plan: 'No account',
  priority: 'No priority',
  tag: 'No tag',
};

const WORDS: Readonly<Record<string, string>> = {
  email: 'Email', chat: 'Chat', phone: 'Phone', social: 'Social', web: 'Web', api: 'API',
  low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent',
  new: 'New', open: 'Open', pending: 'Pending', on_hold: 'On hold', solved: 'Solved', closed: 'Closed',
  free: 'Free', starter: 'Starter', pro: 'Pro', enterprise: 'Enterprise',
};

const NAMES: Partial<Record<CategoryDimension, { sql: string; unknown: string }>> = {
  team: { sql: `SELECT id, json_extract(data, '$.name') AS name FROM teams WHERE id IN `, unknown: 'Another team' },
  assignee: { sql: 'SELECT id, name FROM agents WHERE id IN ', unknown: 'Another agent' },
  account: { sql: 'SELECT id, name FROM accounts WHERE id IN ', unknown: 'Another account' },
};

/** How each key of a dimension reads: names from the replica for teams, agents and accounts, words for the rest. */
export function labelsOf(sql: StatementCache, dimension: CategoryDimension, ids: readonly (string | null)[]): Map<string | null, string> {
  const labels = new Map<string | null, string>([[null, NONE[dimension]]]);
  const named = NAMES[dimension];
  const present = ids.filter((id): id is string => id !== null);
  if (named && present.length) {
    const rows = sql.all<{ id: string; name: string }>({ sql: `${named.sql}(SELECT value FROM json_each(?))`, params: [JSON.stringify(present)] });
    const byId = new Map(rows.map((r) => [r.id, r.name]));
    for (const id of present) labels.set(id, byId.get(id) ?? named.unknown);
  } else {
    for (const id of present) labels.set(id, WORDS[id] ?? id);
  }
  return labels;
}
