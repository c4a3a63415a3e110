/**
 * The search box's query language, parsed into a small AST and then into an FTS5 MATCH string the
 * engine can pass as a parameter. User text never reaches MATCH as is: every word is reduced to its
 * letter and digit runs (what the unicode61 tokenizer indexes) and written as a quoted phrase, so no
 * FTS5 operator, column filter or quote can come from the agent.
 *
 *   export fails          both words (AND)
 *   "export fails"        the phrase
 *   expo*                 words starting with "expo" (as the agent types, the last word is a prefix too)
 *   -refund               without the word
 *   status:open,pending priority:urgent assignee:me|<name> team:<name> tag:vip account:acme
 *   requester:<name or email> kind:ticket|message|contact|account|article is:unassigned
 *   created:>2026-10-01 (also >=, <, <= or a day)
 *
 * A query that cannot be searched (unbalanced quote, unknown filter, only operators, too long) is
 * `{ ok: false, hint }`: the caller answers with no results and shows the hint. Never throws.
 */

export const SEARCH_KINDS = ['ticket', 'message', 'contact', 'account', 'article'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

const STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
type Status = (typeof STATUSES)[number];
const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
type PriorityName = (typeof PRIORITIES)[number];

/** Longest query text searched; a longer one is refused with a hint. */
export const MAX_QUERY_LENGTH = 500;
/** Most words and phrases in one query. */
export const MAX_TERMS = 12;

export interface SearchTerm {
  /** Letter and digit runs, in order: one for a plain word, several for a phrase or "e-mail". */
  tokens: string[];
  prefix: boolean;
  negated: boolean;
}

export type CreatedBound = { op: '>' | '>=' | '<' | '<=' | '='; day: string };

/** Filters on tickets; names (team, account, ...) are matched by the engine, as prefixes, case-insensitively. */
export interface TicketFilters {
  statuses: Status[] | null;
  priorities: PriorityName[] | null;
  /** 'me', or an agent's name or email (prefix). */
  assignee: string | null;
  unassigned: boolean;
  team: string | null;
  tags: string[];
  account: string | null;
  requester: string | null;
  created: CreatedBound[];
}

export type ParsedSearch =
  | {
      ok: true;
      terms: SearchTerm[];
      filters: TicketFilters;
      /** True when any ticket filter is set: only tickets are searched then. */
      filtered: boolean;
      /** The kinds `kind:` asked for; null for all. */
      kinds: SearchKind[] | null;
      /** The FTS5 MATCH expression; null when the query has filters only, or is empty. */
      match: string | null;
    }
  | { ok: false; hint: string };

export const FILTER_NAMES = ['status', 'priority', 'assignee', 'team', 'tag', 'account', 'requester', 'kind', 'is', 'created'] as const;
type FilterName = (typeof FILTER_NAMES)[number];

/** Shown under the search box. */
export const SEARCH_HELP = 'Filters: status:open priority:urgent assignee:me team:<name> tag:vip account:acme requester:<name> kind:ticket is:unassigned created:>2026-10-01 · "a phrase" · -exclude · prefix*';

const KIND_WORDS: Record<string, SearchKind> = Object.fromEntries(SEARCH_KINDS.flatMap((k) => [[k, k], [`${k}s`, k]]));

function emptyFilters(): TicketFilters {
  return { statuses: null, priorities: null, assignee: null, unassigned: false, team: null, tags: [], account: null, requester: null, created: [] };
}

/** Letter and digit runs (unicode61's token characters, less the private-use ones the snippets mark with). */
export function wordTokens(text: string): string[] {
  return text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

class Refused extends Error {}
const refuse = (hint: string): never => {
  throw new Refused(hint);
};

interface RawToken {
  negated: boolean;
  /** A filter name when written `name:value`. */
  filter: string | null;
  value: string;
  quoted: boolean;
  /** Ended by the end of the text (not by a space): the word the agent is still typing. */
  atEnd: boolean;
}

/** Splits the text into words, "phrases" and name:value filters (values may be quoted). */
function scan(text: string): RawToken[] {
  const out: RawToken[] = [];
  let i = 0;
  const n = text.length;
  const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c);
  const readQuoted = (): string => {
    const close = text.indexOf('"', i + 1);
    if (close < 0) refuse('Close the quote (") to search for a phrase.');
    const value = text.slice(i + 1, close);
    i = close + 1;
    return value;
  };
  while (i < n) {
    if (isSpace(text[i])) {
      i++;
      continue;
    }
    let negated = false;
    if (text[i] === '-' && i + 1 < n && !isSpace(text[i + 1])) {
      negated = true;
      i++;
    }
    if (text[i] === '"') {
      const value = readQuoted();
      out.push({ negated, filter: null, value, quoted: true, atEnd: false });
      continue;
    }
    const start = i;
    while (i < n && !isSpace(text[i]) && text[i] !== '"') {
      if (text[i] === ':' && /^[a-z]+$/i.test(text.slice(start, i))) break;
      i++;
    }
    if (text[i] === ':') {
      const filter = text.slice(start, i).toLowerCase();
      i++;
      if (text[i] === '"') {
        const value = readQuoted();
        out.push({ negated, filter, value, quoted: true, atEnd: false });
        continue;
      }
      const from = i;
      while (i < n && !isSpace(text[i])) i++;
      out.push({ negated, filter, value: text.slice(from, i), quoted: false, atEnd: i >= n });
      continue;
    }
    out.push({ negated, filter: null, value: text.slice(start, i), quoted: false, atEnd: i >= n });
  }
  return out;
}

function oneOf<T extends string>(name: string, value: string, allowed: readonly T[], extra: Record<string, readonly T[]> = {}): T[] {
  const out: T[] = [];
  for (const v of value.toLowerCase().split(',')) {
    if (v === '') continue;
    const expanded = extra[v] ?? (allowed.includes(v as T) ? [v as T] : refuse(`${name}: takes ${[...allowed, ...Object.keys(extra)].join(', ')}.`));
    out.push(...expanded);
  }
  if (out.length === 0) refuse(`${name}: needs a value.`);
  return [...new Set(out)];
}

function createdBound(value: string): CreatedBound {
  const m = /^(>=|<=|>|<|=)?(\d{4}-\d{2}-\d{2})$/.exec(value);
  const day = m?.[2];
  if (!m || day === undefined || Number.isNaN(Date.parse(`${day}T00:00:00Z`)) || new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) !== day) {
    return refuse('created: takes a day such as created:>2026-10-01 (also >=, <, <=).');
  }
  return { op: (m[1] ?? '=') as CreatedBound['op'], day };
}

function applyFilter(filters: TicketFilters, kinds: SearchKind[] | null, token: RawToken): SearchKind[] | null {
  const name = token.filter as string;
  if (!(FILTER_NAMES as readonly string[]).includes(name)) {
    return refuse(`Unknown filter "${name.slice(0, 30)}:". Filters: ${FILTER_NAMES.map((f) => `${f}:`).join(' ')}`);
  }
  if (token.negated) refuse(`Filters cannot be excluded: remove the "-" before ${name}:.`);
  const value = token.value.trim();
  if (value === '') refuse(`${name}: needs a value, e.g. ${name === 'created' ? 'created:>2026-10-01' : `${name}:…`}.`);
  switch (name as FilterName) {
    case 'status':
      filters.statuses = oneOf('status', value, STATUSES, { unsolved: ['new', 'open', 'pending', 'on_hold'] });
      break;
    case 'priority':
      filters.priorities = oneOf('priority', value, PRIORITIES);
      break;
    case 'assignee':
      if (value.toLowerCase() === 'none') filters.unassigned = true;
      else filters.assignee = value.toLowerCase() === 'me' ? 'me' : value;
      break;
    case 'team':
      filters.team = value;
      break;
    case 'tag':
      filters.tags.push(value.toLowerCase());
      break;
    case 'account':
      filters.account = value;
      break;
    case 'requester':
      filters.requester = value;
      break;
    case 'kind':
      return [...new Set([...(kinds ?? []), ...oneOf('kind', value, SEARCH_KINDS, Object.fromEntries(SEARCH_KINDS.map((k) => [`${k}s`, [k]])))])];
    case 'is': {
      const v = value.toLowerCase();
      if (v === 'unassigned') filters.unassigned = true;
      else if (v === 'mine' || v === 'assigned_to_me') filters.assignee = 'me';
      else if (KIND_WORDS[v]) return [...new Set([...(kinds ?? []), KIND_WORDS[v]])];
      else refuse('is: takes unassigned or mine.');
      break;
    }
    case 'created':
      filters.created.push(createdBound(value));
      break;
  }
  return kinds;
}

/** A phrase of word tokens as FTS5 reads it: only letters and digits between the quotes. */
function phrase(term: SearchTerm): string {
  return `"${term.tokens.join(' ')}"${term.prefix ? '*' : ''}`;
}

export interface ParseOptions {
  /** The agent is typing: a last word not followed by a space is a prefix (default true). */
  asYouType?: boolean;
}

export function parseSearch(text: string, opts: ParseOptions = {}): ParsedSearch {
  try {
    if (typeof text !== 'string') return { ok: false, hint: 'Type something to search for.' };
    if (text.length > MAX_QUERY_LENGTH) return { ok: false, hint: `That is too long to search for (${MAX_QUERY_LENGTH} characters at most).` };
    const asYouType = opts.asYouType ?? true;
    const filters = emptyFilters();
    let kinds: SearchKind[] | null = null;
    const terms: SearchTerm[] = [];
    let operatorsOnly = false;
    for (const token of scan(text)) {
      if (token.filter !== null) {
        kinds = applyFilter(filters, kinds, token);
        continue;
      }
      let raw = token.value;
      let prefix = false;
      if (!token.quoted && raw.endsWith('*')) {
        prefix = true;
        raw = raw.replace(/\*+$/, '');
      }
      const tokens = wordTokens(raw).map((t) => t.toLowerCase());
      if (tokens.length === 0) {
        operatorsOnly = true;
        continue;
      }
      const last = tokens[tokens.length - 1] as string;
      // As-you-type prefixes need two characters: a one-letter prefix would match most of the index.
      if (!token.quoted && !prefix && asYouType && token.atEnd && !token.negated && last.length >= 2) prefix = true;
      terms.push({ tokens, prefix, negated: token.negated });
    }
    if (terms.length > MAX_TERMS) return { ok: false, hint: `Too many words: search for at most ${MAX_TERMS}.` };
    const filtered =
      filters.statuses !== null ||
      filters.priorities !== null ||
      filters.assignee !== null ||
      filters.unassigned ||
      filters.team !== null ||
      filters.tags.length > 0 ||
      filters.account !== null ||
      filters.requester !== null ||
      filters.created.length > 0;
    const positive = terms.filter((t) => !t.negated);
    const negative = terms.filter((t) => t.negated);
    if (positive.length === 0 && negative.length > 0) return { ok: false, hint: 'Add a word to search for: "-word" only leaves results out.' };
    if (positive.length === 0 && !filtered && kinds === null) {
      return { ok: false, hint: operatorsOnly ? 'Search for words or numbers; punctuation alone finds nothing.' : 'Type something to search for.' };
    }
    const match =
      positive.length === 0 ? null : [`(${positive.map(phrase).join(' ')})`, ...negative.map((t) => `NOT ${phrase({ ...t, prefix: t.prefix })}`)].join(' ');
    return { ok: true, terms, filters, filtered, kinds, match };
  } catch (err) {
    if (err instanceof Refused) return { ok: false, hint: err.message };
    return { ok: false, hint: 'That search could not be read; try fewer symbols.' };
  }
}

/** Private-use characters that open and close a highlighted span in snippets (never HTML). */
export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';

/** Splits marked text into plain and highlighted parts; stray or unbalanced markers are dropped. */
export function splitMarks(text: string): { text: string; mark: boolean }[] {
  const parts: { text: string; mark: boolean }[] = [];
  let mark = false;
  let current = '';
  for (const ch of text) {
    if (ch === MARK_OPEN || ch === MARK_CLOSE) {
      if (current) parts.push({ text: current, mark });
      current = '';
      mark = ch === MARK_OPEN;
      continue;
    }
    current += ch;
  }
  if (current) parts.push({ text: current, mark });
  return parts;
}
