import { MARK_CLOSE, MARK_OPEN, type SearchTerm } from './search-query.ts';

/**
 * Highlights and snippets for search hits, made from the row's text and the parsed query. FTS5's
 * own highlight()/snippet() need the hit's row found again by rowid, which for a common word costs
 * a walk over its whole doclist (milliseconds per hit); this costs microseconds. Words compare as
 * the unicode61 tokenizer with remove_diacritics compares them: letters and digits, case and
 * accents folded.
 */

/** A word as the index sees it: lower case, without accents. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

interface Token {
  start: number;
  end: number;
  hit: boolean;
}

function tokens(text: string, terms: readonly SearchTerm[]): Token[] {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const term of terms) {
    if (term.negated) continue;
    term.tokens.forEach((t, i) => {
      const folded = foldWord(t);
      if (term.prefix && i === term.tokens.length - 1) prefixes.push(folded);
      else exact.add(folded);
    });
  }
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const word = foldWord(m[0]);
    out.push({ start: m.index, end: m.index + m[0].length, hit: exact.has(word) || prefixes.some((p) => word.startsWith(p)) });
  }
  return out;
}

function mark(text: string, toks: readonly Token[], from: number, to: number): string {
  let out = '';
  let at = from;
  for (const t of toks) {
    if (!t.hit || t.end <= from || t.start >= to) continue;
    out += `${text.slice(at, t.start)}${MARK_OPEN}${text.slice(t.start, t.end)}${MARK_CLOSE}`;
    at = t.end;
  }
  return out + text.slice(at, to);
}

/** Removes the marker characters a text may carry itself, so that only ours mean anything. */
function clean(text: string): string {
  return text.replace(/[\uE000\uE001]/g, '');
}

/** The whole text with the query's words marked. */
export function highlightText(text: string, terms: readonly SearchTerm[]): string {
  const plain = clean(text);
  return mark(plain, tokens(plain, terms), 0, plain.length);
}

/** Whether any of the query's words is in the text. */
export function hasHit(text: string, terms: readonly SearchTerm[]): boolean {
  return tokens(clean(text), terms).some((t) => t.hit);
}

/**
 * About `size` words around the first hit, marked, with "…" where the text goes on; white space
 * runs shown as one space. Null when no word of the query is in the text.
 */
export function snippetText(text: string, terms: readonly SearchTerm[], size = 14): string | null {
  const plain = clean(text).replace(/\s+/g, ' ').trim();
  const toks = tokens(plain, terms);
  const first = toks.findIndex((t) => t.hit);
  if (first < 0) return null;
  const from = Math.max(0, Math.min(first - Math.floor(size / 3), toks.length - size));
  const to = Math.min(toks.length, from + size) - 1;
  const start = from === 0 ? 0 : (toks[from] as Token).start;
  const end = to === toks.length - 1 ? plain.length : (toks[to] as Token).end;
  return `${start > 0 ? '…' : ''}${mark(plain, toks, start, end)}${end < plain.length ? '…' : ''}`;
}
