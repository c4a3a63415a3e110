import { describe, expect, it } from 'vitest';
import { hasHit, highlightText, snippetText } from '../../../shared/rules/search-highlight.ts';
import { MARK_CLOSE as C, MARK_OPEN as O, parseSearch, type SearchTerm } from '../../../shared/rules/search-query.ts';

const terms = (text: string): SearchTerm[] => {
  const parsed = parseSearch(text);
  if (!parsed.ok) throw new Error(parsed.hint);
  return parsed.terms;
};

describe('search highlights', () => {
  it('marks whole words, folding case and accents both ways, and the prefix being typed', () => {
    expect(highlightText('Export fails at the Café; exports too', terms('export cafe '))).toBe(`${O}Export${C} fails at the ${O}Café${C}; exports too`);
    expect(highlightText('cafe and CAFÉ', terms('café '))).toBe(`${O}cafe${C} and ${O}CAFÉ${C}`);
    expect(highlightText('Exporting exports', terms('expo'))).toBe(`${O}Exporting${C} ${O}exports${C}`);
    // Excluded words are not marked; markers already in the text mean nothing.
    expect(highlightText(`export ${O}timeout`, terms('export -timeout'))).toBe(`${O}export${C} timeout`);
    expect(hasHit('nothing here', terms('export '))).toBe(false);
  });

  it('cuts a snippet around the first hit, with ellipses where the text goes on', () => {
    const body = `${Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ')} export ${Array.from({ length: 30 }, (_, i) => `v${i}`).join('\n')}`;
    const snippet = snippetText(body, terms('export '), 10) as string;
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain(`${O}export${C}`);
    expect(snippet.replace(/[…\uE000\uE001]/g, '').trim().split(' ')).toHaveLength(10);
    expect(snippetText('short export note', terms('export '))).toBe(`short ${O}export${C} note`);
    expect(snippetText('no match', terms('export '))).toBeNull();
  });
});
