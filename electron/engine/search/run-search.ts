import type { SearchHit, SearchResults } from '../../../shared/ipc/features/search.ts';
import type { Account, Article, Contact, Priority, TicketStatus } from '../../../shared/model/index.ts';
import { hasHit, highlightText, snippetText } from '../../../shared/rules/search-highlight.ts';
import { parseSearch, type SearchKind, type SearchTerm, type TicketFilters } from '../../../shared/rules/search-query.ts';
import { log } from '../log.ts';
import type { Db } from '../replica/open-replica.ts';
import type { StatementCache } from '../replica/statement-cache.ts';
import { searchIndexPending } from './search-index.ts';
import { searchTables, type SearchedKind } from './search-tables.ts';

/** A subject (or tag, number) hit counts this much more than a body hit of the same bm25. */
const SUBJECT_BOOST = 3;
/**
 * A common word can be in half the messages (27k of 65k demo messages hold "solved"), and bm25
 * over all of them costs far more than the 30 ms budget. So each index is ranked over a window:
 * its WINDOW newest matches (highest rowid: the latest rows to arrive), which FTS5 walks backwards
 * cheaply. A filtered search takes a wider window, since the filter then drops many of them. Rare
 * words, the usual case, have fewer matches than the window: all of them are ranked.
 */
const WINDOW = 300;
/**
 * A filtered search walks a wider window without bm25 (which alone would cost ~10 µs a hit): the
 * filter drops most hits, and what it leaves is shown subject hits first, then most recently
 * updated first.
 */
const FILTERED_WINDOW = 1000;
/** Words of context around a snippet's match. */
const SNIPPET_WORDS = 16;

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
      push('ticket', searchTickets(s, match, parsed.terms, parsed.filters, parsed.filtered, { subject: kinds.has('ticket'), messages: kinds.has('message') || kinds.has('ticket') }, limit));
    }
    if (match !== null) {
      if (kinds.has('contact')) push('contact', searchContacts(s, match, parsed.terms, limit));
      if (kinds.has('account')) push('account', searchAccounts(s, match, parsed.terms, limit));
      if (kinds.has('article')) push('article', searchArticles(s, match, parsed.terms, limit));
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

function searchTickets(s: Searcher, match: string | null, terms: SearchTerm[], filters: TicketFilters, filtered: boolean, from: { subject: boolean; messages: boolean }, limit: number): SearchHit[] {
  const where = ticketFilterSql(filters, s.viewerId);
  let rows: TicketRow[];
  if (match === null) {
    rows = s.sql.all<TicketRow>({
      sql: `SELECT t.id, t.data, NULL AS via, NULL AS hit FROM tickets t WHERE ${where.sql} ORDER BY t.updated_at DESC, t.id LIMIT ?`,
      params: [...where.params, limit],
    });
  } else {
    const window = filtered ? FILTERED_WINDOW : WINDOW;
    // Each index on its own, grouped by ticket (min() picks the best hit; SQLite takes `hit` from
    // that same row); then the best hit per ticket across both.
    const best = new Map<number, { score: number; via: 'ticket' | 'message'; hit: number }>();
    const take = (via: 'ticket' | 'message', hits: { trow: number; score: number; hit: number }[]) => {
      for (const h of hits) {
        const seen = best.get(h.trow);
        if (!seen || h.score < seen.score) best.set(h.trow, { score: h.score, via, hit: h.hit });
      }
    };
    if (from.subject) {
      take(
        'ticket',
        s.sql.all({
          sql: `SELECT t.rowid AS trow, min(h.score) * ${SUBJECT_BOOST} AS score, h.hit FROM (${windowSql('ticket', !filtered)}) h JOIN tickets t ON t.rowid = h.hit
            GROUP BY t.rowid HAVING ${where.sql} ORDER BY score LIMIT ?`,
          params: [match, window, ...where.params, limit],
        }),
      );
    }
    if (from.messages) {
      take(
        'message',
        s.sql.all({
          sql: `SELECT t.rowid AS trow, min(h.score) AS score, h.hit FROM (${windowSql('message', !filtered)}) h
            JOIN messages m ON m.rowid = h.hit JOIN tickets t ON t.id = m.ticket_id
            GROUP BY t.rowid HAVING ${where.sql} ORDER BY score LIMIT ?`,
          params: [match, window, ...where.params, limit],
        }),
      );
    }
    const data = s.sql.get('SELECT id, data, updated_at AS updatedAt FROM tickets WHERE rowid = ?');
    const found = [...best.entries()].map(([trow, h]) => ({ ...(data.get(trow) as { id: string; data: string; updatedAt: string }), ...h }));
    if (filtered) found.sort((a, b) => (a.via === b.via ? (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0) : a.via === 'ticket' ? -1 : 1));
    else found.sort((a, b) => a.score - b.score);
    rows = found.slice(0, limit);
  }
  const body = s.sql.get('SELECT json_extract(data, \'$.body\') FROM messages WHERE rowid = ?').pluck();
  return rows.map((row) => {
    const t = JSON.parse(row.data) as { id: string; number: number | null; subject: string; status: TicketStatus; priority: Priority; tags: string[]; updatedAt: string };
    let snippet: string | null = null;
    if (terms.length > 0) {
      if (row.via === 'message' && row.hit !== null) snippet = snippetText(String(body.get(row.hit) ?? ''), terms, SNIPPET_WORDS);
      else if (!hasHit(t.subject, terms) && hasHit(t.tags.join(' '), terms)) snippet = `Tags: ${highlightText(t.tags.join(', '), terms)}`;
    }
    const subject = terms.length > 0 ? highlightText(t.subject, terms) : t.subject;
    return { kind: 'ticket', id: t.id, number: t.number, subject, status: t.status, priority: t.priority, via: row.via ?? 'ticket', snippet, updatedAt: t.updatedAt };
  });
}

/**
 * The window of an index: its newest matches, with their bm25 score (lower is better), or when not
 * `ranked` minus the rowid (newest first, at no cost). Params: match, window size.
 */
function windowSql(kind: SearchedKind, ranked = true): string {
  const { fts, weights } = searchTables[kind];
  const score = ranked ? `bm25(${fts}, ${weights.map((w) => w.toFixed(1)).join(', ')})` : '-rowid';
  return `SELECT rowid AS hit, ${score} AS score FROM ${fts} WHERE ${fts} MATCH ? ORDER BY rowid DESC LIMIT ?`;
}

/** The best `limit` rows of an index's window, as (rowid, data). */
function bestOf(s: Searcher, kind: SearchedKind, match: string, limit: number): { data: string; extra: string | null }[] {
  const { table } = searchTables[kind];
  const extra = kind === 'contact' ? `(SELECT name FROM accounts WHERE id = r.account_id)` : 'NULL';
  return s.sql.all({
    sql: `SELECT r.data, ${extra} AS extra FROM (${windowSql(kind)}) h JOIN ${table} r ON r.rowid = h.hit ORDER BY h.score LIMIT ?`,
    params: [match, WINDOW, limit],
  });
}

function latestTicket(s: Searcher, column: 'requester_id' | 'account_id', id: string): string | null {
  return s.sql.get1<{ id: string }>({ sql: `SELECT id FROM tickets WHERE ${column} = ? ORDER BY created_at DESC LIMIT 1`, params: [id] })?.id ?? null;
}

function searchContacts(s: Searcher, match: string, terms: SearchTerm[], limit: number): SearchHit[] {
  return bestOf(s, 'contact', match, limit).map(({ data, extra }) => {
    const c = JSON.parse(data) as Contact;
    return { kind: 'contact', id: c.id, name: highlightText(c.name, terms), email: highlightText(c.email, terms), accountName: extra, ticketId: latestTicket(s, 'requester_id', c.id) };
  });
}

function searchAccounts(s: Searcher, match: string, terms: SearchTerm[], limit: number): SearchHit[] {
  return bestOf(s, 'account', match, limit).map(({ data }) => {
    const a = JSON.parse(data) as Account;
    return { kind: 'account', id: a.id, name: highlightText(a.name, terms), domain: a.domain === null ? null : highlightText(a.domain, terms), ticketId: latestTicket(s, 'account_id', a.id) };
  });
}

function searchArticles(s: Searcher, match: string, terms: SearchTerm[], limit: number): SearchHit[] {
  return bestOf(s, 'article', match, limit).map(({ data }) => {
    const a = JSON.parse(data) as Article;
    return { kind: 'article', id: a.id, title: highlightText(a.title, terms), snippet: snippetText(a.body, terms, SNIPPET_WORDS), status: a.status };
  });
}

/** The article the reader panel shows. */
export function searchArticle(s: Pick<Searcher, 'sql'>, id: string): Article | null {
  const json = s.sql.get1<{ data: string }>({ sql: 'SELECT data FROM articles WHERE id = ?', params: [id] });
  return json ? (JSON.parse(json.data) as Article) : null;
}
