import type { SearchHit, SearchResults } from '../../../shared/ipc/features/search.ts';
import type { Article, Priority, TicketStatus } from '../../../shared/model/index.ts';
import { MARK_CLOSE, MARK_OPEN, parseSearch, type SearchKind, type TicketFilters } from '../../../shared/rules/search-query.ts';
import { log } from '../log.ts';
import type { Db } from '../replica/open-replica.ts';
import type { StatementCache } from '../replica/statement-cache.ts';
import { searchIndexPending } from './search-index.ts';

/** A subject (or tag, number) hit counts this much more than a body hit of the same bm25. */
const SUBJECT_BOOST = 3;
/**
 * Best-ranked hits taken from each index before joining to tickets and filtering. Bounds the work
 * of a common word; a filtered search takes more, since the filter then drops many of them.
 */
const CANDIDATES = 400;
const FILTERED_CANDIDATES = 4000;
/** Words of context around a snippet's match. */
const SNIPPET_TOKENS = 14;

const PRIORITY_RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

interface Sql {
  sql: string;
  params: unknown[];
}

export interface SearchInput {
  text: string;
  limit: number;
}

export interface Searcher {
  db: Db;
  sql: StatementCache;
  /** The signed-in agent (assignee:me). */
  viewerId: string;
}

const none = (hint: string | null, indexing: boolean): SearchResults => ({ groups: [], hint, indexing });

/** Runs a search box query over the replica. A query that cannot be searched answers no results and a hint; never throws. */
export function runSearch(s: Searcher, input: SearchInput): SearchResults {
  const indexing = searchIndexPending(s.db);
  const parsed = parseSearch(input.text);
  if (!parsed.ok) return none(parsed.hint, indexing);
  const limit = Math.max(1, Math.min(50, input.limit));
  const kinds = new Set<SearchKind>(parsed.kinds ?? (parsed.filtered ? ['ticket', 'message'] : ['ticket', 'message', 'contact', 'account', 'article']));
  const { match } = parsed;
  try {
    const groups: SearchResults['groups'] = [];
    const push = (kind: SearchResults['groups'][number]['kind'], hits: SearchHit[]) => hits.length > 0 && groups.push({ kind, hits });
    if (kinds.has('ticket') || kinds.has('message')) {
      push('ticket', searchTickets(s, match, parsed.filters, parsed.filtered, { subject: kinds.has('ticket'), messages: kinds.has('message') || kinds.has('ticket') }, limit));
    }
    if (match !== null) {
      if (kinds.has('contact')) push('contact', searchContacts(s, match, limit));
      if (kinds.has('account')) push('account', searchAccounts(s, match, limit));
      if (kinds.has('article')) push('article', searchArticles(s, match, limit));
    } else if (!kinds.has('ticket') && !kinds.has('message')) {
      return none('Type a word to search for; filters other than kind: apply to tickets.', indexing);
    }
    return { groups, hint: null, indexing };
  } catch (err) {
    log.warn('a search failed', err);
    return none('That search could not be run; try other words.', indexing);
  }
}

/** LIKE pattern for a name that starts with `value`, or has a word that does. */
function startsLike(column: string, value: string): Sql {
  const v = value.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
  return { sql: `(lower(${column}) LIKE ? ESCAPE '\\' OR lower(${column}) LIKE ? ESCAPE '\\')`, params: [`${v}%`, `% ${v}%`] };
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();
}

/** SQL conditions on tickets `t` for the parsed filters. */
export function ticketFilterSql(filters: TicketFilters, viewerId: string): Sql {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...p: unknown[]) => {
    where.push(sql);
    params.push(...p);
  };
  if (filters.statuses) add(`json_extract(t.data, '$.status') IN (${filters.statuses.map(() => '?').join(', ')})`, ...filters.statuses);
  if (filters.priorities) add(`t.priority_rank IN (${filters.priorities.map(() => '?').join(', ')})`, ...filters.priorities.map((p) => PRIORITY_RANK[p]));
  if (filters.unassigned) add('t.assignee_id IS NULL');
  if (filters.assignee === 'me') add('t.assignee_id = ?', viewerId);
  else if (filters.assignee !== null) {
    const name = startsLike('name', filters.assignee);
    const email = startsLike(`json_extract(data, '$.email')`, filters.assignee);
    add(`t.assignee_id IN (SELECT id FROM agents WHERE ${name.sql} OR ${email.sql})`, ...name.params, ...email.params);
  }
  if (filters.team !== null) {
    const name = startsLike(`json_extract(data, '$.name')`, filters.team);
    add(`t.team_id IN (SELECT id FROM teams WHERE ${name.sql})`, ...name.params);
  }
  for (const tag of filters.tags) add(`EXISTS (SELECT 1 FROM json_each(t.data, '$.tags') WHERE lower(value) = ?)`, tag);
  if (filters.account !== null) {
    const name = startsLike('name', filters.account);
    add(`t.account_id IN (SELECT id FROM accounts WHERE ${name.sql})`, ...name.params);
  }
  if (filters.requester !== null) {
    const name = startsLike('name', filters.requester);
    const email = startsLike(`json_extract(data, '$.email')`, filters.requester);
    add(`t.requester_id IN (SELECT id FROM contacts WHERE ${name.sql} OR ${email.sql})`, ...name.params, ...email.params);
  }
  for (const { op, day } of filters.created) {
    const start = `${day}T00:00:00.000Z`;
    if (op === '>') add('t.created_at >= ?', nextDay(day));
    else if (op === '>=') add('t.created_at >= ?', start);
    else if (op === '<') add('t.created_at < ?', start);
    else if (op === '<=') add('t.created_at < ?', nextDay(day));
    else add('t.created_at >= ? AND t.created_at < ?', start, nextDay(day));
  }
  return { sql: where.length ? where.join(' AND ') : '1', params };
}

interface TicketRow {
  id: string;
  data: string;
  via: 'ticket' | 'message' | null;
  hit: number | null;
}

function searchTickets(s: Searcher, match: string | null, filters: TicketFilters, filtered: boolean, from: { subject: boolean; messages: boolean }, limit: number): SearchHit[] {
  const where = ticketFilterSql(filters, s.viewerId);
  let rows: TicketRow[];
  if (match === null) {
    rows = s.sql.all<TicketRow>({
      sql: `SELECT t.id, t.data, NULL AS via, NULL AS hit FROM tickets t WHERE ${where.sql} ORDER BY t.updated_at DESC, t.id LIMIT ?`,
      params: [...where.params, limit],
    });
  } else {
    const candidates = filtered ? FILTERED_CANDIDATES : CANDIDATES;
    const parts: string[] = [];
    const params: unknown[] = [];
    if (from.subject) {
      parts.push(`SELECT tk.rowid AS trow, h.score * ${SUBJECT_BOOST} AS score, 'ticket' AS via, h.rowid AS hit
        FROM (SELECT rowid, rank AS score FROM search_tickets WHERE search_tickets MATCH ? ORDER BY rank LIMIT ?) h JOIN tickets tk ON tk.rowid = h.rowid`);
      params.push(match, candidates);
    }
    if (from.messages) {
      parts.push(`SELECT tk.rowid AS trow, h.score AS score, 'message' AS via, h.rowid AS hit
        FROM (SELECT rowid, rank AS score FROM search_messages WHERE search_messages MATCH ? ORDER BY rank LIMIT ?) h
        JOIN messages m ON m.rowid = h.rowid JOIN tickets tk ON tk.id = m.ticket_id`);
      params.push(match, candidates);
    }
    // min(score) picks the best hit of each ticket; SQLite takes via and hit from that same row.
    rows = s.sql.all<TicketRow>({
      sql: `SELECT t.id, t.data, h.via, h.hit, min(h.score) AS score FROM (${parts.join(' UNION ALL ')}) h JOIN tickets t ON t.rowid = h.trow
        WHERE ${where.sql} GROUP BY t.rowid ORDER BY score, t.updated_at DESC LIMIT ?`,
      params: [...params, ...where.params, limit],
    });
  }
  return rows.map((row) => {
    const t = JSON.parse(row.data) as { id: string; number: number | null; subject: string; status: TicketStatus; priority: Priority; tags: string[]; updatedAt: string };
    let subject = t.subject;
    let snippet: string | null = null;
    if (match !== null) {
      const marked = s.sql.get1<{ subject: string; tags: string | null }>({
        sql: `SELECT highlight(search_tickets, 0, ?, ?) AS subject, highlight(search_tickets, 1, ?, ?) AS tags FROM search_tickets WHERE search_tickets MATCH ? AND rowid = (SELECT rowid FROM tickets WHERE id = ?)`,
        params: [MARK_OPEN, MARK_CLOSE, MARK_OPEN, MARK_CLOSE, match, t.id],
      });
      if (marked) {
        subject = marked.subject;
        if (marked.tags?.includes(MARK_OPEN) && !marked.subject.includes(MARK_OPEN)) snippet = `Tags: ${tagsText(marked.tags)}`;
      }
      if (row.via === 'message' && row.hit !== null) {
        snippet =
          s.sql.get1<{ snippet: string }>({
            sql: `SELECT snippet(search_messages, 0, ?, ?, '…', ${SNIPPET_TOKENS}) AS snippet FROM search_messages WHERE search_messages MATCH ? AND rowid = ?`,
            params: [MARK_OPEN, MARK_CLOSE, match, row.hit],
          })?.snippet ?? null;
      }
    }
    return { kind: 'ticket', id: t.id, number: t.number, subject, status: t.status, priority: t.priority, via: row.via ?? 'ticket', snippet, updatedAt: t.updatedAt };
  });
}

function searchContacts(s: Searcher, match: string, limit: number): SearchHit[] {
  return s.sql
    .all<{ id: string; name: string; email: string; accountName: string | null; ticketId: string | null }>({
      sql: `SELECT c.id, h.name, h.email, a.name AS accountName,
          (SELECT id FROM tickets WHERE requester_id = c.id ORDER BY created_at DESC LIMIT 1) AS ticketId
        FROM (SELECT rowid, rank, highlight(search_contacts, 0, ?, ?) AS name, highlight(search_contacts, 1, ?, ?) AS email
              FROM search_contacts WHERE search_contacts MATCH ? ORDER BY rank LIMIT ?) h
        JOIN contacts c ON c.rowid = h.rowid LEFT JOIN accounts a ON a.id = c.account_id ORDER BY h.rank`,
      params: [MARK_OPEN, MARK_CLOSE, MARK_OPEN, MARK_CLOSE, match, limit],
    })
    .map((r) => ({ kind: 'contact', ...r }));
}

function searchAccounts(s: Searcher, match: string, limit: number): SearchHit[] {
  return s.sql
    .all<{ id: string; name: string; domain: string | null; ticketId: string | null }>({
      sql: `SELECT a.id, h.name, h.domain, (SELECT id FROM tickets WHERE account_id = a.id ORDER BY created_at DESC LIMIT 1) AS ticketId
        FROM (SELECT rowid, rank, highlight(search_accounts, 0, ?, ?) AS name, highlight(search_accounts, 1, ?, ?) AS domain
              FROM search_accounts WHERE search_accounts MATCH ? ORDER BY rank LIMIT ?) h
        JOIN accounts a ON a.rowid = h.rowid ORDER BY h.rank`,
      params: [MARK_OPEN, MARK_CLOSE, MARK_OPEN, MARK_CLOSE, match, limit],
    })
    .map((r) => ({ kind: 'account', ...r }));
}

function searchArticles(s: Searcher, match: string, limit: number): SearchHit[] {
  return s.sql
    .all<{ id: string; title: string; snippet: string | null; status: Article['status'] }>({
      sql: `SELECT a.id, h.title, h.snippet, json_extract(a.data, '$.status') AS status
        FROM (SELECT rowid, rank, highlight(search_articles, 0, ?, ?) AS title, snippet(search_articles, 1, ?, ?, '…', ${SNIPPET_TOKENS}) AS snippet
              FROM search_articles WHERE search_articles MATCH ? ORDER BY rank LIMIT ?) h
        JOIN articles a ON a.rowid = h.rowid ORDER BY h.rank`,
      params: [MARK_OPEN, MARK_CLOSE, MARK_OPEN, MARK_CLOSE, match, limit],
    })
    .map((r) => ({ kind: 'article', ...r }));
}

/** A JSON array of tags (as indexed, with highlight markers inside) as a plain list. */
function tagsText(json: string): string {
  return json.replace(/^\[|\]$/g, '').replaceAll('","', ', ').replaceAll('"', '');
}

/** The article the reader panel shows. */
export function searchArticle(s: Pick<Searcher, 'sql'>, id: string): Article | null {
  const json = s.sql.get1<{ data: string }>({ sql: 'SELECT data FROM articles WHERE id = ?', params: [id] });
  return json ? (JSON.parse(json.data) as Article) : null;
}
