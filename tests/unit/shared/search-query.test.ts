import { describe, expect, it } from 'vitest';
import { MARK_CLOSE, MARK_OPEN, MAX_QUERY_LENGTH, parseSearch, splitMarks, type ParsedSearch } from '../../../shared/rules/search-query.ts';

const ok = (text: string, asYouType = true) => {
  const parsed = parseSearch(text, { asYouType });
  if (!parsed.ok) throw new Error(`expected ${text} to parse: ${parsed.hint}`);
  return parsed;
};
const hint = (text: string): string => {
  const parsed: ParsedSearch = parseSearch(text);
  if (parsed.ok) throw new Error(`expected ${text} to be refused`);
  return parsed.hint;
};

describe('the search query language', () => {
  it('turns words into quoted FTS5 phrases, ANDed, the word being typed a prefix', () => {
    expect(ok('export fails').match).toBe('("export" "fails"*)');
    expect(ok('export fails ').match).toBe('("export" "fails")');
    expect(ok('export fails', false).match).toBe('("export" "fails")');
    // One letter being typed is a whole word: a one-letter prefix would match half the index.
    expect(ok('export f').match).toBe('("export" "f")');
    expect(ok('expo* fails ').match).toBe('("expo"* "fails")');
  });

  it('reads phrases, exclusions and words with punctuation', () => {
    expect(ok('"export fails" now ').match).toBe('("export fails" "now")');
    expect(ok('export -timeout -"time out" ').match).toBe('("export") NOT "timeout" NOT "time out"');
    expect(ok('e-mail ').match).toBe('("e mail")');
    expect(ok('Café ').terms[0]?.tokens).toEqual(['café']);
    // FTS5 syntax is not passed through: operators and column filters are words or nothing.
    expect(ok('a OR b NEAR(c) ^d ').match).toBe('("a" "or" "b" "near c" "d")');
    expect(ok('10:30 ').match).toBe('("10 30")');
  });

  it('reads the filters', () => {
    const parsed = ok('status:open,pending priority:urgent assignee:me team:"Tier 2" tag:VIP account:acme requester:carla@x.example is:unassigned created:>2026-10-01 created:<=2026-10-31 refund');
    expect(parsed.filters).toEqual({
      statuses: ['open', 'pending'],
      priorities: ['urgent'],
      assignee: 'me',
      unassigned: true,
      team: 'Tier 2',
      tags: ['vip'],
      account: 'acme',
      requester: 'carla@x.example',
      created: [
        { op: '>', day: '2026-10-01' },
        { op: '<=', day: '2026-10-31' },
      ],
    });
    expect(parsed).toMatchObject({ filtered: true, kinds: null, match: '("refund"*)' });
    expect(ok('status:unsolved').filters.statuses).toEqual(['new', 'open', 'pending', 'on_hold']);
    expect(ok('kind:contacts,article acme').kinds).toEqual(['contact', 'article']);
    // Filters alone are a query (the newest matching tickets).
    expect(ok('tag:vip')).toMatchObject({ match: null, filtered: true });
    expect(ok('assignee:Bea').filters.assignee).toBe('Bea');
  });

  it('refuses what it cannot search with a hint, never an exception', () => {
    expect(hint('"export fails')).toMatch(/quote/);
    expect(hint('colour:red')).toMatch(/Unknown filter "colour:"/);
    expect(hint('status:sleeping')).toMatch(/status: takes new, open/);
    expect(hint('priority:')).toMatch(/needs a value/);
    expect(hint('created:yesterday')).toMatch(/created:>2026-10-01/);
    expect(hint('created:2026-02-30')).toMatch(/created:/);
    expect(hint('-refund')).toMatch(/Add a word/);
    expect(hint('-status:open x')).toMatch(/cannot be excluded/);
    expect(hint('*** ?? ()')).toMatch(/punctuation/);
    expect(hint('')).toMatch(/Type something/);
    expect(hint('   ')).toMatch(/Type something/);
    expect(hint('x'.repeat(10_000))).toMatch(new RegExp(`${MAX_QUERY_LENGTH} characters`));
    expect(hint(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))).toMatch(/Too many words/);
    // Odd Unicode: bidi overrides, zero-width spaces, lone surrogates, private-use markers, emoji.
    expect(hint('\u202e\u200b\ud800 \uE000\uE001 🙂')).toEqual(expect.any(String));
    expect(parseSearch(null as unknown as string)).toMatchObject({ ok: false });
  });

  it('survives random input', () => {
    const alphabet = ['a', 'é', ' ', '"', '-', '*', ':', 'status', 'kind', '(', ')', '\\', "'", '\u0301', '🙂', '\uE000', 'NOT', '\n'];
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: next() % 12 }, () => alphabet[next() % alphabet.length]).join('');
      const parsed = parseSearch(text);
      if (parsed.ok && parsed.match !== null) expect(parsed.match).toMatch(/^\((?:"[\p{L}\p{N} ]+"\*? ?)+\)(?: NOT "[\p{L}\p{N} ]+"\*?)*$/u);
      if (!parsed.ok) expect(parsed.hint.length).toBeGreaterThan(0);
    }
  });

  it('splits highlighted text into marked parts, dropping stray markers', () => {
    expect(splitMarks(`the ${MARK_OPEN}export${MARK_CLOSE} fails`)).toEqual([
      { text: 'the ', mark: false },
      { text: 'export', mark: true },
      { text: ' fails', mark: false },
    ]);
    expect(splitMarks(`${MARK_CLOSE}a${MARK_OPEN}`)).toEqual([{ text: 'a', mark: false }]);
    expect(splitMarks('<b>x</b>')).toEqual([{ text: '<b>x</b>', mark: false }]);
  });
});
