import { createRandom } from '../../server/demo/prng.ts';
import { SCENARIOS } from '../../server/demo/scenarios.ts';

const SYLLABLES = ['ka', 'lo', 'mi', 'ter', 'san', 'vo', 'rin', 'de', 'pla', 'cor', 'ux', 'en', 'sta', 'bri', 'fen', 'gal', 'hup', 'jo', 'qua', 'zed'];

/**
 * Words ranked for a Zipf draw: the demo conversations' own words, most frequent first, then a
 * long tail of made-up words (the rare terms a search benchmark needs: names, codes, jargon).
 */
export function vocabulary(size = 50_000): string[] {
  const counts = new Map<string, number>();
  for (const s of SCENARIOS) {
    for (const text of [...s.subjects, ...s.openings, ...s.firstReplies, ...s.followUps, ...s.notes, ...s.resolutions]) {
      for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const words = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([word]) => word);
  const seen = new Set(words);
  const random = createRandom(size);
  while (words.length < size) {
    const word = Array.from({ length: random.int(2, 4) }, () => random.pick(SYLLABLES)).join('');
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  return words;
}
